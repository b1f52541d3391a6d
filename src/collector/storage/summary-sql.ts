// /v1/summary in SQL: the counters of analytics' Summary, GROUP BY the groupBy columns and the
// period computed in the database in the requested time zone. One statement (one snapshot), the
// same text on PGlite and PostgreSQL; summaryFromGroups turns its rows into the Summary.
import { CUSTOM_SET, summaryFromGroups, type Dissatisfaction, type GroupKey, type GroupStats, type Summary } from '../../analytics/summary.js';
import type { AggregateQuery, Database, GroupField, Row } from './types.js';

/** to_char patterns giving analytics' period keys (`2026-03-05`, `2026-W09`, `2026-03`, `2026-Q1`, `2026`). */
const PERIOD_FORMATS = {
  day: 'YYYY-MM-DD',
  week: 'IYYY-"W"IW',
  month: 'YYYY-MM',
  quarter: 'YYYY-"Q"Q',
  year: 'YYYY',
} as const;

/** Columns that may be grouped by: whitelisted, so they can be written into the SQL text. */
const GROUP_COLUMNS = new Set(['agency', 'unit', 'service', 'officer', 'channel']);

// Conditions on a rating row, as analytics' summarize() reads the record (CONTRACT §7–§9).
/** Flagged by an official or suspect (a burst): `->>` is NULL for an absent key and for JSON null. */
const FLAGGED = `(record->>'flag' IS NOT NULL OR record->>'suspect' IS NOT NULL)`;
/** Set by the collector only; `= 'true'::jsonb` matches the boolean, not the text "true". */
const VERIFIED = `record->'verified' = 'true'::jsonb`;
const UNSATISFIED = `score < CASE scale WHEN 3 THEN 2 ELSE 4 END`;
/** A rating of a complaint's handling: kept out of the service's ratings. */
const ABOUT_COMPLAINT = `record->>'about' = 'complaint'`;
const ABOUT_SERVICE = `record->>'about' IS DISTINCT FROM 'complaint'`;
/** A complaint is closed (resolved or rejected) once it has its resolvedAt. */
const CLOSED = `status IN ('resolved', 'rejected') AND resolved_at IS NOT NULL`;
/** The key linking a case to the records naming it: agency U+001F case id (analytics' caseKey). */
const CASE_KEY = `records.agency || chr(31) || records.id`;

/** Where a statement reads and how it buckets time (the rollups read changed rows, by day). */
export interface StatementOptions {
  /** The relation scanned: `records`, or a trigger's transition table. Default `records`. */
  source?: string;
  /** An SQL expression replacing the period column (no time-zone parameter is added then). */
  bucket?: string;
  /** One more condition on the records, given the function that adds a parameter. */
  extraFilter?: (param: (value: unknown, type: string) => string) => string;
  /**
   * Keep flagged ratings, marked in a last column `f` (true for a flagged or suspect rating), instead
   * of leaving them out: the rollups keep both, and the query decides (`includeFlagged`).
   */
  flagColumn?: boolean;
  /**
   * For a report at this instant (ISO): open cases and complaints are counted as due before it
   * (key 0) or not yet due (key asOf) instead of per due time, which is what makes a Summary of
   * many open dossiers large. Such a Summary reports right only at this asOf: never merge it.
   */
  asOf?: string;
  /**
   * For the rollups: open cases and complaints keyed by the local date (`YYYY-MM-DD`) of their due
   * time in this zone instead of the time itself, so that a rollup row counts a day's open
   * dossiers, not one each. A read at an asOf then knows the side of every day but asOf's own.
   */
  dueDayZone?: string;
}

