import QRCode from 'qrcode';
import type { Context } from '../app.js';
import { parseJson, readBody } from '../http/body.js';
import { HttpError, sendJson } from '../http/errors.js';
import { Invitations, type InvitationInput } from '../verified/invitations.js';
import { normalizeInvitationCode } from '../verified/codes.js';
import { requireAccess } from '../http/access.js';
import { appendAudit } from '../storage/audit.js';

/** Invitations in one request (CONTRACT §7). */
export const MAX_INVITATIONS = 1000;
const TEXT_MAX = 200;
const CASE_MAX = 128;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function text(body: Record<string, unknown>, name: string, max: number, prefix: string, required: boolean): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) throw new HttpError(400, 'validation', `${name} is required.`, `${prefix}${name}`);
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '' || value.length > max || /[\u0000-\u001F\u007F]/.test(value)) {
    throw new HttpError(400, 'validation', `${name} must be one line of text of at most ${max} characters.`, `${prefix}${name}`);
  }
  return value;
}

/** One invitation of a request body, checked; `prefix` names its place in a batch (`invitations.3.`). */
export function parseInvitation(value: unknown, prefix = ''): InvitationInput {
  if (!isObject(value)) throw new HttpError(400, 'validation', 'An invitation is a JSON object { caseId, agency, … }.', prefix.replace(/\.$/, '') || undefined);
  const known = new Set(['caseId', 'agency', 'unit', 'service', 'officer', 'ttlDays']);
  for (const name of Object.keys(value)) {
    if (!known.has(name)) throw new HttpError(400, 'validation', `"${name.slice(0, 40)}" is not a field of an invitation.`, `${prefix}${name.slice(0, 40)}`);
  }
  const input: InvitationInput = { agency: text(value, 'agency', TEXT_MAX, prefix, true)!, caseId: text(value, 'caseId', CASE_MAX, prefix, true)! };
  for (const name of ['unit', 'service', 'officer'] as const) {
    const field = text(value, name, TEXT_MAX, prefix, false);
    if (field !== undefined) input[name] = field;
  }
  if (value['ttlDays'] !== undefined) {
    const ttl = value['ttlDays'];
    if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl <= 0 || ttl > 3650) {
      throw new HttpError(400, 'validation', 'ttlDays must be a number of days greater than 0, at most 3650.', `${prefix}ttlDays`);
    }
    input.ttlDays = ttl;
  }
  return input;
}

/** The collector's own base URL as the client reached it (for hosted-page links and QR codes). */
export function baseUrl(context: Context): string {
  const { req, app } = context;
  const forwardedProto = app.config.trustProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim() : '';
  const proto = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : 'encrypted' in req.socket ? 'https' : 'http';
  const host = String(req.headers.host ?? 'localhost');
  return `${proto}://${/^[A-Za-z0-9.:[\]-]+$/.test(host) ? host : 'localhost'}`;
}

/** The link a citizen opens: the agency's page with `?svc-invite=`, or the collector's hosted page. */
export function invitationUrl(context: Context, code: string): string {
  const own = context.app.config.inviteUrl;
  if (own !== undefined) {
    const url = new URL(own);
    url.searchParams.set('svc-invite', code);
    return url.href;
  }
  return `${baseUrl(context)}/r/${code}`;
}

/** POST /v1/invitations — one `{ caseId, agency, … }` or `{ invitations: [...] }` (≤ 1000). */
export async function postInvitations(context: Context): Promise<void> {
  const { app, req, res } = context;
  const body = parseJson(req, await readBody(req, 2 * 1024 * 1024));
  let inputs: InvitationInput[];
  if (isObject(body) && 'invitations' in body) {
    const list = body['invitations'];
    if (!Array.isArray(list) || list.length === 0) throw new HttpError(400, 'validation', 'invitations must be a non-empty list.', 'invitations');
    if (list.length > MAX_INVITATIONS) {
      throw new HttpError(413, 'too_many_records', `A request may carry at most ${MAX_INVITATIONS} invitations (got ${list.length}).`, 'invitations');
    }
    inputs = list.map((value, index) => parseInvitation(value, `invitations.${index}.`));
  } else {
    inputs = [parseInvitation(body)];
  }
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const key = `${input.agency}\u001f${input.caseId}`;
    // The later one would revoke the earlier at once: a receipt printed with a dead code.
    if (seen.has(key)) throw new HttpError(400, 'validation', `Case ${input.caseId} of ${input.agency} appears twice.`, `invitations.${index}.caseId`);
    seen.add(key);
  });
  let principal = await requireAccess(context, { role: 'handler' });
  // A handler invites for the cases of its own agency (and unit) only.
  for (const input of inputs) principal = await requireAccess(context, { role: 'handler', target: { agency: input.agency, unit: input.unit ?? null }, outside: 403 });
  context.log.records = inputs.length;
  const now = app.now();
  const issued = await new Invitations(app.storage.db).issue(inputs, { now, ttlDays: app.config.inviteTtlDays }, async (tx, made) => {
    // The code is the citizen's: the log keeps what was invited, never the code.
    for (const [index, input] of inputs.entries()) {
      await appendAudit(tx, principal, { action: 'invitation.issue', target: input.caseId !== undefined ? `case:${input.caseId}` : `invitation:${made[index]!.seq}`, agency: input.agency, unit: input.unit ?? null, after: { ...input, expiresAt: made[index]!.expiresAt } }, now);
    }
  });
  sendJson(res, 201, {
    results: issued.map(({ caseId, code, expiresAt }) => ({ caseId, code, url: invitationUrl(context, code), expiresAt })),
  });
}

function codeOf(context: Context): string {
  const code = normalizeInvitationCode(context.params['code'] ?? '');
  if (!code) throw new HttpError(404, 'not_found', 'No invitation has this code.');
  return code;
}

/** GET /v1/invitations/:code — public: what is rated and whether the code still works. */
export async function getInvitation(context: Context): Promise<void> {
  const view = await new Invitations(context.app.storage.db).find(codeOf(context), context.app.now());
  if (!view) throw new HttpError(404, 'not_found', 'No invitation has this code.');
  sendJson(context.res, 200, view);
}

/** GET /v1/invitations/:code/qr.svg — the invitation's link as a QR code, for a printed receipt. */
export async function getInvitationQr(context: Context): Promise<void> {
  const code = codeOf(context);
  const view = await new Invitations(context.app.storage.db).find(code, context.app.now());
  if (!view) throw new HttpError(404, 'not_found', 'No invitation has this code.');
  const svg = await QRCode.toString(invitationUrl(context, code), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  context.res.writeHead(200, {
    'Content-Type': 'image/svg+xml',
    'Content-Length': String(Buffer.byteLength(svg)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'",
  });
  context.res.end(svg);
}
