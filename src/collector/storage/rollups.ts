// Kept rollups for /v1/summary (CONTRACT §10): the summary statement's counters per local day and
// group, maintained by statement-level triggers on `records` in the same transaction as every write
// (ingest, case import and update, complaint changes, flags, retention), so they cannot drift.
//
// Why triggers: every write path, present and future, updates them without remembering to. Why the
// summary statement itself: the triggers run `summaryStatement` over the changed rows (plus for the
// new, minus for the old), so a rollup holds exactly what a scan of the same records would count.
//
// Grain: the local day in one zone (`ROLLUP_TIME_ZONE`, default `TIME_ZONE`). A query in that zone
// (or with `period=all`, whatever its zone) reads whole days from the rollups and scans the records
// only for a partial first or last day; a query cut in another zone's periods scans the records, as
// before. (Finer grains were measured useless here: at a ward's density a 15-minute or hourly rollup
// has more rows than the records it sums.)
import { createHash } from 'node:crypto';
import { GROUP_FIELDS, summaryFromGroups, type Summary } from '../../analytics/summary.js';
import { groupsFromRows, linkCountsStatement, openPartsStatement, rowPartsStatement, sqlText } from './summary-sql.js';
import type { AggregateQuery, Database, GroupField, Queryable, Row } from './types.js';

/** A rollup table and the group fields it keeps. */
interface RollupTable {
  name: string;
  fields: readonly GroupField[];
}

/**
 * The groupings officials read most — per unit, per procedure, per channel, per officer, per unit and
 * procedure — each with its agency (the scope), and every field for the rest. A query reads the
 * first table that keeps every field it groups or is scoped by; the every-field one is nearly as
 * fine as the records when units, procedures, officers and channels all vary, so it is the slow
 * path. Each table costs the writes a statement (the write cost is in docs/pages/numbers.md).
 */
const TABLES: readonly RollupTable[] = [
  { name: 'summary_rollup_unit', fields: ['agency', 'unit'] },
  { name: 'summary_rollup_channel', fields: ['agency', 'channel'] },
  { name: 'summary_rollup_service', fields: ['agency', 'service'] },
  { name: 'summary_rollup_officer', fields: ['agency', 'officer'] },
  { name: 'summary_rollup_unit_service', fields: ['agency', 'unit', 'service'] },
  { name: 'summary_rollup', fields: GROUP_FIELDS },
];

/** The local day of a record's instant in the rollup zone (zone names are checked by the config). */
function dayExpression(zone: string): string {
  return `(at AT TIME ZONE ${sqlText(zone)})::date`;
}

/** The key columns of a rollup table, in key order. */
const keyOf = (table: RollupTable): string[] => [...table.fields, 'day', 'part', 'a', 'b', 'c', 'f'];

/**
 * The counters of `source` (a transition table, or the records) per group of every field and local
 * day, times `sign`. Open cases and complaints are counted per local due day, not per due time: a
 * day's open dossiers of a group make one row, however many they are.
 */
function countsOf(zone: string, source: string, sign: 1 | -1): string {
  const { text } = rowPartsStatement({ groupBy: GROUP_FIELDS, period: 'day', timeZone: zone }, { source, bucket: dayExpression(zone), flagColumn: true, dueDayZone: zone });
  const columns = [...GROUP_FIELDS, 'period', 'part', 'a', 'b', 'c', 'f'].join(', ');
  return `SELECT ${columns}, n * ${sign} AS n FROM (${text}) AS ${source}_counts`;
}

/** Adds a delta's counters to one table, in key order (concurrent writers lock rows in the same order). */
function upsert(table: RollupTable): string {
  const key = keyOf(table).join(', ');
  return `INSERT INTO ${table.name} (${key}, n)
SELECT ${key}, sum(n) FROM delta GROUP BY ${key} HAVING sum(n) <> 0 ORDER BY ${key}
ON CONFLICT (${key}) DO UPDATE SET n = ${table.name}.n + EXCLUDED.n`;
}

/**
 * Adds the counters of the new rows and subtracts those of the old ones, in every table, in one
 * statement: the per-record parts are worked out once, by every field (the delta), and each table
 * sums the delta by its own fields (counts add up over the fields a table leaves out).
 */
