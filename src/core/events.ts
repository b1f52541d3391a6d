import type { FeedbackRecord } from './record.js';

/** Why a record could not be taken or delivered. */
export type SvcErrorCode = 'validation' | 'rejected' | 'delivery-failed' | 'storage-unavailable';

export interface SvcSubmitDetail {
  /** The record about to be stored: host code may add fields to it, or cancel the event. */
  record: FeedbackRecord;
}
export interface SvcQueuedDetail {
  record: FeedbackRecord;
  /** False when storage failed and the record lives in this page's memory only. */
  persisted: boolean;
}
export interface SvcSentDetail {
  id: string;
  /** For complaints: the collector's tracking code. */
  trackingCode?: string;
}
export interface SvcErrorDetail {
  code: SvcErrorCode;
  message: string;
  id?: string;
  field?: string;
  /** For `rejected`: the collector's own code when it gave one (`invitation_used`, `invitation_expired`, …). */
  reason?: string;
}

export interface SvcEventMap {
  'svc-submit': SvcSubmitDetail;
  'svc-queued': SvcQueuedDetail;
  'svc-sent': SvcSentDetail;
  'svc-error': SvcErrorDetail;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'svc-submit': CustomEvent<SvcSubmitDetail>;
    'svc-queued': CustomEvent<SvcQueuedDetail>;
    'svc-sent': CustomEvent<SvcSentDetail>;
    'svc-error': CustomEvent<SvcErrorDetail>;
  }
}

/**
 * Dispatches a library event: always `bubbles` and `composed` so it leaves shadow roots.
 * Returns false when a cancelable event was cancelled.
 */
export function emit<K extends keyof SvcEventMap>(
  target: EventTarget,
  type: K,
  detail: SvcEventMap[K],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
