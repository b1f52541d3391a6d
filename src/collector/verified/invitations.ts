import type { Database, Queryable, Row } from '../storage/types.js';
import { isoOrNull } from '../records.js';
import { hashCode, hashKioskKey, newInvitationCode, newKioskKey, normalizeInvitationCode } from './codes.js';
import { kioskPublicKey, seal, unseal } from './seal.js';
import * as SQL from './sql.js';

const DAY_MS = 86_400_000;

/** What an invitation is for: the served case (CONTRACT §7). */
export interface InvitationInput {
  agency: string;
  caseId?: string;
  unit?: string;
  service?: string;
  officer?: string;
  /** Lifetime in days (fractions allowed); the collector's INVITE_TTL_DAYS when absent. */
  ttlDays?: number;
}

/** One issued invitation: the code exists only here (and on the receipt). */
export interface IssuedInvitation {
  caseId: string | null;
  code: string;
  expiresAt: string;
  /** Order of issue (a kiosk's arming id). */
  seq: number;
}

export type InvitationStatus = 'open' | 'used' | 'expired' | 'revoked';

/** What anyone holding the code may see (`GET /v1/invitations/{code}`). */
export interface InvitationView {
  status: InvitationStatus;
  agency: string;
  unit?: string;
  service?: string;
  caseId: string | null;
  expiresAt: string;
}

/** The case fields a redeemed invitation writes into the rating (they win over the client's). */
export interface CaseFields {
  agency: string;
  unit?: string;
  service?: string;
  officer?: string;
  caseId?: string;
  kioskId?: string;
}

/** Why a rating's invitation was refused (the `error.code` of its `rejected` result). */
export type InvitationRefusal = 'invitation_used' | 'invitation_expired' | 'invitation_invalid';

export interface Kiosk {
  kioskId: string;
  agency: string;
  unit?: string;
}

/** One arming as the kiosk receives it from `GET /v1/kiosks/{id}/next`. */
export interface Arming {
  armingId: number;
  code: string;
  agency: string;
  unit?: string;
  service?: string;
  officer?: string;
  caseId: string | null;
  expiresAt: string;
}

const optional = (row: Row, column: string, name: string, into: Record<string, unknown>) => {
  if (typeof row[column] === 'string') into[name] = row[column];
};

function caseFields(row: Row): CaseFields {
  const fields: Record<string, unknown> = { agency: String(row['agency']) };
  optional(row, 'unit', 'unit', fields);
  optional(row, 'service', 'service', fields);
  optional(row, 'officer', 'officer', fields);
  optional(row, 'case_id', 'caseId', fields);
  optional(row, 'kiosk_id', 'kioskId', fields);
  return fields as unknown as CaseFields;
}

function statusOf(row: Row, now: Date): InvitationStatus {
  if (row['used_at'] !== null && row['used_at'] !== undefined) return 'used';
  if (row['revoked_at'] !== null && row['revoked_at'] !== undefined) return 'revoked';
  return new Date(isoOrNull(row['expires_at'])!).getTime() <= now.getTime() ? 'expired' : 'open';
}

const caseKey = (agency: string, caseId: string) => `case\u001f${agency}\u001f${caseId}`;
const kioskKey = (kioskId: string) => `kiosk\u001f${kioskId}`;

/** Appends the audit entry of a write inside the write's own transaction (CONTRACT §8). */
export type AuditHook<T> = (tx: Queryable, written: T) => Promise<void>;

/**
 * Invitations and kiosks over either engine. The collector keeps no state of its own here:
 * every fact is in the database, so several instances share it.
 */
export class Invitations {
  constructor(
    private readonly db: Database,
    private readonly newCode: () => string = newInvitationCode,
  ) {}

  /**
   * Issues invitations in one transaction: each revokes the open invitation of its agency + case.
   * Writers of one case are serialised by an advisory lock, so two reissues cannot both stay open.
   */
  async issue(inputs: readonly InvitationInput[], { now, ttlDays }: { now: Date; ttlDays: number }, audit?: AuditHook<IssuedInvitation[]>): Promise<IssuedInvitation[]> {
    return this.db.transaction(async (tx) => {
      const issued = await this.insert(tx, inputs, { now, ttlDays });
      await audit?.(tx, issued);
      return issued;
    });
  }

