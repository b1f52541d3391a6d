import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CsvReader, toCsv, type CsvRow } from '../../src/analytics/csv.js';
import { parseRecords } from '../../src/analytics/parse.js';
import { report } from '../../src/analytics/report.js';
import { summarize } from '../../src/analytics/summary.js';
import { complaint, kase, rating } from './helpers.js';

const read = (text: string, pieces = [text]) => {
  const rows: CsvRow[] = [];
  const reader = new CsvReader();
  for (const piece of pieces) reader.push(piece, (row) => rows.push(row));
  reader.end((row) => rows.push(row));
  return rows;
};

test('toCsv: dotted columns, numbered arrays, RFC 4180 quoting, CRLF', () => {
  const csv = toCsv([
    { a: 'x,y', b: { c: 1, d: [true, null] } },
    { a: 'say "hi"\nbye', e: 2 },
  ]);
  assert.equal(csv, 'a,b.c,b.d.0,b.d.1,e\r\n"x,y",1,true,,\r\n"say ""hi""\nbye",,,,2\r\n');
});

test('toCsv: byte order mark, other delimiters, fixed columns, no rows', () => {
  assert.equal(toCsv([{ a: 'ệ' }], { bom: true }), '\uFEFFa\r\nệ\r\n');
  assert.equal(toCsv([{ a: 'x,y', b: 'p;q' }], { delimiter: ';' }), 'a;b\r\nx,y;"p;q"\r\n');
  assert.equal(toCsv([{ a: 1, b: 2 }], { columns: ['b', 'z'] }), 'b,z\r\n2,\r\n');
  assert.equal(toCsv([]), '');
  assert.equal(toCsv([], { bom: true }), '\uFEFF');
});

test('toCsv leaves attachments out and can guard against spreadsheet formulas', () => {
  const record = complaint('fees', {
    attachments: [{ name: 'a.pdf', type: 'application/pdf', size: 4, data: 'JVBERg==' }],
    comment: '=HYPERLINK("http://evil")',
  });
  const csv = toCsv([record]);
  assert.ok(!csv.includes('attachments'));
  assert.ok(!csv.includes('JVBERg'));
  const guarded = toCsv([{ comment: '=HYPERLINK("x")', delta: -1, note: '-5 minutes' }], { formulaGuard: true });
  assert.equal(guarded, 'comment,delta,note\r\n"\'=HYPERLINK(""x"")",-1,\'-5 minutes\r\n');
});

test('toCsv of report rows: one column per key field, score, standard and interval bound', () => {
  const rows = report(
    summarize([rating(5, 5, { unit: 'a', standards: { greet: true } }), kase('2026-03-01T00:00:00Z', '2026-03-05T00:00:00Z', undefined, { unit: 'b' })], {
      groupBy: ['unit'],
      timeZone: 'UTC',
    }),
    { asOf: '2026-03-01T00:00:00Z' },
  );
  const [header, first, second] = toCsv(rows).split('\r\n');
  const columns = header!.split(',');
  assert.deepEqual(columns.slice(0, 7), ['key.unit', 'key.period', 'ratings', 'satisfied', 'satisfactionRate', 'satisfactionCI.0', 'satisfactionCI.1']);
  assert.ok(columns.includes('scoreCounts.5.5'));
  assert.ok(columns.includes('standards.greet.rate'));
  // onTimeCI is null in both rows: a single empty column, no .0/.1.
  assert.ok(columns.includes('onTimeCI'));
  const cell = (line: string, name: string) => line.split(',')[columns.indexOf(name)];
  assert.equal(cell(first!, 'key.unit'), 'a');
  assert.equal(cell(first!, 'satisfactionRate'), '1');
  assert.equal(cell(second!, 'satisfactionRate'), '');
  assert.equal(cell(second!, 'casesPending'), '1');
  // A null that is an array in another row does not get a column of its own.
  const mixed = toCsv([{ ci: null }, { ci: [0.1, 0.2] }]);
  assert.equal(mixed, 'ci.0,ci.1\r\n,\r\n0.1,0.2\r\n');
});

