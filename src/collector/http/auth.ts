import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Admin routes: `Authorization: Bearer <ADMIN_TOKEN>`. 403 when no token is configured (closed),
 * 401 when missing or wrong. Comparing fixed-length hashes in constant time leaks neither the
 * token's content nor its length through timing.
 */
export function requireAdmin(req: IncomingMessage, adminToken: string | undefined): void {
  if (adminToken === undefined) {
    throw new HttpError(403, 'forbidden', 'Admin routes are closed: the collector has no ADMIN_TOKEN.');
  }
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || !timingSafeEqual(digest(match[1]!), digest(adminToken))) {
    throw new HttpError(401, 'unauthorized', 'This route needs Authorization: Bearer <admin token>.', undefined, {
      'WWW-Authenticate': 'Bearer realm="service-feedback"',
    });
  }
}

/** True when the request carries the admin token (for routes that are public in part). */
export function isAdmin(req: IncomingMessage, adminToken: string | undefined): boolean {
  try {
    requireAdmin(req, adminToken);
    return true;
  } catch {
    return false;
  }
}