function applyStatement(zone: string, sources: { added?: string; removed?: string }): string {
  const parts: string[] = [];
  if (sources.added) parts.push(countsOf(zone, sources.added, 1));
  if (sources.removed) parts.push(countsOf(zone, sources.removed, -1));
  const grouped = [...GROUP_FIELDS, 'period', 'part', 'a', 'b', 'c', 'f'].join(', ');
  // Data-modifying WITH parts for all tables but the last, which is the statement's own INSERT.
  const others = TABLES.slice(0, -1);
  const last = TABLES[TABLES.length - 1]!;
  return `WITH delta AS MATERIALIZED (
  SELECT ${[...GROUP_FIELDS, 'period::date AS day', 'part', 'a', 'b', 'c', 'f'].join(', ')}, sum(n) AS n
  FROM (${parts.join('\nUNION ALL\n')}) AS counts GROUP BY ${grouped} HAVING sum(n) <> 0
),
${others.map((table, index) => `upsert_${index} AS (${upsert(table)})`).join(',\n')}
${upsert(last)}`;
}

/** The DDL of the tables, trigger functions and triggers, for one zone. */
export function rollupDefinition(zone: string): string[] {
  const statements: string[] = [];
  for (const table of TABLES) {
    const fields = table.fields.map((field) => `${field} text`).join(', ');
    const key = keyOf(table).join(', ');
    statements.push(
      // f: the counts of flagged or suspect ratings, kept apart so that a query chooses (includeFlagged).
      `CREATE TABLE IF NOT EXISTS ${table.name} (${fields}, day date NOT NULL, part text NOT NULL, a text, b text, c text, f boolean NOT NULL, n bigint NOT NULL,
        UNIQUE NULLS NOT DISTINCT (${key}))`,
      `CREATE INDEX IF NOT EXISTS ${table.name}_day ON ${table.name} (day)`,
    );
  }
  const events = [
    { event: 'INSERT', name: 'insert', referencing: 'NEW TABLE AS new_rows', sources: { added: 'new_rows' } },
    { event: 'UPDATE', name: 'update', referencing: 'OLD TABLE AS old_rows NEW TABLE AS new_rows', sources: { added: 'new_rows', removed: 'old_rows' } },
    { event: 'DELETE', name: 'delete', referencing: 'OLD TABLE AS old_rows', sources: { removed: 'old_rows' } },
  ] as const;
  for (const { event, name, referencing, sources } of events) {
    const body = `${applyStatement(zone, sources)};`;
    statements.push(
      `CREATE OR REPLACE FUNCTION svc_rollup_${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
${body}
RETURN NULL;
END
$fn$`,
      `DROP TRIGGER IF EXISTS svc_rollup_${name} ON records`,
      `CREATE TRIGGER svc_rollup_${name} AFTER ${event} ON records REFERENCING ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION svc_rollup_${name}()`,
    );
  }
  return statements;
}

/** Fills every rollup from the records (inside the caller's transaction, records locked). */
async function rebuild(tx: Queryable, zone: string): Promise<void> {
  await tx.query(applyStatement(zone, { added: 'records' }));
}

/**
 * Brings the rollups to the definition this build makes for `zone`: creates them, and when the
 * definition changed (a new counter, another zone) or they were never filled, rebuilds them from the
 * records in one transaction that holds writes back. Several instances may start at once: the
 * advisory lock lets one do it. Returns true when it rebuilt.
 */
export async function ensureRollups(db: Database, zone: string): Promise<boolean> {
  const definition = rollupDefinition(zone);
  const hash = createHash('sha256').update(definition.join('\n;\n')).digest('hex');
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7310312)');
    await tx.query('CREATE TABLE IF NOT EXISTS summary_rollup_meta (id integer PRIMARY KEY, definition text NOT NULL, zone text NOT NULL)');
    const [meta] = await tx.query<{ definition: string }>('SELECT definition FROM summary_rollup_meta WHERE id = 1');
    const [triggers] = await tx.query(`SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = 'records'::regclass AND tgname LIKE 'svc_rollup_%'`);
    // Same definition and all three triggers in place: nothing to do (a dropped trigger means missed writes: rebuild).
    if (meta?.definition === hash && Number(triggers?.['n']) === 3) return false;
    // Writers wait until the rollups are rebuilt, so none is counted twice or missed.
    await tx.query('LOCK TABLE records IN SHARE ROW EXCLUSIVE MODE');
    // A new definition may have new columns: the tables are made anew, then filled from the records.
    for (const table of TABLES) await tx.query(`DROP TABLE IF EXISTS ${table.name}`);
    for (const statement of definition) await tx.query(statement);
    await rebuild(tx, zone);
    await tx.query(
      `INSERT INTO summary_rollup_meta (id, definition, zone) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET definition = EXCLUDED.definition, zone = EXCLUDED.zone`,
      [hash, zone],
    );
    return true;
  });
}

