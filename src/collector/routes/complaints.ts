import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../core/record.js';
import type { Context } from '../app.js';
import { inScope, requireAccess, scopeFilter } from '../http/access.js';
import { decodeCursor, listComplaints, type ComplaintListQuery } from '../storage/complaint-list.js';
import { appendAudit } from '../storage/audit.js';
import { erasePersonalData } from '../retention.js';
import { queueWebhook } from '../webhooks.js';
import { parseJson, readBody } from '../http/body.js';
import { HttpError, sendJson } from '../http/errors.js';
import type { ComplaintPatch, ComplaintView } from '../storage/types.js';

const notFound = () => new HttpError(404, 'not_found', 'No complaint has this tracking code.');

/** What anyone holding the code may see: no personal data, no description (CONTRACT §6). */
export function publicView(view: ComplaintView) {
  const { trackingCode, status, category, createdAt, updatedAt, dueAt, resolvedAt, response } = view;
  return { trackingCode, status, category, createdAt, updatedAt, dueAt, resolvedAt, response };
}

function key(context: Context): string {
  const value = context.params['key'] ?? '';
  if (value.length === 0 || value.length > 128) throw notFound();
  return value;
}

/** GET /v1/complaints/:key — by tracking code or record id. */
export async function getComplaint(context: Context): Promise<void> {
  const view = await context.app.storage.findComplaint(key(context));
  if (!view) throw notFound();
  sendJson(context.res, 200, publicView(view));
}

/** What officials see of a complaint after a change: the public view and their own fields. */
export function officialView(view: ComplaintView) {
  return { id: view.id, ...publicView(view), agency: view.agency, unit: view.unit, assignedUnit: view.assignedUnit, internalNote: view.internalNote };
}

/** Text of an official's field: at most `max` characters, no control characters but line breaks and tabs; '' or null clears. */
function officialText(value: unknown, field: string, max: number, oneLine: boolean): string | null {
  if (value === null) return null;
  const control = oneLine ? /[\u0000-\u001F\u007F]/ : /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
  if (typeof value !== 'string' || value.length > max || control.test(value)) {
    throw new HttpError(400, 'validation', `${field} must be text of at most ${max} characters${oneLine ? ' on one line' : ''}, or null.`, field);
  }
  return value.trim() === '' ? null : value;
}

/**
 * The body of PATCH: `status` from the enum, `response` (text, or null to clear), and for
 * officials `assignedUnit`, `internalNote` (null clears) and `ifUpdatedAt` (the version seen).
 */
export function parsePatch(body: unknown): ComplaintPatch {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'validation', 'Send a JSON object with status and/or response.');
  }
  const patch: ComplaintPatch = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === 'status') {
      if (!COMPLAINT_STATUSES.includes(value as ComplaintStatus)) {
        throw new HttpError(400, 'validation', `status must be one of ${COMPLAINT_STATUSES.join(', ')}.`, 'status');
      }
      patch.status = value as ComplaintStatus;
    } else if (name === 'response') {
      if (value !== null && typeof value !== 'string') throw new HttpError(400, 'validation', 'response must be text or null.', 'response');
      patch.response = value === null || (value as string).trim() === '' ? null : (value as string);
    } else if (name === 'assignedUnit') {
      patch.assignedUnit = officialText(value, name, 200, true);
    } else if (name === 'internalNote') {
      patch.internalNote = officialText(value, name, 4000, false);
    } else if (name === 'ifUpdatedAt') {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) {
        throw new HttpError(400, 'validation', 'ifUpdatedAt must be the updatedAt the complaint had (an ISO 8601 instant).', 'ifUpdatedAt');
      }
      patch.ifUpdatedAt = value;
    } else {
      throw new HttpError(400, 'validation', `"${name.slice(0, 40)}" cannot be changed; send status, response, assignedUnit or internalNote.`, name.slice(0, 40));
    }
  }
  if (patch.status === undefined && patch.response === undefined && patch.assignedUnit === undefined && patch.internalNote === undefined) {
    throw new HttpError(400, 'validation', 'Send status and/or response (or assignedUnit, internalNote).');
  }
  return patch;
}

