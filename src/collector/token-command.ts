// `service-feedback-collector token create|list|revoke`: officials' tokens from the command line,
// on the database of the environment (DATABASE_URL, or DATA_DIR for PGlite; a PGlite folder can
// be opened by one process at a time, so stop the collector first there).
import { parseArgs } from 'node:util';
import { configFromEnv } from './config.js';
import type { Principal } from './http/access.js';
import { HttpError } from './http/errors.js';
import { parseNewToken } from './routes/tokens.js';
import { appendAudit } from './storage/audit.js';
import { openStorage } from './storage/index.js';
import { insertToken, listTokens, revokeToken, tokenById } from './storage/tokens.js';
import type { Storage } from './storage/types.js';

/** Who the audit log names for a command-line change. */
const CLI: Principal = Object.freeze({ tokenId: null, label: 'command line', role: 'admin', agency: null, unit: null });

export const TOKEN_USAGE = `usage:
  service-feedback-collector token create --role viewer|handler|admin [--agency A [--unit U]] [--expires 90d] --label "…"
  service-feedback-collector token list
  service-feedback-collector token revoke ID`;

export interface CommandIo {
  env: Record<string, string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
  now?: () => Date;
  /** An open storage (tests); otherwise the environment's is opened and closed. */
  storage?: Storage;
}

/** Runs one token command; resolves with the exit code (0 done, 1 not found, 2 usage). */
export async function tokenCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = args;
  const now = (io.now ?? (() => new Date()))();
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: { role: { type: 'string' }, agency: { type: 'string' }, unit: { type: 'string' }, expires: { type: 'string' }, label: { type: 'string' } },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n${TOKEN_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (!['create', 'list', 'revoke'].includes(command ?? '') || (command === 'revoke' && positionals.length !== 1)) {
    io.err(`${TOKEN_USAGE}\n`);
    return 2;
  }
  let input;
  if (command === 'create') {
    try {
      input = parseNewToken({ role: values.role, agency: values.agency, unit: values.unit, label: values.label, expiresAt: values.expires }, now);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      io.err(`${error.field ? `--${error.field === 'expiresAt' ? 'expires' : error.field}: ` : ''}${error.message}\n${TOKEN_USAGE}\n`);
      return 2;
    }
  }
  const storage = io.storage ?? (await openStorage(configFromEnv(io.env).database));
  try {
    const db = storage.db;
    if (command === 'create') {
      const made = await db.transaction(async (tx) => {
        const created = await insertToken(tx, input!, now);
        await appendAudit(tx, CLI, { action: 'token.create', target: `token:${created.view.id}`, agency: input!.agency, unit: input!.unit, after: created.view }, now);
        return created;
      });
      const { id, role, agency, unit, label, expiresAt } = made.view;
      io.out(`${JSON.stringify({ id, token: made.secret, role, agency, unit, label, expiresAt }, null, 2)}\n`);
      io.err('The token is shown this once: give it to its holder now; only its hash is stored.\n');
      return 0;
    }
    if (command === 'list') {
      for (const token of await listTokens(db, { agency: null, unit: null })) {
        const state = token.revokedAt ? `revoked ${token.revokedAt}` : token.expiresAt && Date.parse(token.expiresAt) <= now.getTime() ? `expired ${token.expiresAt}` : token.expiresAt ? `expires ${token.expiresAt}` : 'no expiry';
        io.out(`${token.id}\t${token.role}\t${token.agency ?? '*'}${token.unit ? `/${token.unit}` : ''}\t${token.label}\t${state}\n`);
      }
      return 0;
    }
    const id = positionals[0]!;
    const revoked = await db.transaction(async (tx) => {
      const before = await tokenById(tx, id);
      if (!before) return undefined;
      const after = await revokeToken(tx, id, now);
      if (before.revokedAt === null) await appendAudit(tx, CLI, { action: 'token.revoke', target: `token:${id}`, agency: before.agency, unit: before.unit, before, after }, now);
      return after;
    });
    if (!revoked) {
      io.err(`No token has the id ${id}.\n`);
      return 1;
    }
    io.out(`revoked ${revoked.id} (${revoked.label})\n`);
    return 0;
  } finally {
    if (!io.storage) await storage.close();
  }
}
