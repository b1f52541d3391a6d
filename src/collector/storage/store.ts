import type { CaseRecord, ComplaintStatus, FeedbackRecord, RecordKind } from '../../core/record.js';
import { validateRecord } from '../../core/validate.js';
import { OFFICIAL_FIELDS, SERVER_FIELDS, fromRow, idOf, isoOrNull, toRow } from '../records.js';
import { newTrackingCode, normalizeTrackingCode } from '../tracking.js';
import * as SQL from './sql.js';
import { reportSummaryFromRollups } from './rollups.js';
import { summarizeInSql } from './summary-sql.js';
import type { Summary } from '../../analytics/summary.js';
import { Invitations } from '../verified/invitations.js';
import { markBursts, prepareRating, verifiedRating, type IngestContext } from '../verified/ingest.js';
import type {
  AggregateQuery,
  ComplaintPatch,
  ComplaintQuery,
  ComplaintView,
  Database,
  ImportOutcome,
  Queryable,
  RecordFilter,
  Row,
  Storage,
  SubmitOutcome,
  UpdateHooks,
  UpdateResult,
} from './types.js';

export interface StoreOptions {
  /** Tracking-code generator (tests inject a colliding one). */
  trackingCode?: () => string;
  /**
   * The zone of the kept rollups (see rollups.ts), once `ensureRollups` has set them up; without
   * it every summary scans the records.
   */
  rollupZone?: string;
}

const CLOSED: readonly ComplaintStatus[] = ['resolved', 'rejected'];
/** Rows of one upsert statement: a batch is one statement; large imports go in slices. */
const IMPORT_SLICE = 500;

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const { code, constraint: name } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && name === constraint;
}

function view(row: Row): ComplaintView {
  const record = row['record'] as Record<string, unknown>;
  return {
    id: String(row['id']),
    trackingCode: String(row['tracking_code']),
    status: row['status'] as ComplaintStatus,
    category: String(row['category']),
    agency: String(row['agency']),
    unit: typeof row['unit'] === 'string' ? row['unit'] : null,
    assignedUnit: typeof row['assigned_unit'] === 'string' ? row['assigned_unit'] : null,
    internalNote: typeof row['internal_note'] === 'string' ? row['internal_note'] : null,
    createdAt: String(record['createdAt']),
    updatedAt: isoOrNull(row['updated_at'])!,
    dueAt: isoOrNull(row['due_at'])!,
    resolvedAt: isoOrNull(row['resolved_at']),
    response: typeof row['response'] === 'string' ? row['response'] : null,
  };
}

/** The collector's storage over either engine: every operation is the same SQL text on both. */
export class Store implements Storage {
  readonly engine: 'pglite' | 'postgres';
  private readonly trackingCode: () => string;
  private readonly rollupZone: string | undefined;

  constructor(
    readonly db: Database,
    options: StoreOptions = {},
  ) {
    this.engine = db.engine;
    this.trackingCode = options.trackingCode ?? newTrackingCode;
    this.rollupZone = options.rollupZone;
  }

