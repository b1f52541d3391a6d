import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

/** A folder served under a URL prefix (`{ prefix: '/demo/', dir: 'demo' }`). */
export interface StaticMount {
  prefix: string;
  dir: string;
}

/**
 * The policy `npm start` serves the demo under: the strict host policy the components promise to
 * work with (CONTRACT §1), plus the images, workers and trusted-types names the demo needs.
 */
export const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html svc-feedback',
].join('; ');

/** Extra headers of static answers (a strict CSP for the demo pages), fixed or per path. */
export type StaticHeaders = Record<string, string> | ((urlPath: string) => Record<string, string>);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ndjson': 'application/x-ndjson; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
};

/**
 * Serves a file of a mount when the path falls under one; false when it does not (the caller
 * answers 404). Paths are decoded, then resolved inside the mount's folder: `..`, encoded
 * separators and NUL bytes cannot leave it. Folders serve their index.html.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  mounts: readonly StaticMount[],
  headers: StaticHeaders | undefined,
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  for (const mount of mounts) {
    const bare = mount.prefix.replace(/\/$/, '');
    if (pathname === bare) {
      res.writeHead(301, { Location: mount.prefix });
      res.end();
      return true;
    }
    if (!pathname.startsWith(mount.prefix)) continue;
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(mount.prefix.length));
    } catch {
      return false;
    }
    if (relative.includes('\0') || relative.includes('\\')) return false;
    const root = resolve(mount.dir);
    let file = resolve(root, relative);
    if (file !== root && !file.startsWith(root + sep)) return false;
    let info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/` });
        res.end();
        return true;
      }
      file = resolve(file, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) return false;
    const extra = typeof headers === 'function' ? headers(pathname) : (headers ?? {});
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ...extra,
    });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    await new Promise<void>((done) => {
      const stream = createReadStream(file);
      stream.on('error', () => {
        res.destroy();
        done();
      });
      stream.on('end', done);
      stream.pipe(res);
    });
    return true;
  }
  return false;
}