/** The pieces every part of a statement shares: parameters, period, filters. */
function statementContext(query: AggregateQuery, options: StatementOptions) {
  const { source = 'records', bucket, extraFilter, flagColumn = false, asOf, dueDayZone } = options;
  const params: unknown[] = [];
  const param = (value: unknown, type: string) => {
    params.push(value);
    return `$${params.length}::${type}`;
  };
  for (const field of query.groupBy) if (!GROUP_COLUMNS.has(field)) throw new RangeError(`Cannot group by ${field}.`);
  const period =
    bucket ?? (query.period === 'all' ? `'all'::text` : `to_char(at AT TIME ZONE ${param(query.timeZone, 'text')}, '${PERIOD_FORMATS[query.period]}')`);
  const filters: string[] = [];
  if (query.from !== undefined) filters.push(`at >= ${param(query.from, 'timestamptz')}`);
  if (query.to !== undefined) filters.push(`at < ${param(query.to, 'timestamptz')}`);
  // An official's scope (groupBy=officer with a scoped token).
  if (query.agency !== undefined) filters.push(`agency = ${param(query.agency, 'text')}`);
  if (query.unit !== undefined) filters.push(`unit = ${param(query.unit, 'text')}`);
  // The window and scope apply to every part, the links included (as summarize() of those records).
  if (extraFilter) filters.push(extraFilter(param));
  const within = filters.map((filter) => ` AND ${filter}`).join('');
  // The due key of an open item: its due time in ms, or at a known asOf only which side of it.
  const dueKey = (open: string) =>
    dueDayZone !== undefined
      ? `CASE WHEN ${open} THEN to_char((due_at AT TIME ZONE ${sqlText(dueDayZone)})::date, 'YYYY-MM-DD') END`
      : asOf === undefined
        ? `CASE WHEN ${open} THEN round(extract(epoch FROM due_at) * 1000)::bigint::text END`
        : `CASE WHEN ${open} THEN CASE WHEN due_at < ${param(asOf, 'timestamptz')} THEN '0' ELSE '${Date.parse(asOf)}' END END`;
  return {
    params,
    dueKey,
    from: `${source} AS records`,
    within,
    where: (kind: string, extra = '') => `WHERE kind = '${kind}'${extra}${within}`,
    counted: query.includeFlagged || flagColumn ? '' : ` AND NOT ${FLAGGED}`,
    group: [...query.groupBy, period].join(', '),
    select: [...query.groupBy, `${period} AS period`].join(', '),
    /** The flag column of a part (ratings may be flagged; other records never are). */
    flag: (rating: boolean) => (flagColumn ? { column: `, ${rating ? FLAGGED : 'false'} AS f`, group: rating ? `, ${FLAGGED}` : '' } : { column: '', group: '' }),
  };
}

type Context = ReturnType<typeof statementContext>;

/** Text as an SQL literal (for the rollups' zone, written into trigger bodies; quotes doubled). */
export function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * The parts counted from each record alone (what the rollups keep), as rows of (group columns…,
 * period, part, a, b, c, n [, f]):
 * - `score` / `verified`: a = scale, b = score — ratings (verified ones) per scale and score;
 * - `flagged`: flagged or suspect ratings; `complaint_rating`: ratings of a complaint's handling;
 * - `standard`: a = standard id, b = 'true' | 'false' — answers;
 * - `answer`: a = question set, b = question, c = value — answers to question sets;
 * - `category`: a = category — complaints;
 * - `c_on_time` / `c_late` / `c_open`: complaints closed by / after dueAt, open (a = dueAt in ms);
 * - `on_time` / `late` / `open`: cases resolved at or before / after dueAt, unresolved (a = dueAt in ms).
 * Ratings that are flagged count only in `flagged` unless `includeFlagged` (or `flagColumn`).
 */
