// Fuzzing the one validator (browser, collector, analytics): whatever comes in, it answers with a
// value — never a throw, never a polluted prototype — and what it accepts is plain, safe JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validateRecord } from '../../src/core/validate.js';
import { shapeProblem, shapeProblemByWalk } from '../../src/core/shape.js';
import { LIMITS } from '../../src/core/limits.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);
const wellFormed = (text: string) => (text as string & { isWellFormed(): boolean }).isWellFormed();

const validRating = fc.record({
  id: fc.uuid({ version: 4 }),
  kind: fc.constant('rating'),
  createdAt: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  agency: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && !/[\u0000-\u001f\u007f]/.test(s)),
  channel: fc.constantFrom('online', 'kiosk', 'counter', 'phone', 'other'),
  locale: fc.constantFrom('vi', 'en', 'vi-VN'),
  scale: fc.constant(5),
  score: fc.integer({ min: 1, max: 5 }),
});

/** Strings with the Unicode that breaks systems: controls, lone surrogates, RTL marks, emoji, NUL. */
const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\u0000', '\uD800', '\uDFFF', 'a\uD83D', '\u202Eevil', '\u200B', 'Khách đến 😀', '\u0007\u001b[31m', '%00', '<script>alert(1)</script>'),
);

test('never throws on any JSON-like value, and answers ok or a validation error', () => {
  fc.assert(
    fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: false, maxDepth: 4 }), (value) => {
      const result = validateRecord(value);
      assert.equal(typeof result.ok, 'boolean');
      if (!result.ok) {
        assert.equal(result.error.code, 'validation');
        assert.equal(typeof result.error.message, 'string');
      }
    }),
    { numRuns: RUNS },
  );
});

const fields = ['id', 'kind', 'createdAt', 'agency', 'unit', 'channel', 'locale', 'page', 'score', 'scale', 'standards', 'comment'];

/**
 * JSON texts that parse, so that every run reaches the validator (random bytes almost never
 * parse): any JSON, and valid ratings with one field replaced by any JSON value.
 */
const jsonTexts = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc
    .tuple(validRating, fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 }))
    .map(([record, field, value]) => JSON.stringify({ ...record, [field]: value })),
);

test('any JSON text, and ratings with one field replaced by any JSON value, never make the validator throw', () => {
  let reached = 0;
  let refused = 0;
  fc.assert(
    fc.property(jsonTexts, (text) => {
      const value: unknown = JSON.parse(text);
      reached++;
      const result = validateRecord(value);
      assert.equal(typeof result.ok, 'boolean');
      if (!result.ok) {
        refused++;
        assert.equal(result.error.code, 'validation');
      }
    }),
    { numRuns: RUNS },
  );
  // Every run reached the validator, and it had both kinds of answer to give.
  assert.equal(reached, RUNS);
  assert.ok(refused > 0 && refused < RUNS, `refused ${refused} of ${RUNS}`);
});

test('host fields with odd Unicode: accepted only when PostgreSQL-safe, and survive a JSON round trip', () => {
  fc.assert(
    fc.property(validRating, fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), oddText, { maxKeys: 4 }), (record, extra) => {
      const candidate = { ...extra, ...record };
      const result = validateRecord(candidate);
      const texts = [...Object.keys(extra), ...Object.values(extra)];
      const unsafe = texts.some((text) => text.includes('\u0000') || !wellFormed(text));
      const forbidden = Object.keys(extra).some((key) => ['__proto__', 'constructor', 'prototype'].includes(key));
      if (unsafe || forbidden) assert.equal(result.ok, false);
      if (result.ok) assert.deepEqual(JSON.parse(JSON.stringify(candidate)), candidate);
    }),
    { numRuns: RUNS },
  );
});

