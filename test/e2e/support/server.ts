// A loopback server for the end-to-end tests: the repository's files (dist/, demo/, test pages)
// and the scripted fake collector, with optional response headers (a CSP) per path.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { handleFakeCollector } from '../../support/fake-collector.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

export interface TestServer {
  origin: string;
  close(): Promise<void>;
}

/** Answers a request itself (true) or leaves it to the file server (false). */
export type Route = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export async function startServer(headersFor: (path: string) => Record<string, string> = () => ({}), route?: Route): Promise<TestServer> {
  const server: Server = createServer((req, res) => void handle(req, res, headersFor, route));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, headersFor: (path: string) => Record<string, string>, route?: Route) {
  try {
    if (route && (await route(req, res))) return;
    if (await handleFakeCollector(req, res)) return;
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT + '/')) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', ...headersFor(path) });
    res.end(body);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR';
    res.writeHead(missing ? 404 : 500, { 'Content-Type': 'text/plain' });
    res.end(missing ? 'not found' : String(error));
  }
}
