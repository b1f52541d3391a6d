import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  civilFromDays,
  daysFromCivil,
  parseInstant,
  periodKey,
  periodKeyer,
  resolveTimeZone,
  timeZoneOffset,
} from '../../src/analytics/period.js';

const HCM = 'Asia/Ho_Chi_Minh';
const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';

test('ISO weeks around year ends, including 53-week years', () => {
  // 2026 starts on a Thursday, so it has 53 ISO weeks; 2026-12-31 is that Thursday.
  assert.equal(periodKey('2026-12-31T12:00:00Z', 'week', 'UTC'), '2026-W53');
  // 2027-01-01 is a Friday: its week's Thursday is 2026-12-31, so it still belongs to 2026.
  assert.equal(periodKey('2027-01-01T12:00:00Z', 'week', 'UTC'), '2026-W53');
  // 2027-01-04 is the Monday of 2027-W01.
  assert.equal(periodKey('2027-01-04T12:00:00Z', 'week', 'UTC'), '2027-W01');
  // 2021-01-03 is a Sunday; its Thursday is 2020-12-31, and 2020 (leap, starts on Wednesday) has 53 weeks.
  assert.equal(periodKey('2021-01-03T12:00:00Z', 'week', 'UTC'), '2020-W53');
  // 2024-12-30 is a Monday whose Thursday is 2025-01-02: week 1 of 2025.
  assert.equal(periodKey('2024-12-30T12:00:00Z', 'week', 'UTC'), '2025-W01');
  // 2026-01-01 (Thursday) is in 2026-W01, and so is the Monday before it, 2025-12-29.
  assert.equal(periodKey('2026-01-01T12:00:00Z', 'week', 'UTC'), '2026-W01');
  assert.equal(periodKey('2025-12-29T00:00:00Z', 'week', 'UTC'), '2026-W01');
  // 2026-03-05 is a Thursday, 63 days after 2026-01-01: week 1 + 63/7 = 10.
  assert.equal(periodKey('2026-03-05T08:30:00.000Z', 'week', 'UTC'), '2026-W10');
  // The week is decided on the local wall clock: Sunday 2026-01-04 23:30 in New York is
  // Monday 04:30 UTC, the first day of 2026-W02.
  assert.equal(periodKey('2026-01-05T04:30:00Z', 'week', NEW_YORK), '2026-W01');
  assert.equal(periodKey('2026-01-05T04:30:00Z', 'week', 'UTC'), '2026-W02');
});

test('quarter edges in two time zones: 2026-03-31T20:00Z is Q2 in Ho Chi Minh City, Q1 in UTC and New York', () => {
  assert.equal(periodKey('2026-03-31T20:00:00Z', 'quarter', HCM), '2026-Q2'); // 2026-04-01 03:00 +07
  assert.equal(periodKey('2026-03-31T20:00:00Z', 'quarter', 'UTC'), '2026-Q1');
  assert.equal(periodKey('2026-03-31T20:00:00Z', 'quarter', NEW_YORK), '2026-Q1'); // 16:00 −04
  // The exact edge: local midnight of 1 April is 17:00Z the day before in UTC+7 …
  assert.equal(periodKey('2026-03-31T16:59:59.999Z', 'quarter', HCM), '2026-Q1');
  assert.equal(periodKey('2026-03-31T17:00:00.000Z', 'quarter', HCM), '2026-Q2');
  // … and 04:00Z the same day in New York (daylight time, UTC−4).
  assert.equal(periodKey('2026-04-01T03:59:59Z', 'quarter', NEW_YORK), '2026-Q1');
  assert.equal(periodKey('2026-04-01T04:00:00Z', 'quarter', NEW_YORK), '2026-Q2');
  // Year edge: 2025-12-31T17:00Z is already 2026 in Viet Nam.
  assert.equal(periodKey('2025-12-31T17:00:00Z', 'year', HCM), '2026');
  assert.equal(periodKey('2025-12-31T17:00:00Z', 'month', HCM), '2026-01');
  assert.equal(periodKey('2025-12-31T17:00:00Z', 'quarter', HCM), '2026-Q1');
  assert.equal(periodKey('2025-12-31T17:00:00Z', 'year', 'UTC'), '2025');
  assert.equal(periodKey('2025-12-31T17:00:00Z', 'all', HCM), 'all');
});

