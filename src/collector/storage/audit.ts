// The audit log (CONTRACT §8): one row per write made with a token, appended in the write's own
// transaction. No route updates or deletes it, and the database refuses it too (a trigger).
import type { Principal } from '../http/access.js';
import { isoOrNull } from '../records.js';
import type { Queryable, Row } from './types.js';

/** What changed: an action on a target, with the target's scope and its state before and after. */
export interface AuditChange {
  /** `complaint.update`, `case.import`, `token.create`, `token.revoke`, `rating.flag`, … */
  action: string;
  /** `complaint:<trackingCode>`, `case:<id>`, `token:<id>`, `rating:<id>`, … */
  target: string;
  /** The target's agency and unit: whose audit readers see the entry (null: unscoped admins only). */
  agency?: string | null;
  unit?: string | null;
  /** Contact details and attachments are removed before storing (`withoutPersonalData`). */
  before?: unknown;
  after?: unknown;
}

/** One entry as `GET /v1/audit` shows it. */
export interface AuditEntry {
  seq: number;
  at: string;
  tokenId: string | null;
  label: string;
  action: string;
  target: string;
  agency: string | null;
  unit: string | null;
  before: unknown;
  after: unknown;
}

/** Keys whose values are personal data: never copied into the log. */
const PERSONAL = new Set(['contact', 'attachments']);

/** A copy without `contact` and `attachments` at any depth (the log outlives the retention wipe). */
export function withoutPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPersonalData);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) if (!PERSONAL.has(key)) out[key] = withoutPersonalData(inner);
  return out;
}

/**
 * Appends one entry. Call it with the transaction of the write it records, so the change and its
 * entry commit together or not at all:
 *
 * ```ts
 * await storage.db.transaction(async (tx) => {
 *   … the write …
 *   await appendAudit(tx, principal, { action: 'kiosk.create', target: `kiosk:${id}`, agency, after }, app.now());
 * });
 * ```
 */
export async function appendAudit(db: Queryable, principal: Principal, change: AuditChange, at: Date): Promise<void> {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(withoutPersonalData(value)));
  await db.query(
    `INSERT INTO audit (at, token_id, label, action, target, agency, unit, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb)`,
    [at.toISOString(), principal.tokenId, principal.label, change.action, change.target, change.agency ?? null, change.unit ?? null, json(change.before), json(change.after)],
  );
}

export interface AuditQuery {
  from?: string;
  to?: string;
  target?: string;
  /** The reader's scope (undefined: any). */
  agency?: string;
  unit?: string;
  /** Entries after this sequence number (the cursor). */
  after?: number;
  limit: number;
}

function entry(row: Row): AuditEntry {
  return {
    seq: Number(row['seq']),
    at: isoOrNull(row['at'])!,
    tokenId: (row['token_id'] as string | null) ?? null,
    label: String(row['label']),
    action: String(row['action']),
    target: String(row['target']),
    agency: (row['agency'] as string | null) ?? null,
    unit: (row['unit'] as string | null) ?? null,
    before: row['before'] ?? null,
    after: row['after'] ?? null,
  };
}

/** Entries in the order they were written, a page at a time. */
export async function readAudit(db: Queryable, query: AuditQuery): Promise<AuditEntry[]> {
  const rows = await db.query(
    `SELECT seq, at, token_id, label, action, target, agency, unit, before, after FROM audit
     WHERE ($1::timestamptz IS NULL OR at >= $1::timestamptz)
       AND ($2::timestamptz IS NULL OR at < $2::timestamptz)
       AND ($3::text IS NULL OR target = $3::text)
       AND ($4::text IS NULL OR agency = $4::text)
       AND ($5::text IS NULL OR unit = $5::text)
       AND seq > $6::bigint
     ORDER BY seq LIMIT $7::int`,
    [query.from ?? null, query.to ?? null, query.target ?? null, query.agency ?? null, query.unit ?? null, query.after ?? 0, query.limit],
  );
  return rows.map(entry);
}
