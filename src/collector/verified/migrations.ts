import type { Migration } from '../storage/migrations.js';

/**
 * Verified ratings (CONTRACT §7): invitations, kiosks and the burst marks. Versions 10–19 belong
 * to this feature, so they never collide with the other features' migrations.
 */
export const VERIFIED_MIGRATIONS: readonly Migration[] = [
  {
    version: 10,
    name: 'invitations and kiosks',
    statements: [
      // A code is kept only as its SHA-256 (hex): the table never holds a usable code. A kiosk
      // arming also keeps the code sealed to the kiosk's public key (`sealed`): only the holder
      // of the kiosk key can open it (see verified/seal.ts). `seq` orders armings for the kiosk.
      `CREATE TABLE invitations (
        code_hash text PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        agency text NOT NULL,
        unit text,
        service text,
        officer text,
        case_id text,
        kiosk_id text,
        sealed text,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        used_by text,
        revoked_at timestamptz
      )`,
      // One open invitation per agency + case: a reissue revokes the earlier one, and two reissues
      // racing cannot both stay open (the loser retries and revokes the winner's).
      `CREATE UNIQUE INDEX invitations_open_case ON invitations (agency, case_id)
        WHERE used_at IS NULL AND revoked_at IS NULL AND case_id IS NOT NULL`,
      'CREATE INDEX invitations_kiosk ON invitations (kiosk_id, seq) WHERE kiosk_id IS NOT NULL',
      `CREATE TABLE kiosks (
        kiosk_id text PRIMARY KEY,
        agency text NOT NULL,
        unit text,
        key_hash text NOT NULL,
        public_key text NOT NULL,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`,
      // The last rating time per source (a kiosk, or a hashed client address) for suspect: "burst".
      `CREATE TABLE rating_sources (
        source text PRIMARY KEY,
        last_at timestamptz NOT NULL,
        prev_at timestamptz
      )`,
    ],
  },
];
