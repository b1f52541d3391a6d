import { timingSafeEqual } from 'node:crypto';
import type { Context } from '../app.js';
import { parseJson, readBody } from '../http/body.js';
import { HttpError, sendJson } from '../http/errors.js';
import { hashKioskKey } from '../verified/codes.js';
import { Invitations } from '../verified/invitations.js';
import { requireAccess, type Principal } from '../http/access.js';
import { appendAudit } from '../storage/audit.js';
import type { Queryable } from '../storage/types.js';

const ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Longest a kiosk's `next` waits for an arming (CONTRACT §7: ≤ 30 s). */
export const LONG_POLL_MAX_SECONDS = 30;
/** How often a waiting `next` looks at the database: no in-memory signal, so any instance may arm. */
export const LONG_POLL_INTERVAL_MS = 400;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function field(body: Record<string, unknown>, name: string, max: number, required = false): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) throw new HttpError(400, 'validation', `${name} is required.`, name);
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '' || value.length > max || /[\u0000-\u001F\u007F]/.test(value)) {
    throw new HttpError(400, 'validation', `${name} must be one line of text of at most ${max} characters.`, name);
  }
  return value;
}

function onlyFields(body: Record<string, unknown>, allowed: readonly string[]): void {
  for (const name of Object.keys(body)) {
    if (!allowed.includes(name)) throw new HttpError(400, 'validation', `"${name.slice(0, 40)}" is not a field here.`, name.slice(0, 40));
  }
}

const kioskNotFound = () => new HttpError(404, 'not_found', 'No kiosk has this id.');

function kioskIdOf(context: Context): string {
  const id = context.params['id'] ?? '';
  if (!ID.test(id)) throw kioskNotFound();
  return id;
}

/** POST /v1/kiosks — admin: `{ kioskId, agency, unit? }` → `{ kioskId, key }`, the key shown this once. */
export async function postKiosk(context: Context): Promise<void> {
  const { app, req, res } = context;
  const principal = await requireAccess(context, { role: 'admin' });
  const body = parseJson(req, await readBody(req, 16 * 1024));
  if (!isObject(body)) throw new HttpError(400, 'validation', 'Send { kioskId, agency, unit? }.');
  onlyFields(body, ['kioskId', 'agency', 'unit']);
  const kioskId = field(body, 'kioskId', 64, true)!;
  if (!ID.test(kioskId)) throw new HttpError(400, 'validation', 'kioskId: letters, digits, ".", "_" and "-", at most 64.', 'kioskId');
  const agency = field(body, 'agency', 200, true)!;
  const unit = field(body, 'unit', 200);
  // An admin scoped to an agency registers kiosks of that agency only.
  await requireAccess(context, { role: 'admin', target: { agency, unit: unit ?? null }, outside: 403 });
  const now = app.now();
  const kiosk = { kioskId, agency, ...(unit !== undefined ? { unit } : {}) };
  const created = await new Invitations(app.storage.db).createKiosk(kiosk, now, (tx) =>
    appendAudit(tx, principal, { action: 'kiosk.create', target: `kiosk:${kioskId}`, agency, unit: unit ?? null, after: kiosk }, now),
  );
  if (!created) throw new HttpError(409, 'conflict', `Kiosk ${kioskId} exists; DELETE it first to issue a new key.`, 'kioskId');
  sendJson(res, 201, created);
}

/** DELETE /v1/kiosks/:id — admin: revokes the key and the kiosk's open armings. */
export async function deleteKiosk(context: Context): Promise<void> {
  await requireAccess(context, { role: 'admin' });
  const invitations = new Invitations(context.app.storage.db);
  const kiosk = await invitations.kiosk(kioskIdOf(context));
  if (!kiosk) throw kioskNotFound();
  const principal = await requireAccess(context, { role: 'admin', target: { agency: kiosk.agency, unit: kiosk.unit ?? null } });
  const now = context.app.now();
  const removed = await invitations.deleteKiosk(kiosk.kioskId, now, (tx) => auditKiosk(tx, principal, 'kiosk.delete', kiosk, now));
  if (!removed) throw kioskNotFound();
  context.res.writeHead(204, { 'Cache-Control': 'no-store' });
  context.res.end();
}

