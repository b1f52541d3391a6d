import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../core/record.js';
import type { Context } from '../app.js';
import { inScope, requireAccess } from '../http/access.js';
import { appendAudit } from '../storage/audit.js';
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

/** The body of PATCH: `status` from the enum and/or `response` (text, or null to clear). */
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
    } else {
      throw new HttpError(400, 'validation', `"${name.slice(0, 40)}" cannot be changed; send status and/or response.`, name.slice(0, 40));
    }
  }
  if (patch.status === undefined && patch.response === undefined) {
    throw new HttpError(400, 'validation', 'Send status and/or response.');
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
    changed: (tx, before, after) =>
      appendAudit(tx, principal, { action: 'complaint.update', target: `complaint:${after.trackingCode}`, agency: after.agency, unit: after.unit, before, after }, now),
  });
  if (!result.found) throw notFound();
  if ('invalid' in result) throw new HttpError(400, 'validation', result.invalid.message, result.invalid.field);
  sendJson(res, 200, { id: result.view.id, ...publicView(result.view) });
}
