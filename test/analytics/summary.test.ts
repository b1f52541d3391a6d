import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addGroupStats,
  createSummarizer,
  emptyGroupStats,
  emptySummary,
  merge,
  summarize,
  summaryFromGroups,
  type Summary,
} from '../../src/analytics/summary.js';
import { report } from '../../src/analytics/report.js';
import { complaint, kase, rating } from './helpers.js';

const HCM = 'Asia/Ho_Chi_Minh';

test('empty input: no groups, no rows', () => {
  const summary = summarize([], { groupBy: ['unit'], period: 'month', timeZone: HCM });
  assert.deepEqual(summary, {
    version: 1, groupBy: ['unit'], period: 'month', timeZone: HCM, includeFlagged: false, skipped: 0, groups: [],
    dissatisfied: { cases: [], complaints: [] },
  });
  assert.deepEqual(report(summary), []);
});

test('counts ratings per scale and score, standards answers, complaints and cases', () => {
  const summary = summarize(
    [
      rating(4, 5, { standards: { greet: true, smile: false } }),
      rating(3, 5, { standards: { greet: true } }),
      rating(2, 3),
      rating(2, 3),
      rating(1, 3),
      complaint('delay'),
      complaint('delay'),
      complaint('fees'),
      kase('2026-03-01T01:00:00Z', '2026-03-10T10:00:00Z', '2026-03-09T09:00:00Z'),
      kase('2026-03-01T01:00:00Z', '2026-03-10T10:00:00Z', '2026-03-11T09:00:00Z'),
      kase('2026-03-02T01:00:00Z', '2026-03-20T10:00:00+07:00'),
      kase('2026-03-02T01:00:00Z', '2026-03-20T03:00:00Z'),
    ],
    { timeZone: HCM },
  );
  assert.equal(summary.groups.length, 1);
  assert.deepEqual(summary.groups[0], {
    key: { period: 'all' },
    stats: {
      scores: { '3': { '1': 1, '2': 2 }, '5': { '3': 1, '4': 1 } },
      standards: { greet: { yes: 2, no: 0 }, smile: { yes: 0, no: 1 } },
      complaintsByCategory: { delay: 2, fees: 1 },
      casesOnTime: 1,
      casesResolvedLate: 1,
      // 10:00+07:00 and 03:00Z are the same instant: one entry of 2.
      casesOpenByDue: { '2026-03-20T03:00:00.000Z': 2 },
      // None of these ratings is verified; the complaints never reached a collector (no dueAt).
      verifiedScores: {},
      flaggedRatings: 0,
      complaintRatings: 0,
      answers: {},
      complaintsOnTime: 0,
      complaintsResolvedLate: 0,
      complaintsOpenByDue: {},
      casesDissatisfied: 0,
      caseKeys: summary.groups[0]!.stats.caseKeys,
      complaintsDissatisfied: 0,
      complaintKeys: [],
    },
  });
  assert.equal(summary.groups[0]!.stats.caseKeys.length, 4);
  assert.ok(summary.groups[0]!.stats.caseKeys.every((key) => key.startsWith('ubnd-hoan-kiem\u001fHS-')));
});

test('groupBy fields a record lacks are null, and null sorts first', () => {
  const summary = summarize(
    [rating(5, 5, { unit: 'mot-cua' }), rating(5, 5), rating(1, 5, { unit: 'Mot-cua' }), rating(4, 5, { unit: 'mot-cua', service: 'ho-tich' })],
    { groupBy: ['unit', 'service'], timeZone: 'UTC' },
  );
  assert.deepEqual(
    summary.groups.map((group) => group.key),
    [
      { unit: null, service: null, period: 'all' },
      // Code-unit order: capitals before lower case, the same in every runtime.
      { unit: 'Mot-cua', service: null, period: 'all' },
      { unit: 'mot-cua', service: null, period: 'all' },
      { unit: 'mot-cua', service: 'ho-tich', period: 'all' },
    ],
  );
  assert.deepEqual(Object.keys(summary.groups[0]!.key), ['unit', 'service', 'period']);
});

