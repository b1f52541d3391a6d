import { CASE_MARK, COMPLAINT_MARK } from './summary-sql.js';
import type { Database } from './types.js';
import { VERIFIED_MIGRATIONS } from '../verified/migrations.js';

/** One schema change; applied once, in version order, recorded in `schema_migrations`. */
export interface Migration {
  version: number;
  name: string;
  /** Statements run one by one (PGlite's extended protocol takes one statement per query). */
  statements: string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'records',
    statements: [
      // The fields the routes and the summary query are columns; the record itself (without the
      // collector's own fields and without attachments) is kept whole as jsonb. `at` is the instant
      // a record is bucketed by: createdAt for ratings and complaints, receivedAt for cases.
      `CREATE TABLE records (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('rating', 'complaint', 'case')),
        at timestamptz NOT NULL,
        created_at timestamptz,
        received_at timestamptz,
        agency text NOT NULL,
        unit text,
        service text,
        officer text,
        channel text,
        score smallint,
        scale smallint,
        standards jsonb,
        category text,
        tracking_code text UNIQUE,
        status text CHECK (status IN ('received', 'in_progress', 'resolved', 'rejected')),
        due_at timestamptz,
        resolved_at timestamptz,
        response text,
        updated_at timestamptz NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now(),
        record jsonb NOT NULL,
        attachments jsonb
      )`,
      // Summary scans filter by kind and time; exports page through (at, id).
      'CREATE INDEX records_kind_at ON records (kind, at, id)',
      'CREATE INDEX records_at ON records (at, id)',
    ],
  },
  ...VERIFIED_MIGRATIONS,
  // 20–29: officials' access, audit and complaint handling (CONTRACT §8).
  {
    version: 20,
    name: 'tokens',
    statements: [
      // Only the SHA-256 of a secret is kept; a revoked token stays listed (and in the audit log).
      `CREATE TABLE tokens (
        id text PRIMARY KEY,
        hash text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('viewer', 'handler', 'admin')),
        agency text,
        unit text,
        label text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz,
        revoked_at timestamptz,
        CHECK (unit IS NULL OR agency IS NOT NULL)
      )`,
    ],
  },
  {
    version: 21,
    name: 'audit',
    statements: [
      `CREATE TABLE audit (
        seq bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        token_id text,
        label text NOT NULL,
        action text NOT NULL,
        target text NOT NULL,
        agency text,
        unit text,
        before jsonb,
        after jsonb
      )`,
      'CREATE INDEX audit_target ON audit (target, seq)',
      'CREATE INDEX audit_at ON audit (at, seq)',
      // Append-only in the database too, not only in the routes.
      `CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`,
      'CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only()',
      'CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()',
    ],
  },
  {
    version: 22,
    name: 'complaint handling',
    statements: [
      // Officials' fields of a complaint, never public: the unit it is assigned to and a note.
      'ALTER TABLE records ADD COLUMN assigned_unit text',
      'ALTER TABLE records ADD COLUMN internal_note text',
      // The inbox lists complaints by due time.
      `CREATE INDEX records_complaints_due ON records (due_at, id) WHERE kind = 'complaint'`,
      // One rating of a complaint's handling per complaint (CONTRACT §8), whatever the races.
      `CREATE UNIQUE INDEX records_one_rating_per_complaint ON records ((record->>'trackingCode'))
        WHERE kind = 'rating' AND record->>'about' = 'complaint'`,
    ],
  },
  {
    version: 23,
    name: 'webhook deliveries',
    statements: [
      // At-least-once delivery: a row per event, retried with backoff until the receiver says 2xx.
      `CREATE TABLE webhook_deliveries (
        id text PRIMARY KEY,
        type text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        next_at timestamptz NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        delivered_at timestamptz,
        last_status integer
      )`,
      'CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_at) WHERE delivered_at IS NULL',
    ],
  },
  {
    version: 40,
    name: 'link indexes',
    statements: [
      // The records that name a case or rate a complaint's handling are few: a report finds them
      // through these partial indexes, then looks each case or complaint up by key (CONTRACT §9, §10).
      `CREATE INDEX IF NOT EXISTS records_case_marks ON records (at) WHERE ${CASE_MARK}`,
      `CREATE INDEX IF NOT EXISTS records_complaint_marks ON records (at) WHERE ${COMPLAINT_MARK}`,
    ],
  },
  {
    version: 41,
    name: 'case due index',
    statements: [
      // The rollups keep open dossiers per due day; those due on a report's asOf day are read from
      // the records by due time (complaints have records_complaints_due).
      `CREATE INDEX IF NOT EXISTS records_cases_due ON records (due_at) WHERE kind = 'case'`,
    ],
  },
];

/**
 * Brings the schema up to date. Several instances may start at once on one PostgreSQL: the
 * transaction-scoped advisory lock lets one migrate while the others wait, then find nothing to do.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7310311)');
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => Number(row.version)));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    return applied;
  });
}
