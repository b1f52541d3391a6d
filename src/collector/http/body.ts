import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

const tooLarge = (limit: number) =>
  new HttpError(413, 'too_large', `The request body may be at most ${Math.floor(limit / 1024 / 1024)} MB.`);

/**
 * Reads a request body up to `limit` bytes. Refuses at once when Content-Length announces more,
 * and as soon as a streamed body passes the limit; nothing past the limit is kept. (The server
 * then answers, discards what is still coming for a moment so the client can read the answer,
 * and closes the connection: see `lingerThenClose`.)
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        chunks.length = 0;
        reject(tooLarge(limit));
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      if (req.complete) return;
      cleanup();
      reject(new HttpError(400, 'validation', 'The request body ended early.'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/** Most bytes of a refused body discarded before the connection is cut, and for how long. */
const LINGER_BYTES = 16 * 1024 * 1024;
const LINGER_MS = 2000;

/**
 * After answering a request whose body was not read (413, 401…): keep discarding what the client
 * is still sending, so it can read the answer instead of hitting a reset (answering with
 * `Connection: close` would make Node destroy the socket at once), then cut the connection after
 * 16 MB or 2 s. Nothing is kept.
 */
export function lingerThenClose(req: IncomingMessage, res: { once(event: 'finish', listener: () => void): unknown }): void {
  let discarded = 0;
  // Only while this request is still unread: a finished one may have left the connection to the next.
  const cut = () => {
    if (!req.complete) req.socket.destroy();
  };
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_BYTES) cut();
  });
  req.resume();
  res.once('finish', () => setTimeout(cut, LINGER_MS).unref());
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** UTF-8 text of a body; broken UTF-8 is refused, not silently replaced. */
export function decodeUtf8(body: Buffer): string {
  try {
    return decoder.decode(body);
  } catch {
    throw new HttpError(400, 'invalid_encoding', 'The request body is not valid UTF-8.');
  }
}

/** The media type of a request, lower case, without parameters ('' when absent). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Parses a JSON body: `application/json`, or `text/plain` (browsers send it to avoid a CORS preflight). */
export function parseJson(req: IncomingMessage, body: Buffer): unknown {
  const type = mediaType(req);
  if (type !== '' && type !== 'application/json' && type !== 'text/plain' && !type.endsWith('+json')) {
    throw new HttpError(415, 'unsupported_media_type', 'Send JSON as application/json or text/plain.');
  }
  const text = decodeUtf8(body);
  if (text.trim() === '') throw new HttpError(400, 'invalid_json', 'The request body is empty; send a record as JSON.');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}
