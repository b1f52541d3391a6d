import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { detectFormat, parseRecordStream, parseRecords, type ParseResult, type RecordFormat, type TextChunk } from '../../src/analytics/parse.js';
import { toCsv } from '../../src/analytics/csv.js';
import { nextId } from './helpers.js';

const HEADER = 'id,kind,createdAt,agency,channel,locale,score,scale,comment,standards.greet,standards.smile';
const row = (score: number | string, rest = ',,,') => `${nextId()},rating,2026-03-05T08:30:00.000Z,ubnd-phuong-ben-nghe,counter,vi,${score},5${rest}`;

async function collect(chunks: Iterable<TextChunk> | AsyncIterable<TextChunk>, format: RecordFormat): Promise<ParseResult> {
  const out: ParseResult = { records: [], errors: [] };
  for await (const batch of parseRecordStream(chunks, format)) {
    assert.ok(batch.records.length + batch.errors.length > 0, 'no empty batches');
    out.records.push(...batch.records);
    out.errors.push(...batch.errors);
  }
  return out;
}

const CSV = [
  HEADER,
  row(5, ',"Rất tốt,\ncảm ơn ""chị"" Lan",yes,1'), // lines 2–3
  row(7), // line 4: bad score
  row(4, ',,no,0'), // line 5
  row(4, ',,maybe,'), // line 6: not a boolean
  row(3, ''), // line 7: too few fields
].join('\n');

test('CSV: typed, nested, and bad rows reported at the line where they start', () => {
  const { records, errors } = parseRecords(CSV, 'csv');
  assert.equal(records.length, 2);
  assert.equal(records[0]!.kind, 'rating');
  assert.deepEqual(
    { score: records[0]!['score'], scale: records[0]!['scale'], comment: records[0]!['comment'], standards: records[0]!['standards'] },
    { score: 5, scale: 5, comment: 'Rất tốt,\ncảm ơn "chị" Lan', standards: { greet: true, smile: true } },
  );
  assert.deepEqual(records[1]!['standards'], { greet: false, smile: false });
  assert.ok(!('comment' in records[1]!)); // an empty cell is an absent field
  assert.deepEqual(errors, [
    { line: 4, reason: 'score must be a whole number from 1 to 5.', field: 'score' },
    { line: 6, reason: 'standards.greet: Each standard answer must be true or false.', field: 'standards.greet' },
    { line: 7, reason: 'row has 8 fields but the header has 11' },
  ]);
  // The same with CRLF line ends and a byte order mark.
  const crlf = parseRecords(`\uFEFF${CSV.replace(/\n/g, '\r\n')}`, 'csv');
  assert.equal(crlf.records.length, 2);
  assert.equal(crlf.records[0]!['comment'], 'Rất tốt,\r\ncảm ơn "chị" Lan');
  assert.deepEqual(crlf.errors.map((error) => error.line), [4, 6, 7]);
});

test('CSV: header problems are reported and the rows they spoil are counted', () => {
  const duplicate = parseRecords(`score,score\n1,2\n3,4\n`, 'csv');
  assert.deepEqual(duplicate.errors, [
    { line: 1, reason: 'header: the header names column "score" twice' },
    { line: 1, reason: '2 rows were not read because the header is invalid' },
  ]);
  assert.match(parseRecords('standards,standards.greet\n', 'csv').errors[0]!.reason, /conflicts/);
  assert.match(parseRecords('a..b\n', 'csv').errors[0]!.reason, /not a field name/);
  // A column named __proto__ is refused by the validator instead of touching any prototype.
  const hostile = parseRecords(`${HEADER},__proto__.polluted\n${row(5, ',,,,yes')}\n`, 'csv');
  assert.equal(hostile.records.length, 0);
  assert.equal(hostile.errors[0]!.field, '__proto__');
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.deepEqual(parseRecords('', 'csv'), { records: [], errors: [] });
});

test('NDJSON: blank lines skipped; bad JSON and bad records reported with their line', () => {
  const good = (score: number) =>
    JSON.stringify({ id: nextId(), kind: 'rating', createdAt: '2026-03-05T08:30:00.000Z', agency: 'a', channel: 'kiosk', locale: 'vi', score, scale: 5 });
  const text = [good(5), '', '{"id": oops}', good(9), `${good(4)}\r`, '   ', '[1]'].join('\n');
  const { records, errors } = parseRecords(text, 'ndjson');
  assert.deepEqual(records.map((record) => record['score']), [5, 4]);
  assert.equal(errors.length, 3);
  assert.equal(errors[0]!.line, 3);
  assert.match(errors[0]!.reason, /^not valid JSON/);
  assert.deepEqual(errors[1], { line: 4, reason: 'score must be a whole number from 1 to 5.', field: 'score' });
  assert.deepEqual(errors[2], { line: 7, reason: 'A record must be a JSON object.' });
});

