// The SQL of verified ratings: parameterised, the same text on PGlite and on PostgreSQL.

/**
 * Serialises writers of the same keys (an agency + case, a kiosk) for the transaction's life.
 * $1: text[] of keys. Taken in hash order, so two batches never wait on each other in a cycle.
 */
export const LOCK_KEYS = `SELECT count(pg_advisory_xact_lock(h)) AS n
FROM (SELECT DISTINCT hashtextextended(k, 31) AS h FROM unnest($1::text[]) AS k ORDER BY h) AS keys`;

/** $1: JSON [{agency, case_id}], $2 now: revokes the open invitations of those cases. */
export const REVOKE_CASES = `UPDATE invitations SET revoked_at = $2::timestamptz
FROM jsonb_to_recordset($1::jsonb) AS x(agency text, case_id text)
WHERE invitations.agency = x.agency AND invitations.case_id = x.case_id
  AND invitations.used_at IS NULL AND invitations.revoked_at IS NULL`;

/** $1 kiosk id, $2 now: a new arming replaces the kiosk's earlier unused one. */
export const REVOKE_KIOSK = `UPDATE invitations SET revoked_at = $2::timestamptz
WHERE kiosk_id = $1 AND used_at IS NULL AND revoked_at IS NULL`;

/** $1: JSON array of invitation rows. */
export const INSERT_INVITATIONS = `INSERT INTO invitations
  (code_hash, agency, unit, service, officer, case_id, kiosk_id, sealed, created_at, expires_at)
SELECT code_hash, agency, unit, service, officer, case_id, kiosk_id, sealed, created_at, expires_at
FROM jsonb_to_recordset($1::jsonb) AS x(code_hash text, agency text, unit text, service text, officer text,
  case_id text, kiosk_id text, sealed text, created_at timestamptz, expires_at timestamptz)
RETURNING code_hash, seq`;

const FIELDS = 'seq, agency, unit, service, officer, case_id, kiosk_id, created_at, expires_at, used_at, revoked_at';

export const INVITATION_BY_HASH = `SELECT ${FIELDS}, used_by FROM invitations WHERE code_hash = $1`;

/**
 * $1 hash, $2 now, $3 the rating's id: spends an open invitation. Under concurrency the row lock
 * makes a second spender wait, then re-check `used_at IS NULL` and find nothing: one wins.
 */
export const REDEEM = `UPDATE invitations SET used_at = $2::timestamptz, used_by = $3
WHERE code_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2::timestamptz
RETURNING ${FIELDS}`;

/** $1 kiosk id, $2 the last arming the kiosk has seen (seq), $3 now: the newest open arming after it. */
export const NEXT_ARMING = `SELECT ${FIELDS}, sealed FROM invitations
WHERE kiosk_id = $1 AND seq > $2::bigint AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $3::timestamptz
ORDER BY seq DESC LIMIT 1`;

export const INSERT_KIOSK = `INSERT INTO kiosks (kiosk_id, agency, unit, key_hash, public_key, created_at)
VALUES ($1, $2, $3, $4, $5, $6::timestamptz)
ON CONFLICT (kiosk_id) DO UPDATE SET agency = EXCLUDED.agency, unit = EXCLUDED.unit, key_hash = EXCLUDED.key_hash,
  public_key = EXCLUDED.public_key, created_at = EXCLUDED.created_at, revoked_at = NULL
WHERE kiosks.revoked_at IS NOT NULL
RETURNING kiosk_id`;

export const KIOSK_BY_ID = 'SELECT kiosk_id, agency, unit, key_hash, public_key, created_at, revoked_at FROM kiosks WHERE kiosk_id = $1';

/** $1 kiosk id, $2 now. Its open armings go with it. */
export const REVOKE_KIOSK_KEY = `UPDATE kiosks SET revoked_at = $2::timestamptz WHERE kiosk_id = $1 AND revoked_at IS NULL RETURNING kiosk_id`;

/**
 * $1 source, $2 the rating's instant: records it and answers the source's previous instant. In
 * ON CONFLICT DO UPDATE, `s.last_at` is the stored row's value, read under its row lock.
 */
export const TOUCH_SOURCE = `INSERT INTO rating_sources AS s (source, last_at, prev_at) VALUES ($1, $2::timestamptz, NULL)
ON CONFLICT (source) DO UPDATE SET prev_at = s.last_at, last_at = GREATEST(s.last_at, EXCLUDED.last_at)
RETURNING prev_at`;

/** $1: an instant; sources whose last rating is older cannot mark a burst any more. */
export const PRUNE_SOURCES = 'DELETE FROM rating_sources WHERE last_at < $1::timestamptz';
