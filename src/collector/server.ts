import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from './app.js';
import { configFromEnv, type CollectorConfig } from './config.js';
import { corsHeaders, preflightHeaders, type Access } from './http/cors.js';
import { lingerThenClose } from './http/body.js';
import { HttpError, sendJson } from './http/errors.js';
import { formatOf, sendOpen311Error, type Open311Format } from './http/open311.js';
import { RateLimiter } from './http/rate-limit.js';
import { Router, type Route } from './http/router.js';
import { serveStatic, type StaticHeaders, type StaticMount } from './http/static.js';
import { createLogger, describeError, type Logger } from './log.js';
import { routes } from './routes/index.js';
import { sweepRetention } from './retention.js';
import { deliverDue } from './webhooks.js';
import { openStorage } from './storage/index.js';
import type { Storage } from './storage/types.js';

export interface CollectorOptions {
  /** Settings over those of an empty environment (`configFromEnv({})`); bin.ts passes the real environment. */
  config?: Partial<CollectorConfig>;
  /** An open storage to use (tests share one); the collector then leaves closing it to the caller. */
  storage?: Storage;
  /** Folders served as they are (`npm start` serves the demo and the CDN bundles); off by default. */
  static?: StaticMount[];
  staticHeaders?: StaticHeaders;
  logger?: Logger;
  /** The clock (tests). */
  now?: () => Date;
  /** How long close() lets in-flight requests finish before cutting connections (default 10 s). */
  shutdownGraceMs?: number;
  /**
   * Background work once listening: webhook deliveries every `webhookPollMs` (default 2 s, when
   * WEBHOOK_URL is set) and the retention wipe every `retentionEveryMs` (default 1 h, and at
   * start); `false` turns both off (tests then call `maintain()`).
   */
  maintenance?: false | { webhookPollMs?: number; retentionEveryMs?: number; webhookBackoffSeconds?: readonly number[] };
}

export interface Collector {
  readonly server: Server;
  readonly config: CollectorConfig;
  /** Opens the storage (once) and resolves with it. */
  ready(): Promise<Storage>;
  /** Opens the storage and listens; resolves with the base URL. */
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /** Stops accepting, lets in-flight requests finish, then closes the storage it opened. */
  close(): Promise<void>;
  /** One pass of the background work at the collector's clock: due webhooks, then the retention wipe. */
  maintain(): Promise<{ delivered: number; failed: number; wiped: number }>;
}

const OPEN311_PREFIX = '/open311/';

