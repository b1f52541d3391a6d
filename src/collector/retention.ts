// Retention (CONTRACT §8, Decree 13/2023/NĐ-CP): a closed complaint's contact details and
// attachments are kept CONTACT_RETENTION_DAYS, then wiped; the complaint itself stays, so every
// count is unchanged. Each wipe is audited (without the data it removed).
import type { Principal } from './http/access.js';
import { appendAudit } from './storage/audit.js';
import type { Database, Queryable } from './storage/types.js';

/** Who the audit log names for the scheduled wipe. */
export const RETENTION: Principal = Object.freeze({ tokenId: null, label: 'retention', role: 'admin', agency: null, unit: null });

const DAY = 86_400_000;
/** Complaints wiped per statement: a large backlog goes in several passes. */
const SLICE = 500;

export interface Wiped {
  id: string;
  trackingCode: string;
  agency: string;
  unit: string | null;
  contact: boolean;
  attachments: number;
}

/**
 * Removes `contact` from the stored record and the attachments of the complaints `where` selects
 * ($1, $2: its parameters), and audits each; in the caller's transaction.
 */
async function wipe(tx: Queryable, where: string, params: unknown[], principal: Principal, action: string, now: Date): Promise<Wiped[]> {
  const rows = await tx.query(
    `WITH target AS (
       SELECT id, tracking_code, agency, unit, record->'contact' IS NOT NULL AS had_contact,
         CASE WHEN jsonb_typeof(attachments) = 'array' THEN jsonb_array_length(attachments) ELSE 0 END AS files
       FROM records WHERE kind = 'complaint' AND ${where} AND (record->'contact' IS NOT NULL OR attachments IS NOT NULL)
       ORDER BY id LIMIT ${SLICE} FOR UPDATE
     )
     UPDATE records SET record = records.record - 'contact', attachments = NULL
     FROM target WHERE records.id = target.id
     RETURNING target.id, target.tracking_code, target.agency, target.unit, target.had_contact, target.files`,
    params,
  );
  const wiped = rows.map((row) => ({
    id: String(row['id']),
    trackingCode: String(row['tracking_code']),
    agency: String(row['agency']),
    unit: (row['unit'] as string | null) ?? null,
    contact: row['had_contact'] === true,
    attachments: Number(row['files']),
  }));
  for (const item of wiped) {
    await appendAudit(
      tx,
      principal,
      {
        action,
        target: `complaint:${item.trackingCode}`,
        agency: item.agency,
        unit: item.unit,
        // What was removed, never the data itself (the log keeps no personal data).
        before: { contactDetails: item.contact, files: item.attachments },
        after: { contactDetails: false, files: 0 },
      },
      now,
    );
  }
  return wiped;
}

/** Wipes every complaint closed more than `days` before `now`; returns what was wiped. */
export async function sweepRetention(db: Database, now: Date, days: number): Promise<Wiped[]> {
  const cutoff = new Date(now.getTime() - days * DAY).toISOString();
  const all: Wiped[] = [];
  for (;;) {
    const wiped = await db.transaction((tx) =>
      wipe(tx, `status IN ('resolved', 'rejected') AND resolved_at < $1::timestamptz`, [cutoff], RETENTION, 'complaint.retention-wipe', now),
    );
    all.push(...wiped);
    if (wiped.length < SLICE) return all;
  }
}

/** Wipes one complaint's personal data now (the complainant asked); in the caller's transaction. */
export function erasePersonalData(tx: Queryable, id: string, principal: Principal, now: Date): Promise<Wiped[]> {
  return wipe(tx, 'id = $1::text', [id], principal, 'complaint.erase-personal-data', now);
}
