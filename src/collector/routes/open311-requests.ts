import { timingSafeEqual } from 'node:crypto';
import type { ComplaintRecord, ComplaintStatus } from '../../core/record.js';
import type { Context } from '../app.js';
import { readBody } from '../http/body.js';
import { formatOf, sendOpen311List } from '../http/open311.js';
import type { ComplaintFilter, ComplaintQuery, ComplaintView } from '../storage/types.js';
import { digest, fail, open311ToComplaint, parameterOf, readForm } from './open311-form.js';
import { localeOf, serviceName, type Locale } from './open311-services.js';
import { instantParam } from './records.js';
import { checkSubmission, queueReceived, takeRateLimit } from './submissions.js';

// GeoReport v2 service requests (CONTRACT §6): a request is a complaint; service_request_id is its
// tracking code (the record id is accepted too), status is open (received, in_progress) or
// closed (resolved, rejected), status_notes the agency's response.

const REQUESTS = { root: 'service_requests', item: 'request' } as const;

/** Most requests one GET answers, and the default and widest window (the specification's). */
export const MAX_REQUESTS = 1000;
const WINDOW_MS = 90 * 24 * 60 * 60 * 1000;

function checkApiKey(keys: readonly string[] | undefined, given: string | null, message = 'A valid api_key is required.'): void {
  if (keys === undefined) return;
  const hash = digest(given ?? '');
  // Compare against every key (no early exit), each in constant time.
  const ok = keys.reduce((found, key) => timingSafeEqual(digest(key), hash) || found, false);
  if (!ok) throw fail(403, message);
}

/** POST /open311/v2/requests.{json,xml} — form-encoded (or JSON) → a complaint. */
export async function postOpen311Request(context: Context): Promise<void> {
  const { app, req, res } = context;
  takeRateLimit(context);
  const form = readForm(req, await readBody(req, 256 * 1024));
  checkApiKey(app.config.open311ApiKeys, form.get('api_key'));
  const code = form.get('service_code');
  if (code === null || code === '') throw fail(400, 'service_code is required.');
  if (!app.config.complaintCategories.includes(code)) throw fail(400, `service_code "${code.slice(0, 64)}" is not a service here.`);
  const now = app.now();
  const checked = checkSubmission(open311ToComplaint(form, { agency: app.config.open311Agency, now }));
  if (!checked.ok) {
    const field = checked.error.field;
    throw fail(400, field === undefined ? checked.error.message : `${parameterOf(field)}: ${checked.error.message}`);
  }
  context.log.records = 1;
  const [outcome] = await app.storage.submit([checked.record as ComplaintRecord], { now, complaintDueDays: app.config.complaintDueDays });
  if (!outcome?.trackingCode) throw fail(400, 'attribute[svc_id] is already the id of a record that is not a complaint.');
  await queueReceived(context, [{ record: checked.record, outcome }], now);
  sendOpen311List(res, formatOf(context.url.pathname), REQUESTS, [
    { service_request_id: outcome.trackingCode, service_notice: `Received; a response is due by ${outcome.dueAt}.` },
  ]);
}

/**
 * The public GeoReport v2 view of a complaint: no description, contact, location or media (any of
 * them may be personal data; CONTRACT §6 keeps the public complaint view free of them).
 */
export function open311Request(view: ComplaintView, lang: Locale) {
  return {
    service_request_id: view.trackingCode,
    status: view.status === 'received' || view.status === 'in_progress' ? 'open' : 'closed',
    status_notes: view.response,
    service_name: serviceName(view.category, lang),
    service_code: view.category,
    agency_responsible: view.agency,
    requested_datetime: view.createdAt,
    updated_datetime: view.updatedAt,
    expected_datetime: view.dueAt,
  };
}

const keyOf = (context: Context, name: string) => {
  const key = context.params[name] ?? '';
  return key.length > 0 && key.length <= 128 ? key : undefined;
};

/** GET /open311/v2/requests/{id}.{json,xml} — a list of one request (tracking code or record id). */
export async function getOpen311Request(context: Context): Promise<void> {
  const key = keyOf(context, 'id');
  const view = key === undefined ? undefined : await context.app.storage.findComplaint(key);
  if (!view) throw fail(404, 'No service request has this id.');
  sendOpen311List(context.res, formatOf(context.url.pathname), REQUESTS, [open311Request(view, localeOf(context.url))]);
}

/**
 * GET /open311/v2/tokens/{token}.{json,xml}. Our ids are made at once, so there is never a token to
 * wait on; a client that asks anyway (with the record id it sent as attribute[svc_id], or the
 * request id) gets `{ service_request_id, token }` straight away.
 */
