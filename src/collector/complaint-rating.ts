// The citizen rates the handling of a complaint (CONTRACT §8, Decision 766/QĐ-TTg): a rating with
// `about: "complaint"` and the complaint's `trackingCode`, one per complaint, once it is closed.
import type { FeedbackRecord } from '../core/record.js';
import type { App } from './app.js';
import { normalizeTrackingCode } from './tracking.js';
import type { SubmitOutcome } from './storage/types.js';

/** A refused rating of a complaint's handling, as a `rejected` result's error. */
export interface HandlingRefusal {
  code: 'complaint_unknown' | 'complaint_open' | 'already_rated';
  message: string;
  field?: string;
}

/** True for a rating of a complaint's handling. */
export function isHandlingRating(record: FeedbackRecord): boolean {
  return record.kind === 'rating' && (record as { about?: unknown }).about === 'complaint';
}

function isOneRatingViolation(error: unknown): boolean {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  return code === '23505' && (constraint === 'records_one_rating_per_complaint' || constraint === undefined);
}

/**
 * Stores one rating of a complaint's handling: the complaint must exist and be resolved or
 * rejected; the rating takes the complaint's agency and unit (whatever the page said) and
 * `verified: true`; a second rating of the same complaint (another id) is refused
 * `already_rated` — by a unique index, so two at once cannot both pass. A repeat of the same id
 * is a `duplicate`, as always.
 */
export async function submitHandlingRating(app: App, record: FeedbackRecord): Promise<SubmitOutcome | { refused: HandlingRefusal }> {
  const sent = (record as { trackingCode?: unknown }).trackingCode;
  const code = typeof sent === 'string' ? normalizeTrackingCode(sent) : undefined;
  const complaint = code ? await app.storage.findComplaint(code) : undefined;
  if (!code || !complaint) {
    return { refused: { code: 'complaint_unknown', message: 'No complaint has this tracking code.', field: 'trackingCode' } };
  }
  if (complaint.status !== 'resolved' && complaint.status !== 'rejected') {
    return { refused: { code: 'complaint_open', message: 'The handling of a complaint is rated once it is resolved or rejected.', field: 'trackingCode' } };
  }
  const stored: Record<string, unknown> = { ...record, trackingCode: code, agency: complaint.agency };
  if (complaint.unit !== null) stored['unit'] = complaint.unit;
  else delete stored['unit'];
  try {
    const [outcome] = await app.storage.submit([stored as unknown as FeedbackRecord], { now: app.now(), complaintDueDays: app.config.complaintDueDays, verified: true });
    return outcome!;
  } catch (error) {
    if (isOneRatingViolation(error)) {
      return { refused: { code: 'already_rated', message: 'The handling of this complaint has already been rated.', field: 'trackingCode' } };
    }
    throw error;
  }
}