test('DST in Berlin: 2026-03-29 has 23 hours, 2026-10-25 has 25', () => {
  // Spring: 00:30 CET (+01) = 2026-03-28T23:30Z; 23:30 CEST (+02) = 2026-03-29T21:30Z.
  assert.equal(periodKey('2026-03-28T23:30:00Z', 'day', BERLIN), '2026-03-29');
  assert.equal(periodKey('2026-03-29T21:30:00Z', 'day', BERLIN), '2026-03-29');
  // The day runs from 23:00Z to 22:00Z: 23 hours.
  assert.equal(periodKey('2026-03-28T22:59:59Z', 'day', BERLIN), '2026-03-28');
  assert.equal(periodKey('2026-03-28T23:00:00Z', 'day', BERLIN), '2026-03-29');
  assert.equal(periodKey('2026-03-29T21:59:59Z', 'day', BERLIN), '2026-03-29');
  assert.equal(periodKey('2026-03-29T22:00:00Z', 'day', BERLIN), '2026-03-30');
  // The switch itself, 01:00Z: 00:59:59Z is 01:59:59 CET, 01:00:00Z is 03:00:00 CEST.
  assert.equal(timeZoneOffset(Date.parse('2026-03-29T00:59:59Z'), BERLIN), 3_600_000);
  assert.equal(timeZoneOffset(Date.parse('2026-03-29T01:00:00Z'), BERLIN), 7_200_000);
  // Autumn: 00:30 CEST = 2026-10-24T22:30Z; 23:30 CET = 2026-10-25T22:30Z; the day is 22:00Z–23:00Z+1.
  assert.equal(periodKey('2026-10-24T22:30:00Z', 'day', BERLIN), '2026-10-25');
  assert.equal(periodKey('2026-10-25T22:30:00Z', 'day', BERLIN), '2026-10-25');
  assert.equal(periodKey('2026-10-24T21:59:59Z', 'day', BERLIN), '2026-10-24');
  assert.equal(periodKey('2026-10-25T22:59:59Z', 'day', BERLIN), '2026-10-25');
  assert.equal(periodKey('2026-10-25T23:00:00Z', 'day', BERLIN), '2026-10-26');
  // 02:30 happens twice (00:30Z in CEST, 01:30Z in CET): both on the 25th.
  assert.equal(periodKey('2026-10-25T00:30:00Z', 'day', BERLIN), '2026-10-25');
  assert.equal(periodKey('2026-10-25T01:30:00Z', 'day', BERLIN), '2026-10-25');
});

test('DST in New York: 2026-03-08 and 2026-11-01', () => {
  // EST (−5) until 2026-03-08T07:00Z, then EDT (−4).
  assert.equal(periodKey('2026-03-08T04:59:59Z', 'day', NEW_YORK), '2026-03-07'); // 23:59:59 EST
  assert.equal(periodKey('2026-03-08T05:30:00Z', 'day', NEW_YORK), '2026-03-08'); // 00:30 EST
  assert.equal(periodKey('2026-03-09T03:30:00Z', 'day', NEW_YORK), '2026-03-08'); // 23:30 EDT
  assert.equal(periodKey('2026-03-09T04:00:00Z', 'day', NEW_YORK), '2026-03-09'); // 00:00 EDT
  // EDT until 2026-11-01T06:00Z, then EST: 1 November lasts from 04:00Z to 05:00Z the next day.
  assert.equal(periodKey('2026-11-01T04:30:00Z', 'day', NEW_YORK), '2026-11-01'); // 00:30 EDT
  assert.equal(periodKey('2026-11-02T04:30:00Z', 'day', NEW_YORK), '2026-11-01'); // 23:30 EST
  assert.equal(periodKey('2026-11-02T05:00:00Z', 'day', NEW_YORK), '2026-11-02');
});

test('offsets that are not whole hours: Kathmandu (+05:45)', () => {
  assert.equal(periodKey('2026-01-31T18:14:59Z', 'month', 'Asia/Kathmandu'), '2026-01');
  assert.equal(periodKey('2026-01-31T18:15:00Z', 'month', 'Asia/Kathmandu'), '2026-02');
  assert.equal(timeZoneOffset(Date.parse('2026-03-05T00:00:00Z'), HCM), 7 * 3_600_000);
  // History is honoured too: Saigon kept UTC+8 until 1975.
  assert.equal(timeZoneOffset(0, HCM), 8 * 3_600_000);
});