test('records that cannot be counted are counted as skipped, not dropped silently', () => {
  const summarizer = createSummarizer({ groupBy: ['unit'], period: 'day', timeZone: 'UTC' });
  assert.equal(summarizer.add(rating(6, 5)), false); // score above the scale
  assert.equal(summarizer.add(rating(2.5, 5)), false);
  assert.equal(summarizer.add({ ...rating(4, 4 as 5) }), false); // no such scale
  assert.equal(summarizer.add(rating(4, 5, { createdAt: '2026-03-05' })), false); // no time of day: zone-dependent
  assert.equal(summarizer.add({ kind: 'survey' }), false);
  assert.equal(summarizer.add(null), false);
  assert.equal(summarizer.add(kase('2026-03-01T00:00:00Z', 'soon')), false);
  assert.equal(summarizer.add(rating(4, 5)), true);
  assert.equal(summarizer.records, 8);
  assert.equal(summarizer.skipped, 7);
  const summary = summarizer.summary();
  assert.equal(summary.skipped, 7);
  assert.equal(summary.groups.length, 1); // no empty groups were created by the skipped ones
});

test('ratings and complaints bucket by createdAt, cases by receivedAt', () => {
  const summary = summarize(
    [
      rating(5, 5, { createdAt: '2026-03-31T20:00:00.000Z' }), // 2026-04-01 03:00 in Viet Nam
      complaint('delay', { createdAt: '2026-03-31T16:00:00.000Z' }), // 23:00 on 31 March
      kase('2026-03-31T18:00:00Z', '2026-03-31T00:00:00Z', undefined, { createdAt: '2026-01-01T00:00:00.000Z' }),
    ],
    { period: 'month', timeZone: HCM },
  );
  assert.deepEqual(
    summary.groups.map((group) => [group.key.period, Object.keys(group.stats.scores).length, Object.keys(group.stats.complaintsByCategory), Object.keys(group.stats.casesOpenByDue).length]),
    [
      ['2026-03', 0, ['delay'], 0],
      ['2026-04', 1, [], 1],
    ],
  );
});

test('summarize reads iterables and async iterables the same way', async () => {
  const records = [rating(5, 5, { unit: 'a' }), rating(2, 5, { unit: 'b' }), complaint('fees', { unit: 'a' })];
  const options = { groupBy: ['unit'] as const, period: 'quarter' as const, timeZone: HCM };
  const fromArray = summarize(records, options);
  function* generate() {
    yield* records;
  }
  async function* stream() {
    for (const record of records) yield record;
  }
  assert.deepEqual(summarize(generate(), options), fromArray);
  assert.deepEqual(await summarize(stream(), options), fromArray);
  assert.throws(() => summarize(42 as never), /iterable/);
});

test('a Summary survives JSON.stringify / JSON.parse, and reports the same', () => {
  const summary = summarize(
    [rating(5, 5, { unit: 'a', standards: { greet: true } }), complaint('__proto__', { unit: 'a' }), kase('2026-03-01T00:00:00Z', '2026-03-05T00:00:00Z')],
    { groupBy: ['unit'], period: 'week', timeZone: HCM },
  );
  const copy = JSON.parse(JSON.stringify(summary)) as Summary;
  assert.deepEqual(copy, summary);
  assert.equal(JSON.stringify(copy), JSON.stringify(summary));
  const asOf = '2026-04-01T00:00:00Z';
  assert.deepEqual(report(copy, { asOf }), report(summary, { asOf }));
  // A category named __proto__ stays a plain key: nothing is polluted.
  const group = copy.groups.find((g) => g.key.unit === 'a')!;
  assert.deepEqual(Object.keys(group.stats.complaintsByCategory), ['__proto__']);
  assert.equal(Object.getPrototypeOf(summary.groups.find((g) => g.key.unit === 'a')!.stats.complaintsByCategory), Object.prototype);
  assert.equal(report(summary, { asOf }).find((row) => row.key.unit === 'a')!.complaints, 1);
});

test('merge adds counters and refuses summaries cut differently', () => {
  const options = { groupBy: ['unit'] as const, period: 'month' as const, timeZone: HCM };
  const a = summarize([rating(5, 5, { unit: 'a' }), rating(1, 3, { unit: 'b' })], options);
  const b = summarize([rating(5, 5, { unit: 'a' }), complaint('fees', { unit: 'a' })], options);
  const merged = merge(a, b);
  assert.deepEqual(merged.groups.map((group) => [group.key.unit, group.stats.scores, group.stats.complaintsByCategory]), [
    ['a', { '5': { '5': 2 } }, { fees: 1 }],
    ['b', { '3': { '1': 1 } }, {}],
  ]);
  assert.deepEqual(merge(a), a);
  assert.throws(() => merge(a, summarize([], { ...options, period: 'day' })), /different periods: "month" and "day"/);
  assert.throws(() => merge(a, summarize([], { ...options, groupBy: ['service'] })), /grouped differently/);
  assert.throws(() => merge(a, summarize([], { ...options, timeZone: 'UTC' })), /different time zones/);
  assert.throws(() => merge(), /at least one/);
  assert.throws(() => merge({ ...a, version: 2 } as never), /version 2/);
  // Two names of one zone merge, and the result keeps the same name whichever comes first.
  const saigon = summarize([rating(5, 5, { unit: 'a' })], { ...options, timeZone: 'Asia/Saigon' });
  assert.equal(merge(a, saigon).timeZone, 'Asia/Ho_Chi_Minh');
  assert.equal(merge(saigon, a).timeZone, 'Asia/Ho_Chi_Minh');
  // Inputs are left alone.
  assert.deepEqual(a.groups[0]!.stats.scores, { '5': { '5': 1 } });
});

