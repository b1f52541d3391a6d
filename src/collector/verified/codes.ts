import { createHash, randomBytes } from 'node:crypto';
import { newTrackingCode, normalizeTrackingCode } from '../tracking.js';

/**
 * Invitation codes read like tracking codes: 10 Crockford base32 characters, 50 random bits from
 * the CSPRNG (src/collector/tracking.ts). Only their hash is stored.
 */
export const newInvitationCode: () => string = newTrackingCode;

/** The canonical code for what was typed or scanned (case, hyphens, O/I/L forgiven); undefined when it cannot be one. */
export const normalizeInvitationCode: (input: string) => string | undefined = normalizeTrackingCode;

/**
 * What the tables keep of a code: its SHA-256 in hex. 50 random bits cannot be guessed from it
 * offline in useful time for a code that lives days and is spent on first use.
 */
export function hashCode(code: string): string {
  return createHash('sha256').update(`svc-invitation:${code}`, 'utf8').digest('hex');
}

/** A kiosk's secret key (shown once): 32 random bytes, base64url. */
export function newKioskKey(): string {
  return randomBytes(32).toString('base64url');
}

/** What the kiosks table keeps of a key. */
export function hashKioskKey(key: string): string {
  return createHash('sha256').update(`svc-kiosk:${key}`, 'utf8').digest('hex');
}
