import type { LogLevel } from './config.js';

/** One request as the log shows it: no bodies, no addresses, no personal data. */
export interface RequestLogEntry {
  method: string;
  /** The route pattern (`/v1/complaints/:key`), never the raw path with its tracking code. */
  route: string;
  status: number;
  ms: number;
  records?: number;
  error?: string;
}

export interface Logger {
  request(entry: RequestLogEntry): void;
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Structured logs: one JSON line per event on `write` (stdout by default). */
export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const emit = (entry: Record<string, unknown>) => write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
  return {
    request(entry) {
      if (level === 'info' || (level === 'error' && entry.status >= 500)) emit({ level: entry.status >= 500 ? 'error' : 'info', ...entry });
    },
    info(message, fields) {
      if (level === 'info') emit({ level: 'info', message, ...fields });
    },
    error(message, fields) {
      if (level !== 'silent') emit({ level: 'error', message, ...fields });
    },
  };
}

/**
 * What may be logged of a database or runtime error: its SQLSTATE / name and message with quoted
 * values blanked (PostgreSQL quotes the offending input, which may be a citizen's text). The
 * driver's `query`/`params`/`detail` fields are never logged.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: 'non-error thrown' };
  const fields: Record<string, unknown> = { error: error.name, message: error.message.replace(/"[^"]*"/g, '"…"').slice(0, 300) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') fields['code'] = code;
  return fields;
}