/** PATCH /v1/complaints/:key — handler of the complaint's scope; audited in the same transaction. */
export async function patchComplaint(context: Context): Promise<void> {
  const { app, req, res } = context;
  const principal = await requireAccess(context, { role: 'handler' });
  const patch = parsePatch(parseJson(req, await readBody(req, 64 * 1024)));
  const now = app.now();
  const result = await app.storage.updateComplaint(key(context), patch, now, {
    allow: (before) => inScope(principal, before),
    changed: async (tx, before, after) => {
      await appendAudit(tx, principal, { action: 'complaint.update', target: `complaint:${after.trackingCode}`, agency: after.agency, unit: after.unit, before, after }, now);
      await queueWebhook(tx, app.config, 'complaint.updated', after, now);
    },
  });
  if (!result.found) throw notFound();
  if ('invalid' in result) throw new HttpError(400, 'validation', result.invalid.message, result.invalid.field);
  if ('stale' in result) {
    throw new HttpError(409, 'stale', `This complaint changed at ${result.stale.updatedAt}, after the version sent in ifUpdatedAt: reload it; nothing was changed.`, 'ifUpdatedAt');
  }
  if ('transition' in result) {
    throw new HttpError(409, 'invalid_transition', `A complaint cannot go from ${result.transition.from} to ${result.transition.to} (received → in_progress → resolved | rejected; a closed one reopens to in_progress).`, 'status');
  }
  sendJson(res, 200, officialView(result.view));
}

/** Complaints per page of `GET /v1/complaints` (default and most). */
const PAGE = 50;
const MAX_PAGE = 200;

/**
 * GET /v1/complaints?status&unit&category&overdue&q&order&limit&cursor — viewer: whole complaint
 * records of its scope (contact included; attachments listed without their data), newest due
 * first (`order=due`: earliest due first), a page at a time: `{ complaints, next, counts }`.
 * `status` takes a comma list or `open` (received and in progress); `counts` gives each status's
 * number with the other filters, for the inbox's tabs.
 */
export async function listComplaintsRoute(context: Context): Promise<void> {
  const { app, res, url } = context;
  const principal = await requireAccess(context, { role: 'viewer' });
  const get = (name: string) => {
    const value = url.searchParams.get(name);
    return value === null || value.trim() === '' ? undefined : value.trim();
  };
  const query: ComplaintListQuery = { ...scopeFilter(principal), order: '-due', limit: PAGE, now: app.now() };
  const status = get('status');
  if (status !== undefined) {
    const wanted = status.split(',').flatMap((item) => (item.trim() === 'open' ? ['received', 'in_progress'] : [item.trim()]));
    if (!wanted.every((item) => COMPLAINT_STATUSES.includes(item as ComplaintStatus))) {
      throw new HttpError(400, 'validation', `status takes open or ${COMPLAINT_STATUSES.join(', ')} (comma-separated).`, 'status');
    }
    query.statuses = [...new Set(wanted)] as ComplaintStatus[];
  }
  const unit = get('unit');
  if (unit !== undefined) query.unitFilter = unit.slice(0, 200);
  const category = get('category');
  if (category !== undefined) query.category = category.slice(0, 64);
  const overdue = get('overdue');
  if (overdue !== undefined) {
    if (overdue !== 'true' && overdue !== 'false') throw new HttpError(400, 'validation', 'overdue takes true or false.', 'overdue');
    query.overdue = overdue === 'true';
  }
  const q = get('q');
  if (q !== undefined) query.q = q.slice(0, 200);
  const order = get('order');
  if (order !== undefined) {
    if (order !== 'due' && order !== '-due') throw new HttpError(400, 'validation', 'order takes due (earliest first) or -due (newest first).', 'order');
    query.order = order;
  }
  const limit = get('limit');
  if (limit !== undefined) {
    if (!/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_PAGE) throw new HttpError(400, 'validation', `limit takes 1 to ${MAX_PAGE}.`, 'limit');
    query.limit = Number(limit);
  }
  const cursor = get('cursor');
  if (cursor !== undefined) {
    const after = decodeCursor(cursor);
    if (!after) throw new HttpError(400, 'validation', 'cursor must be the next value of the previous page.', 'cursor');
    query.after = after;
  }
  const page = await listComplaints(app.storage.db, query);
  context.log.records = page.complaints.length;
  sendJson(res, 200, page);
}

/**
 * DELETE /v1/complaints/:key/personal-data — admin (of the complaint's scope): wipes the
 * complaint's contact details and attachments now, at the complainant's request (audited); the
 * complaint and every count stay. `{ trackingCode, contact, attachments }` say what was removed.
 */
export async function deletePersonalData(context: Context): Promise<void> {
  const { app, res } = context;
  const principal = await requireAccess(context, { role: 'admin' });
  const view = await app.storage.findComplaint(key(context));
  if (!view || !inScope(principal, view)) throw notFound();
  const now = app.now();
  const [wiped] = await app.storage.db.transaction((tx) => erasePersonalData(tx, view.id, principal, now));
  sendJson(res, 200, { trackingCode: view.trackingCode, contact: wiped?.contact ?? false, attachments: wiped?.attachments ?? 0 });
}
