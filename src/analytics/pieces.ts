/**
 * Cutting a file of records into pieces that can be read apart (in several workers, while the
 * file still downloads), and putting what each piece gave back together as if the file had been
 * read in one go. Only CSV and NDJSON are cut; a JSON array is one piece.
 *
 * A CSV piece after the first gets a copy of the header row in front, so that it reads as a
 * file of its own. Pieces end after a line feed that is not inside a quoted field: the cutter
 * follows the quotes as the CSV reader does (a quote opens a field only at its start, a closing
 * quote is followed by a separator or a line break); at the first quote that does not fit
 * (a quote inside an unquoted field, text after a closing quote) it stops cutting, and the rest
 * of the file is one piece, read as the whole file would be. The bytes are searched with
 * `indexOf` (a native loop), never looked at one by one in script.
 */
import { MAX_CSV_ROW } from './csv.js';
import { parseRecords, type ParseError } from './parse.js';

/** The formats that are cut; any other is read whole. */
export type PieceFormat = 'csv' | 'ndjson';

/** The most errors a combined answer lists (as the worker's `done` message). */
export const LISTED_PIECE_ERRORS = 1000;

/** A piece of a file, ready to be read on its own. */
export interface Piece {
  /** 0 for the first piece, then 1, 2, … in file order. */
  seq: number;
  /**
   * The bytes to read, in order, each on an ArrayBuffer of its own (so that each buffer can be
   * transferred to a worker without touching another piece's bytes).
   */
  chunks: Uint8Array[];
  /** True when `chunks[0]` is the copy of the CSV header row put in front (not file bytes). */
  header: boolean;
  /** Bytes of the file in the piece (the header copy not counted). */
  bytes: number;
  /**
   * The line number to give the piece's first line so that its own first line is line 1: 0 when
   * the header row is in front, else 1. {@link combinePieces} adds the lines of the pieces before.
   */
  firstLine: number;
}

/** What reading one piece gave (the worker's answer to a piece). */
export interface PieceResult {
  seq: number;
  /** Valid records read. */
  records: number;
  /** The piece's first errors, numbered from its own first line (line 1). */
  errors: ParseError[];
  /** All of the piece's errors. */
  errorCount: number;
  /**
   * The line number after the piece's last line break. With the cutter's `firstLine` (the
   * piece's own first line is line 1), one more than the piece's own lines.
   */
  nextLine: number;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Cuts bytes given in chunks of any size into pieces of at least `pieceSize` bytes (the last
 * may be smaller), each ending at a row boundary. Feed it with {@link push}, finish with
 * {@link end}. A chunk handed over becomes the cutter's (it may end up transferred).
 */
export class PieceCutter {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private seq = 0;
  /** File bytes seen before the current chunk. */
  private offset = 0;
  /** The first three bytes of the file (a byte order mark?). */
  private readonly start: number[] = [];
  /** CSV: the header row (no byte order mark, its line break included) once found and checked. */
  private header: Uint8Array | null = null;
  /** CSV: where the header row ends in the file. */
  private headerEnd = 0;
  /** False once a cut could split a row: the rest of the file is one piece. */
  private cutting = true;
  /** CSV: inside a quoted field. */
  private quoted = false;
  /** CSV: a quote inside a quoted field was the last byte seen: the next byte says what it was. */
  private quoteAtEnd = false;
  /** CSV: the byte before the current chunk. */
  private previous = -1;
  /** CSV: where the row being read starts, at the latest. */
  private rowStart = 0;

  constructor(
    readonly format: PieceFormat,
    readonly pieceSize: number,
  ) {
    if (format !== 'csv' && format !== 'ndjson') throw new RangeError(`Only csv and ndjson files are cut into pieces, not ${JSON.stringify(format)}.`);
    if (!(pieceSize >= 1)) throw new RangeError('pieceSize must be at least 1 byte.');
  }