test('records survive toCsv → parseRecords', () => {
  const records = [
    rating(4, 5, { unit: 'Phường Bến Nghé', standards: { greet: true, smile: false }, comment: 'Tốt, "nhanh"\ncảm ơn' }),
    rating(2, 3, { officer: 'cb-0042', page: 'https://dichvucong.gov.vn/p/rating' }),
    complaint('delay', {
      standard: 'expedite',
      contact: { email: 'lan@example.vn', phone: '0901 234 567', consent: true, consentText: 'Tôi đồng ý', consentAt: '2026-03-05T08:29:00.000Z' },
    }),
    kase('2026-03-01T01:00:00Z', '2026-03-10T10:00:00+07:00', '2026-03-09T09:00:00Z', { service: '1.001234' }),
  ];
  const csv = toCsv(records, { bom: true });
  const parsed = parseRecords(csv, 'csv');
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.records, records);
});

test('CsvReader: line numbers through quoted line breaks, CR-only files, blank lines, literal quotes', () => {
  assert.deepEqual(read('a,b\n"1\n2",3\n\n4,5 "in"\n'), [
    { line: 1, cells: ['a', 'b'] },
    { line: 2, cells: ['1\n2', '3'] },
    { line: 5, cells: ['4', '5 "in"'] },
  ]);
  assert.deepEqual(read('a\rb\r\nc'), [
    { line: 1, cells: ['a'] },
    { line: 2, cells: ['b'] },
    { line: 3, cells: ['c'] },
  ]);
  // Trailing empty field, empty quoted field.
  assert.deepEqual(read('a,\n"",b'), [
    { line: 1, cells: ['a', ''] },
    { line: 2, cells: ['', 'b'] },
  ]);
  // A CRLF split between two pieces is one line break.
  assert.deepEqual(read('', ['a\r', '\nb\r', '\n']), [
    { line: 1, cells: ['a'] },
    { line: 2, cells: ['b'] },
  ]);
  const broken = read('a,b\n"x"y,1\n"open,2\n3,4\n');
  assert.equal(broken[1]!.line, 2);
  assert.match(broken[1]!.error!, /after the closing quote/);
  assert.equal(broken[2]!.line, 3);
  assert.match(broken[2]!.error!, /never closed/);
  assert.deepEqual(broken[3], { line: 4, cells: ['3', '4'] }); // reading resumes on the next line
});

/**
 * Rows of well-formed CSV read character by character, as RFC 4180 says: the reference that the
 * reader's quicker paths (a plain row cut by split) must agree with.
 */
function referenceRows(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    for (;;) {
      if (text[i] === '"') {
        let j = i + 1;
        for (;;) {
          if (text[j] === '"' && text[j + 1] === '"') (cell += '"'), (j += 2);
          else if (text[j] === '"') break;
          else {
            if (text[j] === '\n' || (text[j] === '\r' && text[j + 1] !== '\n')) line++;
            cell += text[j++];
          }
        }
        i = j + 1;
      }
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      cells.push(cell);
      cell = '';
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (i < text.length) {
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line++;
      }
      break;
    }
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: start, cells });
  }
  return rows;
}

test('CsvReader agrees with a character-by-character reading of well-formed CSV, cut anywhere', () => {
  const plain = fc.array(fc.constantFrom('a', 'ệ', ' ', "'"), { maxLength: 4 }).map((units) => units.join(''));
  const quoted = fc.array(fc.constantFrom('a', ',', '""', '\n', '\r', '\r\n', 'ệ'), { maxLength: 4 }).map((units) => `"${units.join('')}"`);
  const row = fc.array(fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: quoted }), { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','));
  const text = fc.tuple(fc.array(row, { maxLength: 12 }), fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 12, maxLength: 12 }), fc.boolean()).map(([rows, ends, last]) =>
    rows.map((cells, i) => cells + (i < rows.length - 1 || last ? ends[i] : '')).join(''),
  );
  fc.assert(
    fc.property(text, fc.uniqueArray(fc.nat(), { maxLength: 5 }), (csv, cuts) => {
      const points = [0, ...cuts.map((cut) => cut % (csv.length + 1)).sort((a, b) => a - b), csv.length];
      const pieces = points.slice(1).map((end, i) => csv.slice(points[i], end));
      assert.deepEqual(read(csv, pieces), referenceRows(csv));
    }),
    { numRuns: 400 },
  );
});
