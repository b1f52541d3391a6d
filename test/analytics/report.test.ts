import { test } from 'node:test';
import assert from 'node:assert/strict';
import { report } from '../../src/analytics/report.js';
import { summarize, summaryFromGroups } from '../../src/analytics/summary.js';
import { complaint, kase, near, rating } from './helpers.js';

const HCM = 'Asia/Ho_Chi_Minh';
const ratings = (satisfied: number, total: number, extra = {}) =>
  Array.from({ length: total }, (_, i) => rating(i < satisfied ? 5 : 1, 5, extra));

test('a row has every field of CONTRACT §5', () => {
  const [row] = report(summarize(ratings(8, 10), { timeZone: HCM }));
  assert.deepEqual(Object.keys(row!).sort(), [
    'cases', 'casesLate', 'casesOnTime', 'casesPending', 'complaints', 'complaintsByCategory', 'key',
    'lowSample', 'meetsOnTimeTarget', 'meetsSatisfactionTarget', 'onTimeCI', 'onTimeRate', 'ratings',
    'satisfactionCI', 'satisfactionRate', 'satisfied', 'scoreCounts', 'standards',
    // CONTRACT §7 and §9:
    'answers', 'casesDissatisfied', 'complaintOnTimeCI', 'complaintOnTimeRate', 'complaintRatings',
    'complaintSatisfactionCI', 'complaintSatisfactionRate', 'complaintsDissatisfied', 'complaintsLate',
    'complaintsOnTime', 'complaintsPending', 'dossierSatisfactionCI', 'dossierSatisfactionRate',
    'flaggedRatings', 'responseRate', 'verifiedRatings', 'verifiedSatisfactionCI', 'verifiedSatisfactionRate',
    'verifiedSatisfied',
  ].sort());
});

test('8 satisfied of 10 meets the 80 % target exactly, with its Wilson interval', () => {
  const [row] = report(summarize(ratings(8, 10), { timeZone: HCM }));
  assert.equal(row!.ratings, 10);
  assert.equal(row!.satisfied, 8);
  assert.equal(row!.satisfactionRate, 0.8);
  assert.equal(row!.meetsSatisfactionTarget, true); // at least the target
  near(row!.satisfactionCI![0], 0.4902); // worked out in wilson.test.ts
  near(row!.satisfactionCI![1], 0.9433);
  assert.equal(row!.lowSample, true); // 10 < 30
  assert.deepEqual(row!.scoreCounts, { '5': { '1': 2, '2': 0, '3': 0, '4': 0, '5': 8 } });
  const [seven] = report(summarize(ratings(7, 10), { timeZone: HCM }));
  assert.equal(seven!.meetsSatisfactionTarget, false); // 0.7 < 0.8
  assert.equal(report(summarize(ratings(7, 10), { timeZone: HCM }), { targets: { satisfaction: 0.7 } })[0]!.meetsSatisfactionTarget, true);
  // 99 % confidence widens it (see wilson.test.ts): [0.4008, 0.9599].
  const [wide] = report(summarize(ratings(8, 10), { timeZone: HCM }), { confidence: 0.99 });
  near(wide!.satisfactionCI![0], 0.4008);
  near(wide!.satisfactionCI![1], 0.9599);
});

test('satisfaction thresholds: ≥ 4 of 5, ≥ 2 of 3', () => {
  // Scale 5: 1, 2, 3 are not satisfied, 4 and 5 are → 2 of 5.
  // Scale 3: 1 is not satisfied, 2 and 3 are → 2 of 3. Together 4 of 8.
  const records = [1, 2, 3, 4, 5].map((score) => rating(score, 5)).concat([1, 2, 3].map((score) => rating(score, 3)));
  const [row] = report(summarize(records, { timeZone: HCM }));
  assert.equal(row!.ratings, 8);
  assert.equal(row!.satisfied, 4);
  assert.equal(row!.satisfactionRate, 0.5);
  assert.deepEqual(row!.scoreCounts, { '3': { '1': 1, '2': 1, '3': 1 }, '5': { '1': 1, '2': 1, '3': 1, '4': 1, '5': 1 } });
  const [three] = report(summarize([rating(2, 3), rating(2, 3), rating(1, 3)], { timeZone: HCM }));
  assert.equal(three!.satisfied, 2); // a 2 of 3 ("Hài lòng") is satisfied; a 2 of 5 would not be
  assert.deepEqual(three!.scoreCounts, { '3': { '1': 1, '2': 2, '3': 0 } });
});

