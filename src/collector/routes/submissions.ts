import type { FeedbackRecord } from '../../core/record.js';
import { validateRecord, type ValidationError } from '../../core/validate.js';
import type { Context } from '../app.js';
import { parseJson, readBody } from '../http/body.js';
import { HttpError, sendJson } from '../http/errors.js';
import { clientAddress } from '../http/rate-limit.js';
import { idOf } from '../records.js';
import type { ComplaintView, SubmitOutcome } from '../storage/types.js';
import { queueWebhook } from '../webhooks.js';
import { isHandlingRating, submitHandlingRating, type HandlingRefusal } from '../complaint-rating.js';

export const MAX_RECORDS = 100;

/** One entry of the reply of POST /v1/submissions. */
export interface SubmissionResult {
  id: string | null;
  status: 'accepted' | 'duplicate' | 'rejected';
  trackingCode?: string;
  dueAt?: string;
  /** `validation`, or a refusal of the collector (`already_rated`, `invitation_used`, …). */
  error?: ValidationError | HandlingRefusal | { code: string; message: string; field?: string };
}

/** Counts a submission request against its client's minute; 429 with Retry-After when over. */
export function takeRateLimit(context: Context): void {
  const { app, req } = context;
  const wait = app.limiter.take(clientAddress(req, app.config.trustProxy));
  if (wait > 0) {
    throw new HttpError(429, 'rate_limited', `Too many submissions from this address; try again in ${wait} s.`, undefined, {
      'Retry-After': String(wait),
    });
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** One record or `{ records: [...] }` (CONTRACT §6); anything else is refused with a reason. */
export function unpack(body: unknown): { records: unknown[]; batch: boolean } {
  if (!isPlainObject(body)) {
    throw new HttpError(400, 'validation', 'Send one record (a JSON object) or { "records": [ … ] }.');
  }
  if (!('records' in body) || 'kind' in body) return { records: [body], batch: false };
  const records = body['records'];
  if (!Array.isArray(records)) throw new HttpError(400, 'validation', 'records must be a list of records.', 'records');
  if (records.length === 0) throw new HttpError(400, 'validation', 'records must hold at least one record.', 'records');
  if (records.length > MAX_RECORDS) {
    throw new HttpError(413, 'too_many_records', `A request may carry at most ${MAX_RECORDS} records (got ${records.length}).`, 'records');
  }
  return { records, batch: true };
}

/** The id to echo for a refused record: its own when it is a short string, else null. */
export function echoId(value: unknown): string | null {
  const id = isPlainObject(value) ? value['id'] : undefined;
  return typeof id === 'string' && id.length <= 128 ? id : null;
}

/**
 * Validates a submission with the shared validator. Any valid §4 record is taken, cases too, but
 * like everything here insert-only: an existing id is a `duplicate`, never updated (officials
 * correct cases through POST /v1/cases).
 */
export function checkSubmission(value: unknown): { ok: true; record: FeedbackRecord } | { ok: false; error: ValidationError } {
  return validateRecord(value);
}

/**
 * Queues `complaint.received` for the complaints just accepted: only with WEBHOOK_URL, one row
 * each, built from the record and its outcome (no read, no network).
 */
export async function queueReceived(context: Context, accepted: ReadonlyArray<{ record: FeedbackRecord; outcome: SubmitOutcome }>, now: Date): Promise<void> {
  const { app } = context;
  if (app.config.webhookUrl === undefined) return;
  for (const { record, outcome } of accepted) {
    if (record.kind !== 'complaint' || outcome.status !== 'accepted' || outcome.trackingCode === undefined) continue;
    const at = now.toISOString();
    const view: ComplaintView = {
      id: outcome.id,
      trackingCode: outcome.trackingCode,
      status: 'received',
      category: record.category,
      agency: record.agency as string,
      unit: typeof record.unit === 'string' ? record.unit : null,
      assignedUnit: null,
      internalNote: null,
      createdAt: record.createdAt as string,
      updatedAt: at,
      dueAt: outcome.dueAt ?? at,
      resolvedAt: null,
      response: null,
    };
    await queueWebhook(app.storage.db, app.config, 'complaint.received', view, now);
  }
}

/** POST /v1/submissions */
export async function postSubmissions(context: Context): Promise<void> {
  const { app, req, res } = context;
  takeRateLimit(context);
  const { records, batch } = unpack(parseJson(req, await readBody(req)));
  context.log.records = records.length;
  const results: SubmissionResult[] = [];
  const valid: FeedbackRecord[] = [];
  const slots: number[] = [];
  const handling: Array<{ slot: number; record: FeedbackRecord }> = [];
  for (const value of records) {
    const checked = checkSubmission(value);
    if (!checked.ok) {
      if (!batch) throw new HttpError(400, 'validation', checked.error.message, checked.error.field);
      results.push({ id: echoId(value), status: 'rejected', error: checked.error });
      continue;
    }
    if (isHandlingRating(checked.record)) {
      handling.push({ slot: results.length, record: checked.record });
    } else {
      slots.push(results.length);
      valid.push(checked.record);
    }
    results.push({ id: idOf(checked.record), status: 'accepted' });
  }
  const now = app.now();
  const outcomes = await app.storage.submit(valid, {
    now,
    complaintDueDays: app.config.complaintDueDays,
    source: clientAddress(req, app.config.trustProxy),
    burstSeconds: app.config.burstSeconds,
  });
  outcomes.forEach((outcome, index) => {
    results[slots[index]!] = outcome;
  });
  await queueReceived(context, outcomes.map((outcome, index) => ({ record: valid[index]!, outcome })), now);
  // Ratings of a complaint's handling go one by one: each checks its complaint and the
  // one-per-complaint rule. A refusal is a `rejected` result (200), single record or batch, as
  // the outbox expects of a record it must not send again.
  for (const { slot, record } of handling) {
    const outcome = await submitHandlingRating(app, record);
    if ('refused' in outcome) {
      results[slot] = { id: idOf(record), status: 'rejected', error: outcome.refused };
    } else {
      results[slot] = outcome;
    }
  }
  sendJson(res, 200, { results });
}