/** The reference collector of CONTRACT §6 on Node's own http server. */
export function createCollector(options: CollectorOptions = {}): Collector {
  const config: CollectorConfig = { ...configFromEnv({}), ...options.config };
  const logger = options.logger ?? createLogger(config.logLevel);
  const limiter = new RateLimiter(config.rateLimit);
  const now = options.now ?? (() => new Date());
  const router = new Router<App>();
  for (const route of routes()) router.add(route);

  let storagePromise: Promise<Storage> | undefined = options.storage ? Promise.resolve(options.storage) : undefined;
  const ownsStorage = !options.storage;
  const ready = () =>
    (storagePromise ??= openStorage(config.database, {
      timeZone: config.timeZone,
      onError: (error) => logger.error('database connection error', describeError(error)),
    }));

  const backoffSeconds = options.maintenance ? options.maintenance.webhookBackoffSeconds : undefined;
  const deliver = async () => deliverDue((await ready()).db, config, { now: now(), ...(backoffSeconds ? { backoffSeconds } : {}) });
  const sweep = async () => (await sweepRetention((await ready()).db, now(), config.contactRetentionDays)).length;
  const maintain = async () => ({ ...(await deliver()), wiped: await sweep() });
  const timers: NodeJS.Timeout[] = [];
  /** Runs `work` every `ms` (never two at once), logging failures; stopped by close(). */
  const every = (ms: number, label: string, work: () => Promise<unknown>) => {
    const tick = () => {
      work()
        .catch((error: unknown) => logger.error(`${label} failed`, describeError(error)))
        .finally(() => {
          if (closing) return;
          const timer = setTimeout(tick, ms);
          timer.unref();
          timers.push(timer);
          if (timers.length > 8) timers.splice(0, timers.length - 1);
        });
    };
    tick();
  };

  let closing = false;
  /** Answers not yet finished: told to close their connection when shutdown begins. */
  const active = new Set<ServerResponse>();

  // Idle keep-alive connections are kept 65 s: longer than the clients' and reverse proxies'
  // own idle timeouts (60 s is common), so a client never reuses a connection in the instant
  // the server drops it (a reset, seen as ECONNRESET under load). Shutdown closes idle ones at once.
  const server = createServer({ requestTimeout: 60_000, headersTimeout: 20_000, keepAliveTimeout: 65_000 }, (req, res) => {
    active.add(res);
    const started = process.hrtime.bigint();
    const entry: { route: string; records?: number; error?: string } = { route: 'unmatched' };
    res.on('close', () => {
      active.delete(res);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.request({
        method: req.method ?? '',
        route: entry.route,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        ...(entry.records !== undefined ? { records: entry.records } : {}),
        ...(entry.error !== undefined ? { error: entry.error } : {}),
      });
    });
    if (closing) res.setHeader('Connection', 'close');
    void handle(req, res, entry);
  });

  async function handle(req: IncomingMessage, res: ServerResponse, entry: { route: string; records?: number; error?: string }) {
    let open311: Open311Format | undefined;
    try {
      const url = requestUrl(req.url);
      // Anything below /open311/ answers errors as GeoReport v2 does, in the format its extension asks for.
      if (url.pathname.startsWith(OPEN311_PREFIX)) open311 = formatOf(url.pathname);
      const matches = router.matchPath(url.pathname);
      const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
      const accessOf = (route: Route<App>): Access => (typeof route.access === 'function' ? route.access(url) : route.access);

      if (req.method === 'OPTIONS' && matches.length > 0) {
        const wanted = String(req.headers['access-control-request-method'] ?? '').toUpperCase();
        const target = matches.find((match) => match.route.method === wanted) ?? matches[0]!;
        entry.route = `${target.route.path}`;
        const cors = corsHeaders(origin, accessOf(target.route), config.allowedOrigins);
        const allowed = 'Access-Control-Allow-Origin' in cors;
        res.writeHead(204, { ...cors, ...(allowed ? preflightHeaders(matches.map((match) => match.route.method)) : {}) });
        res.end();
        return;
      }
      const match = matches.find((candidate) => candidate.route.method === req.method);
      if (!match) {
        if (matches.length > 0) {
          entry.route = matches[0]!.route.path;
          const methods = [...new Set(matches.map((candidate) => candidate.route.method))];
          for (const [name, value] of Object.entries(corsHeaders(origin, accessOf(matches[0]!.route), config.allowedOrigins))) res.setHeader(name, value);
          throw new HttpError(405, 'method_not_allowed', `Use ${methods.join(' or ')} here.`, undefined, { Allow: [...methods, 'OPTIONS'].join(', ') });
        }
        if (options.static && (req.method === 'GET' || req.method === 'HEAD')) {
          if (url.pathname === '/') {
            entry.route = '/';
            res.writeHead(302, { Location: options.static[0]?.prefix ?? '/' });
            res.end();
            return;
          }
          if (url.pathname === '/favicon.ico') {
            // Browsers ask for it on every page; the demo has none (its emblem is inline SVG).
            entry.route = '/favicon.ico';
            res.writeHead(204, { 'Cache-Control': 'max-age=86400' });
            res.end();
            return;
          }
          entry.route = 'static';
          if (await serveStatic(req, res, url.pathname, options.static, options.staticHeaders)) return;
        }
        throw new HttpError(404, 'not_found', 'There is nothing here.');
      }
      entry.route = match.route.path;
      open311 = match.route.open311 === true ? formatOf(url.pathname) : undefined;
      for (const [name, value] of Object.entries(corsHeaders(origin, accessOf(match.route), config.allowedOrigins))) res.setHeader(name, value);
      const storage = await ready();
      const log: { records?: number } = {};
      try {
        await match.route.handle({ req, res, url, params: match.params, app: { config, storage, logger, limiter, now }, log });
      } finally {
        if (log.records !== undefined) entry.records = log.records;
      }
    } catch (error) {
      fail(req, res, error, open311, entry);
    }
  }

  function fail(req: IncomingMessage, res: ServerResponse, error: unknown, open311: Open311Format | undefined, entry: { error?: string }) {
    let http: HttpError;
    if (error instanceof HttpError) {
      http = error;
    } else {
      const described = describeError(error);
      entry.error = String(described['code'] ?? described['error']);
      logger.error('request failed', { route: (entry as { route?: string }).route, ...described });
      http = isUnavailable(error)
        ? new HttpError(503, 'unavailable', 'The collector cannot reach its database just now; try again shortly.', undefined, { 'Retry-After': '5' })
        : new HttpError(500, 'internal', 'The collector failed to handle this request; it has been logged.');
    }
    if (res.headersSent) {
      // A stream (an export) broke half-way: cut it, so the client sees an incomplete answer.
      res.destroy();
      return;
    }
    const headers = { ...http.headers };
    // A body left unread (a refused upload) is discarded, not kept, and the connection cut soon after.
    if (!req.complete) lingerThenClose(req, res);
    if (open311 !== undefined) sendOpen311Error(res, open311, http.status, http.message, headers);
    else sendJson(res, http.status, http.toJSON(), headers);
  }

  return {
    server,
    config,
    ready,
    async listen(port = config.port, host = config.host) {
      await ready();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      if (options.maintenance !== false) {
        if (config.webhookUrl !== undefined) every(options.maintenance?.webhookPollMs ?? 2_000, 'webhook delivery', deliver);
        every(options.maintenance?.retentionEveryMs ?? 3_600_000, 'retention wipe', sweep);
      }
      const address = server.address() as AddressInfo;
      // Every interface: name the machine itself, as a person would type it.
      const shown = address.address === '::' || address.address === '0.0.0.0' ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
      return { url: `http://${shown}:${address.port}`, port: address.port };
    },
    maintain,
    async close() {
      closing = true;
      for (const timer of timers) clearTimeout(timer);
      // server.close stops accepting and resolves once every connection has ended. Answers given
      // from now on carry Connection: close, so busy connections end after their answer; idle
      // keep-alive ones are closed now and as they fall idle. Past the grace, stragglers are cut.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const res of active) if (!res.headersSent) res.setHeader('Connection', 'close');
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.shutdownGraceMs ?? 10_000);
      });
      await Promise.race([closed, grace]);
      clearInterval(sweep);
      clearTimeout(timer);
      server.closeAllConnections();
      await closed;
      if (ownsStorage && storagePromise) await (await storagePromise.catch(() => undefined))?.close();
    },
  };
}

/** Database errors that mean "not now" (connection refused or lost, server shutting down). */
function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (/^(08|57P)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND'].includes(code));
}

/**
 * The request target as a URL. Concatenated, not resolved: `new URL('//x', base)` reads `//x` as
 * a host and throws. A target that still cannot be parsed is the client's fault (400).
 */
function requestUrl(target: string | undefined): URL {
  const path = target && target.startsWith('/') ? target : `/${target ?? ''}`;
  try {
    return new URL(`http://collector.invalid${path}`);
  } catch {
    throw new HttpError(400, 'bad_request', 'The request target is not a valid URL path.');
  }
}
