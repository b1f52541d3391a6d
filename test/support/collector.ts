// Helpers of the collector tests: records, a collector on port 0, requests.
import { createCollector, type CollectorOptions } from '../../src/collector/server.js';
import type { CollectorConfig, DatabaseConfig } from '../../src/collector/config.js';
import type { Storage } from '../../src/collector/storage/types.js';
import { uuidV4 } from '../../src/core/uuid.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/**
 * PGlite in `dataDir` (in memory when undefined). Under `npm test` a new database starts from the
 * run's template (PGLITE_TEMPLATE, every migration applied once) instead of being created: run
 * alone, a test creates and migrates its own.
 */
export function pgliteDatabase(dataDir?: string): DatabaseConfig {
  const template = process.env['PGLITE_TEMPLATE'];
  return { engine: 'pglite', dataDir: dataDir as string, ...(template ? { template } : {}) };
}

export const rating = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: uuidV4(),
  kind: 'rating',
  createdAt: '2026-03-05T08:30:00.000Z',
  agency: 'ubnd-test',
  unit: 'mot-cua',
  channel: 'online',
  locale: 'vi',
  score: 5,
  scale: 5,
  ...extra,
});

export const complaint = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: uuidV4(),
  kind: 'complaint',
  createdAt: '2026-03-05T08:30:00.000Z',
  agency: 'ubnd-test',
  channel: 'online',
  locale: 'vi',
  category: 'delay',
  description: 'Hồ sơ của tôi trễ hẹn ba ngày mà không ai báo.',
  ...extra,
});

export const caseRecord = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: `HS-${uuidV4().slice(0, 8)}`,
  kind: 'case',
  agency: 'ubnd-test',
  service: '1.000046',
  receivedAt: '2026-03-02T02:00:00Z',
  dueAt: '2026-03-09T10:00:00Z',
  ...extra,
});

export interface Running {
  url: string;
  close(): Promise<void>;
  /** One pass of the collector's background work (webhooks, retention). */
  maintain(): Promise<{ delivered: number; failed: number; wiped: number }>;
}

/** A collector on a random loopback port over the given storage; quiet, no rate limit unless asked. */
export async function startCollector(
  storage: Storage,
  config: Partial<CollectorConfig> = {},
  options: Partial<CollectorOptions> = {},
): Promise<Running> {
  // No background work unless a test asks (it calls maintain(), or passes maintenance): stub storages have no database.
  const collector = createCollector({ storage, config: { logLevel: 'silent', rateLimit: 0, ...config }, maintenance: false, ...options });
  const { url } = await collector.listen(0, '127.0.0.1');
  return { url, close: () => collector.close(), maintain: () => collector.maintain() };
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** A request; the body is sent as is when a string, else as JSON (text/plain, as the browser outbox does). */
export async function request(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; contentType?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] ??= init.contentType ?? 'text/plain;charset=UTF-8';
  }
  const response = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

export const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** Runs `work` over `items` with at most `limit` in flight. */
export async function pool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!, index);
      }
    }),
  );
  return results;
}