  async submit(
    records: readonly FeedbackRecord[],
    { now, complaintDueDays = 10, ...ingest }: { now: Date; complaintDueDays?: number } & IngestContext,
  ): Promise<SubmitOutcome[]> {
    if (records.length === 0) return [];
    // A repeat inside one batch is answered like any repeat: the first occurrence is stored.
    const unique = new Map<string, FeedbackRecord>();
    for (const record of records) if (!unique.has(idOf(record))) unique.set(idOf(record), record);
    const found = new Map<string, SubmitOutcome>();
    // Ratings: `verified` and the flags are the collector's; invitations are spent one rating at a
    // time, each in the transaction of its insert (CONTRACT §7).
    const originals = [...unique.values()];
    const prepared = await markBursts(this.db, originals.map((record) => prepareRating(record, ingest.verified === true)), ingest, now);
    const plain: FeedbackRecord[] = [];
    for (const [index, record] of prepared.entries()) {
      const code = originals[index]!.kind === 'rating' ? (originals[index] as Record<string, unknown>)['invitation'] : undefined;
      if (code === undefined) plain.push(record);
      else found.set(idOf(record), await this.submitInvited(record, code, now));
    }
    for (let attempt = 1; plain.length > 0; attempt++) {
      const rows = plain.map((record) =>
        toRow(record, now, complaintDueDays, record.kind === 'complaint' ? this.trackingCode() : undefined),
      );
      try {
        for (const row of await this.db.query(SQL.INSERT_NEW, [JSON.stringify(rows)])) {
          found.set(String(row['id']), outcome(row, row['inserted'] === true));
        }
        break;
      } catch (error) {
        // 50 random bits make a collision rare, not impossible: draw new codes and try again.
        if (attempt < 5 && isUniqueViolation(error, 'records_tracking_code_key')) continue;
        throw error;
      }
    }
    const missing = [...unique.keys()].filter((id) => !found.has(id));
    if (missing.length > 0) {
      for (const row of await this.db.query(SQL.SELECT_BY_IDS, [missing])) found.set(String(row['id']), outcome(row, false));
    }
    const answered = new Set<string>();
    return records.map((record) => {
      const result = found.get(idOf(record));
      if (!result) throw new Error('A submitted record was neither stored nor found.');
      // The second occurrence of an id in one batch is a duplicate of the first.
      const out = answered.has(idOf(record)) && result.status !== 'rejected' ? { ...result, status: 'duplicate' as const } : result;
      answered.add(idOf(record));
      return out;
    });
  }

  /**
   * One rating with an invitation: spent and stored in one transaction, or refused. A resend of a
   * stored rating is a duplicate whatever became of the invitation since.
   */
  private async submitInvited(record: FeedbackRecord, code: unknown, now: Date): Promise<SubmitOutcome> {
    const id = idOf(record);
    return this.db.transaction(async (tx): Promise<SubmitOutcome> => {
      const [existing] = await tx.query(SQL.SELECT_BY_IDS, [[id]]);
      if (existing) return outcome(existing, false);
      const spent = await Invitations.redeem(tx, code, id, now);
      if (!spent.ok) {
        if (spent.repeat) return { id, status: 'duplicate' };
        return { id, status: 'rejected', error: { code: spent.refusal, message: REFUSALS[spent.refusal], field: 'invitation' } };
      }
      const row = toRow(verifiedRating(record, spent.fields), now, 0);
      const [stored] = await tx.query(SQL.INSERT_NEW, [JSON.stringify([row])]);
      if (stored?.['inserted'] !== true) {
        // The same id stored by another request meanwhile: undo the spending, answer duplicate.
        throw new DuplicateMeanwhile();
      }
      return outcome(stored, true);
    }).catch((error: unknown) => {
      if (error instanceof DuplicateMeanwhile) return { id, status: 'duplicate' as const };
      throw error;
    });
  }

  async importCases(records: readonly CaseRecord[], { now, scope }: { now: Date; scope?: { agency: string; unit: string | null } }): Promise<ImportOutcome[]> {
    const results: ImportOutcome[] = [];
    let slice: CaseRecord[] = [];
    let ids = new Set<string>();
    const flush = async () => {
      if (slice.length === 0) return;
      const rows = slice.map((record) => toRow(record, now, 0));
      const done = new Map<string, boolean>();
      for (const row of await this.db.query(SQL.UPSERT_CASES, [JSON.stringify(rows), scope?.agency ?? null, scope?.unit ?? null])) done.set(String(row['id']), row['inserted'] === true);
      for (const record of slice) {
        const inserted = done.get(idOf(record));
        results.push(
          inserted === undefined
            ? {
                id: idOf(record),
                status: 'rejected',
                error: { code: 'conflict', message: 'This id belongs to a rating or complaint, or to a case outside this token\'s scope.', field: 'id' },
              }
            : { id: idOf(record), status: inserted ? 'accepted' : 'updated' },
        );
      }
      slice = [];
      ids = new Set();
    };
    for (const record of records) {
      // ON CONFLICT cannot touch one row twice in a statement: a repeated id starts a new slice,
      // so the later row updates the earlier one, as if imported one after the other.
      if (ids.has(idOf(record)) || slice.length >= IMPORT_SLICE) await flush();
      slice.push(record);
      ids.add(idOf(record));
    }
    await flush();
    return results;
  }