test('period keys agree with Intl on random instants in zones with odd rules', () => {
  const zones = [HCM, BERLIN, NEW_YORK, 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'Pacific/Apia', 'UTC'];
  const from = Date.UTC(1970, 0, 1);
  const to = Date.UTC(2040, 0, 1);
  fc.assert(
    fc.property(fc.constantFrom(...zones), fc.integer({ min: from, max: to }), (zone, ms) => {
      const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
      assert.equal(periodKey(ms, 'day', zone), parts);
      assert.equal(periodKey(ms, 'month', zone), parts.slice(0, 7));
    }),
    { numRuns: 300 },
  );
});

test('Pacific/Apia skipped 2011-12-30 entirely', () => {
  // Samoa moved from UTC−10 to UTC+14 at local midnight of 30 December 2011 (2011-12-30T10:00Z).
  assert.equal(periodKey('2011-12-30T09:59:59Z', 'day', 'Pacific/Apia'), '2011-12-29');
  assert.equal(periodKey('2011-12-30T10:00:00Z', 'day', 'Pacific/Apia'), '2011-12-31');
});

test('parseInstant reads the ISO forms records use and refuses the rest', () => {
  assert.equal(parseInstant('2026-03-05T08:30:00.000Z'), Date.UTC(2026, 2, 5, 8, 30));
  assert.equal(parseInstant('2026-03-05T08:30:00Z'), Date.UTC(2026, 2, 5, 8, 30));
  assert.equal(parseInstant('2026-03-05T08:30Z'), Date.UTC(2026, 2, 5, 8, 30));
  assert.equal(parseInstant('2026-03-05T15:30:00+07:00'), Date.UTC(2026, 2, 5, 8, 30));
  assert.equal(parseInstant('2026-03-05T03:30:00-0500'), Date.UTC(2026, 2, 5, 8, 30));
  assert.equal(parseInstant('2026-03-05T08:30:00.123456789Z'), Date.UTC(2026, 2, 5, 8, 30, 0, 123));
  assert.equal(parseInstant('2024-02-29T00:00:00Z'), Date.UTC(2024, 1, 29));
  for (const bad of ['2026-02-30T00:00:00Z', '2025-02-29T00:00:00Z', '2026-03-05', '2026-03-05T08:30:00', '2026-13-01T00:00Z', '2026-03-05T24:00Z', 'yesterday', '2026-03-05T08:30:00.Z']) {
    assert.ok(Number.isNaN(parseInstant(bad)), bad);
  }
  assert.ok(Number.isNaN(parseInstant(undefined as unknown as string)));
});

test('day numbers and calendar dates round-trip', () => {
  assert.equal(daysFromCivil(1970, 1, 1), 0);
  assert.equal(daysFromCivil(2000, 3, 1), 11017);
  assert.deepEqual(civilFromDays(11017), [2000, 3, 1]);
  assert.deepEqual(civilFromDays(-1), [1969, 12, 31]);
  fc.assert(
    fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (days) => {
      const [y, m, d] = civilFromDays(days);
      assert.equal(daysFromCivil(y, m, d), days);
      assert.equal(new Date(days * 86_400_000).toISOString().slice(0, 10).replace(/^\+0*/, ''), `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    }),
    { numRuns: 200 },
  );
});

test('bad time zones and periods are refused with a clear message', () => {
  assert.throws(() => periodKey(0, 'day', 'Mars/Olympus_Mons'), /Unknown time zone "Mars\/Olympus_Mons"/);
  assert.throws(() => periodKey(0, 'fortnight' as never, 'UTC'), /Unknown period "fortnight"/);
  assert.throws(() => periodKey('not a date', 'day', 'UTC'), /Not a valid instant/);
  assert.equal(periodKeyer('day', 'UTC')(NaN), undefined);
  assert.equal(resolveTimeZone(' Asia/Ho_Chi_Minh ').name, 'Asia/Ho_Chi_Minh');
});
