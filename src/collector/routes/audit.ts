import type { Context } from '../app.js';
import { requireAccess, scopeFilter } from '../http/access.js';
import { HttpError, sendJson } from '../http/errors.js';
import { readAudit, type AuditQuery } from '../storage/audit.js';
import { instantParam } from './records.js';

/** Entries per page of `GET /v1/audit`. */
export const AUDIT_PAGE = 200;

/**
 * GET /v1/audit?from&to&target&cursor — viewer: the entries of its scope in the order they were
 * written, `{ entries, next }` (`next`: the cursor of the following page, or null).
 */
export async function getAudit(context: Context): Promise<void> {
  const { app, res, url } = context;
  const principal = await requireAccess(context, { role: 'viewer' });
  const query: AuditQuery = { limit: AUDIT_PAGE, ...scopeFilter(principal) };
  const from = instantParam(url, 'from');
  const to = instantParam(url, 'to');
  if (from !== undefined) query.from = from;
  if (to !== undefined) query.to = to;
  const target = url.searchParams.get('target');
  if (target) query.target = target.slice(0, 300);
  const cursor = url.searchParams.get('cursor');
  if (cursor) {
    if (!/^\d{1,15}$/.test(cursor)) throw new HttpError(400, 'validation', 'cursor must be the next value of the previous page.', 'cursor');
    query.after = Number(cursor);
  }
  const entries = await readAudit(app.storage.db, query);
  context.log.records = entries.length;
  sendJson(res, 200, { entries, next: entries.length === AUDIT_PAGE ? String(entries[entries.length - 1]!.seq) : null });
}