function rowParts(x: Context): string[] {
  const { from, where, counted, group, select } = x;
  const rating = x.flag(true);
  const other = x.flag(false);
  const caseOutcome = `CASE WHEN resolved_at IS NULL THEN 'open' WHEN resolved_at <= due_at THEN 'on_time' ELSE 'late' END`;
  const openDue = x.dueKey('resolved_at IS NULL');
  const complaintOutcome = `CASE WHEN ${CLOSED} THEN CASE WHEN resolved_at <= due_at THEN 'c_on_time' ELSE 'c_late' END ELSE 'c_open' END`;
  const complaintDue = x.dueKey(`NOT (${CLOSED})`);
  // A multi question's answer is a list: each chosen option counts once.
  const answerValues = `CASE WHEN jsonb_typeof(answer.value) = 'array' THEN answer.value ELSE jsonb_build_array(answer.value) END`;
  return [
    `SELECT ${select}, 'score'::text AS part, scale::text AS a, score::text AS b, NULL::text AS c, count(*)::int AS n${rating.column}
     FROM ${from} ${where('rating', ` AND ${ABOUT_SERVICE}${counted}`)} GROUP BY ${group}, scale, score${rating.group}`,
    `SELECT ${select}, 'verified', scale::text, score::text, NULL, count(*)::int${rating.column}
     FROM ${from} ${where('rating', ` AND ${ABOUT_SERVICE} AND ${VERIFIED}${counted}`)} GROUP BY ${group}, scale, score${rating.group}`,
    `SELECT ${select}, 'flagged', NULL, NULL, NULL, count(*)::int${rating.column}
     FROM ${from} ${where('rating', ` AND ${FLAGGED}`)} GROUP BY ${group}${rating.group}`,
    `SELECT ${select}, 'complaint_rating', NULL, NULL, NULL, count(*)::int${rating.column}
     FROM ${from} ${where('rating', ` AND ${ABOUT_COMPLAINT}${counted}`)} GROUP BY ${group}${rating.group}`,
    `SELECT ${select}, 'standard', answer.key, answer.value::text, NULL, count(*)::int${rating.column}
     FROM ${from} CROSS JOIN LATERAL jsonb_each(records.standards) AS answer
     ${where('rating', ` AND standards IS NOT NULL AND ${ABOUT_SERVICE}${counted}`)} GROUP BY ${group}, answer.key, answer.value::text${rating.group}`,
    // Values as summarize() reads them (answerText): booleans, text, whole numbers; text items of a list.
    `SELECT ${select}, 'answer', coalesce(record->>'questionSet', '${CUSTOM_SET}'), answer.key, item.value #>> '{}', count(*)::int${rating.column}
     FROM ${from} CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(records.record->'answers') = 'object' THEN records.record->'answers' ELSE '{}'::jsonb END) AS answer
     CROSS JOIN LATERAL jsonb_array_elements(${answerValues}) AS item
     ${where('rating', ` AND jsonb_typeof(record->'answers') = 'object' AND ${ABOUT_SERVICE}${counted}`)}
       AND CASE WHEN jsonb_typeof(answer.value) = 'array' THEN jsonb_typeof(item.value) = 'string'
           ELSE jsonb_typeof(item.value) IN ('boolean', 'string') OR (jsonb_typeof(item.value) = 'number' AND (item.value #>> '{}') ~ '^-?[0-9]{1,15}$') END
     GROUP BY ${group}, coalesce(record->>'questionSet', '${CUSTOM_SET}'), answer.key, item.value #>> '{}'${rating.group}`,
    `SELECT ${select}, 'category', category, NULL, NULL, count(*)::int${other.column}
     FROM ${from} ${where('complaint')} GROUP BY ${group}, category`,
    `SELECT ${select}, ${complaintOutcome}, ${complaintDue}, NULL, NULL, count(*)::int${other.column}
     FROM ${from} ${where('complaint', ' AND due_at IS NOT NULL')} GROUP BY ${group}, ${complaintOutcome}, ${complaintDue}`,
    `SELECT ${select}, ${caseOutcome}, ${openDue}, NULL, NULL, count(*)::int${other.column}
     FROM ${from} ${where('case')} GROUP BY ${group}, ${caseOutcome}, ${openDue}`,
  ];
}

/**
 * What names a case or a complaint as a source of dissatisfaction: the exact predicates of the
 * partial indexes of migration 40 (the planner uses an index only when a query repeats its predicate).
 */
export const CASE_MARK = `record->>'caseId' IS NOT NULL AND (kind = 'complaint' OR (kind = 'rating' AND ${VERIFIED} AND ${ABOUT_SERVICE} AND ${UNSATISFIED}))`;
export const COMPLAINT_MARK = `kind = 'rating' AND ${ABOUT_COMPLAINT}`;

/** The links of the records inside [from, to): `case_marks (mark_agency, case_id)` and `complaint_marks (code)`. */
function marks(x: Context): string {
  return `WITH case_marks AS (
       SELECT DISTINCT agency AS mark_agency, record->>'caseId' AS case_id FROM records
       WHERE (${CASE_MARK})${x.counted ? ` AND (kind = 'complaint' OR NOT ${FLAGGED})` : ''}${x.within}
     ), complaint_marks AS (
       SELECT DISTINCT record->>'trackingCode' AS code FROM records
       WHERE (${COMPLAINT_MARK}) AND ${VERIFIED} AND ${UNSATISFIED} AND record->>'trackingCode' IS NOT NULL${x.counted}${x.within}
     )`;
}

