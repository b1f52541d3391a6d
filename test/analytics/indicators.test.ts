// The indicators of CONTRACT §9 against a fixture worked out by hand (test/support/indicator-fixture.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { merge, summarize } from '../../src/analytics/summary.js';
import { report, type ReportRow } from '../../src/analytics/report.js';
import { wilsonInterval } from '../../src/analytics/wilson.js';
import { FIXTURE, FIXTURE_AS_OF, FIXTURE_EXPECTED } from '../support/indicator-fixture.js';

const rowsOf = (includeFlagged = false) => report(summarize(FIXTURE, { period: 'quarter', timeZone: 'UTC', includeFlagged }), { asOf: FIXTURE_AS_OF });
const pick = (row: ReportRow, expected: object) => Object.fromEntries(Object.keys(expected).map((key) => [key, row[key as keyof ReportRow]]));

test('every indicator of §9 matches the hand-computed fixture', () => {
  const [q1, q2] = rowsOf();
  assert.equal(q1!.key.period, '2031-Q1');
  assert.deepEqual(pick(q1!, FIXTURE_EXPECTED.Q1), FIXTURE_EXPECTED.Q1);
  assert.equal(q2!.key.period, '2031-Q2');
  assert.deepEqual(pick(q2!, FIXTURE_EXPECTED.Q2), FIXTURE_EXPECTED.Q2);
  // Each share has its Wilson interval over the same counts.
  assert.deepEqual(q1!.verifiedSatisfactionCI, wilsonInterval(1, 2));
  assert.deepEqual(q1!.complaintOnTimeCI, wilsonInterval(1, 3));
  assert.deepEqual(q1!.complaintSatisfactionCI, wilsonInterval(3, 4));
  assert.deepEqual(q1!.dossierSatisfactionCI, wilsonInterval(5, 8));
  assert.equal(q2!.dossierSatisfactionCI, null);
});

test('includeFlagged counts flagged and suspect ratings like the others, links included', () => {
  const [q1] = rowsOf(true);
  assert.deepEqual(pick(q1!, FIXTURE_EXPECTED.Q1Flagged), FIXTURE_EXPECTED.Q1Flagged);
  assert.throws(
    () => merge(summarize(FIXTURE, { includeFlagged: true, timeZone: 'UTC' }), summarize(FIXTURE, { timeZone: 'UTC' })),
    /counts flagged ratings with one that does not/,
  );
});

test('a case, its rating and a complaint in different shards are linked when the summaries merge', () => {
  const options = { period: 'quarter', timeZone: 'UTC' } as const;
  const cases = FIXTURE.filter((record) => record.kind === 'case');
  const others = FIXTURE.filter((record) => record.kind !== 'case');
  const alone = report(summarize(cases, options), { asOf: FIXTURE_AS_OF })[0]!;
  assert.equal(alone.casesDissatisfied, 0); // nothing names them yet
  for (const merged of [merge(summarize(cases, options), summarize(others, options)), merge(summarize(others, options), summarize(cases, options))]) {
    const [q1] = report(merged, { asOf: FIXTURE_AS_OF });
    assert.equal(q1!.casesDissatisfied, FIXTURE_EXPECTED.Q1.casesDissatisfied);
    assert.equal(q1!.complaintsDissatisfied, FIXTURE_EXPECTED.Q1.complaintsDissatisfied);
    assert.deepEqual(merged, summarize(FIXTURE, options));
  }
});

test('a case is linked by agency and id: the same dossier number at another agency is another case', () => {
  const other = FIXTURE.map((record) => (record.kind === 'case' ? record : { ...record, agency: 'so-khac' }));
  const q1 = report(summarize(other, { groupBy: ['agency'], period: 'quarter', timeZone: 'UTC' }), { asOf: FIXTURE_AS_OF }).find(
    (row) => row.key.agency === 'so-fixture',
  )!;
  assert.equal(q1.cases, 8);
  assert.equal(q1.casesDissatisfied, 0);
});
