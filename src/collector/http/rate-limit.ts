import type { IncomingMessage } from 'node:http';

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows per client address: the only state the collector keeps. `limit` 0
 * turns it off (a kiosk office behind one address must not be locked out; load tests run so).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(
    readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; returns the seconds to wait when over the limit, else 0. */
  take(client: string): number {
    if (this.limit <= 0) return 0;
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(client);
    if (!window || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(client, window);
    }
    window.count += 1;
    if (window.count <= this.limit) return 0;
    return Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
  }

  /** Drops finished windows now and then, so memory follows the clients of the last minute. */
  private sweep(now: number): void {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    for (const [client, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(client);
  }
}

/**
 * The address a request counts against: the socket's peer, or with `trustProxy` the last entry of
 * X-Forwarded-For (the one the proxy in front of us appended; earlier entries are the client's word).
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const value = Array.isArray(forwarded) ? forwarded.join(',') : forwarded;
    const last = value?.split(',').map((part) => part.trim()).filter(Boolean).pop();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