export async function getOpen311Token(context: Context): Promise<void> {
  const key = keyOf(context, 'token');
  const view = key === undefined ? undefined : await context.app.storage.findComplaint(key);
  if (!view || key === undefined) throw fail(404, 'No service request has this token.');
  sendOpen311List(context.res, formatOf(context.url.pathname), REQUESTS, [{ service_request_id: view.trackingCode, token: key }]);
}

/** A comma list parameter: trimmed, empty items dropped; undefined when absent or empty. */
function listParam(url: URL, name: string): string[] | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  const items = [...new Set(raw.split(',').map((item) => item.trim()).filter((item) => item !== ''))];
  return items.length > 0 ? items : undefined;
}

/**
 * A date-time parameter. A query written by hand often leaves the `+` of an offset unencoded
 * (`…T00:00:00+07:00`), which a query string reads as a space: put it back before parsing.
 */
function dateParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw !== null && /T[\d:.]+ \d{2}:?\d{2}$/.test(raw)) url.searchParams.set(name, raw.replace(/ (\d{2}:?\d{2})$/, '+$1'));
  const iso = instantParam(url, name);
  return iso === undefined ? undefined : Date.parse(iso);
}

const STATUSES: Record<string, ComplaintStatus[]> = { open: ['received', 'in_progress'], closed: ['resolved', 'rejected'] };

/** The query of GET requests from the specification's parameters, or a 400 naming the wrong one. */
export function requestsQuery(url: URL, now: Date, services: readonly string[]): ComplaintQuery {
  const keys = listParam(url, 'service_request_id');
  // The specification: service_request_id "overrides all other arguments".
  if (keys !== undefined) {
    if (keys.length > MAX_REQUESTS) throw fail(400, `service_request_id may list at most ${MAX_REQUESTS} ids.`);
    if (keys.some((key) => key.length > 128)) throw fail(400, 'A service_request_id is at most 128 characters.');
    return { keys, limit: MAX_REQUESTS };
  }
  const statuses = listParam(url, 'status');
  const unknownStatus = statuses?.find((status) => !(status in STATUSES));
  if (unknownStatus !== undefined) throw fail(400, 'status must be open, closed or both (open,closed).');

  let start = dateParam(url, 'start_date');
  let end = dateParam(url, 'end_date');
  if (start !== undefined && end !== undefined) {
    if (start > end) throw fail(400, 'start_date must not be after end_date.');
    if (end - start > WINDOW_MS) throw fail(400, 'start_date and end_date may not span more than 90 days.');
  } else if (start !== undefined) end = start + WINDOW_MS;
  else {
    end ??= now.getTime();
    start = end - WINDOW_MS;
  }
  const query: ComplaintFilter = { from: new Date(start).toISOString(), to: new Date(end!).toISOString(), limit: MAX_REQUESTS };
  const codes = listParam(url, 'service_code');
  const unknown = codes?.find((code) => !services.includes(code));
  if (unknown !== undefined) throw fail(400, `service_code "${unknown.slice(0, 64)}" is not a service here.`);
  if (codes !== undefined) query.categories = codes;
  if (statuses !== undefined) query.statuses = statuses.flatMap((status) => STATUSES[status]!);
  const jurisdiction = url.searchParams.get('jurisdiction_id')?.trim();
  if (jurisdiction) query.agency = jurisdiction;
  return query;
}

/**
 * GET /open311/v2/requests.{json,xml} — public: the specification's filters (service_request_id,
 * service_code, start_date, end_date, status; jurisdiction_id narrows to that agency), newest first,
 * the last 90 days by default, at most 1,000. Only the public view: no description, contact,
 * location or media.
 */
export async function getOpen311Requests(context: Context): Promise<void> {
  const { app, url } = context;
  const query = requestsQuery(url, app.now(), app.config.complaintCategories);
  // A window lists tracking codes, which are also what lets a citizen follow (and rate the handling
  // of) a complaint: an agency may keep such lists to its partners' keys. Whoever holds ids may look them up.
  if (!('keys' in query) && app.config.open311RequestsList === 'api_key') {
    checkApiKey(app.config.open311ApiKeys, url.searchParams.get('api_key'), 'Listing requests needs a valid api_key; looking them up by service_request_id does not.');
  }
  const lang = localeOf(url);
  const views = await app.storage.findComplaints(query);
  sendOpen311List(context.res, formatOf(url.pathname), REQUESTS, views.map((view) => open311Request(view, lang)));
}
