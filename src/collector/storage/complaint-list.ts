// The officials' complaint list (CONTRACT §8): filters, keyset pagination by due time, and the
// counts per status of the same selection (the inbox's tabs).
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../core/record.js';
import { fromRow, isoOrNull } from '../records.js';
import type { Queryable, Row } from './types.js';

export interface ComplaintListQuery {
  /** The reader's scope. */
  agency?: string;
  unit?: string;
  /** Filters. */
  statuses?: ComplaintStatus[];
  /** Complaints of this unit or assigned to it. */
  unitFilter?: string;
  category?: string;
  /** Only open complaints past their due time at `now`. */
  overdue?: boolean;
  /** A tracking code, or words of the description, response or internal note. */
  q?: string;
  /** `due`: earliest due first (overdue first); `-due` (default): newest due first. */
  order: 'due' | '-due';
  after?: { dueAt: string; id: string };
  limit: number;
  now: Date;
}

export interface ComplaintListPage {
  complaints: Record<string, unknown>[];
  /** The cursor of the next page, or null. */
  next: string | null;
  /** Per status, with the filters but the status one: the tabs' numbers; `overdue` among the open. */
  counts: Record<ComplaintStatus, number> & { overdue: number };
}

const OPEN = `status IN ('received', 'in_progress')`;

/** The cursor of a page: the last row's due time and id. */
export function encodeCursor(dueAt: string, id: string): string {
  return Buffer.from(JSON.stringify([dueAt, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { dueAt: string; id: string } | undefined {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && !Number.isNaN(Date.parse(value[0]))) {
      return { dueAt: value[0], id: value[1] };
    }
  } catch {
    // not a cursor
  }
  return undefined;
}

/** `%`, `_` and `\` of a search are literal. */
const like = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** Parameters of one statement, numbered as they are used. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/** The conditions of the scope and of every filter but status and cursor. */
function conditions(query: ComplaintListQuery, params: Params): string[] {
  const where: string[] = [`kind = 'complaint'`];
  if (query.agency !== undefined) where.push(`agency = ${params.add(query.agency, 'text')}`);
  for (const unit of [query.unit, query.unitFilter]) {
    if (unit === undefined) continue;
    const value = params.add(unit, 'text');
    where.push(`(unit = ${value} OR assigned_unit = ${value})`);
  }
  if (query.category !== undefined) where.push(`category = ${params.add(query.category, 'text')}`);
  if (query.overdue) where.push(`(${OPEN} AND due_at < ${params.add(query.now.toISOString(), 'timestamptz')})`);
  if (query.q !== undefined) {
    const code = params.add(query.q.toUpperCase().replace(/[\s-]/g, ''), 'text');
    const words = params.add(like(query.q), 'text');
    where.push(`(tracking_code = ${code} OR record->>'description' ILIKE ${words} OR response ILIKE ${words} OR internal_note ILIKE ${words})`);
  }
  return where;
}

export async function listComplaints(db: Queryable, query: ComplaintListQuery): Promise<ComplaintListPage> {
  const counting = new Params();
  const countWhere = conditions(query, counting);
  const countSql = `SELECT status, count(*)::int AS n,
      (count(*) FILTER (WHERE ${OPEN} AND due_at < ${counting.add(query.now.toISOString(), 'timestamptz')}))::int AS overdue
    FROM records WHERE ${countWhere.join(' AND ')} GROUP BY status`;

  const params = new Params();
  const page = conditions(query, params);
  if (query.statuses !== undefined) page.push(`status = ANY(${params.add(query.statuses, 'text[]')})`);
  const direction = query.order === 'due' ? 'ASC' : 'DESC';
  if (query.after) {
    page.push(`(due_at, id) ${query.order === 'due' ? '>' : '<'} (${params.add(query.after.dueAt, 'timestamptz')}, ${params.add(query.after.id, 'text')})`);
  }
  const limit = params.add(query.limit, 'int');
  const rows = await db.query(
    `SELECT id, kind, record, tracking_code, status, due_at, resolved_at, response, updated_at, assigned_unit, internal_note,
       (SELECT jsonb_agg(jsonb_build_object('name', item->>'name', 'type', item->>'type', 'size', item->'size'))
        FROM jsonb_array_elements(coalesce(attachments, '[]'::jsonb)) AS item) AS attachment_list
     FROM records WHERE ${page.join(' AND ')}
     ORDER BY due_at ${direction}, id ${direction} LIMIT ${limit}`,
    params.values,
  );
  const counts = { received: 0, in_progress: 0, resolved: 0, rejected: 0, overdue: 0 } as ComplaintListPage['counts'];
  for (const row of await db.query(countSql, counting.values)) {
    if (COMPLAINT_STATUSES.includes(row['status'] as ComplaintStatus)) counts[row['status'] as ComplaintStatus] = Number(row['n']);
    counts.overdue += Number(row['overdue']);
  }
  const last = rows[rows.length - 1];
  return {
    complaints: rows.map(listItem),
    next: rows.length === query.limit && last ? encodeCursor(isoOrNull(last['due_at'])!, String(last['id'])) : null,
    counts,
  };
}

/** A whole complaint record, its attachments listed without their data (GET /v1/records/{id} has it). */
function listItem(row: Row): Record<string, unknown> {
  const record = fromRow(row) as unknown as Record<string, unknown>;
  if (Array.isArray(row['attachment_list'])) record['attachments'] = row['attachment_list'];
  return record;
}
