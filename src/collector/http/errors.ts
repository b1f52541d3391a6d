import type { ServerResponse } from 'node:http';

/** Error codes of the collector's JSON errors (`{ "error": { code, message, field? } }`). */
export type ErrorCode =
  | 'invalid_json'
  | 'invalid_encoding'
  | 'bad_request'
  | 'validation'
  | 'too_large'
  | 'too_many_records'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'stale'
  | 'invalid_transition'
  | 'unavailable'
  | 'internal';

/** A refusal with its HTTP status: thrown by handlers, answered by the server as error JSON. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toJSON(): { error: { code: ErrorCode; message: string; field?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.field !== undefined ? { field: this.field } : {}) } };
  }
}

/** Sends a JSON body (UTF-8, no caching: answers are per request). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}
