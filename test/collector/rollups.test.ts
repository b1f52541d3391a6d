// The kept rollups (src/collector/storage/rollups.ts) report exactly what a scan of the records
// reports, and what analytics' report(summarize()) makes of them — every indicator of §5 and §9,
// flagged ratings left out or counted — for every period, in zones with DST, half- and
// quarter-hour offsets, with windows that start and end inside a day, and after the writes that
// change counted fields (case updates, complaint status changes, flags).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { summarize, type GroupField } from '../../src/analytics/summary.js';
import { report } from '../../src/analytics/report.js';
import type { Period } from '../../src/analytics/period.js';
import type { CaseRecord, FeedbackRecord } from '../../src/core/record.js';
import { openStorage, ensureRollups, Store, type Storage } from '../../src/collector/storage/index.js';
import { reportSummaryFromRollups } from '../../src/collector/storage/rollups.js';
import { storeExactly } from '../support/store-exactly.js';
import { summarizeInSql } from '../../src/collector/storage/summary-sql.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { WINDOW, prng, randomRecords } from '../support/summary-data.js';
import { pgliteDatabase } from '../support/collector.js';

const ZONES = ['Asia/Ho_Chi_Minh', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC'];
/**
 * PGlite runs the same SQL text as PostgreSQL, several times slower: it checks the agency's zone
 * and the oddest one (a half-hour DST shift); PostgreSQL checks them all.
 */
const PGLITE_ZONES = ['Asia/Ho_Chi_Minh', 'Australia/Lord_Howe'];
const PERIODS: Period[] = ['all', 'day', 'week', 'month', 'quarter', 'year'];
/** A grouping for each rollup table; each period and window takes two of them in turn. */
const GROUPINGS: GroupField[][] = [['unit'], ['channel'], ['service'], ['officer'], ['agency', 'unit', 'service'], ['agency', 'service', 'officer', 'channel']];
const groupingsFor = (turn: number): GroupField[][] => [GROUPINGS[turn % GROUPINGS.length]!, GROUPINGS[(turn + 3) % GROUPINGS.length]!];

/** Windows whose ends fall on local midnights and inside days, in the zone under test. */
const WINDOWS = [
  {},
  { from: '2040-12-31T17:00:00.000Z', to: '2041-04-05T15:00:00.000Z' },
  { from: '2041-03-10T06:59:59.999Z', to: '2041-03-31T18:15:00.000Z' },
  { from: '2041-02-03T10:11:12.131Z', to: '2041-02-03T20:00:00.000Z' },
];

function within(records: readonly FeedbackRecord[], from?: string, to?: string): FeedbackRecord[] {
  return records.filter((record) => {
    const at = Date.parse(record.kind === 'case' ? (record as CaseRecord).receivedAt : (record.createdAt as string));
    return (from === undefined || at >= Date.parse(from)) && (to === undefined || at < Date.parse(to));
  });
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const AS_OF = new Date('2042-07-01T00:00:00.000Z');
/** What the route answers: report rows (as JSON), at AS_OF or another instant. */
const rows = (summary: Parameters<typeof report>[0], asOf: string = AS_OF.toISOString()) => JSON.parse(JSON.stringify(report(summary, { asOf: new Date(asOf) }))) as unknown;

/** An open case or complaint received inside WINDOWS[2] (so inside every window but the last). */
function openItemDue(records: readonly FeedbackRecord[]): number {
  const open = records.find((record) => {
    const at = Date.parse(record.kind === 'case' ? (record as CaseRecord).receivedAt : (record.createdAt as string));
    const isOpen = record.kind === 'case' ? !('resolvedAt' in record) : record.kind === 'complaint' && !['resolved', 'rejected'].includes(String(record['status']));
    return isOpen && at >= Date.parse(WINDOWS[2]!.from!) + 86_400_000 && at < Date.parse(WINDOWS[2]!.to!) - 86_400_000 && typeof record['dueAt'] === 'string';
  });
  assert.ok(open, 'an open dossier inside the window');
  return Date.parse(open['dueAt'] as string);
}

function rollupSuite(engine: string, zones: readonly string[], open: () => Promise<Storage>, teardown?: () => Promise<void> | void): void {
  describe(`summary rollups (${engine})`, () => {
    let storage: Storage;
    let records: FeedbackRecord[];
    const now = new Date('2043-06-01T00:00:00.000Z');

    before(async () => {
      storage = await open();
      // Records as the collector stores them: verified, flagged, suspect, linked to cases and complaints, answers.
      await storeExactly(storage, randomRecords(4242, 1500), now);
      records = await collect(storage.exportRecords({}));
      assert.equal(records.length, 1500);
    });
    after(async () => {
      await storage?.close();
      await teardown?.();
    });

    /** Every grouping, period and window: rollups = scan = summarize(). */
    async function assertExact(zone: string): Promise<number> {
      let rollupAnswers = 0;
      // asOf after the data's middle, and exactly at an open dossier's due time and a millisecond
      // later: on that day the rollups cannot tell the side, so the records must (each query takes one).
      const due = openItemDue(records);
      const asOfs = [AS_OF.toISOString(), new Date(due).toISOString(), new Date(due + 1).toISOString()];
      for (const window of WINDOWS) {
        for (const period of PERIODS) {
          for (const groupBy of groupingsFor(WINDOWS.indexOf(window) * PERIODS.length + PERIODS.indexOf(period))) {
            const includeFlagged = rollupAnswers % 2 === 1;
            const query = { groupBy, period, timeZone: zone, includeFlagged, ...window };
            const asOf = asOfs[rollupAnswers % asOfs.length]!;
            const fromRollups = await reportSummaryFromRollups(storage.db, zone, query, asOf);
            assert.ok(fromRollups, `the rollups answer a query in their own zone (${period})`);
            rollupAnswers++;
            const scanned = await summarizeInSql(storage.db, query);
            const label = `${zone} ${period} ${groupBy.join(',')} ${JSON.stringify(window)} includeFlagged=${includeFlagged} asOf=${asOf}`;
            assert.deepEqual(rows(fromRollups, asOf), rows(scanned, asOf), label);
            // Open items are kept as due before / not yet due: each group holds at most two due keys.
            for (const group of fromRollups.groups) {
              assert.ok(Object.keys(group.stats.casesOpenByDue).length <= 2 && Object.keys(group.stats.complaintsOpenByDue).length <= 2, `${label}: open items collapsed`);
            }
            assert.deepEqual(rows(fromRollups, asOf), rows(summarize(within(records, window.from, window.to), { groupBy, period, timeZone: zone, includeFlagged }), asOf), label);
          }
        }
      }
      return rollupAnswers;
    }

    for (const zone of zones) {
      it(`rebuilt for ${zone}, they equal the scan and summarize() for every period, grouping and window`, async () => {
        assert.equal(await ensureRollups(storage.db, zone), true, 'a new zone rebuilds');
        assert.equal(await ensureRollups(storage.db, zone), false, 'the same zone again finds nothing to do');
        assert.equal(await assertExact(zone), WINDOWS.length * PERIODS.length * 2);
      });
    }

    it('periods cut in another zone are left to the scan (undefined), period=all is answered from any zone', async () => {
      await ensureRollups(storage.db, 'Asia/Ho_Chi_Minh');
      assert.equal(await reportSummaryFromRollups(storage.db, 'Asia/Ho_Chi_Minh', { groupBy: [], period: 'month', timeZone: 'UTC' }, AS_OF.toISOString()), undefined);
      const all = await reportSummaryFromRollups(storage.db, 'Asia/Ho_Chi_Minh', { groupBy: ['unit'], period: 'all', timeZone: 'UTC', ...WINDOW }, AS_OF.toISOString());
      assert.deepEqual(rows(all!), rows(summarize(within(records, WINDOW.from, WINDOW.to), { groupBy: ['unit'], period: 'all', timeZone: 'UTC' })));
    });

    it('stay exact after case updates (unit, resolution, due time), complaint status changes and flags', async () => {
      const zone = 'Asia/Ho_Chi_Minh';
      await ensureRollups(storage.db, zone);
      const random = prng(77);
      const cases = records.filter((record): record is CaseRecord => record.kind === 'case').slice(0, 60);
      const updated = cases.map((record, index) => {
        const copy: CaseRecord = { ...record, unit: index % 3 === 0 ? 'moved-unit' : record.unit } as CaseRecord;
        if (index % 2 === 0) copy.resolvedAt = new Date(Date.parse(record.dueAt) + (random() < 0.5 ? -1 : 1) * 3_600_000).toISOString();
        else delete copy.resolvedAt;
        if (index % 5 === 0) copy.dueAt = new Date(Date.parse(record.dueAt) + 86_400_000).toISOString();
        if (copy.unit === undefined) delete copy.unit;
        return copy;
      });
      const outcomes = await storage.importCases(updated, { now });
      assert.equal(outcomes.filter((outcome) => outcome.status === 'updated').length, updated.length);
      const complaints = records.filter((record) => record.kind === 'complaint').slice(0, 40);
      assert.ok(complaints.length === 40);
      for (const [index, complaint] of complaints.entries()) {
        const result = await storage.updateComplaint(complaint.id, { status: index % 2 ? 'resolved' : 'in_progress' }, now);
        assert.equal(result.found, true);
      }
      // A flag set and one cleared, as the flag routes write them (the record's jsonb and updated_at).
      const ratings = records.filter((record) => record.kind === 'rating');
      const unflagged = ratings.find((record) => record['flag'] === undefined && record['suspect'] === undefined)!;
      const flagged = ratings.find((record) => record['flag'] !== undefined)!;
      await storage.db.query(`UPDATE records SET record = record || jsonb_build_object('flag', jsonb_build_object('reason', 'spam', 'at', $2::text)), updated_at = $2::timestamptz WHERE id = $1`, [unflagged.id, now.toISOString()]);
      await storage.db.query(`UPDATE records SET record = record - 'flag', updated_at = $2::timestamptz WHERE id = $1`, [flagged.id, now.toISOString()]);
      records = await collect(storage.exportRecords({}));
      assert.ok(records.find((record) => record.id === unflagged.id)!['flag']);
      assert.equal(await assertExact(zone), WINDOWS.length * PERIODS.length * 2);
    });

    it('the store answers from the rollups in their zone and by scanning elsewhere, equal both ways', async () => {
      const zone = 'America/New_York';
      await ensureRollups(storage.db, zone);
      const store = new Store(storage.db, { rollupZone: zone });
      for (const timeZone of [zone, 'Asia/Ho_Chi_Minh']) {
        const query = { groupBy: ['unit'] as GroupField[], period: 'quarter' as Period, timeZone, ...WINDOW };
        assert.deepEqual(rows(await store.summarizeForReport(query)), rows(await summarizeInSql(storage.db, query)));
        // At the report's asOf, from the rollups or scanned, open items by side of it: the same rows.
        assert.deepEqual(rows(await store.summarizeForReport(query, AS_OF.toISOString())), rows(await summarizeInSql(storage.db, query)));
        assert.deepEqual(rows(await summarizeInSql(storage.db, query, AS_OF.toISOString())), rows(await summarizeInSql(storage.db, query)));
      }
    });
  });
}

rollupSuite('pglite', PGLITE_ZONES, () => openStorage(pgliteDatabase(), { timeZone: 'UTC' }));

let server: PostgresServer | undefined;
rollupSuite(
  'postgres',
  ZONES,
  async () => {
    server = await startPostgres();
    return openStorage({ engine: 'postgres', url: await server.createDatabase('rollups'), poolSize: 4 }, { timeZone: 'UTC' });
  },
  () => server?.stop(),
);