/** to_char patterns of the period keys, applied to a local date. */
const DAY_FORMATS = { day: 'YYYY-MM-DD', week: 'IYYY-"W"IW', month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' } as const;

/** Where the query's first and last instants fall in the rollup zone. */
interface Bounds {
  fromDate: string | null;
  fromAligned: boolean;
  toDate: string | null;
  toAligned: boolean;
  /** The local date of asOf. */
  asOfDate: string;
}

async function bounds(tx: Queryable, zone: string, query: AggregateQuery, asOf: string): Promise<Bounds> {
  // An instant is the first of its local day when the microsecond before it falls on another date
  // (exact whatever the DST rules: no local midnight is ever computed).
  const dateOf = (p: string) => `to_char((${p}::timestamptz AT TIME ZONE $1::text)::date, 'YYYY-MM-DD')`;
  const aligned = (p: string) =>
    `(${p}::timestamptz AT TIME ZONE $1::text)::date <> ((${p}::timestamptz - interval '1 microsecond') AT TIME ZONE $1::text)::date`;
  const [row] = await tx.query(
    `SELECT ${dateOf('$2')} AS from_date, ${aligned('$2')} AS from_aligned, ${dateOf('$3')} AS to_date, ${aligned('$3')} AS to_aligned, ${dateOf('$4')} AS as_of_date`,
    [zone, query.from ?? null, query.to ?? null, asOf],
  );
  return {
    fromDate: (row?.['from_date'] as string | null) ?? null,
    fromAligned: row?.['from_aligned'] === true,
    toDate: (row?.['to_date'] as string | null) ?? null,
    toAligned: row?.['to_aligned'] === true,
    asOfDate: row?.['as_of_date'] as string,
  };
}

/** The first (smallest) table that keeps every field the query groups by or is scoped to. */
function tableFor(query: AggregateQuery): RollupTable {
  const needed: GroupField[] = [...query.groupBy, ...(query.agency !== undefined ? ['agency' as const] : []), ...(query.unit !== undefined ? ['unit' as const] : [])];
  return TABLES.find((table) => needed.every((field) => table.fields.includes(field)))!;
}

/** The records whose local date (of `column`) is `date` in `zone`, in a form that keeps to the index on `column`. */
function onLocalDate(column: string, zone: string, date: string) {
  return (add: (value: unknown, type: string) => string) => {
    const [z, d] = [add(zone, 'text'), add(date, 'date')];
    // The local date decides; the bounds around it (wider than any DST shift) keep the scan on the index.
    return `${column} >= (${d}::timestamp AT TIME ZONE ${z}) - interval '3 hours'
      AND ${column} < ((${d} + 1)::timestamp AT TIME ZONE ${z}) + interval '3 hours'
      AND (${column} AT TIME ZONE ${z})::date = ${d}`;
  };
}

/**
 * The Summary for a report at `asOf` from the rollups, or undefined when they cannot answer exactly
 * (periods cut in another zone than theirs): the caller then scans the records. Its links are counted
 * (`casesDissatisfied`, `complaintsDissatisfied`) but their keys are left out, and its open cases and
 * complaints are kept only as "due before asOf" (key 0) and "not yet due" (key asOf), as
 * `summarizeInSql(…, asOf)` keeps them: it reports exactly like the scanned Summary at that asOf,
 * but is not one to merge.
 *
 * The rollups know the local day each open dossier is due: the days before asOf's are overdue, the
 * days after are not; those due on asOf's own day are read from the records (an index on due_at).
 */
export async function reportSummaryFromRollups(db: Database, zone: string, query: AggregateQuery, asOf: string): Promise<Summary | undefined> {
  if (query.period !== 'all' && query.timeZone !== zone) return undefined;
  const table = tableFor(query);
  const rows = await db.transaction(async (tx) => {
    // Small reads of indexed rows: starting JIT or parallel workers costs more than it saves.
    await tx.query('SET LOCAL jit = off');
    await tx.query('SET LOCAL max_parallel_workers_per_gather = 0');
    const { fromDate, fromAligned, toDate, toAligned, asOfDate } = await bounds(tx, zone, query, asOf);
    const params: unknown[] = [];
    const param = (value: unknown, type: string) => {
      params.push(value);
      return `$${params.length}::${type}`;
    };
    // Whole days: from the first day that starts inside the range to the last one that ends inside it.
    const days: string[] = [];
    if (fromDate !== null) days.push(fromAligned ? `day >= ${param(fromDate, 'date')}` : `day > ${param(fromDate, 'date')}`);
    if (toDate !== null) days.push(`day < ${param(toDate, 'date')}`);
    const where: string[] = [...days, ...(query.includeFlagged ? [] : [`(NOT f OR part = 'flagged')`])];
    // An official's scope (tableFor chose a table that keeps its fields).
    if (query.agency !== undefined) where.push(`agency = ${param(query.agency, 'text')}`);
    if (query.unit !== undefined) where.push(`unit = ${param(query.unit, 'text')}`);
    const period = query.period === 'all' ? `'all'::text` : `to_char(day, '${DAY_FORMATS[query.period]}')`;
    const select = [...query.groupBy, `${period} AS period`].join(', ');
    // Open items keep their local due date in `a`: the days before asOf's are overdue, the later ones not yet.
    const open = `part IN ('open', 'c_open')`;
    const asOfDay = param(asOfDate, 'text');
    where.push(`(NOT ${open} OR a IS DISTINCT FROM ${asOfDay})`);
    const dueKey = `CASE WHEN ${open} THEN CASE WHEN a < ${asOfDay} THEN '0' ELSE '${Date.parse(asOf)}' END ELSE a END`;
    const group = [...query.groupBy, period, 'part', dueKey, 'b', 'c'].join(', ');
    const whole = await tx.query(
      `SELECT ${select}, part, ${dueKey} AS a, b, c, sum(n)::bigint AS n FROM ${table.name} WHERE ${where.join(' AND ')} GROUP BY ${group} HAVING sum(n) <> 0`,
      params,
    );
    // The open dossiers of those whole days that are due on asOf's own day: which side, from the records.
    const dueToday = openPartsStatement(query, {
      asOf,
      extraFilter: (add) => {
        // Every parameter added must be used: PostgreSQL cannot type an unused one.
        const local = () => `(at AT TIME ZONE ${add(zone, 'text')})::date`;
        const range = [
          ...(fromDate !== null ? [`${local()} ${fromAligned ? '>=' : '>'} ${add(fromDate, 'date')}`] : []),
          ...(toDate !== null ? [`${local()} < ${add(toDate, 'date')}`] : []),
        ];
        return [onLocalDate('due_at', zone, asOfDate)(add), ...range].join(' AND ');
      },
    });
    const dueOnAsOfDay = await tx.query(dueToday.text, dueToday.params);
    // Partial first and last days: the records themselves, limited to those local dates.
    const edges: Row[] = [];
    const edgeDates = new Set<string>();
    if (fromDate !== null && !fromAligned) edgeDates.add(fromDate);
    if (toDate !== null && !toAligned) edgeDates.add(toDate);
    for (const date of edgeDates) {
      const { text, params: edgeParams } = rowPartsStatement(query, { asOf, extraFilter: onLocalDate('at', zone, date) });
      edges.push(...(await tx.query(text, edgeParams)));
    }
    // The links of the whole window: a lookup per record that names a case or rates a complaint.
    const links = linkCountsStatement(query);
    return [...whole, ...dueOnAsOfDay, ...edges, ...(await tx.query(links.text, links.params))];
  });
  const { groups } = groupsFromRows(rows, query.groupBy);
  return summaryFromGroups({ groupBy: query.groupBy, period: query.period, timeZone: query.timeZone, includeFlagged: query.includeFlagged ?? false }, groups);
}