test('prototype-pollution keys at any depth are refused, and nothing is polluted', () => {
  fc.assert(
    fc.property(validRating, fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.integer({ min: 0, max: 6 }), (record, key, depth) => {
      let nested = `{"${key}": {"polluted": true}}`;
      for (let i = 0; i < depth; i++) nested = i % 2 ? `[${nested}]` : `{"x": ${nested}}`;
      const value = JSON.parse(JSON.stringify(record).replace(/^\{/, `{"extra": ${nested},`));
      const result = validateRecord(value);
      assert.equal(result.ok, false);
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    }),
    { numRuns: RUNS },
  );
});

test('deep nesting and huge strings are refused, not crashed on', () => {
  fc.assert(
    fc.property(fc.integer({ min: 33, max: 200_000 }), fc.boolean(), (depth, asArray) => {
      const text = asArray ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const value = { id: '00000000-0000-4000-8000-000000000000', kind: 'rating', deep: JSON.parse(text) };
      assert.equal(shapeProblem(value)?.code, 'validation');
    }),
    { numRuns: 20 },
  );
  const huge = { id: '00000000-0000-4000-8000-000000000000', kind: 'rating', note: 'x'.repeat(5_000_000) };
  assert.equal(validateRecord(huge).ok, false);
});

test('every generated valid rating is accepted', () => {
  fc.assert(
    fc.property(validRating, (record) => {
      const result = validateRecord(record);
      assert.equal(result.ok, true, result.ok ? '' : result.error.message);
    }),
    { numRuns: RUNS },
  );
});

/** The size rule as CONTRACT §4 states it: the record's UTF-8 JSON without its attachments. */
function overSize(record: Record<string, unknown>): boolean {
  const { attachments: _attachments, ...rest } = record;
  return new TextEncoder().encode(JSON.stringify(rest)).length > LIMITS.recordBytes;
}

test('the size limit is exact: the cheap bound never lets an oversized record through nor refuses one that fits', () => {
  // Text that JSON escapes (quotes, backslashes, controls as \u00XX), 2-, 3- and 4-byte UTF-8.
  const unit = fc.constantFrom('a', '"', '\\', '\n', '\u0001', 'é', 'ệ', '😀', ' ');
  const text = fc.array(unit, { maxLength: 3000 }).map((units) => units.join(''));
  fc.assert(
    fc.property(validRating, fc.array(text, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 14_000 }), (record, texts, pad) => {
      const candidate: Record<string, unknown> = { ...record, note: 'x'.repeat(pad), extra: { texts }, attachments: [{ big: 'y'.repeat(20_000) }] };
      const problem = shapeProblem(candidate);
      assert.equal(problem !== undefined, overSize(candidate), `${problem?.message}`);
    }),
    { numRuns: RUNS },
  );
  // At the limit to the byte, on both sides.
  const base = { ...fc.sample(validRating, 1)[0]!, note: '' };
  const room = LIMITS.recordBytes - new TextEncoder().encode(JSON.stringify(base)).length;
  assert.equal(shapeProblem({ ...base, note: 'ệ'.repeat(Math.floor(room / 3)) + 'x'.repeat(room % 3) }), undefined);
  assert.match(shapeProblem({ ...base, note: 'ệ'.repeat(Math.floor(room / 3)) + 'x'.repeat((room % 3) + 1) })?.message ?? '', /at most/);
});

test('problems are named by their dotted path, built only when there is one', () => {
  const base = fc.sample(validRating, 1)[0]!;
  assert.equal(shapeProblem({ ...base, extra: { list: [1, { deep: 'a\u0000' }] } })?.field, 'extra.list[1].deep');
  assert.equal(shapeProblem({ ...base, extra: [[0, Number.NaN]] })?.field, 'extra[0][1]');
  assert.equal(shapeProblem(JSON.parse(`{"x":{"y":[{"prototype":1}]}}`))?.field, 'x.y[0].prototype');
  assert.equal(shapeProblem({ ...base, extra: { ['k\u0000']: 1 } })?.field, 'extra');
  assert.equal(shapeProblem({ ['k\u0000']: 1 })?.field, undefined);
  assert.equal(shapeProblem({ ...base, when: new Date() })?.field, 'when');
});

/** The date check as it was before it read the digits itself: Date.parse, then the calendar. */
function realDateByDateParse(value: string): boolean {
  const time = Date.parse(value);
  if (Number.isNaN(time) || time < Date.parse('0001-01-01T00:00:00Z') || time > Date.parse('9999-12-31T23:59:59.999Z')) return false;
  const [year, month, day, hours, minutes] = [value.slice(0, 4), value.slice(5, 7), value.slice(8, 10), value.slice(11, 13), value.slice(14, 16)].map(Number) as [number, number, number, number, number];
  const days = month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && hours <= 23 && minutes <= 59 && day <= days;
}

