import type { Context } from '../app.js';
import { inScope, requireAccess, type Principal } from '../http/access.js';
import { parseJson, readBody } from '../http/body.js';
import { HttpError, sendJson } from '../http/errors.js';
import { appendAudit } from '../storage/audit.js';
import { ROLES, insertToken, listTokens, parseExpires, revokeToken, tokenById, type NewToken, type Role } from '../storage/tokens.js';

const bad = (field: string, message: string) => new HttpError(400, 'validation', message, field);

/** One line of text, 1–200 characters (names of agencies, units, labels). */
export function textField(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200 || /[\u0000-\u001F\u007F]/.test(value)) {
    throw bad(field, `${field} must be one line of 1 to 200 characters.`);
  }
  return value.trim();
}

/**
 * `{ role, agency?, unit?, label, expiresAt? }` checked: a known role, a unit only with an
 * agency, an expiry in the future (ISO instant or date, or `90d` / `12h` / `30m`).
 */
export function parseNewToken(body: unknown, now: Date): NewToken {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'validation', 'Send a JSON object { role, agency?, unit?, label, expiresAt? }.');
  const input = body as Record<string, unknown>;
  for (const name of Object.keys(input)) {
    if (!['role', 'agency', 'unit', 'label', 'expiresAt'].includes(name)) throw bad(name.slice(0, 40), `"${name.slice(0, 40)}" is not a token field.`);
  }
  if (!ROLES.includes(input['role'] as Role)) throw bad('role', `role must be one of ${ROLES.join(', ')}.`);
  const optional = (name: string) => (input[name] === undefined || input[name] === null ? null : textField(input[name], name));
  const agency = optional('agency');
  const unit = optional('unit');
  if (unit !== null && agency === null) throw bad('unit', 'A unit scope needs its agency.');
  let expiresAt: string | null = null;
  if (input['expiresAt'] !== undefined && input['expiresAt'] !== null) {
    const parsed = typeof input['expiresAt'] === 'string' ? parseExpires(input['expiresAt'], now) : undefined;
    if (parsed === undefined) throw bad('expiresAt', 'expiresAt must be an ISO 8601 instant or date, or a duration such as 90d.');
    if (Date.parse(parsed) <= now.getTime()) throw bad('expiresAt', 'expiresAt must be in the future.');
    expiresAt = parsed;
  }
  return { role: input['role'] as Role, agency, unit, label: textField(input['label'], 'label'), expiresAt };
}

/** A scoped admin makes tokens only inside its own scope. */
function checkGrant(principal: Principal, token: NewToken): void {
  const inside = principal.agency === null || (token.agency === principal.agency && (principal.unit === null || token.unit === principal.unit));
  if (!inside) {
    throw new HttpError(403, 'forbidden', 'A token can only be made for the agency and unit of the token that makes it.');
  }
}

/** POST /v1/tokens — admin: `{ id, token, role, agency, unit, label, expiresAt }`; the secret shown this once. */
export async function postToken(context: Context): Promise<void> {
  const { app, req, res } = context;
  const principal = await requireAccess(context, { role: 'admin' });
  const now = app.now();
  const token = parseNewToken(parseJson(req, await readBody(req, 16 * 1024)), now);
  checkGrant(principal, token);
  const created = await app.storage.db.transaction(async (tx) => {
    const made = await insertToken(tx, token, now);
    await appendAudit(tx, principal, { action: 'token.create', target: `token:${made.view.id}`, agency: token.agency, unit: token.unit, after: made.view }, now);
    return made;
  });
  const { id, role, agency, unit, label, expiresAt } = created.view;
  sendJson(res, 201, { id, token: created.secret, role, agency, unit, label, expiresAt });
}

/** GET /v1/tokens — admin: the tokens of its scope, without secrets. */
export async function getTokens(context: Context): Promise<void> {
  const principal = await requireAccess(context, { role: 'admin' });
  const tokens = await listTokens(context.app.storage.db, { agency: principal.agency, unit: principal.unit });
  context.log.records = tokens.length;
  sendJson(context.res, 200, { tokens });
}

/** DELETE /v1/tokens/:id — admin: revokes (a token outside the scope is 404). */
export async function deleteToken(context: Context): Promise<void> {
  const { app, res, params } = context;
  const principal = await requireAccess(context, { role: 'admin' });
  const id = params['id'] ?? '';
  const now = app.now();
  const revoked = await app.storage.db.transaction(async (tx) => {
    const before = await tokenById(tx, id);
    if (!before || !inScope(principal, { agency: before.agency, unit: before.unit })) return undefined;
    const after = await revokeToken(tx, id, now);
    if (before.revokedAt === null) {
      await appendAudit(tx, principal, { action: 'token.revoke', target: `token:${id}`, agency: before.agency, unit: before.unit, before, after }, now);
    }
    return after;
  });
  if (!revoked) throw new HttpError(404, 'not_found', 'No token has this id in the scope of this token.');
  sendJson(res, 200, revoked);
}
