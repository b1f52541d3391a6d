import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

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

/** Names rollup gives lazily loaded chunks: `chunks/<name>-<8 characters of content hash>.js`. */
const HASHED = /\/chunks\/[^/]+-[A-Za-z0-9_-]{8}\.js(\.map)?$/;
/** Text worth compressing; images and archives are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|map|json|html|css|svg|txt|csv|ndjson)$/;
/** Files compressed in memory (those without build-time twins): at most this large, this many. */
const MAX_MEMORY_FILE = 4 * 1024 * 1024;
const MAX_MEMORY_ENTRIES = 64;

type Encoding = 'br' | 'gzip';

/** One representation of a file: its bytes on disk or in memory, and its validator. */
interface Representation {
  encoding: Encoding | undefined;
  etag: string;
  size: number;
  path?: string;
  body?: Buffer;
}

/** Per file (path + mtime + size), its representations; cleared when the file changes. */
const representations = new Map<string, { version: string; byEncoding: Map<string, Representation> }>();

/**
 * The encoding to send, from an `Accept-Encoding` header: br before gzip (smaller), honouring
 * q-values (`q=0` refuses) and `*`. Undefined means identity.
 */
export function chooseEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).filter((name) => weightOf(name) > 0);
  if (best.length === 0) return undefined;
  return best.reduce((a, b) => (weightOf(b) > weightOf(a) ? b : a));
}

/** Whether an `If-None-Match` header names this entity tag (weak comparison, RFC 9110 §13.1.2). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}

function hashTag(bytes: Buffer, encoding: Encoding | undefined): string {
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
  return `"${hash}${encoding ? `-${encoding}` : ''}"`;
}

/**
 * The representation of `file` in `encoding`: the build-time twin (`file.br`, `file.gz`) when it is
 * at least as new as the file, else compressed here once and kept in memory. Entity tags come from
 * the content, so every instance behind a load balancer gives the same tag for the same file.
 */
async function representation(file: string, info: Stats, encoding: Encoding | undefined): Promise<Representation> {
  const version = `${info.mtimeMs}:${info.size}`;
  let cached = representations.get(file);
  if (cached?.version !== version) {
    cached = { version, byEncoding: new Map() };
    representations.delete(file);
    if (representations.size >= MAX_MEMORY_ENTRIES) representations.delete(representations.keys().next().value!);
    representations.set(file, cached);
  }
  const key = encoding ?? 'identity';
  const known = cached.byEncoding.get(key);
  if (known) return known;
  let made: Representation | undefined;
  if (encoding === undefined) {
    made = { encoding, etag: hashTag(await readFile(file), undefined), size: info.size, path: file };
  } else {
    const twin = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
    const twinInfo = await stat(twin).catch(() => undefined);
    if (twinInfo?.isFile() && twinInfo.mtimeMs >= info.mtimeMs) {
      made = { encoding, etag: hashTag(await readFile(twin), encoding), size: twinInfo.size, path: twin };
    } else if (info.size <= MAX_MEMORY_FILE) {
      const source = await readFile(file);
      const body =
        encoding === 'br'
          ? await brotliAsync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } })
          : await gzipAsync(source, { level: 9 });
      made = { encoding, etag: hashTag(body, encoding), size: body.length, body };
    }
  }
  // A file too large to compress in memory goes out as it is.
  made ??= await representation(file, info, undefined);
  cached.byEncoding.set(key, made);
  return made;
}

/**
 * Serves a file of a mount when the path falls under one; false when it does not (the caller
 * answers 404). Paths are decoded, then resolved inside the mount's folder: `..`, encoded
 * separators and NUL bytes cannot leave it. Folders serve their index.html.
 *
 * Text goes out compressed when the client accepts it (br, else gzip; `Vary: Accept-Encoding`),
 * every answer carries a strong `ETag` (a repeat with `If-None-Match` is 304 without a body),
 * content-hashed chunks are cached for a year (`immutable`), everything else is revalidated
 * (`no-cache`): an entry file's name stays the same when its content changes.
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
    const compressible = COMPRESSIBLE.test(file.toLowerCase());
    const chosen = await representation(file, info, compressible ? chooseEncoding(req.headers['accept-encoding']) : undefined);
    const common: Record<string, string> = {
      ETag: chosen.etag,
      'Cache-Control': HASHED.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
      'X-Content-Type-Options': 'nosniff',
    };
    if (matchesEtag(req.headers['if-none-match'], chosen.etag)) {
      res.writeHead(304, { ...common, ...extra });
      res.end();
      return true;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': chosen.size,
      ...(chosen.encoding ? { 'Content-Encoding': chosen.encoding } : {}),
      ...common,
      ...extra,
    });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    if (chosen.body) {
      res.end(chosen.body);
      return true;
    }
    await new Promise<void>((done) => {
      const stream = createReadStream(chosen.path!);
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
