// A fault-injecting proxy between the page and the collector. Everything passes through; POSTs
// to /v1/submissions meet, by a seeded draw: a 500 before the collector sees them, a reset
// connection, a lost acknowledgement (the collector stored it, the page gets a 500), a delay,
// or, during an outage, a refusal. Reproducible: the same seed draws the same faults in order.
// It can also hold submissions in flight (received, never forwarded nor answered) and then drop
// them: a page that ends with its request in flight.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { prng } from '../../support/prng.js';

export interface ChaosRates {
  error500: number;
  reset: number;
  lostAck: number;
  delay: number;
}

export interface ChaosStats {
  requests: number;
  passed: number;
  error500: number;
  reset: number;
  lostAck: number;
  delayed: number;
  outage: number;
}

export interface ChaosProxy {
  origin: string;
  stats: ChaosStats;
  /** Refuses every submission while on (a full outage). */
  setOutage(on: boolean): void;
  /** Lets everything through (the end of the storm). */
  calm(): void;
  /** While on, submissions are received and kept in flight: not forwarded, not answered. */
  hold(on: boolean): void;
  /** How many submissions are held in flight now. */
  held(): number;
  /** Ends every held submission with a reset connection; the collector never sees them. */
  dropHeld(): void;
  close(): Promise<void>;
}

export async function startChaosProxy(target: string, seed: number, rates: ChaosRates): Promise<ChaosProxy> {
  const random = prng(seed);
  const stats: ChaosStats = { requests: 0, passed: 0, error500: 0, reset: 0, lostAck: 0, delayed: 0, outage: 0 };
  let outage = false;
  let calm = false;
  let holding = false;
  const held = new Set<IncomingMessage>();
  const sockets = new Set<Socket>();
  const targetUrl = new URL(target);

  const forward = (req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const upstream = request(
        { host: targetUrl.hostname, port: targetUrl.port, method: req.method, path: req.url, headers: { ...req.headers, host: targetUrl.host } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const isSubmission = req.method === 'POST' && (req.url ?? '').startsWith('/v1/submissions');
    let lostAck = false;
    if (isSubmission && holding) {
      held.add(req);
      req.socket.once('close', () => held.delete(req));
      return;
    }
    if (isSubmission && !calm) {
      stats.requests++;
      if (outage) {
        stats.outage++;
        req.socket.destroy();
        return;
      }
      const draw = random();
      let edge = rates.error500;
      if (draw < edge) {
        stats.error500++;
        res.writeHead(500, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }).end('{"error":{"code":"chaos","message":"injected"}}');
        return;
      }
      if (draw < (edge += rates.reset)) {
        stats.reset++;
        req.socket.destroy();
        return;
      }
      if (draw < (edge += rates.lostAck)) {
        stats.lostAck++;
        lostAck = true;
      } else if (draw < (edge += rates.delay)) {
        stats.delayed++;
        await new Promise((done) => setTimeout(done, 100 + Math.floor(random() * 1400)));
      } else {
        stats.passed++;
      }
    }
    try {
      const reply = await forward(req, body);
      if (lostAck) {
        // The collector stored it; the page never hears so.
        res.writeHead(500, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }).end('{"error":{"code":"chaos","message":"ack lost"}}');
        return;
      }
      res.writeHead(reply.status, reply.headers).end(reply.body);
    } catch {
      if (!res.headersSent) res.writeHead(502).end();
    }
  };

  const server = createServer((req, res) => void handle(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    stats,
    setOutage: (on) => {
      outage = on;
    },
    calm: () => {
      calm = true;
      outage = false;
    },
    hold: (on) => {
      holding = on;
    },
    held: () => held.size,
    dropHeld: () => {
      for (const req of held) req.socket.destroy();
      held.clear();
    },
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