/** POST /v1/kiosks/:id/arm — handler of the kiosk's agency/unit: `{ caseId?, service?, officer? }`. */
export async function postArm(context: Context): Promise<void> {
  const { app, req, res } = context;
  const invitations = new Invitations(app.storage.db);
  const kioskId = kioskIdOf(context);
  const kiosk = await invitations.kiosk(kioskId);
  // The role check comes first; an unknown id, or one outside the token's scope, is 404.
  await requireAccess(context, { role: 'handler' });
  if (!kiosk) throw kioskNotFound();
  const principal = await requireAccess(context, { role: 'handler', target: { agency: kiosk.agency, unit: kiosk.unit ?? null } });
  const bytes = await readBody(req, 16 * 1024);
  const body = bytes.length === 0 ? {} : parseJson(req, bytes);
  if (!isObject(body)) throw new HttpError(400, 'validation', 'Send { caseId?, service?, officer? }.');
  onlyFields(body, ['caseId', 'service', 'officer']);
  const input: { caseId?: string; service?: string; officer?: string } = {};
  const caseId = field(body, 'caseId', 128);
  const service = field(body, 'service', 200);
  const officer = field(body, 'officer', 200);
  if (caseId !== undefined) input.caseId = caseId;
  if (service !== undefined) input.service = service;
  if (officer !== undefined) input.officer = officer;
  const now = app.now();
  const armed = await invitations.arm(kiosk, input, { now, seconds: app.config.kioskArmSeconds }, (tx) =>
    auditKiosk(tx, principal, 'kiosk.arm', kiosk, now, input),
  );
  sendJson(res, 201, { kioskId, armingId: armed.seq, caseId: armed.caseId, expiresAt: armed.expiresAt });
}

/** The audit entry of a write on a kiosk (never its key). */
function auditKiosk(tx: Queryable, principal: Principal, action: string, kiosk: { kioskId: string; agency: string; unit?: string }, now: Date, after?: unknown): Promise<void> {
  return appendAudit(tx, principal, { action, target: `kiosk:${kiosk.kioskId}`, agency: kiosk.agency, unit: kiosk.unit ?? null, after }, now);
}

/** The kiosk behind `Authorization: Kiosk <key>`; 401 for a missing, wrong or revoked key, or an unknown kiosk. */
async function authenticateKiosk(context: Context, invitations: Invitations): Promise<{ key: string }> {
  const header = context.req.headers.authorization ?? '';
  const match = /^Kiosk\s+([A-Za-z0-9_-]{16,128})\s*$/.exec(header);
  const kiosk = match ? await invitations.kiosk(kioskIdOf(context)) : undefined;
  const given = Buffer.from(match ? hashKioskKey(match[1]!) : '', 'utf8');
  const stored = Buffer.from(kiosk?.keyHash ?? '', 'utf8');
  if (!match || !kiosk || given.length !== stored.length || !timingSafeEqual(given, stored)) {
    throw new HttpError(401, 'unauthorized', 'This route needs Authorization: Kiosk <key> of this kiosk.', undefined, {
      'WWW-Authenticate': 'Kiosk realm="service-feedback"',
    });
  }
  return { key: match[1]! };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * GET /v1/kiosks/:id/next?after=N&wait=S — the kiosk's long poll: the newest open arming after
 * arming N (200), or 204 after S seconds (default and most 30) without one. It polls the database,
 * so an arming made through any instance reaches a kiosk waiting on any other.
 */
export async function getNextArming(context: Context): Promise<void> {
  const { app, req, res, url } = context;
  const invitations = new Invitations(app.storage.db);
  const { key } = await authenticateKiosk(context, invitations);
  const kioskId = kioskIdOf(context);
  const afterRaw = url.searchParams.get('after') ?? '0';
  const waitRaw = url.searchParams.get('wait') ?? String(LONG_POLL_MAX_SECONDS);
  if (!/^\d{1,15}$/.test(afterRaw)) throw new HttpError(400, 'validation', 'after must be an arming id (a whole number).', 'after');
  if (!/^\d+(\.\d+)?$/.test(waitRaw) || Number(waitRaw) > LONG_POLL_MAX_SECONDS) {
    throw new HttpError(400, 'validation', `wait must be a number of seconds from 0 to ${LONG_POLL_MAX_SECONDS}.`, 'wait');
  }
  const deadline = Date.now() + Number(waitRaw) * 1000;
  let gone = false;
  req.socket.once('close', () => (gone = true));
  for (;;) {
    const arming = await invitations.nextArming(kioskId, key, Number(afterRaw), app.now());
    if (arming) {
      sendJson(res, 200, arming);
      return;
    }
    // Shutting down (close() marks answers Connection: close) or the kiosk went away: stop waiting.
    const closing = res.getHeader('Connection') === 'close';
    if (gone || closing || Date.now() >= deadline) break;
    await sleep(Math.min(LONG_POLL_INTERVAL_MS, Math.max(0, deadline - Date.now())));
  }
  if (gone) return;
  res.writeHead(204, { 'Cache-Control': 'no-store' });
  res.end();
}