  private async insert(
    tx: Queryable,
    inputs: readonly (InvitationInput & { kioskId?: string; sealTo?: string })[],
    { now, ttlDays }: { now: Date; ttlDays: number },
  ): Promise<IssuedInvitation[]> {
    const keys = inputs.flatMap((input) => [
      ...(input.caseId !== undefined ? [caseKey(input.agency, input.caseId)] : []),
      ...(input.kioskId !== undefined ? [kioskKey(input.kioskId)] : []),
    ]);
    if (keys.length > 0) await tx.query(SQL.LOCK_KEYS, [keys]);
    const cases = inputs.filter((input) => input.caseId !== undefined).map((input) => ({ agency: input.agency, case_id: input.caseId }));
    if (cases.length > 0) await tx.query(SQL.REVOKE_CASES, [JSON.stringify(cases), now.toISOString()]);
    for (const kiosk of new Set(inputs.flatMap((input) => (input.kioskId !== undefined ? [input.kioskId] : [])))) {
      await tx.query(SQL.REVOKE_KIOSK, [kiosk, now.toISOString()]);
    }
    const codes = inputs.map(() => this.newCode());
    const rows = inputs.map((input, index) => {
      const expiresAt = new Date(now.getTime() + Math.round((input.ttlDays ?? ttlDays) * DAY_MS)).toISOString();
      return {
        code_hash: hashCode(codes[index]!),
        agency: input.agency,
        unit: input.unit ?? null,
        service: input.service ?? null,
        officer: input.officer ?? null,
        case_id: input.caseId ?? null,
        kiosk_id: input.kioskId ?? null,
        sealed: input.sealTo !== undefined ? seal(codes[index]!, input.sealTo) : null,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      };
    });
    const seqs = new Map<string, number>();
    for (const row of await tx.query(SQL.INSERT_INVITATIONS, [JSON.stringify(rows)])) seqs.set(String(row['code_hash']), Number(row['seq']));
    return rows.map((row, index) => ({ caseId: row.case_id, code: codes[index]!, expiresAt: row.expires_at, seq: seqs.get(row.code_hash)! }));
  }

  /** The public view of a code; undefined when no invitation has it. */
  async find(code: string, now: Date): Promise<InvitationView | undefined> {
    const canonical = normalizeInvitationCode(code);
    if (!canonical) return undefined;
    const [row] = await this.db.query(SQL.INVITATION_BY_HASH, [hashCode(canonical)]);
    if (!row) return undefined;
    const view: Record<string, unknown> = { status: statusOf(row, now), agency: row['agency'] };
    optional(row, 'unit', 'unit', view);
    optional(row, 'service', 'service', view);
    view['caseId'] = typeof row['case_id'] === 'string' ? row['case_id'] : null;
    view['expiresAt'] = isoOrNull(row['expires_at']);
    return view as unknown as InvitationView;
  }

  /**
   * Spends the invitation for the rating `recordId`, inside the caller's transaction (the same
   * one as the rating's insert). `repeat` when this very rating spent it before (a resend).
   */
  static async redeem(
    tx: Queryable,
    code: unknown,
    recordId: string,
    now: Date,
  ): Promise<{ ok: true; fields: CaseFields } | { ok: false; refusal: InvitationRefusal; repeat?: boolean }> {
    const canonical = typeof code === 'string' ? normalizeInvitationCode(code) : undefined;
    if (!canonical) return { ok: false, refusal: 'invitation_invalid' };
    const hash = hashCode(canonical);
    const [spent] = await tx.query(SQL.REDEEM, [hash, now.toISOString(), recordId]);
    if (spent) return { ok: true, fields: caseFields(spent) };
    const [row] = await tx.query(SQL.INVITATION_BY_HASH, [hash]);
    if (!row) return { ok: false, refusal: 'invitation_invalid' };
    switch (statusOf(row, now)) {
      case 'used':
        return { ok: false, refusal: 'invitation_used', repeat: row['used_by'] === recordId };
      case 'expired':
        return { ok: false, refusal: 'invitation_expired' };
      default:
        // Revoked: a newer invitation replaced it (or its kiosk was removed).
        return { ok: false, refusal: 'invitation_invalid' };
    }
  }