  async findComplaint(key: string): Promise<ComplaintView | undefined> {
    // PostgreSQL text cannot hold NUL: no stored key has one, and sending it would be an error (a 500).
    if (key.includes('\u0000')) return undefined;
    const code = normalizeTrackingCode(key);
    const [row] = await this.db.query(code ? SQL.COMPLAINT_BY_CODE : SQL.COMPLAINT_BY_ID, [code ?? key]);
    return row ? view(row) : undefined;
  }

  async findComplaints(query: ComplaintQuery): Promise<ComplaintView[]> {
    if ('keys' in query) {
      const codes: string[] = [];
      const ids: string[] = [];
      for (const key of query.keys) {
        if (key.includes('\u0000')) continue;
        const code = normalizeTrackingCode(key);
        if (code) codes.push(code);
        else ids.push(key);
      }
      return (await this.db.query(SQL.COMPLAINTS_BY_KEYS, [codes, ids, query.limit])).map(view);
    }
    if (query.agency?.includes('\u0000')) return [];
    const params = [query.from, query.to, query.categories ?? null, query.statuses ?? null, query.agency ?? null, query.limit];
    return (await this.db.query(SQL.COMPLAINTS_BY_FILTER, params)).map(view);
  }

  async updateComplaint(key: string, patch: ComplaintPatch, now: Date, hooks: UpdateHooks = {}): Promise<UpdateResult> {
    const current = await this.findComplaint(key);
    if (!current) return { found: false };
    return this.db.transaction(async (tx: Queryable): Promise<UpdateResult> => {
      const [row] = await tx.query(SQL.LOCK_COMPLAINT, [current.id]);
      if (!row) return { found: false };
      const before = view(row);
      if (hooks.allow && !hooks.allow(before)) return { found: false };
      // Compared under the row lock: of two officials editing from the same state, one wins.
      if (patch.ifUpdatedAt !== undefined && Date.parse(patch.ifUpdatedAt) !== Date.parse(before.updatedAt)) return { found: true, stale: before };
      const status = patch.status ?? before.status;
      if (!canMove(before.status, status)) return { found: true, transition: { from: before.status, to: status } };
      const response = patch.response === undefined ? before.response : patch.response;
      if (response !== null) {
        // The stored complaint must stay a valid §4 record: the shared validator has the last word.
        const record = { ...(row['record'] as Record<string, unknown>) };
        for (const field of SERVER_FIELDS) delete record[field];
        const checked = validateRecord({ ...record, response });
        if (!checked.ok) return { found: true, invalid: checked.error };
      }
      const closed = CLOSED.includes(status);
      const resolvedAt = closed ? (CLOSED.includes(before.status) && before.resolvedAt ? before.resolvedAt : now.toISOString()) : null;
      const assignedUnit = patch.assignedUnit === undefined ? before.assignedUnit : patch.assignedUnit;
      const internalNote = patch.internalNote === undefined ? before.internalNote : patch.internalNote;
      // updatedAt always moves forward, even within one millisecond: it is the version ifUpdatedAt checks.
      const updatedAt = new Date(Math.max(now.getTime(), Date.parse(before.updatedAt) + 1)).toISOString();
      const [updated] = await tx.query(SQL.UPDATE_COMPLAINT, [before.id, status, response, resolvedAt, updatedAt, assignedUnit, internalNote]);
      const after = view(updated!);
      await hooks.changed?.(tx, before, after);
      return { found: true, view: after };
    });
  }