test('a Summary built from SQL-style counters equals summarize() of the records', () => {
  const options = { groupBy: ['unit'] as const, period: 'month' as const, timeZone: HCM };
  const records = [
    rating(4, 5, { unit: 'a', standards: { greet: true } }),
    rating(2, 5, { unit: 'a', standards: { greet: false } }),
    rating(3, 3, { unit: 'a' }),
    complaint('fees', { unit: 'a' }),
    kase('2026-03-01T00:00:00Z', '2026-03-05T00:00:00Z', '2026-03-04T00:00:00Z', { unit: 'a' }),
    kase('2026-03-01T00:00:00Z', '2026-03-05T00:00:00Z', undefined, { unit: 'a' }),
    rating(5, 5),
  ];
  const key = { unit: 'a', period: '2026-03' };
  // One "row" per counter, as separate GROUP BY queries would give them.
  const built = summaryFromGroups(options, [
    { key, stats: { scores: { '5': { '4': 1, '2': 1 } } } },
    { key, stats: { scores: { '3': { '3': 1 } } } },
    { key, stats: { standards: { greet: { yes: 1, no: 1 } } } },
    { key, stats: { complaintsByCategory: { fees: 1 }, casesOnTime: 1 } },
    { key, stats: { casesOpenByDue: { [String(Date.parse('2026-03-05T00:00:00Z'))]: 1 } } },
    { key: { unit: null, period: '2026-03' }, stats: { scores: { '5': { '5': 1 } } } },
    { key, stats: { caseKeys: records.filter((r) => r.kind === 'case').map((r) => `ubnd-hoan-kiem\u001f${r.id}`) } },
  ]);
  assert.deepEqual(built, summarize(records, options));
  const grown = addGroupStats(emptySummary(options), key, { scores: { '5': { '1': 2 } } });
  assert.deepEqual(grown.groups, [{ key, stats: { ...emptyGroupStats(), scores: { '5': { '1': 2 } } } }]);
});

test('counters are checked, with the place of the fault', () => {
  const options = { groupBy: ['unit'] as const, period: 'month' as const, timeZone: HCM };
  const key = { unit: 'a', period: '2026-03' };
  assert.throws(() => summaryFromGroups(options, [{ key, stats: { casesOnTime: '3' as never } }]), /casesOnTime must be a whole number ≥ 0, got "3" \(SQL drivers such as pg/);
  assert.throws(() => summaryFromGroups(options, [{ key, stats: { scores: { '4': { '1': 1 } } } }]), /scale must be "3" or "5"/);
  assert.throws(() => summaryFromGroups(options, [{ key, stats: { scores: { '3': { '4': 1 } } } }]), /score must be 1 to 3/);
  assert.throws(() => summaryFromGroups(options, [{ key, stats: { casesOpenByDue: { tomorrow: 1 } } }]), /not an ISO 8601 instant/);
  assert.throws(() => summaryFromGroups(options, [{ key: { period: '2026-03' }, stats: {} }]), /has no "unit" \(use null/);
  assert.throws(() => summaryFromGroups(options, [{ key: { unit: 'a', period: '2026-Q1' }, stats: {} }]), /is not a "month" period/);
  assert.throws(() => summarize([], { groupBy: ['comment' as never] }), /Cannot group by "comment"/);
  assert.throws(() => summarize([], { groupBy: ['unit', 'unit'] }), /twice/);
  assert.throws(() => summarize([], { period: 'decade' as never }), /Unknown period/);
  assert.throws(() => summarize([], { timeZone: 'Hanoi' }), /Unknown time zone "Hanoi"/);
});
