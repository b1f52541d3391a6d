// Property-based tests (fast-check): the algebra of summaries, the bounds of the statistics, and
// that what toCsv writes, parseRecords reads back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FeedbackRecord } from '../../src/core/record.js';
import { validateRecord } from '../../src/core/validate.js';
import { merge, summarize, type GroupField, type SummarizeOptions } from '../../src/analytics/summary.js';
import { report } from '../../src/analytics/report.js';
import { parseRecords } from '../../src/analytics/parse.js';
import { toCsv } from '../../src/analytics/csv.js';
import { PERIODS } from '../../src/analytics/period.js';

const RUNS = { numRuns: 120 };
const FROM = Date.UTC(2025, 11, 1);
const TO = Date.UTC(2027, 1, 1);

const id = fc.integer({ min: 0, max: 2 ** 40 }).map((n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`);
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms).toISOString());
const text = (minLength: number) => fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\n', '\r\n', 'ệ', 'Ư', '=', ';', '.'), minLength, maxLength: 24 });
const common = {
  agency: fc.constantFrom('ubnd-q1', 'ubnd-q3'),
  unit: fc.option(fc.constantFrom('mot-cua', 'tu-phap', 'Mot-cua', 'Phường Bến Nghé'), { nil: undefined }),
  service: fc.option(fc.constantFrom('1.001', '2.002'), { nil: undefined }),
  channel: fc.constantFrom('online', 'kiosk', 'counter'),
};
const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(typeof v === 'object' && v !== null && Object.keys(v).length === 0))) as T;

const ratingRecord = fc
  .record({
    id,
    createdAt: instant,
    ...common,
    scale: fc.constantFrom(3, 5),
    pick: fc.double({ min: 0, max: 0.999, noNaN: true }),
    standards: fc.dictionary(fc.constantFrom('greet', 'smile', 'listen'), fc.boolean(), { maxKeys: 3 }).map((answers) => ({ ...answers })),
    comment: fc.option(text(1), { nil: undefined }),
  })
  .map(({ pick, ...rest }) => withoutUndefined({ kind: 'rating', locale: 'vi', ...rest, score: 1 + Math.floor(pick * rest.scale) }));
const complaintRecord = fc
  .record({ id, createdAt: instant, ...common, category: fc.constantFrom('delay', 'fees', 'attitude'), description: text(10) })
  .map((value) => withoutUndefined({ kind: 'complaint', locale: 'en', ...value }));
const caseRecord = fc
  .record({
    id: fc.string({ unit: fc.constantFrom('H', 'S', '-', '1', '2'), minLength: 1, maxLength: 12 }),
    receivedAt: fc.integer({ min: FROM, max: TO }),
    dueDays: fc.integer({ min: 0, max: 30 }),
    resolvedDays: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    ...common,
  })
  .map(({ receivedAt, dueDays, resolvedDays, ...rest }) =>
    withoutUndefined({
      kind: 'case',
      ...rest,
      receivedAt: new Date(receivedAt).toISOString(),
      dueAt: new Date(receivedAt + dueDays * 86_400_000).toISOString(),
      resolvedAt: resolvedDays === undefined ? undefined : new Date(receivedAt + resolvedDays * 86_400_000).toISOString(),
    }),
  );
const record = fc.oneof(ratingRecord, ratingRecord, complaintRecord, caseRecord).filter((value) => validateRecord(value).ok) as fc.Arbitrary<FeedbackRecord>;
const records = fc.array(record, { maxLength: 60, size: 'medium' });
const options: fc.Arbitrary<SummarizeOptions> = fc.record({
  groupBy: fc.subarray<GroupField>(['agency', 'unit', 'service', 'channel']),
  period: fc.constantFrom(...PERIODS),
  timeZone: fc.constantFrom('Asia/Ho_Chi_Minh', 'UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kathmandu'),
});

test('merge is commutative and associative', () => {
  fc.assert(
    fc.property(records, records, records, options, (a, b, c, cut) => {
      const [x, y, z] = [summarize(a, cut), summarize(b, cut), summarize(c, cut)];
      assert.deepEqual(merge(x, y), merge(y, x));
      assert.deepEqual(merge(merge(x, y), z), merge(x, merge(y, z)));
      assert.deepEqual(merge(x, y, z), merge(z, merge(y, x)));
    }),
    RUNS,
  );
});

test('summaries of shards merge to the summary of everything', () => {
  fc.assert(
    fc.property(records, fc.array(fc.nat(), { maxLength: 5 }), options, (all, cuts, cut) => {
      const points = [0, ...cuts.map((n) => n % (all.length + 1)).sort((p, q) => p - q), all.length];
      const shards = points.slice(1).map((end, i) => all.slice(points[i], end));
      const merged = merge(...shards.map((shard) => summarize(shard, cut)));
      assert.deepEqual(merged, summarize(all, cut));
      assert.equal(JSON.stringify(merged), JSON.stringify(summarize(all, cut)));
    }),
    RUNS,
  );
});

test('report rates lie in [0, 1] and inside their intervals, at any confidence', () => {
  fc.assert(
    fc.property(records, options, fc.double({ min: 0.5, max: 0.999, noNaN: true }), fc.integer({ min: FROM, max: TO }), (all, cut, confidence, asOf) => {
      for (const row of report(summarize(all, cut), { confidence, asOf })) {
        for (const [rate, interval] of [
          [row.satisfactionRate, row.satisfactionCI],
          [row.onTimeRate, row.onTimeCI],
        ] as const) {
          if (rate === null) {
            assert.equal(interval, null);
            continue;
          }
          assert.ok(rate >= 0 && rate <= 1, `rate ${rate}`);
          const [low, high] = interval!;
          assert.ok(low >= 0 && low <= rate && rate <= high && high <= 1, `${rate} in [${low}, ${high}]`);
        }
        for (const { rate } of Object.values(row.standards)) assert.ok(rate === null || (rate >= 0 && rate <= 1));
        assert.equal(row.cases, row.casesOnTime + row.casesLate + row.casesPending);
        assert.ok(row.satisfied <= row.ratings);
      }
    }),
    RUNS,
  );
});

test('records survive toCsv → parseRecords, and JSON / NDJSON too', () => {
  fc.assert(
    fc.property(records, fc.boolean(), (all, bom) => {
      const csv = parseRecords(toCsv(all, { bom }), 'csv');
      assert.deepEqual(csv.errors, []);
      assert.deepEqual(csv.records, all);
      assert.deepEqual(parseRecords(JSON.stringify(all, null, 2), 'json'), { records: all, errors: [] });
      assert.deepEqual(parseRecords(all.map((r) => JSON.stringify(r)).join('\n'), 'ndjson'), { records: all, errors: [] });
    }),
    RUNS,
  );
});
