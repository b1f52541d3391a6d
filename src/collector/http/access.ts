// The one access check of every officials' route (CONTRACT §8): who is asking (a stored token or
// the bootstrap ADMIN_TOKEN), whether their role suffices, and whether the target is in their scope.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Context } from '../app.js';
import { tokenBySecret, type Role } from '../storage/tokens.js';
import { HttpError } from './errors.js';

export type { Role } from '../storage/tokens.js';

/** Who made a request. */
export interface Principal {
  /** The stored token's id; null for the bootstrap ADMIN_TOKEN. */
  tokenId: string | null;
  /** The token's label (`ADMIN_TOKEN` for the bootstrap admin): what the audit log shows. */
  label: string;
  role: Role;
  /** null: every agency. */
  agency: string | null;
  /** null: every unit of the agency. */
  unit: string | null;
}

/** Where a record lives: its agency and unit (a complaint also counts in the unit it is assigned to). */
export interface Scope {
  agency?: string | null | undefined;
  unit?: string | null | undefined;
  /** A complaint's assigned unit: a unit-scoped token sees complaints assigned to its unit too. */
  assignedUnit?: string | null | undefined;
}

/** What a route needs: a role, and optionally the scope of its target. */
export interface AccessNeed {
  role: Role;
  /** The target's scope; when given, a principal outside it is refused. */
  target?: Scope;
  /** How a target outside the scope is refused: 404 (default; the id is not revealed) or 403. */
  outside?: 404 | 403;
}

const RANK: Record<Role, number> = { viewer: 0, handler: 1, admin: 2 };
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
const unauthorized = (message: string) =>
  new HttpError(401, 'unauthorized', message, undefined, { 'WWW-Authenticate': 'Bearer realm="service-feedback"' });

/** The bootstrap admin: every role, every scope. */
export const BOOTSTRAP_ADMIN: Principal = Object.freeze({ tokenId: null, label: 'ADMIN_TOKEN', role: 'admin', agency: null, unit: null });

const cache = new WeakMap<IncomingMessage, Promise<Principal>>();

/**
 * Who sent the request: `Authorization: Bearer <secret>`, compared with ADMIN_TOKEN in constant
 * time, then looked up by its hash among the stored tokens. 401 when missing, wrong, revoked or
 * expired; 403 when nothing matches and the collector has no ADMIN_TOKEN (closed, CONTRACT §6).
 * Resolved once per request.
 */
export function authenticate(context: Context): Promise<Principal> {
  let found = cache.get(context.req);
  if (!found) {
    found = resolve(context);
    cache.set(context.req, found);
  }
  return found;
}

async function resolve({ req, app }: Context): Promise<Principal> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  const secret = match?.[1];
  const adminToken = app.config.adminToken;
  if (secret !== undefined && adminToken !== undefined && timingSafeEqual(digest(secret), digest(adminToken))) return BOOTSTRAP_ADMIN;
  const token = secret !== undefined && secret.length <= 200 ? await tokenBySecret(app.storage.db, secret) : undefined;
  if (!token) {
    if (adminToken === undefined && secret === undefined) {
      throw new HttpError(403, 'forbidden', 'Officials\' routes are closed: the collector has no ADMIN_TOKEN and the request no token.');
    }
    if (adminToken === undefined) throw new HttpError(403, 'forbidden', 'This token is not known and the collector has no ADMIN_TOKEN.');
    throw unauthorized('This route needs Authorization: Bearer <token>.');
  }
  if (token.revokedAt !== null) throw unauthorized('This token has been revoked.');
  if (token.expiresAt !== null && Date.parse(token.expiresAt) <= app.now().getTime()) throw unauthorized('This token has expired.');
  return { tokenId: token.id, label: token.label, role: token.role, agency: token.agency, unit: token.unit };
}

/** True when the principal's role is at least `role`. */
export function hasRole(principal: Principal, role: Role): boolean {
  return RANK[principal.role] >= RANK[role];
}

/** True when a target (agency, unit, assigned unit) lies inside the principal's scope. */
export function inScope(principal: Principal, target: Scope): boolean {
  if (principal.agency === null) return true;
  if ((target.agency ?? null) !== principal.agency) return false;
  if (principal.unit === null) return true;
  return (target.unit ?? null) === principal.unit || (target.assignedUnit ?? null) === principal.unit;
}

/**
 * The access check of every officials' route. Authenticates (401 / 403 as `authenticate`), then
 * 403 when the role is below `need.role`, then, when `need.target` is given, refuses a target
 * outside the principal's scope: 404 by default (an id of another agency looks like no id at
 * all), or 403 with `outside: 403` (creating something for another agency). Returns the
 * principal, whose `agency` / `unit` filter the route's lists.
 *
 * ```ts
 * const principal = await requireAccess(context, { role: 'handler', target: { agency, unit } });
 * ```
 */
export async function requireAccess(context: Context, need: AccessNeed): Promise<Principal> {
  const principal = await authenticate(context);
  if (!hasRole(principal, need.role)) {
    throw new HttpError(403, 'forbidden', `This route needs the ${need.role} role; this token is ${principal.role}.`);
  }
  if (need.target && !inScope(principal, need.target)) {
    throw need.outside === 403
      ? new HttpError(403, 'forbidden', 'This is outside the agency and unit of this token.')
      : new HttpError(404, 'not_found', 'Nothing with this id in the scope of this token.');
  }
  return principal;
}

/** The agency / unit filter of a principal's lists (undefined: no filter on that field). */
export function scopeFilter(principal: Principal): { agency?: string; unit?: string } {
  return {
    ...(principal.agency !== null ? { agency: principal.agency } : {}),
    ...(principal.unit !== null ? { unit: principal.unit } : {}),
  };
}