test('JSON: an array of records; each element reported at the line where it starts', () => {
  const valid = { id: nextId(), kind: 'complaint', createdAt: '2026-03-05T08:30:00.000Z', agency: 'a', channel: 'online', locale: 'en', category: 'fees', description: 'Charged twice for one copy.' };
  const text = `[\n  ${JSON.stringify(valid)},\n  {\n    "kind": "rating", "score": "five"\n  },\n  42,\n  {"broken": },\n  {"text": "a ] and a \\" and a , inside"}\n]\n`;
  const { records, errors } = parseRecords(text, 'json');
  assert.deepEqual(records, [valid]);
  assert.deepEqual(errors.map((error) => error.line), [3, 6, 7, 8]);
  assert.match(errors[0]!.reason, /^id/);
  assert.equal(errors[1]!.reason, 'A record must be a JSON object.');
  assert.match(errors[2]!.reason, /^not valid JSON/);
  assert.match(errors[3]!.reason, /^id/); // the string's ] and , did not end the element
  assert.deepEqual(parseRecords('{"a": 1}', 'json').errors, [{ line: 1, reason: 'a JSON file must hold an array of records: [ {…}, {…} ]' }]);
  assert.deepEqual(parseRecords('[]\n]', 'json').errors, [{ line: 2, reason: 'unexpected text after the closing ] of the array' }]);
  assert.deepEqual(parseRecords(`[\n${JSON.stringify(valid)},\n{"a":`, 'json').errors, [
    { line: 3, reason: 'the file ends inside this record (the JSON array is not closed)' },
  ]);
  assert.equal(parseRecords(`[\n${JSON.stringify(valid)},\n{"a":`, 'json').records.length, 1);
  assert.deepEqual(parseRecords('  ', 'json'), { records: [], errors: [] });
  assert.throws(() => parseRecords('', 'xml' as never), /Unknown format "xml"/);
});

test('a stream of bytes: "ệ" and the byte order mark split across chunks', async () => {
  const unit = 'Phường Bến Nghé, Ủy ban nhân dân, bệnh viện';
  const record = { id: nextId(), kind: 'rating', createdAt: '2026-03-05T08:30:00.000Z', agency: 'a', unit, channel: 'counter', locale: 'vi', score: 4, scale: 5 };
  const bytes = new TextEncoder().encode(`\uFEFF${JSON.stringify(record)}\n`);
  const e = new TextEncoder().encode('ệ'); // E1 BB 87
  const at = bytes.findIndex((_, i) => bytes[i] === e[0] && bytes[i + 1] === e[1] && bytes[i + 2] === e[2]);
  assert.ok(at > 0);
  const chunks = [bytes.subarray(0, 1), bytes.subarray(1, at + 1), bytes.subarray(at + 1, at + 2), bytes.subarray(at + 2)];
  const result = await collect(chunks, 'ndjson');
  assert.deepEqual(result.errors, []);
  assert.equal(result.records[0]!['unit'], unit);
  assert.deepEqual(await collect([`\uFEFF${JSON.stringify(record)}`], 'ndjson'), result);
});

test('any way of cutting the text into chunks gives the same result as reading it whole', async () => {
  const text = `\uFEFF${CSV.replace(/\n/g, '\r\n')}\r\n"unclosed,${'x'.repeat(5)}\n${row(2)}`;
  const whole = parseRecords(text, 'csv');
  assert.equal(whole.records.length, 3);
  for (let cut = 0; cut <= text.length; cut++) {
    assert.deepEqual(await collect([text.slice(0, cut), text.slice(cut)], 'csv'), whole, `cut at ${cut}`);
  }
  const json = `[\n${[1, 2, 3].map(() => JSON.stringify({ id: nextId(), kind: 'rating', createdAt: '2026-03-05T08:30:00.000Z', agency: 'a "q" ]', channel: 'online', locale: 'vi', score: 3, scale: 5 })).join(',\n')}, {"x": 1}\n]`;
  const ndjson = json.slice(2, -2).split(',\n').join('\n');
  for (const [source, format] of [[text, 'csv'], [json, 'json'], [ndjson, 'ndjson']] as const) {
    const expected = parseRecords(source, format);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 0, max: source.length }), { maxLength: 12 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), source.length];
        const pieces = points.slice(1).map((end, i) => source.slice(points[i], end));
        assert.deepEqual(await collect(pieces, format), expected);
      }),
      { numRuns: 60 },
    );
  }
});

test('bytes in chunks bigger than a decoded piece, cut anywhere, read like the whole text', async () => {
  // Long enough that chunks span several 32 KiB pieces of decoding, with 2- and 3-byte
  // characters everywhere (a cut falls inside one most of the time), CRLF, bad lines and a
  // quoted CSV field with a line break.
  const records = Array.from({ length: 900 }, (_, i) => ({
    id: nextId(), kind: 'rating', createdAt: '2026-03-05T08:30:00.000Z', agency: 'ủy-ban', unit: `phường-${i % 7}`,
    channel: 'counter', locale: 'vi', score: i % 97 === 5 ? 9 : 1 + (i % 5), scale: 5, comment: `Cán bộ "tận tình",\nsố ${i} — ệ`,
  }));
  const ndjson = `\uFEFF${records.map((record, i) => (i % 211 === 3 ? '{"id": ' : JSON.stringify(record))).join('\r\n')}\n`;
  const csv = `\uFEFF${toCsv(records)}`;
  for (const [text, format] of [[ndjson, 'ndjson'], [csv, 'csv']] as const) {
    const expected = parseRecords(text, format);
    assert.ok(expected.records.length > 800 && expected.errors.length > 3, format);
    const bytes = new TextEncoder().encode(text);
    assert.ok(bytes.byteLength > 3 * 32 * 1024);
    assert.deepEqual(await collect([bytes], format), expected, `${format} in one chunk`);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: bytes.byteLength - 1 }), { maxLength: 6 }), async (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.byteLength];
        const chunks = points.slice(1).map((end, i) => bytes.subarray(points[i], end));
        assert.deepEqual(await collect(chunks, format), expected);
      }),
      { numRuns: 25 },
    );
  }
});

test('detectFormat tells the formats apart by shape', () => {
  assert.equal(detectFormat('\uFEFF  [\n{}]'), 'json');
  assert.equal(detectFormat('\n{"id":1}\n{"id":2}'), 'ndjson');
  assert.equal(detectFormat('id,kind\n1,rating'), 'csv');
  assert.equal(detectFormat(''), 'csv');
});