/**
 * The linked parts with their keys, so that a Summary keeps them and links across shards (as
 * summarize() does): `c_bad` / `c_key` (complaints rated unsatisfied / the tracking code of the
 * others), `case_bad` / `case_key` (cases linked to dissatisfaction / the key of the others), and
 * `case_mark` / `complaint_mark` without group (a key found dissatisfied: the Summary's `dissatisfied`).
 */
function linkedPartsWithKeys(x: Context, query: AggregateQuery): string[] {
  const { where, group, select } = x;
  const partAndKey = `${query.groupBy.length + 2}, ${query.groupBy.length + 3}`;
  const noGroup = [...query.groupBy.map((field) => `NULL::text AS ${field}`), `NULL::text AS period`].join(', ');
  return [
    `SELECT ${select}, CASE WHEN m.code IS NULL THEN 'c_key' ELSE 'c_bad' END, CASE WHEN m.code IS NULL THEN tracking_code END, NULL, NULL, count(*)::int
     FROM records LEFT JOIN complaint_marks m ON m.code = records.tracking_code
     ${where('complaint', ' AND tracking_code IS NOT NULL')} GROUP BY ${group}, ${partAndKey}`,
    `SELECT ${select}, CASE WHEN m.case_id IS NULL THEN 'case_key' ELSE 'case_bad' END, CASE WHEN m.case_id IS NULL THEN ${CASE_KEY} END, NULL, NULL, count(*)::int
     FROM records LEFT JOIN case_marks m ON m.case_id = records.id AND m.mark_agency = records.agency
     ${where('case')} GROUP BY ${group}, ${partAndKey}`,
    `SELECT ${noGroup}, 'case_mark', mark_agency || chr(31) || case_id, NULL, NULL, 0 FROM case_marks`,
    `SELECT ${noGroup}, 'complaint_mark', code, NULL, NULL, 0 FROM complaint_marks`,
  ];
}

/**
 * The whole Summary in one statement (one snapshot) and its parameters: the links first (one scan
 * each), then every part. The links look only at records inside [from, to), as summarize() of
 * those records does.
 */
export function summaryStatement(query: AggregateQuery, asOf?: string): { text: string; params: unknown[] } {
  const x = statementContext(query, asOf === undefined ? {} : { asOf });
  const text = `${marks(x)}\n${[...rowParts(x), ...linkedPartsWithKeys(x, query)].join('\nUNION ALL\n')}`;
  return { text, params: x.params };
}

/** The parts counted from each record alone (the rollups' content), over `options.source`. */
export function rowPartsStatement(query: AggregateQuery, options: StatementOptions = {}): { text: string; params: unknown[] } {
  const x = statementContext(query, options);
  return { text: rowParts(x).join('\nUNION ALL\n'), params: x.params };
}

/**
 * Only the open cases and complaints (parts `open` and `c_open`), keyed by side of `options.asOf`:
 * what the rollups cannot tell for the dossiers due on asOf's own local day.
 */
export function openPartsStatement(query: AggregateQuery, options: StatementOptions & { asOf: string }): { text: string; params: unknown[] } {
  const x = statementContext(query, options);
  const due = query.groupBy.length + 3; // the position of column a
  const text = `SELECT ${x.select}, 'c_open'::text AS part, ${x.dueKey('true')} AS a, NULL::text AS b, NULL::text AS c, count(*)::int AS n
    FROM ${x.from} ${x.where('complaint', ` AND due_at IS NOT NULL AND NOT (${CLOSED})`)} GROUP BY ${x.group}, ${due}
    UNION ALL
    SELECT ${x.select}, 'open', ${x.dueKey('true')}, NULL, NULL, count(*)::int
    FROM ${x.from} ${x.where('case', ' AND resolved_at IS NULL')} GROUP BY ${x.group}, ${due}`;
  return { text, params: x.params };
}

/**
 * Only the counts of the links, `case_bad` and `c_bad`, without keys: a lookup per mark (few) on the
 * records' primary key and tracking code, not a scan of every case. For a report, not a Summary to merge.
 */