  /** Takes the next chunk of the file; returns the pieces it completes (often none). */
  push(input: Uint8Array): Piece[] {
    if (input.byteLength === 0) return [];
    // A view on part of a bigger buffer is copied, so that every chunk can be transferred.
    const chunk = input.byteOffset === 0 && input.byteLength === input.buffer.byteLength ? input : input.slice();
    for (let i = 0; this.start.length < 3 && i < chunk.length; i++) this.start.push(chunk[i]!);
    const cuts = this.format === 'csv' ? this.csvCuts(chunk) : this.cuts(chunk, chunk.length, () => true);
    this.offset += chunk.length;
    const pieces: Piece[] = [];
    let from = 0;
    for (const cut of cuts) {
      // The first part keeps the chunk's buffer; the others are copied (each byte at most once).
      const part = from === 0 ? chunk.subarray(0, cut) : chunk.slice(from, cut);
      pieces.push(this.piece([...this.pending, part], this.pendingBytes + cut - from));
      this.pending = [];
      this.pendingBytes = 0;
      from = cut;
    }
    if (from < chunk.length) {
      this.pending.push(from === 0 ? chunk : chunk.slice(from));
      this.pendingBytes += chunk.length - from;
    }
    return pieces;
  }

  /** The file is over: the last piece (null when the last cut was at the very end). */
  end(): Piece | null {
    if (this.pendingBytes === 0 && this.seq > 0) return null;
    const piece = this.piece(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    return piece;
  }

  private piece(chunks: Uint8Array[], bytes: number): Piece {
    const seq = this.seq++;
    const header = seq > 0 && this.header !== null;
    return {
      seq,
      chunks: header ? [this.header!.slice(), ...chunks] : chunks,
      header,
      bytes,
      firstLine: header ? 0 : 1,
    };
  }

  /**
   * Where to cut the chunk, before `limit`: after the first line feed where `between` says a
   * row ends once a piece has `pieceSize` bytes, then again `pieceSize` bytes on, and so on.
   */
  private cuts(chunk: Uint8Array, limit: number, between: (lf: number) => boolean): number[] {
    const cuts: number[] = [];
    let pieceStart = -this.pendingBytes;
    for (;;) {
      let lf = chunk.indexOf(LF, Math.max(0, pieceStart + this.pieceSize - 1));
      while (lf >= 0 && lf < limit && !between(lf)) lf = chunk.indexOf(LF, lf + 1);
      if (lf < 0 || lf >= limit) return cuts;
      cuts.push(lf + 1);
      pieceStart = lf + 1;
    }
  }

  /** Where to cut a CSV chunk (after line feeds outside quotes); follows the quotes. */
  private csvCuts(chunk: Uint8Array): number[] {
    if (!this.cutting) return [];
    // Indices where a quoted field opens or closes, and where cutting must stop.
    const turns: number[] = [];
    let limit = chunk.length;
    let from = 0;
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      const next = chunk[0]!;
      if (next === QUOTE) from = 1; // a doubled quote: still inside the field
      else if (next === COMMA || next === LF || next === CR) this.quoted = false;
      else limit = this.stop(0);
    }
    const quotedAtStart = this.quoted;
    for (let q = chunk.indexOf(QUOTE, from); q >= 0 && limit === chunk.length; ) {
      if (!this.quoted) {
        if (!this.fieldStart(chunk, q)) {
          limit = this.stop(q);
          break;
        }
        this.quoted = true;
        turns.push(q);
        q = chunk.indexOf(QUOTE, q + 1);
        continue;
      }
      if (q + 1 === chunk.length) {
        this.quoteAtEnd = true;
        break;
      }
      const next = chunk[q + 1]!;
      if (next === QUOTE) {
        q = chunk.indexOf(QUOTE, q + 2);
        continue;
      }
      if (next !== COMMA && next !== LF && next !== CR) {
        limit = this.stop(q);
        break;
      }
      this.quoted = false;
      turns.push(q);
      q = chunk.indexOf(QUOTE, q + 1);
    }
    this.previous = chunk[chunk.length - 1]!;
    // Inside quotes at a line feed: as at the chunk's start, unless an odd number of turns came before.
    const inside = (turnsBefore: number) => quotedAtStart !== (turnsBefore % 2 === 1);
    const turnsBefore = (at: number) => {
      let low = 0;
      let high = turns.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (turns[mid]! < at) low = mid + 1;
        else high = mid;
      }
      return low;
    };
    if (this.header === null) {
      // The first line feed outside quotes ends the header row.
      let t = 0;
      for (let lf = chunk.indexOf(LF); lf >= 0 && lf < limit; lf = chunk.indexOf(LF, lf + 1)) {
        while (t < turns.length && turns[t]! < lf) t++;
        if (inside(t)) continue;
        this.takeHeader(chunk, lf + 1);
        break;
      }
      if (this.header === null) {
        if (this.offset + chunk.length > MAX_CSV_ROW) this.stop(0);
        return [];
      }
    }
    // The last line feed outside quotes: where the last row seen starts.
    let t = turns.length;
    for (let lf = limit > 0 ? chunk.lastIndexOf(LF, limit - 1) : -1; lf >= 0; lf = lf > 0 ? chunk.lastIndexOf(LF, lf - 1) : -1) {
      while (t > 0 && turns[t - 1]! > lf) t--;
      if (inside(t)) continue;
      this.rowStart = Math.max(this.rowStart, this.offset + lf + 1);
      break;
    }
    const cuts = this.cuts(chunk, limit, (lf) => !inside(turnsBefore(lf)) && this.offset + lf + 1 >= this.headerEnd);
    // A row longer than the reader takes is refused by it, which then reads on from the row's
    // first line break (perhaps inside a quoted field): cut no more, so that one reader sees it.
    if (this.offset + chunk.length - this.rowStart > MAX_CSV_ROW) this.stop(0);
    return cuts;
  }

