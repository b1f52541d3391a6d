import { randomBytes } from 'node:crypto';

/** Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or retyped survives. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_LENGTH = 10;
const CODE = /^[0-9A-HJKMNP-TV-Z]{10}$/;

/** A complaint's tracking code: 10 Crockford base32 characters, 50 random bits from the CSPRNG. */
export function newTrackingCode(): string {
  const bytes = randomBytes(TRACKING_CODE_LENGTH);
  let code = '';
  // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
  for (const byte of bytes) code += CROCKFORD[byte & 31];
  return code;
}

/**
 * The canonical code for what a citizen typed: case-insensitive, hyphens and spaces ignored,
 * O read as 0 and I/L as 1 (Crockford's decoding rules). Undefined when it cannot be a code.
 */
export function normalizeTrackingCode(input: string): string | undefined {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return CODE.test(code) ? code : undefined;
}
