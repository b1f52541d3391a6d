// The real reference collector for the end-to-end tests: PGlite in a temporary folder, serving
// the repository's dist/, demo/ and test pages from the same origin (optional headers per path).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCollector } from '../../../src/collector.js';
import type { FeedbackRecord } from '../../../src/core/record.js';
import { pgliteDatabase } from '../../support/collector.js';

export const ADMIN_TOKEN = 'e2e-admin-token';

export interface RealCollector {
  origin: string;
  /** Every stored record (admin export; attachments left out). */
  records(): Promise<Array<FeedbackRecord & { trackingCode?: string }>>;
  close(): Promise<void>;
}

export async function startCollector(headersFor: (path: string) => Record<string, string> = () => ({})): Promise<RealCollector> {
  const dataDir = await mkdtemp(join(tmpdir(), 'svc-e2e-'));
  const collector = createCollector({
    config: { database: pgliteDatabase(dataDir), rateLimit: 0, adminToken: ADMIN_TOKEN, logLevel: 'silent', host: '127.0.0.1' },
    static: [
      { prefix: '/dist/', dir: 'dist' },
      { prefix: '/demo/', dir: 'demo' },
      { prefix: '/test/', dir: 'test' },
    ],
    staticHeaders: headersFor,
  });
  const { url } = await collector.listen(0, '127.0.0.1');
  const origin = url.replace(/\/$/, '');
  return {
    origin,
    records: async () => {
      const response = await fetch(`${origin}/v1/records`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      if (!response.ok) throw new Error(`export failed: HTTP ${response.status}`);
      return response.json() as Promise<Array<FeedbackRecord & { trackingCode?: string }>>;
    },
    close: async () => {
      await collector.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