  /** A quote at `q` opens a field only where a field starts (as the CSV reader reads it). */
  private fieldStart(chunk: Uint8Array, q: number): boolean {
    const at = this.offset + q;
    if (at === 0) return true;
    if (at === 3 && this.start[0] === 0xef && this.start[1] === 0xbb && this.start[2] === 0xbf) return true;
    const before = q > 0 ? chunk[q - 1]! : this.previous;
    return before === COMMA || before === LF || before === CR;
  }

  /** Cutting stops for good (the rest is one piece); returns where in the chunk it stopped. */
  private stop(at: number): number {
    this.cutting = false;
    return at;
  }

  /**
   * The header row ends at `end` in `chunk`: keep a copy if it is one plain line that reads as
   * a valid header, else cut no more (its errors, and the rows not read because of them, are
   * then reported once, by the one piece).
   */
  private takeHeader(chunk: Uint8Array, end: number): void {
    const first = new Uint8Array(this.pendingBytes + end);
    let at = 0;
    for (const part of this.pending) {
      first.set(part, at);
      at += part.length;
    }
    first.set(chunk.subarray(0, end), at);
    const bom = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? 3 : 0;
    const row = first.subarray(bom);
    const body = row.subarray(0, row.length - (row[row.length - 2] === CR ? 2 : 1));
    const valid =
      body.length > 0 &&
      body.indexOf(CR) < 0 &&
      body.indexOf(LF) < 0 &&
      // A second byte order mark would be dropped from the file's start, not from a piece's.
      !(body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) &&
      (() => {
        const { records, errors } = parseRecords(new TextDecoder().decode(row), 'csv');
        return records.length === 0 && errors.length === 0;
      })();
    if (!valid) {
      this.stop(0);
      return;
    }
    this.header = row.slice();
    this.headerEnd = first.length;
    this.rowStart = first.length;
  }
}

/**
 * What the pieces of a file gave, put together as reading it in one go gives it: the records
 * and errors counted, and the first {@link LISTED_PIECE_ERRORS} errors in file order, numbered
 * by the file's lines (each piece's lines follow the lines of the pieces before it). The pieces
 * were read with the `firstLine` the cutter gave them, so each one's own first line is line 1.
 * @throws RangeError when a piece is missing.
 */
export function combinePieces(results: Iterable<PieceResult>): { records: number; errors: ParseError[]; errorCount: number } {
  const sorted = [...results].sort((a, b) => a.seq - b.seq);
  let records = 0;
  let errorCount = 0;
  let lines = 0;
  const errors: ParseError[] = [];
  sorted.forEach((result, index) => {
    if (result.seq !== index) throw new RangeError(`piece ${index} is missing`);
    records += result.records;
    errorCount += result.errorCount;
    for (const error of result.errors) {
      if (errors.length >= LISTED_PIECE_ERRORS) break;
      errors.push({ ...error, line: error.line + lines });
    }
    lines += result.nextLine - 1;
  });
  return { records, errors, errorCount };
}