  /** Registers a kiosk: the key is returned once; the table keeps its hash and the public sealing key. */
  async createKiosk(kiosk: Kiosk, now: Date, audit?: AuditHook<void>): Promise<{ kioskId: string; key: string } | undefined> {
    const key = newKioskKey();
    return this.db.transaction(async (tx) => {
      const rows = await tx.query(SQL.INSERT_KIOSK, [kiosk.kioskId, kiosk.agency, kiosk.unit ?? null, hashKioskKey(key), kioskPublicKey(key), now.toISOString()]);
      // ON CONFLICT … WHERE revoked: a live kiosk of that id is left alone.
      if (rows.length === 0) return undefined;
      await audit?.(tx);
      return { kioskId: kiosk.kioskId, key };
    });
  }

  /** Revokes a kiosk's key and its open armings; false when there is no live kiosk of that id. */
  async deleteKiosk(kioskId: string, now: Date, audit?: AuditHook<void>): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query(SQL.REVOKE_KIOSK_KEY, [kioskId, now.toISOString()]);
      if (rows.length === 0) return false;
      await tx.query(SQL.REVOKE_KIOSK, [kioskId, now.toISOString()]);
      await audit?.(tx);
      return true;
    });
  }

  /** A live kiosk (not revoked), for scope checks. */
  async kiosk(kioskId: string): Promise<(Kiosk & { keyHash: string; publicKey: string }) | undefined> {
    const [row] = await this.db.query(SQL.KIOSK_BY_ID, [kioskId]);
    if (!row || (row['revoked_at'] !== null && row['revoked_at'] !== undefined)) return undefined;
    const kiosk: Kiosk & { keyHash: string; publicKey: string } = {
      kioskId: String(row['kiosk_id']),
      agency: String(row['agency']),
      keyHash: String(row['key_hash']),
      publicKey: String(row['public_key']),
    };
    if (typeof row['unit'] === 'string') kiosk.unit = row['unit'];
    return kiosk;
  }

  /**
   * Arms a kiosk: an invitation bound to it, for the kiosk's agency (and unit), sealed to its key.
   * An earlier unused arming of the kiosk is revoked (one served citizen at a time).
   */
  async arm(
    kiosk: Kiosk & { publicKey: string },
    input: { caseId?: string; service?: string; officer?: string },
    { now, seconds }: { now: Date; seconds: number },
    audit?: AuditHook<IssuedInvitation[]>,
  ): Promise<IssuedInvitation> {
    const issued = await this.db.transaction(async (tx) => {
      const made = await this.insert(
        tx,
        [
          {
            agency: kiosk.agency,
            ...(kiosk.unit !== undefined ? { unit: kiosk.unit } : {}),
            ...input,
            ttlDays: seconds / 86_400,
            kioskId: kiosk.kioskId,
            sealTo: kiosk.publicKey,
          },
        ],
        { now, ttlDays: seconds / 86_400 },
      );
      await audit?.(tx, made);
      return made;
    });
    return issued[0]!;
  }

  /** The newest open arming after `after` for the kiosk holding `key` (undefined: none yet). */
  async nextArming(kioskId: string, key: string, after: number, now: Date): Promise<Arming | undefined> {
    const [row] = await this.db.query(SQL.NEXT_ARMING, [kioskId, after, now.toISOString()]);
    if (!row || typeof row['sealed'] !== 'string') return undefined;
    const fields = caseFields(row);
    const arming: Arming = {
      armingId: Number(row['seq']),
      code: unseal(row['sealed'], key),
      agency: fields.agency,
      caseId: fields.caseId ?? null,
      expiresAt: isoOrNull(row['expires_at'])!,
    };
    if (fields.unit !== undefined) arming.unit = fields.unit;
    if (fields.service !== undefined) arming.service = fields.service;
    if (fields.officer !== undefined) arming.officer = fields.officer;
    return arming;
  }
}

export { hashKioskKey };
