import { systemClock, type Clock } from './clock.js';
import type { FeedbackRecord } from './record.js';

/** The collector's answer for one record (CONTRACT §6). */
export interface SubmissionResult {
  id: string;
  status: 'accepted' | 'duplicate' | 'rejected';
  trackingCode?: string;
  error?: { code: string; message: string; field?: string };
}

/** What one attempt to deliver a batch came to. */
export type DeliveryOutcome =
  /** The collector answered per record. */
  | { type: 'answered'; results: SubmissionResult[] }
  /** Worth trying again later: network error, timeout, 408, 429, 5xx. */
  | { type: 'retry'; reason: string; retryAfterMs?: number }
  /** The collector refused the request itself (another 4xx): resending it unchanged cannot help. */
  | { type: 'refused'; status: number; message: string; field?: string };

export interface SendOptions {
  keepalive?: boolean;
  /** A request not answered within this long is aborted and retried later (default 30 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Whose timer aborts a request that takes too long (tests use a fake one). */
  clock?: Clock;
}

/** How long a request may take before it is aborted and counted as failed. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** `{endpoint}/v1/submissions`, whether or not the endpoint ends with a slash. */
export function submissionsUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/submissions`;
}

/**
 * POSTs records to the collector as `text/plain` JSON: a "simple" request, so no CORS preflight
 * (one round trip less on a bad connection).
 */
export async function sendToCollector(
  endpoint: string,
  records: readonly FeedbackRecord[],
  options: SendOptions = {},
): Promise<DeliveryOutcome> {
  const body = JSON.stringify(records.length === 1 ? records[0] : { records });
  return request(submissionsUrl(endpoint), { body, headers: { 'Content-Type': 'text/plain;charset=UTF-8' } }, options, async (response) => {
    const reply = (await response.json()) as { results?: SubmissionResult[] };
    if (!Array.isArray(reply.results)) return { type: 'retry', reason: 'The collector sent no results.' };
    return { type: 'answered', results: reply.results };
  });
}

/** Runs a POST and sorts its outcome; `onOk` reads a 2xx reply. Shared by every transport. */
export async function request(
  url: string,
  init: { body: string; headers: Record<string, string> },
  options: SendOptions,
  onOk: (response: Response) => Promise<DeliveryOutcome>,
  onError: (response: Response) => Promise<{ message: string; field?: string }> = readError,
): Promise<DeliveryOutcome> {
  const controller = new AbortController();
  const clock = options.clock ?? systemClock;
  const timer = clock.setTimeout(() => controller.abort(), options.timeoutMs ?? REQUEST_TIMEOUT_MS);
  const fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
  try {
    const response = await fetcher(url, {
      method: 'POST',
      body: init.body,
      headers: init.headers,
      keepalive: options.keepalive ?? false,
      credentials: 'omit',
      signal: controller.signal,
    });
    if (response.ok) {
      try {
        return await onOk(response);
      } catch {
        return { type: 'retry', reason: 'The reply could not be read.' };
      }
    }
    if (response.status === 408 || response.status === 429 || response.status >= 500) {
      const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
      return {
        type: 'retry',
        reason: `HTTP ${response.status}`,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      };
    }
    const error = await onError(response);
    return { type: 'refused', status: response.status, ...error };
  } catch (error) {
    return { type: 'retry', reason: error instanceof Error ? error.message : 'network error' };
  } finally {
    clock.clearTimeout(timer);
  }
}

async function readError(response: Response): Promise<{ message: string; field?: string }> {
  try {
    const body = (await response.json()) as { error?: { message?: string; field?: string } } | Array<{ description?: string }>;
    // Our collector: { error: { code, message, field } }; Open311: [{ code, description }].
    if (Array.isArray(body)) return { message: body[0]?.description ?? `HTTP ${response.status}` };
    const message = body.error?.message ?? `HTTP ${response.status}`;
    return body.error?.field ? { message, field: body.error.field } : { message };
  } catch {
    return { message: `HTTP ${response.status}` };
  }
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now; capped at one hour. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), 3_600_000);
}