test('instants are judged as Date.parse and the calendar judged them: any digits, with or without seconds, fraction, offset', () => {
  const digits = (n: number, max = 9) => fc.array(fc.integer({ min: 0, max }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  // Mostly plausible fields (so that many are valid), sometimes any two digits.
  const two = (max: number) => fc.oneof(fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0')), digits(2));
  const instant = fc
    .record({
      year: fc.oneof(fc.constantFrom('0000', '0001', '1900', '2000', '2024', '2026', '2100', '9999'), digits(4)),
      month: two(12),
      day: two(31),
      hours: two(24),
      minutes: two(59),
      seconds: fc.option(two(60), { nil: undefined }),
      fraction: fc.option(fc.integer({ min: 1, max: 9 }).chain((n) => digits(n)), { nil: undefined }),
      zone: fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), two(25), fc.constantFrom(':', ''), two(59)).map((parts) => parts.join(''))),
    })
    .map(({ year, month, day, hours, minutes, seconds, fraction, zone }) => `${year}-${month}-${day}T${hours}:${minutes}${seconds === undefined ? '' : `:${seconds}${fraction === undefined ? '' : `.${fraction}`}`}${zone}`);
  const rating = fc.sample(validRating, 1)[0]!;
  const dossier = { id: 'HS-1', kind: 'case', agency: 'a', receivedAt: '2026-03-05T08:30:00Z', dueAt: '2026-03-15T08:30:00Z' };
  let accepted = 0;
  fc.assert(
    fc.property(instant, (value) => {
      const utc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/.test(value);
      const created = validateRecord({ ...rating, createdAt: value });
      assert.equal(created.ok, utc && realDateByDateParse(value), `createdAt ${value}`);
      const received = validateRecord({ ...dossier, receivedAt: value });
      assert.equal(received.ok, realDateByDateParse(value), `receivedAt ${value}`);
      if (received.ok) accepted++;
    }),
    { numRuns: RUNS * 10 },
  );
  assert.ok(accepted > RUNS / 2, `only ${accepted} valid instants were tried`);
});

test('the quick pass of shapeProblem answers what the walk alone answers, for any value', () => {
  const bad = fc.constantFrom<unknown>(Number.NaN, Infinity, undefined, '\u0000', 'a\uD800', new Date(0), () => 1, Symbol('s'), [, 1]);
  const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'attachments', 'k\u0000', '\uDC00'));
  // Big values near the size limit: the bound must count every byte of them (an array of nulls
  // is as long as its bound), also under a nested key "attachments", which counts there.
  const padding = fc.integer({ min: 0, max: 20_000 }).map((n) => 'ệ'.repeat(n));
  const nulls = fc.integer({ min: 3000, max: 3500 }).map((n) => new Array<null>(n).fill(null));
  // Values nested up to the limit and past it, with a bad value or key somewhere (or nowhere).
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.oneof(fc.jsonValue({ maxDepth: 1 }), oddText, bad, padding, nulls),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 4 }).map(withOwnKeys),
    ),
  }));
  const deep = fc.integer({ min: 28, max: 36 }).map((depth) => {
    let nested: unknown = 1;
    for (let i = 0; i < depth; i++) nested = i % 2 ? [nested] : { x: nested };
    return nested;
  });
  // Long keys with short values: the bound counts the keys too, or 16 KB of keys would pass.
  const wide = fc.integer({ min: 0, max: 700 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`key-${i}`.padEnd(30, 'x'), true])));
  fc.assert(
    fc.property(validRating, fc.dictionary(key, fc.oneof(value, deep, padding, wide), { maxKeys: 5 }), (record, extra) => {
      const candidate = withOwnKeys({ ...record, ...extra });
      assert.deepEqual(shapeProblem(candidate), shapeProblemByWalk(candidate));
    }),
    { numRuns: RUNS * 3 },
  );
  // Only the record's own attachments are left out of its size, not a field of that name deeper in.
  const rating = fc.sample(validRating, 1)[0]!;
  assert.match(shapeProblem({ ...rating, extra: { attachments: 'ệ'.repeat(6000) } })?.message ?? '', /at most 16384 bytes/);
  assert.equal(shapeProblem({ ...rating, attachments: 'ệ'.repeat(6000) }), undefined);
  // An enumerable key on Object.prototype (a polluted page) is not the record's: for…in sees it,
  // and the record is still judged by its own keys alone.
  const record = { ...fc.sample(validRating, 1)[0]!, extra: { a: 1 } };
  Object.defineProperty(Object.prototype, 'polluted', { value: Number.NaN, enumerable: true, configurable: true });
  try {
    assert.equal(shapeProblem(record), undefined);
    assert.equal(shapeProblem({ ...record, bad: Number.NaN })?.field, 'bad');
  } finally {
    delete (Object.prototype as Record<string, unknown>)['polluted'];
  }
});

/** A copy of `entries` whose keys are all own data properties, `__proto__` included (as JSON.parse makes them). */
function withOwnKeys(entries: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(entries)) Object.defineProperty(out, key, { value: entries[key], enumerable: true, writable: true, configurable: true });
  return out;
}