test('cases: on time, late and pending at asOf; resolved exactly at dueAt is on time', () => {
  const due = '2026-04-10T10:00:00Z';
  const records = [
    kase('2026-04-01T01:00:00Z', due, '2026-04-10T10:00:00Z'), // resolved at dueAt → on time
    kase('2026-04-01T01:00:00Z', due, '2026-04-03T08:00:00Z'), // early → on time
    kase('2026-04-01T01:00:00Z', due, '2026-04-10T10:00:01Z'), // a second late → late
    kase('2026-04-01T01:00:00Z', '2026-04-05T00:00:00Z'), // open, due before asOf → late
    kase('2026-04-01T01:00:00Z', due), // open, due after asOf → pending
    kase('2026-04-01T01:00:00Z', '2026-04-08T00:00:00Z'), // open, due exactly at asOf → pending
  ];
  const summary = summarize(records, { timeZone: HCM });
  const [row] = report(summary, { asOf: '2026-04-08T00:00:00Z' });
  assert.equal(row!.cases, 6);
  assert.equal(row!.casesOnTime, 2);
  assert.equal(row!.casesLate, 2);
  assert.equal(row!.casesPending, 2);
  assert.equal(row!.onTimeRate, 0.5); // 2 / (2 + 2); pending left out
  assert.equal(row!.meetsOnTimeTarget, false); // target 100 %
  // Wilson 2 of 4 at 95 %: centre 0.5, half = 1.959964·√(0.0625 + 3.841459/64) / (1 + 3.841459/4)
  //   = 1.959964·√0.1225228 / 1.9603648 = 1.959964·0.3500326 / 1.9603648 = 0.349954 → [0.1500, 0.8500]
  near(row!.onTimeCI![0], 0.15);
  near(row!.onTimeCI![1], 0.85);
  // Ten days later the two pending cases are overdue: 2 on time of 6 decided.
  const [later] = report(summary, { asOf: new Date('2026-04-20T00:00:00Z') });
  assert.deepEqual([later!.casesOnTime, later!.casesLate, later!.casesPending], [2, 4, 0]);
  near(later!.onTimeRate, 1 / 3, 1e-12);
  // All on time meets the 100 % target.
  const [perfect] = report(summarize(records.slice(0, 2), { timeZone: HCM }), { asOf: 0 });
  assert.equal(perfect!.onTimeRate, 1);
  assert.equal(perfect!.meetsOnTimeTarget, true);
  // Nothing decided yet: rate, interval and target flag are null.
  const [open] = report(summarize([records[4]!], { timeZone: HCM }), { asOf: '2026-04-08T00:00:00Z' });
  assert.deepEqual([open!.cases, open!.casesPending, open!.onTimeRate, open!.onTimeCI, open!.meetsOnTimeTarget], [1, 1, null, null, null]);
});

test('a group without ratings has null satisfaction, and lowSample follows minSample', () => {
  const summary = summarize([complaint('fees', { unit: 'b' }), ...ratings(29, 29, { unit: 'a' }), ...ratings(30, 30, { unit: 'c' })], {
    groupBy: ['unit'],
    timeZone: HCM,
  });
  const rows = report(summary);
  assert.deepEqual(rows.map((row) => row.key.unit), ['a', 'b', 'c']);
  const [a, b, c] = rows;
  assert.deepEqual([b!.ratings, b!.satisfactionRate, b!.satisfactionCI, b!.meetsSatisfactionTarget, b!.lowSample], [0, null, null, null, true]);
  assert.deepEqual(b!.scoreCounts, {});
  assert.deepEqual([b!.complaints, b!.complaintsByCategory], [1, { fees: 1 }]);
  assert.equal(a!.lowSample, true); // 29 < 30
  assert.equal(c!.lowSample, false); // 30 is enough
  assert.equal(report(summary, { minSample: 29 })[0]!.lowSample, false);
});

test('standards: yes, no and rate per id', () => {
  const [row] = report(
    summarize(
      [
        rating(5, 5, { standards: { greet: true, smile: true } }),
        rating(4, 5, { standards: { greet: true } }),
        rating(2, 5, { standards: { greet: false, smile: true } }),
        rating(5, 5, { standards: { greet: true } }),
      ],
      { timeZone: HCM },
    ),
  );
  assert.deepEqual(row!.standards, { greet: { yes: 3, no: 1, rate: 0.75 }, smile: { yes: 2, no: 0, rate: 1 } });
});

test('rows are sorted by key: groupBy fields in order (null first), then period', () => {
  const records = [
    rating(5, 5, { agency: 'b', unit: 'x', createdAt: '2026-02-01T00:00:00.000Z' }),
    rating(5, 5, { agency: 'a', createdAt: '2026-03-01T00:00:00.000Z' }),
    rating(5, 5, { agency: 'a', unit: 'y', createdAt: '2026-01-15T00:00:00.000Z' }),
    rating(5, 5, { agency: 'a', unit: 'y', createdAt: '2025-12-15T00:00:00.000Z' }),
    rating(5, 5, { agency: 'a', createdAt: '2026-01-01T00:00:00.000Z' }),
  ];
  const rows = report(summarize(records, { groupBy: ['agency', 'unit'], period: 'month', timeZone: 'UTC' }));
  assert.deepEqual(
    rows.map((row) => row.key),
    [
      { agency: 'a', unit: null, period: '2026-01' },
      { agency: 'a', unit: null, period: '2026-03' }, // no row for February: empty periods are not invented
      { agency: 'a', unit: 'y', period: '2025-12' },
      { agency: 'a', unit: 'y', period: '2026-01' },
      { agency: 'b', unit: 'x', period: '2026-02' },
    ],
  );
});

test('report sorts summaries built elsewhere and checks its options', () => {
  const summary = summaryFromGroups({ groupBy: ['unit'], period: 'year', timeZone: 'UTC' }, [
    { key: { unit: 'z', period: '2026' }, stats: { scores: { '5': { '5': 1 } } } },
    { key: { unit: 'a', period: '2026' }, stats: { scores: { '5': { '1': 1 } } } },
  ]);
  summary.groups.reverse();
  assert.deepEqual(report(summary).map((row) => row.key.unit), ['a', 'z']);
  assert.throws(() => report(summary, { confidence: 1 }), /confidence/);
  assert.throws(() => report(summary, { targets: { satisfaction: 80 } }), /targets.satisfaction must be a share/);
  assert.throws(() => report(summary, { minSample: -1 }), /minSample/);
  assert.throws(() => report(summary, { asOf: 'tomorrow' }), /asOf/);
});
