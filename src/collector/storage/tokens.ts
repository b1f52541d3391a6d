// Officials' access tokens (CONTRACT §8): the secret is shown once and only its SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import { isoOrNull } from '../records.js';
import type { Queryable, Row } from './types.js';

/** What a token may do: viewer reads its scope, handler also writes complaints, admin everything. */
export type Role = 'viewer' | 'handler' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'handler', 'admin'];

/** A token as lists show it: never its secret, never its hash. */
export interface TokenView {
  id: string;
  role: Role;
  /** null: every agency. */
  agency: string | null;
  /** null: every unit of the agency. */
  unit: string | null;
  label: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** A new token's fields (checked by the caller). */
export interface NewToken {
  role: Role;
  agency: string | null;
  unit: string | null;
  label: string;
  expiresAt: string | null;
}

/** Secrets start with `svc_` so a leaked one is easy to recognise (and to search logs for). */
const PREFIX = 'svc_';

/** SHA-256 (hex) of a presented secret: what the table is searched by. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

const COLUMNS = 'id, role, agency, unit, label, created_at, expires_at, revoked_at';

function view(row: Row): TokenView {
  return {
    id: String(row['id']),
    role: row['role'] as Role,
    agency: (row['agency'] as string | null) ?? null,
    unit: (row['unit'] as string | null) ?? null,
    label: String(row['label']),
    createdAt: isoOrNull(row['created_at'])!,
    expiresAt: isoOrNull(row['expires_at']),
    revokedAt: isoOrNull(row['revoked_at']),
  };
}

/** Stores a new token; the secret (192 random bits) is returned once and never stored. */
export async function insertToken(db: Queryable, token: NewToken, now: Date): Promise<{ view: TokenView; secret: string }> {
  const id = randomBytes(9).toString('base64url');
  const secret = `${PREFIX}${randomBytes(24).toString('base64url')}`;
  const [row] = await db.query(
    `INSERT INTO tokens (id, hash, role, agency, unit, label, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
    [id, hashToken(secret), token.role, token.agency, token.unit, token.label, now.toISOString(), token.expiresAt],
  );
  return { view: view(row!), secret };
}

/** The token a secret belongs to (revoked and expired ones too: the caller tells them apart). */
export async function tokenBySecret(db: Queryable, secret: string): Promise<TokenView | undefined> {
  const [row] = await db.query(`SELECT ${COLUMNS} FROM tokens WHERE hash = $1`, [hashToken(secret)]);
  return row ? view(row) : undefined;
}

/** One token by id. */
export async function tokenById(db: Queryable, id: string): Promise<TokenView | undefined> {
  const [row] = await db.query(`SELECT ${COLUMNS} FROM tokens WHERE id = $1`, [id]);
  return row ? view(row) : undefined;
}

/** Tokens of a scope (agency, then unit; null = any), oldest first. */
export async function listTokens(db: Queryable, scope: { agency: string | null; unit: string | null }): Promise<TokenView[]> {
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM tokens
     WHERE ($1::text IS NULL OR agency = $1::text) AND ($2::text IS NULL OR unit = $2::text)
     ORDER BY created_at, id`,
    [scope.agency, scope.unit],
  );
  return rows.map(view);
}

/** Marks a token revoked (once: a second revocation keeps the first time). */
export async function revokeToken(db: Queryable, id: string, now: Date): Promise<TokenView | undefined> {
  const [row] = await db.query(`UPDATE tokens SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1 RETURNING ${COLUMNS}`, [id, now.toISOString()]);
  return row ? view(row) : undefined;
}

/**
 * `90d`, `12h`, `30m` from now, or an ISO 8601 date or instant; the instant as ISO UTC, or
 * undefined when the text is none of these.
 */
export function parseExpires(text: string, now: Date): string | undefined {
  const relative = /^(\d{1,5})([dhm])$/.exec(text.trim());
  if (relative) {
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[relative[2] as 'd' | 'h' | 'm'];
    return new Date(now.getTime() + Number(relative[1]) * unit).toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(text.trim())) return undefined;
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? `${text.trim()}T00:00:00Z` : text.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
