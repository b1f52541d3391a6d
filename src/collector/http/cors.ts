/** Who may read a route's answer from another origin. */
export type Access = 'public' | 'admin';

/**
 * CORS headers of an answer. With no ALLOWED_ORIGINS, public routes answer any origin (`*`) and
 * admin routes none; with a list, the request's origin is echoed only when listed, for both.
 * Headers are set on errors too: a reply without them cannot be read by the page (the outbox
 * would never learn its record was refused or acknowledged).
 */
export function corsHeaders(origin: string | undefined, access: Access, allowed: readonly string[] | undefined): Record<string, string> {
  const expose = { 'Access-Control-Expose-Headers': 'Retry-After' };
  if (allowed === undefined) return access === 'public' ? { 'Access-Control-Allow-Origin': '*', ...expose } : {};
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (origin !== undefined && allowed.includes(origin)) Object.assign(headers, { 'Access-Control-Allow-Origin': origin }, expose);
  return headers;
}

/** Headers of a preflight answer, on top of `corsHeaders`, when the origin may call. */
export function preflightHeaders(methods: readonly string[]): Record<string, string> {
  return {
    'Access-Control-Allow-Methods': [...new Set([...methods, 'OPTIONS'])].join(', '),
    'Access-Control-Allow-Headers': 'Content-Type, Authorization',
    'Access-Control-Max-Age': '600',
  };
}
