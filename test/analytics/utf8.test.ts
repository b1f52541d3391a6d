import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ASCII_RUN, DECODE_PIECE, Utf8PieceDecoder, wholeCharacterBytes } from '../../src/analytics/utf8.js';

const encode = (text: string) => new TextEncoder().encode(text);

/** What the pieces give, joined, for `chunks` in this order. */
function decodeChunks(chunks: Uint8Array[]): string {
  const decoder = new Utf8PieceDecoder();
  let text = '';
  for (const chunk of chunks) decoder.decode(chunk, (piece) => (text += piece));
  return text + decoder.end();
}

test('wholeCharacterBytes keeps back only a character still being written', () => {
  const e = encode('aệ'); // 61 E1 BB 87
  assert.equal(wholeCharacterBytes(e), 4);
  assert.equal(wholeCharacterBytes(e.subarray(0, 3)), 1);
  assert.equal(wholeCharacterBytes(e.subarray(0, 2)), 1);
  assert.equal(wholeCharacterBytes(encode('😀').subarray(0, 3)), 0);
  assert.equal(wholeCharacterBytes(new Uint8Array([0x80, 0x80, 0x80, 0x80])), 4); // no character to wait for
  assert.equal(wholeCharacterBytes(new Uint8Array([0xc3, 0x80, 0x80])), 3); // complete, then a stray byte
  assert.equal(wholeCharacterBytes(new Uint8Array([])), 0);
});

test('any bytes in any chunks decode as one streaming TextDecoder decodes them', () => {
  // Valid characters of every length, byte order marks anywhere, and bytes that are not UTF-8
  // (stray continuation bytes, cut characters, overlong forms, surrogates, 0xFF).
  const unit = fc.oneof(
    fc.constantFrom('a', '\n', 'é', 'ệ', '😀', '\uFEFF', `${'x'.repeat(ASCII_RUN)}\n`).map(encode),
    fc.constantFrom([0x80], [0xbf], [0xc3], [0xe1, 0xbb], [0xf0, 0x9f, 0x98], [0xc0, 0xaf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xff], [0xf4, 0x90, 0x80, 0x80]).map((bytes) => new Uint8Array(bytes)),
  );
  const bytes = fc.array(unit, { maxLength: 60 }).map((units) => {
    const out = new Uint8Array(units.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of units) (out.set(part, at), (at += part.length));
    return out;
  });
  fc.assert(
    fc.property(bytes, fc.uniqueArray(fc.nat(), { maxLength: 8 }), (all, cuts) => {
      const points = [0, ...cuts.map((cut) => cut % (all.length + 1)).sort((a, b) => a - b), all.length];
      const chunks = points.slice(1).map((end, i) => all.subarray(points[i], end));
      assert.deepEqual(decodeChunks(chunks), new TextDecoder().decode(all));
    }),
    { numRuns: 2000 },
  );
});

test('chunks longer than a piece, cut inside characters, and a U+FEFF at the start of a piece', () => {
  // 3-byte characters from byte 1 on: every piece boundary falls inside one.
  const text = `\uFEFFa${'ệ'.repeat(DECODE_PIECE)}\uFEFF${'x'.repeat(DECODE_PIECE - 4)}\uFEFFend`;
  const all = encode(text);
  const expected = new TextDecoder().decode(all);
  assert.equal(expected, text.slice(1)); // the byte order mark at the start only is dropped
  assert.equal(decodeChunks([all]), expected);
  assert.equal(decodeChunks([all.subarray(0, 1), all.subarray(1, 2 * DECODE_PIECE + 5), all.subarray(2 * DECODE_PIECE + 5)]), expected);
  // A byte order mark cut across chunks at the start, and a stream ending inside a character.
  assert.equal(decodeChunks([all.subarray(0, 2), all.subarray(2, 9)]), new TextDecoder().decode(all.subarray(0, 9)));
  assert.equal(decodeChunks([encode('ab'), new Uint8Array([0xe1, 0xbb])]), 'ab\uFFFD');
});

test('runs of ASCII lines are decoded apart from lines with other characters', () => {
  const pieces = (chunks: string[]) => {
    const decoder = new Utf8PieceDecoder();
    const out: string[] = [];
    for (const chunk of chunks) decoder.decode(encode(chunk), (text) => out.push(text));
    out.push(decoder.end());
    return out.filter((text) => text !== '');
  };
  const ascii = (name: string) => `${name},${'x'.repeat(ASCII_RUN / 2)}\n`; // two make a run
  const wide = (name: string) => `${name},ệ\n`;
  assert.deepEqual(pieces([ascii('a') + ascii('b') + wide('c') + ascii('d') + ascii('e')]), [ascii('a') + ascii('b'), wide('c'), ascii('d') + ascii('e')]);
  // Short runs stay with the lines around them: one mixed piece.
  assert.deepEqual(pieces([wide('a') + ascii('b') + wide('c') + ascii('d')]), [wide('a') + ascii('b') + wide('c') + ascii('d')]);
  assert.deepEqual(pieces([ascii('a') + wide('b') + ascii('c') + ascii('d') + ascii('e')]), [ascii('a') + wide('b'), ascii('c') + ascii('d') + ascii('e')]);
  // A chunk that cuts a character in two: the rest of its line starts the next piece.
  const bytes = encode(ascii('a') + ascii('b') + 'bệx\n' + ascii('c') + ascii('d'));
  const cut = bytes.indexOf(0xe1) + 1;
  const decoder = new Utf8PieceDecoder();
  const out: string[] = [];
  decoder.decode(bytes.subarray(0, cut), (text) => out.push(text));
  decoder.decode(bytes.subarray(cut), (text) => out.push(text));
  assert.deepEqual(out.filter((text) => text !== ''), [ascii('a') + ascii('b'), 'b', 'ệx\n', ascii('c') + ascii('d')]);
});
