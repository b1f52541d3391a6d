/**
 * UTF-8 bytes to text in pieces cut where characters end, each decoded whole; the bytes of a
 * character cut off at a chunk's end are kept for the next chunk. The pieces are cut so that
 * the engine's fast paths apply (each measured on the bench machine):
 * - at most {@link DECODE_PIECE} bytes: a longer string goes to V8's large-object space, fresh
 *   memory for every chunk (decoding 256 KiB chunks at once was ten times slower in Node);
 * - runs of ASCII lines apart from lines with other characters: text that is all ASCII decodes
 *   to a one-byte string, which Chromium's TextDecoder makes much faster than a two-byte one,
 *   and which every later step (split, slice, patterns) reads faster too. A file with a few
 *   Vietnamese comments is then mostly one-byte text, where one comment in a piece made it all
 *   two-byte before;
 * - decoded whole, not with `stream` (which Node's TextDecoder answers with its slow path).
 * The text is the same as one streaming TextDecoder gives, replacement characters included:
 * a piece ends after a line feed or before a character, where a decoder has nothing pending.
 */

/** Most bytes decoded at a time. */
export const DECODE_PIECE = 32 * 1024;

const LF = 10;

/**
 * How many of the bytes hold whole characters: all of them, unless the last bytes begin a
 * character whose other bytes are still to come. Only the last four bytes are looked at.
 */
export function wholeCharacterBytes(bytes: Uint8Array): number {
  const end = bytes.length;
  let start = end - 1;
  // Back over at most three continuation bytes (10xxxxxx) to where the last character starts.
  while (start >= 0 && end - start < 4 && (bytes[start]! & 0xc0) === 0x80) start--;
  if (start < 0) return end;
  const lead = bytes[start]!;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return length > end - start ? start : end;
}

/** The first byte from `start` to `end` that is not ASCII, or `end`. */
function firstNonAscii(bytes: Uint8Array, start: number, end: number): number {
  // Every byte is looked at: four at a time where the buffer allows (most of the way).
  let i = start;
  while (i < end && ((bytes.byteOffset + i) & 3) !== 0) {
    if (bytes[i]! >= 0x80) return i;
    i++;
  }
  if (end - i >= 16) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (end - i) >> 2);
    let w = 0;
    while (w < words.length && (words[w]! & 0x80808080) === 0) w++;
    i += w << 2;
  }
  for (; i < end; i++) if (bytes[i]! >= 0x80) return i;
  return end;
}

/**
 * Fewest bytes of ASCII lines worth a piece of their own: each piece costs a decoder call and a
 * parser step, so where lines with other characters come every line or two (as in a file of
 * comments), the lines stay together in mixed pieces, as many as fit.
 */
export const ASCII_RUN = 1024;

/** Where the line that holds `at` starts (it starts at `start` at the earliest). */
function lineStart(bytes: Uint8Array, start: number, at: number): number {
  return at === start ? start : Math.max(start, bytes.lastIndexOf(LF, at - 1) + 1);
}

/**
 * Where the piece from `start` should end, at most at `end`: after a run of ASCII lines of at
 * least ASCII_RUN bytes, or else before the next such run (a mixed piece). `inWideLine` says
 * that `start` is inside a line with other characters.
 */
export function pieceEnd(bytes: Uint8Array, start: number, end: number, inWideLine: boolean): number {
  let wide = inWideLine ? start : firstNonAscii(bytes, start, end);
  if (wide === end) return end;
  const first = lineStart(bytes, start, wide);
  if (first - start >= ASCII_RUN) return first;
  for (;;) {
    const lineEnd = bytes.indexOf(LF, wide);
    if (lineEnd < 0 || lineEnd + 1 >= end) return end;
    wide = firstNonAscii(bytes, lineEnd + 1, end);
    if (wide === end) return end - (lineEnd + 1) >= ASCII_RUN ? lineEnd + 1 : end;
    if (lineStart(bytes, lineEnd + 1, wide) - (lineEnd + 1) >= ASCII_RUN) return lineEnd + 1;
  }
}

export class Utf8PieceDecoder {
  // ignoreBOM: each decode() starts afresh and would drop a U+FEFF at the start of any piece;
  // the byte order mark at the start of the stream is dropped here instead, as TextDecoder does.
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** The bytes of a character cut at the end of the last chunk, then the rest of its line. */
  private readonly scratch = new Uint8Array(DECODE_PIECE + 3);
  /** Bytes of a cut character at the start of `scratch`. */
  private carried = 0;

  /** @param atStart The bytes start a file: drop a byte order mark at their start (default true). */
  constructor(private atStart = true) {}

  /** Decodes `bytes`, giving `take` the text of each piece (possibly empty). */
  decode(bytes: Uint8Array, take: (text: string) => void): void {
    for (let start = 0; start < bytes.length; ) {
      // Carried bytes begin a character beyond ASCII: its line is a piece of its own.
      const end = pieceEnd(bytes, start, Math.min(bytes.length, start + DECODE_PIECE - this.carried), this.carried > 0);
      let piece = bytes.subarray(start, end);
      if (this.carried > 0) {
        this.scratch.set(piece, this.carried);
        piece = this.scratch.subarray(0, this.carried + piece.length);
      }
      const whole = wholeCharacterBytes(piece);
      take(this.text(this.decoder.decode(piece.subarray(0, whole))));
      // At most three bytes (`set` copies right when they are in `scratch` already).
      this.scratch.set(piece.subarray(whole), 0);
      this.carried = piece.length - whole;
      start = end;
    }
  }

  /** The end of the bytes: a character still cut becomes U+FFFD, as in TextDecoder. */
  end(): string {
    const text = this.carried > 0 ? this.decoder.decode(this.scratch.subarray(0, this.carried)) : '';
    this.carried = 0;
    return this.text(text);
  }

  private text(text: string): string {
    if (!this.atStart || text === '') return text;
    this.atStart = false;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}
