import type { CaseRecord, ComplaintStatus, FeedbackRecord, RecordKind } from '../../core/record.js';
import type { ValidationError } from '../../core/validate.js';
import type { Period } from '../../analytics/period.js';
import type { GroupField, Summary } from '../../analytics/summary.js';
import type { IngestContext } from '../verified/ingest.js';

export type Row = Record<string, unknown>;

/** What both engines offer: parameterised SQL, one statement per call. */
export interface Queryable {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

/** One database connection (PGlite) or pool (PostgreSQL) behind the same parameterised SQL. */
export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `work` in one transaction on one connection; rolls back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What became of one submitted record. */
export interface SubmitOutcome {
  id: string;
  status: 'accepted' | 'duplicate' | 'rejected';
  /** Why a valid record was refused (a rating's invitation: `invitation_used` …). */
  error?: { code: string; message: string; field?: string };
  /** The complaint's tracking code: the original one for a repeat. */
  trackingCode?: string;
  dueAt?: string;
}

/** What became of one imported case. */
export interface ImportOutcome {
  id: string;
  status: 'accepted' | 'updated' | 'rejected';
  error?: { code: string; message: string; field?: string };
}

/** The public view of a complaint: no personal data, no description (CONTRACT §6). */
export interface ComplaintView {
  id: string;
  trackingCode: string;
  status: ComplaintStatus;
  category: string;
  agency: string;
  /** Not public: the scope of the officials who handle it. */
  unit: string | null;
  /** Not public: the unit an official assigned it to. */
  assignedUnit: string | null;
  /** Not public: officials' note. */
  internalNote: string | null;
  createdAt: string;
  updatedAt: string;
  dueAt: string;
  resolvedAt: string | null;
  response: string | null;
}

/** Complaints made in a window, with optional filters (Open311 GET requests). */
export interface ComplaintFilter {
  /** Inclusive instants (ISO) of `createdAt`. */
  from: string;
  to: string;
  categories?: readonly string[];
  statuses?: readonly ComplaintStatus[];
  agency?: string;
  limit: number;
}

/** Which complaints `findComplaints` returns: by tracking code or record id (any mix), or by filter. */
export type ComplaintQuery = { keys: readonly string[]; limit: number } | ComplaintFilter;


/**
 * What PATCH may produce: the updated view, nothing found, a response the validator refuses, a
 * stale `ifUpdatedAt` (with the current view), or a status change the rules do not allow.
 */
export type UpdateResult =
  | { found: false }
  | { found: true; view: ComplaintView }
  | { found: true; invalid: ValidationError }
  | { found: true; stale: ComplaintView }
  | { found: true; transition: { from: ComplaintStatus; to: ComplaintStatus } };

/** Called inside the update's transaction: a scope check before, and the audit entry after. */
export interface UpdateHooks {
  /** False: the complaint is answered as not found (outside the official's scope). */
  allow?(before: ComplaintView): boolean;
  /** Runs in the same transaction as the update (the audit entry commits with it). */
  changed?(tx: Queryable, before: ComplaintView, after: ComplaintView): Promise<void>;
}

export interface ComplaintPatch {
  status?: ComplaintStatus;
  /** null clears the response. */
  response?: string | null;
  /** null clears it. */
  assignedUnit?: string | null;
  /** null clears it. */
  internalNote?: string | null;
  /** The `updatedAt` the official saw: when the complaint changed since, nothing is written. */
  ifUpdatedAt?: string;
}

export interface RecordFilter {
  kind?: RecordKind;
  /** Inclusive instant (ISO). */
  from?: string;
  /** Exclusive instant (ISO). */
  to?: string;
  /** Only this agency (an official's scope). */
  agency?: string;
  /** Only this unit. */
  unit?: string;
}

/** Options of the SQL summary (CONTRACT §5 / §6). */
export interface AggregateQuery extends RecordFilter {
  groupBy: readonly GroupField[];
  period: Period;
  timeZone: string;
  /** Count flagged and suspect ratings like the others (CONTRACT §7); default false. */
  includeFlagged?: boolean;
}

export type { GroupField } from '../../analytics/summary.js';
export type { Period } from '../../analytics/period.js';

/** The collector's storage: the operations of the routes, the same SQL on both engines. */
export interface Storage {
  readonly engine: 'pglite' | 'postgres';
  /**
   * Idempotent insert of valid ratings and complaints; one outcome per record, in order.
   * Complaints are due `complaintDueDays` after `now` (default 10).
   */
  submit(records: readonly FeedbackRecord[], options: { now: Date; complaintDueDays?: number } & IngestContext): Promise<SubmitOutcome[]>;
  /** Inserts or updates valid cases (an existing case id is updated, only inside `scope` when given). */
  importCases(records: readonly CaseRecord[], options: { now: Date; scope?: { agency: string; unit: string | null } }): Promise<ImportOutcome[]>;
  /** A complaint by tracking code or record id. */
  findComplaint(key: string): Promise<ComplaintView | undefined>;
  /** Public views of the complaints a query selects, newest first (`createdAt`, then id), at most `limit`. */
  findComplaints(query: ComplaintQuery): Promise<ComplaintView[]>;
  /** Sets status and/or response (the result says when there is no such complaint or the response is refused). */
  updateComplaint(key: string, patch: ComplaintPatch, now: Date, hooks?: UpdateHooks): Promise<UpdateResult>;
  /** One record with its attachments and, for complaints, the collector's fields. */
  getRecord(id: string): Promise<FeedbackRecord | undefined>;
  /** Records in (time, id) order, fetched a page at a time (keyset pagination): never all in memory. */
  exportRecords(filter: RecordFilter, pageSize?: number): AsyncGenerator<FeedbackRecord>;
  /** Dotted paths of every leaf field of the records the filter selects (for the CSV header). */
  exportPaths(filter: RecordFilter): Promise<string[]>;
  /** analytics' Summary of the records in [from, to), counted in SQL (GROUP BY group fields and period). */
  summarize(query: AggregateQuery): Promise<Summary>;
  /**
   * A Summary that reports exactly like `summarize`'s, read from the kept rollups where they can
   * answer (CONTRACT §10), else scanned; its links are counted without their keys (not for merging).
   * Given `asOf` (an ISO instant), it may keep open cases and complaints only as due before or
   * after it: report it with that same `asOf`.
   */
  summarizeForReport(query: AggregateQuery, asOf?: string): Promise<Summary>;
  /** Number of stored records (of one kind). */
  count(kind?: RecordKind): Promise<number>;
  /** Throws when the database does not answer. */
  ping(): Promise<void>;
  /** Raw access for the summary and tests. */
  readonly db: Database;
  close(): Promise<void>;
}
