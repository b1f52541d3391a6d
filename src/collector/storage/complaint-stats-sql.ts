// The counts behind GET /v1/complaints/stats: one GROUP BY over complaints, the same SQL on PGlite
// and PostgreSQL. Nothing but counts leaves the database.
import type { Period } from '../../analytics/period.js';
import type { Database } from './types.js';

/** Fields complaint statistics may be split by (whitelisted: they are written into the SQL). */
export const STATS_FIELDS = ['agency', 'unit', 'service', 'channel', 'category', 'status'] as const;
export type StatsField = (typeof STATS_FIELDS)[number];

export interface StatsQuery {
  groupBy: readonly StatsField[];
  period: Period;
  timeZone: string;
  /** Open complaints due before this instant are overdue. */
  asOf: string;
  from?: string;
  to?: string;
}

export interface StatsRow {
  /** The groupBy fields (`null` where a complaint has none) and `period`. */
  key: Record<string, string | null>;
  complaints: number;
  /** Resolved or rejected at or before `dueAt`. */
  closedOnTime: number;
  /** Resolved or rejected after `dueAt`. */
  closedLate: number;
  /** Received or in progress. */
  open: number;
  /** Open, with `dueAt` before `asOf`. */
  overdue: number;
}

const PERIOD_FORMATS = { day: 'YYYY-MM-DD', week: 'IYYY-"W"IW', month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' } as const;
const CLOSED = `status IN ('resolved', 'rejected') AND resolved_at IS NOT NULL`;

/** Counts per group and period, sorted like report rows (fields in order, null first, then period). */
export async function complaintStats(db: Database, query: StatsQuery): Promise<StatsRow[]> {
  for (const field of query.groupBy) if (!STATS_FIELDS.includes(field)) throw new RangeError(`Cannot group by ${field}.`);
  const params: unknown[] = [query.asOf];
  const param = (value: unknown, type: string) => {
    params.push(value);
    return `$${params.length}::${type}`;
  };
  const period = query.period === 'all' ? `'all'::text` : `to_char(at AT TIME ZONE ${param(query.timeZone, 'text')}, '${PERIOD_FORMATS[query.period]}')`;
  const filters = [`kind = 'complaint'`];
  if (query.from !== undefined) filters.push(`at >= ${param(query.from, 'timestamptz')}`);
  if (query.to !== undefined) filters.push(`at < ${param(query.to, 'timestamptz')}`);
  const group = [...query.groupBy, period].join(', ');
  const rows = await db.query(
    `SELECT ${[...query.groupBy, `${period} AS period`].join(', ')},
       count(*)::int AS complaints,
       (count(*) FILTER (WHERE ${CLOSED} AND resolved_at <= due_at))::int AS closed_on_time,
       (count(*) FILTER (WHERE ${CLOSED} AND resolved_at > due_at))::int AS closed_late,
       (count(*) FILTER (WHERE NOT (${CLOSED})))::int AS open,
       (count(*) FILTER (WHERE NOT (${CLOSED}) AND due_at < $1::timestamptz))::int AS overdue
     FROM records WHERE ${filters.join(' AND ')} GROUP BY ${group}`,
    params,
  );
  const out = rows.map((row): StatsRow => {
    const key: Record<string, string | null> = {};
    for (const field of query.groupBy) key[field] = typeof row[field] === 'string' ? (row[field] as string) : null;
    key['period'] = String(row['period']);
    return {
      key,
      complaints: Number(row['complaints']),
      closedOnTime: Number(row['closed_on_time']),
      closedLate: Number(row['closed_late']),
      open: Number(row['open']),
      overdue: Number(row['overdue']),
    };
  });
  const order = [...query.groupBy, 'period'];
  return out.sort((a, b) => {
    for (const field of order) {
      const x = a.key[field] ?? null;
      const y = b.key[field] ?? null;
      if (x === y) continue;
      if (x === null) return -1;
      if (y === null) return 1;
      return x < y ? -1 : 1;
    }
    return 0;
  });
}
