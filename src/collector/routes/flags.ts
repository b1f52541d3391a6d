import type { Context } from '../app.js';
import { inScope, requireAccess } from '../http/access.js';
import { parseJson, readBody } from '../http/body.js';
import { HttpError, sendJson } from '../http/errors.js';
import { isoOrNull } from '../records.js';
import { appendAudit } from '../storage/audit.js';

/** Why an official sets a rating aside (CONTRACT §8). */
export const FLAG_REASONS = ['spam', 'misuse', 'test', 'duplicate'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/** `{ reason, note? }` checked. */
export function parseFlag(body: unknown): { reason: FlagReason; note?: string } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'validation', 'Send { "reason": "spam" | "misuse" | "test" | "duplicate", "note"? }.');
  const { reason, note, ...rest } = body as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw new HttpError(400, 'validation', `"${extra.slice(0, 40)}" is not a flag field.`, extra.slice(0, 40));
  if (!FLAG_REASONS.includes(reason as FlagReason)) throw new HttpError(400, 'validation', `reason must be one of ${FLAG_REASONS.join(', ')}.`, 'reason');
  if (note !== undefined && note !== null && (typeof note !== 'string' || note.length > 500 || /[\u0000-\u001F\u007F]/.test(note))) {
    throw new HttpError(400, 'validation', 'note must be one line of at most 500 characters.', 'note');
  }
  return { reason: reason as FlagReason, ...(typeof note === 'string' && note.trim() !== '' ? { note } : {}) };
}

/**
 * Sets (`flag` given) or clears (null) a rating's flag in its stored record, bumps `updated_at`
 * and appends the audit entry, in one transaction; 404 for an unknown id or one outside the scope.
 */
async function setFlag(context: Context, flag: ((tokenId: string | null, at: string) => Record<string, unknown>) | null): Promise<void> {
  const { app, res, params } = context;
  const principal = await requireAccess(context, { role: 'handler' });
  const body = flag ? parseFlag(parseJson(context.req, await readBody(context.req, 8 * 1024))) : undefined;
  const id = params['id'] ?? '';
  const now = app.now();
  const result = await app.storage.db.transaction(async (tx) => {
    const [row] = await tx.query(`SELECT id, agency, unit, record, updated_at FROM records WHERE id = $1 AND kind = 'rating' FOR UPDATE`, [id]);
    if (!row || !inScope(principal, { agency: row['agency'] as string, unit: row['unit'] as string | null })) return undefined;
    const before = ((row['record'] as Record<string, unknown>)['flag'] ?? null) as Record<string, unknown> | null;
    const after = flag && body ? { ...body, ...flag(principal.tokenId, now.toISOString()) } : null;
    const updatedAt = new Date(Math.max(now.getTime(), Date.parse(isoOrNull(row['updated_at'])!) + 1)).toISOString();
    if (after) {
      await tx.query(`UPDATE records SET record = jsonb_set(record, '{flag}', $2::jsonb), updated_at = $3 WHERE id = $1`, [id, JSON.stringify(after), updatedAt]);
    } else {
      await tx.query(`UPDATE records SET record = record - 'flag', updated_at = $2 WHERE id = $1`, [id, updatedAt]);
    }
    await appendAudit(tx, principal, { action: after ? 'rating.flag' : 'rating.unflag', target: `rating:${id}`, agency: row['agency'] as string, unit: (row['unit'] as string | null) ?? null, before: { flag: before }, after: { flag: after } }, now);
    return { id, flag: after, updatedAt };
  });
  if (!result) throw new HttpError(404, 'not_found', 'No rating has this id in the scope of this token.');
  sendJson(res, 200, result);
}

/** POST /v1/ratings/:id/flag — handler in scope: `{ reason, note? }` → the rating's `flag` (`{ reason, note?, at, tokenId? }`). */
export function postFlag(context: Context): Promise<void> {
  return setFlag(context, (tokenId, at) => ({ at, ...(tokenId !== null ? { tokenId } : {}) }));
}

/** DELETE /v1/ratings/:id/flag — handler in scope: clears the flag. */
export function deleteFlag(context: Context): Promise<void> {
  return setFlag(context, null);
}