  async getRecord(id: string): Promise<FeedbackRecord | undefined> {
    const [row] = await this.db.query(SQL.RECORD_BY_ID, [id]);
    return row ? fromRow(row, true) : undefined;
  }

  async *exportRecords(filter: RecordFilter, pageSize = 500): AsyncGenerator<FeedbackRecord> {
    const base = filterParams(filter);
    let rows = await this.db.query(SQL.EXPORT_FIRST_PAGE, [...base, pageSize]);
    while (rows.length > 0) {
      for (const row of rows) yield fromRow(row);
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1]!;
      rows = await this.db.query(SQL.EXPORT_NEXT_PAGE, [...base, isoOrNull(last['at']), last['id'], pageSize]);
    }
  }

  async exportPaths(filter: RecordFilter): Promise<string[]> {
    const params = filterParams(filter);
    const paths = (await this.db.query<{ path: string }>(SQL.EXPORT_PATHS, params)).map((row) => row.path);
    const [complaints] = await this.db.query(SQL.HAS_COMPLAINTS, params);
    if (complaints?.['found'] === true) paths.push(...SERVER_FIELDS);
    for (const field of OFFICIAL_FIELDS) if (complaints?.[field] === true) paths.push(field);
    return [...new Set(paths)];
  }

  summarize(query: AggregateQuery): Promise<Summary> {
    return summarizeInSql(this.db, query);
  }

  /**
   * For a report at `asOf`: from the kept rollups where they answer exactly, else by scanning the
   * records. Without asOf (a Summary that keeps every due time, to merge) the records are scanned.
   */
  async summarizeForReport(query: AggregateQuery, asOf?: string): Promise<Summary> {
    const fromRollups = this.rollupZone === undefined || asOf === undefined ? undefined : await reportSummaryFromRollups(this.db, this.rollupZone, query, asOf);
    return fromRollups ?? summarizeInSql(this.db, query, asOf);
  }

  async count(kind?: RecordKind): Promise<number> {
    const [row] = await this.db.query(SQL.COUNT, [kind ?? null]);
    return Number(row?.['n'] ?? 0);
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1 AS ok');
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** Thrown inside the transaction to roll back a spent invitation whose rating id was taken meanwhile. */
class DuplicateMeanwhile extends Error {}

/** The messages of the invitation refusals (the citizen-facing text is the element's). */
const REFUSALS = {
  invitation_used: 'This invitation has already been used to rate its case.',
  invitation_expired: 'This invitation has expired.',
  invitation_invalid: 'No open invitation has this code.',
} as const;

/**
 * The status rules of CONTRACT §8: received → in_progress → resolved | rejected (an open
 * complaint may be closed at once); a closed one only reopens to in_progress; nothing goes back
 * to received. Staying in the same status is always allowed.
 */
export function canMove(from: ComplaintStatus, to: ComplaintStatus): boolean {
  if (from === to) return true;
  if (to === 'received') return false;
  if (CLOSED.includes(from)) return to === 'in_progress';
  return true;
}

/** The parameters of SQL.FILTER. */
function filterParams(filter: RecordFilter): unknown[] {
  return [filter.kind ?? null, filter.from ?? null, filter.to ?? null, filter.agency ?? null, filter.unit ?? null];
}

function outcome(row: Row, inserted: boolean): SubmitOutcome {
  const result: SubmitOutcome = { id: String(row['id']), status: inserted ? 'accepted' : 'duplicate' };
  if (typeof row['tracking_code'] === 'string') {
    result.trackingCode = row['tracking_code'];
    const dueAt = isoOrNull(row['due_at']);
    if (dueAt) result.dueAt = dueAt;
  }
  return result;
}
