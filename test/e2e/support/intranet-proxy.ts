// An HTTP forward proxy on loopback that the Firefox and WebKit of the engines' end-to-end tests
// browse through, so a page can sit on a plain-HTTP intranet name (http://<name>.intranet.test):
// not a secure context, as on an agency's intranet, so crypto.randomUUID and Web Locks are absent
// and the library's fallbacks run. Every host goes to the one collector on loopback; nothing else
// is ever reached. `cut` drops the collector's API (a network down between the page and the
// agency) while pages still load — what a driver that cannot switch the browser offline can do.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface IntranetProxy {
  /** `host:port` for the browsers' proxy settings. */
  address: string;
  port: number;
  /** Drops every request to /v1/ while on. */
  cut(on: boolean): void;
  /** Submissions that reached the collector through the proxy. */
  submissions: number;
  close(): Promise<void>;
}

export async function startIntranetProxy(collectorOrigin: string): Promise<IntranetProxy> {
  const target = new URL(collectorOrigin);
  const sockets = new Set<Socket>();
  let cut = false;
  const state = { submissions: 0 };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // A proxied request names the whole URL; only its path and query travel on.
    const url = new URL(req.url ?? '/', 'http://unused.invalid');
    if (cut && url.pathname.startsWith('/v1/')) {
      req.socket.destroy();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/v1/submissions') state.submissions++;
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: url.pathname + url.search, headers: req.headers },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(upstream);
  };

  const server = createServer(handle);
  // No HTTPS through this proxy (an intranet page is plain HTTP): refuse CONNECT.
  server.on('connect', (_req, socket: Socket) => socket.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n'));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    address: `127.0.0.1:${address.port}`,
    port: address.port,
    cut: (on) => {
      cut = on;
      if (on) for (const socket of sockets) socket.destroy();
    },
    get submissions() {
      return state.submissions;
    },
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