export function linkCountsStatement(query: AggregateQuery): { text: string; params: unknown[] } {
  const x = statementContext(query, {});
  const text = `${marks(x)}
    SELECT ${x.select}, 'c_bad'::text AS part, NULL::text AS a, NULL::text AS b, NULL::text AS c, count(*)::int AS n
    FROM records JOIN complaint_marks m ON m.code = records.tracking_code ${x.where('complaint')} GROUP BY ${x.group}
    UNION ALL
    SELECT ${x.select}, 'case_bad', NULL, NULL, NULL, count(*)::int
    FROM records JOIN case_marks m ON m.case_id = records.id AND m.mark_agency = records.agency ${x.where('case')} GROUP BY ${x.group}`;
  return { text, params: x.params };
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Statement rows (group columns, period, part, a, b, c, n) as Summary groups and links. */
export function groupsFromRows(rows: readonly Row[], groupBy: readonly GroupField[]): { groups: Array<{ key: GroupKey; stats: Partial<GroupStats> }>; dissatisfied: Dissatisfaction } {
  const dissatisfied = { cases: [] as string[], complaints: [] as string[] };
  const groups: Array<{ key: GroupKey; stats: Partial<GroupStats> }> = [];
  for (const row of rows) {
    const n = Number(row['n']);
    const a = row['a'] as string | null;
    const b = row['b'] as string | null;
    const part = row['part'];
    if (part === 'case_mark' || part === 'complaint_mark') {
      (part === 'case_mark' ? dissatisfied.cases : dissatisfied.complaints).push(String(a));
      continue;
    }
    const key = { period: String(row['period']) } as GroupKey;
    for (const field of groupBy) {
      const value = row[field];
      (key as unknown as Record<string, unknown>)[field] = typeof value === 'string' ? value : null;
    }
    const stats: Partial<GroupStats> = {};
    switch (part) {
      case 'score':
        stats.scores = { [String(a)]: { [String(b)]: n } };
        break;
      case 'verified':
        stats.verifiedScores = { [String(a)]: { [String(b)]: n } };
        break;
      case 'flagged':
        stats.flaggedRatings = n;
        break;
      case 'complaint_rating':
        stats.complaintRatings = n;
        break;
      case 'standard': {
        stats.standards = {};
        const answer = b === 'true' ? { yes: n, no: 0 } : b === 'false' ? { yes: 0, no: n } : { yes: 0, no: 0 };
        setOwn(stats.standards, String(a), answer);
        break;
      }
      case 'answer': {
        const values = {};
        setOwn(values, String(row['c']), n);
        const questions = {};
        setOwn(questions, String(b), values);
        stats.answers = {};
        setOwn(stats.answers, String(a), questions);
        break;
      }
      case 'category':
        stats.complaintsByCategory = {};
        setOwn(stats.complaintsByCategory, String(a), n);
        break;
      case 'c_on_time':
        stats.complaintsOnTime = n;
        break;
      case 'c_late':
        stats.complaintsResolvedLate = n;
        break;
      case 'c_open':
        stats.complaintsOpenByDue = { [String(a)]: n };
        break;
      case 'c_bad':
        stats.complaintsDissatisfied = n;
        break;
      case 'c_key':
        stats.complaintKeys = Array<string>(n).fill(String(a));
        break;
      case 'on_time':
        stats.casesOnTime = n;
        break;
      case 'late':
        stats.casesResolvedLate = n;
        break;
      case 'open':
        stats.casesOpenByDue = { [String(a)]: n };
        break;
      case 'case_bad':
        stats.casesDissatisfied = n;
        break;
      case 'case_key':
        stats.caseKeys = Array<string>(n).fill(String(a));
        break;
    }
    groups.push({ key, stats });
  }
  return { groups, dissatisfied };
}

/**
 * Runs the statement and builds the Summary of analytics (`skipped` is 0: stored records are
 * valid). With `asOf`, a Summary for a report at that instant only (see StatementOptions.asOf).
 */
export async function summarizeInSql(db: Database, query: AggregateQuery, asOf?: string): Promise<Summary> {
  const { text, params } = summaryStatement(query, asOf);
  const rows = await db.transaction(async (tx) => {
    // jsonb_each's default estimate (100 rows a record) inflates the cost past jit_above_cost, and
    // compiling the plan then takes most of the time (measured: 0.95 s of 1.17 s over 300,000
    // records on PostgreSQL 15). The plan is simple; interpreting it is faster.
    await tx.query('SET LOCAL jit = off');
    return tx.query(text, params);
  });
  const { groups, dissatisfied } = groupsFromRows(rows, query.groupBy);
  return summaryFromGroups(
    { groupBy: query.groupBy, period: query.period, timeZone: query.timeZone, includeFlagged: query.includeFlagged ?? false },
    groups,
    0,
    dissatisfied,
  );
}
