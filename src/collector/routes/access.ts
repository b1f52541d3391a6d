import type { Context } from '../app.js';
import { requireAdmin } from '../http/auth.js';

/** Where an official acts: an agency and, for unit-scoped roles, a unit. */
export interface Scope {
  agency: string;
  unit?: string;
}

/**
 * The one check of the verified-rating routes that officials call: "handler of this scope, or
 * admin" (CONTRACT §8). Until scoped tokens exist the admin token stands in for a handler; this
 * is the single place where the scoped check slots in.
 */
export function requireHandler(context: Context, _scope: Scope): void {
  requireAdmin(context.req, context.app.config.adminToken);
}

/** Admin only (kiosk registry). */
export function requireAdminRole(context: Context): void {
  requireAdmin(context.req, context.app.config.adminToken);
}
