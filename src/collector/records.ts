import { parseInstant } from '../analytics/period.js';
import type { FeedbackRecord } from '../core/record.js';

/**
 * The id of a valid record. (`CaseRecord` is an `Omit` of a type with an index signature, which
 * leaves its `id` and `agency` typed `unknown`; the validator guarantees strings.)
 */
export function idOf(record: FeedbackRecord): string {
  return record.id as string;
}

/** Fields the collector sets on complaints; whatever a client sent for them is dropped. */
export const SERVER_FIELDS = ['trackingCode', 'status', 'dueAt', 'resolvedAt', 'response', 'updatedAt'] as const;

/** Officials' fields of a complaint (CONTRACT §8; never public): dropped from what a client sends, present once set. */
export const OFFICIAL_FIELDS = ['assignedUnit', 'internalNote'] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An instant as analytics reads it (`parseInstant`: milliseconds, digits past them dropped), so
 * SQL buckets and compares records exactly as `summarize` does.
 */
export function isoInstant(value: string): string {
  const ms = parseInstant(value);
  return new Date(Number.isNaN(ms) ? Date.parse(value) : ms).toISOString();
}

/** A timestamptz column value (a Date from both drivers) as ISO 8601 UTC, or null. */
export function isoOrNull(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return date.toISOString();
}

/** One row of the `records` table, as handed to `jsonb_to_recordset` (absent keys are NULL). */
export interface RecordRow {
  id: string;
  kind: string;
  at: string;
  created_at?: string;
  received_at?: string;
  agency: string;
  unit?: string;
  service?: string;
  officer?: string;
  channel?: string;
  score?: number;
  scale?: number;
  standards?: Record<string, boolean>;
  category?: string;
  tracking_code?: string;
  status?: string;
  due_at?: string;
  resolved_at?: string;
  updated_at: string;
  record: Record<string, unknown>;
  attachments?: unknown[];
}

/**
 * Maps a valid record to its row. Complaints get status `received`, `dueAt` = receipt + `dueDays`
 * and the given tracking code; attachments go to their own column so summary scans never read them.
 */
export function toRow(record: FeedbackRecord, now: Date, dueDays: number, trackingCode?: string): RecordRow {
  const { attachments, ...rest } = record as Record<string, unknown>;
  const source = record as Record<string, unknown>;
  const text = (key: string) => (typeof source[key] === 'string' ? (source[key] as string) : undefined);
  const nowIso = now.toISOString();
  const row: RecordRow = {
    id: idOf(record),
    kind: record.kind,
    at: isoInstant(record.kind === 'case' ? record.receivedAt : record.createdAt),
    agency: record.agency as string,
    updated_at: nowIso,
    record: rest,
  };
  if (typeof record.createdAt === 'string') row.created_at = isoInstant(record.createdAt);
  for (const key of ['unit', 'service', 'officer', 'channel'] as const) {
    const value = text(key);
    if (value !== undefined) row[key] = value;
  }
  switch (record.kind) {
    case 'rating':
      // Officials flag ratings (CONTRACT §8): a flag a client sends is dropped.
      delete rest['flag'];
      row.score = record.score;
      row.scale = record.scale;
      if (record.standards !== undefined) row.standards = record.standards;
      break;
    case 'complaint':
      for (const field of [...SERVER_FIELDS, ...OFFICIAL_FIELDS]) delete rest[field];
      row.category = record.category;
      row.tracking_code = trackingCode;
      row.status = 'received';
      row.due_at = new Date(now.getTime() + dueDays * DAY_MS).toISOString();
      if (Array.isArray(attachments) && attachments.length > 0) row.attachments = attachments;
      break;
    case 'case':
      row.received_at = isoInstant(record.receivedAt);
      row.due_at = isoInstant(record.dueAt);
      if (record.resolvedAt !== undefined) row.resolved_at = isoInstant(record.resolvedAt);
      break;
  }
  return row;
}

/** A stored row back to the record of §4: complaints carry the collector's fields. */
export function fromRow(row: Record<string, unknown>, withAttachments = false): FeedbackRecord {
  const record = { ...(row['record'] as Record<string, unknown>) };
  if (row['kind'] === 'complaint') {
    if (withAttachments && Array.isArray(row['attachments'])) record['attachments'] = row['attachments'];
    record['trackingCode'] = row['tracking_code'];
    record['status'] = row['status'];
    record['dueAt'] = isoOrNull(row['due_at']);
    const resolvedAt = isoOrNull(row['resolved_at']);
    if (resolvedAt !== null) record['resolvedAt'] = resolvedAt;
    if (typeof row['response'] === 'string') record['response'] = row['response'];
    record['updatedAt'] = isoOrNull(row['updated_at']);
    if (typeof row['assigned_unit'] === 'string') record['assignedUnit'] = row['assigned_unit'];
    if (typeof row['internal_note'] === 'string') record['internalNote'] = row['internal_note'];
  }
  return record as unknown as FeedbackRecord;
}
