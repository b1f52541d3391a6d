// The HTTP server around the storage: static files for the demo, request logs, database failures.
// A stub storage stands in for the database, so failures can be staged.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '../../src/collector/log.js';
import type { Storage } from '../../src/collector/storage/types.js';
import { complaint, rating, request, startCollector, type Running } from '../support/collector.js';

function stubStorage(overrides: Partial<Storage> = {}): Storage {
  const none = async () => {
    throw new Error('not in this stub');
  };
  return {
    engine: 'pglite',
    submit: async (records) => records.map((record) => ({ id: record.id as string, status: 'accepted' as const })),
    importCases: none,
    findComplaint: async () => undefined,
    updateComplaint: none,
    getRecord: none,
    exportRecords: async function* () {},
    exportPaths: none,
    count: async () => 0,
    ping: async () => undefined,
    close: async () => undefined,
    db: undefined as never,
    ...overrides,
  } as Storage;
}

/** A GET with the path sent exactly as written (fetch would normalise `..`). */
function rawGet(base: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files (npm start serves the demo and the bundles)', () => {
  let root: string;
  let running: Running;
  const csp = "default-src 'self'; script-src 'self'";
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'svc-static-'));
    mkdirSync(join(root, 'demo', 'kiosk'), { recursive: true });
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'demo', 'index.html'), '<!doctype html><title>demo</title>');
    writeFileSync(join(root, 'demo', 'kiosk', 'index.html'), '<!doctype html><title>kiosk</title>');
    writeFileSync(join(root, 'demo', 'app.mjs'), 'export {};');
    writeFileSync(join(root, 'dist', 'bundle.js'), 'export const x = 1;');
    writeFileSync(join(root, 'dist', 'bundle.js.map'), '{}');
    writeFileSync(join(root, 'secret.txt'), 'do not serve');
    running = await startCollector(stubStorage(), {}, {
      static: [
        { prefix: '/demo/', dir: join(root, 'demo') },
        { prefix: '/dist/', dir: join(root, 'dist') },
      ],
      staticHeaders: (path): Record<string, string> => (path.endsWith('.html') || path.endsWith('/') ? { 'Content-Security-Policy': csp } : {}),
    });
  });
  after(async () => {
    await running.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('redirects / to /demo/ and serves folders by their index.html with the CSP', async () => {
    const home = await fetch(`${running.url}/`, { redirect: 'manual' });
    assert.equal(home.status, 302);
    assert.equal(home.headers.get('location'), '/demo/');
    const page = await fetch(`${running.url}/demo/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(page.headers.get('content-security-policy'), csp);
    assert.match(await page.text(), /demo/);
    assert.equal((await fetch(`${running.url}/favicon.ico`)).status, 204);
    const folder = await fetch(`${running.url}/demo/kiosk`, { redirect: 'manual' });
    assert.equal(folder.status, 301);
    assert.equal(folder.headers.get('location'), '/demo/kiosk/');
  });

  it('sends the right content types', async () => {
    for (const [path, type] of [['/demo/app.mjs', 'text/javascript'], ['/dist/bundle.js', 'text/javascript'], ['/dist/bundle.js.map', 'application/json']]) {
      const reply = await fetch(`${running.url}${path}`);
      assert.equal(reply.status, 200, path);
      assert.match(reply.headers.get('content-type') ?? '', new RegExp(`^${type}`), path);
      assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
    }
  });

  it('never leaves its folder', async () => {
    for (const path of ['/demo/../secret.txt', '/demo/%2e%2e/secret.txt', '/demo/..%2fsecret.txt', '/demo/%2e%2e%2fsecret.txt', '/dist/..%5c..%5csecret.txt', '/demo/%00', '/demo/%E0%A4%A', '/demo/....//secret.txt']) {
      const reply = await rawGet(running.url, path);
      assert.notEqual(reply.status, 200, path);
      assert.ok(!reply.body.includes('do not serve'), path);
    }
  });

  it('API routes still answer beside the static files', async () => {
    assert.equal((await request(`${running.url}/healthz`)).status, 200);
    assert.equal((await request(`${running.url}/demo/missing.js`)).status, 404);
  });
});

describe('request logs and failures', () => {
  it('logs one JSON line per request with the route pattern, never the path, body or address', async () => {
    const lines: string[] = [];
    const running = await startCollector(stubStorage(), {}, { logger: createLogger('info', (line) => lines.push(line)) });
    try {
      await request(`${running.url}/v1/complaints/SECRETCODE`);
      await request(`${running.url}/v1/submissions`, { body: { records: [rating({ comment: 'Tên tôi là Nguyễn Văn A' }), rating()] } });
      await new Promise((resolve) => setTimeout(resolve, 20));
      const entries = lines.map((line) => JSON.parse(line));
      assert.equal(entries.length, 2);
      assert.deepEqual(
        entries.map(({ method, route, status, records }) => ({ method, route, status, records })),
        [
          { method: 'GET', route: '/v1/complaints/:key', status: 404, records: undefined },
          { method: 'POST', route: '/v1/submissions', status: 200, records: 2 },
        ],
      );
      for (const entry of entries) assert.equal(typeof entry.ms, 'number');
      const text = lines.join('');
      for (const secret of ['SECRETCODE', 'Nguyễn', '127.0.0.1']) assert.ok(!text.includes(secret), secret);
    } finally {
      await running.close();
    }
  });

  it('a database that does not answer: 503 with a generic message, healthz 503', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const lines: string[] = [];
    const running = await startCollector(
      stubStorage({
        submit: async () => {
          throw down;
        },
        ping: async () => {
          throw down;
        },
      }),
      {},
      { logger: createLogger('error', (line) => lines.push(line)) },
    );
    try {
      const reply = await request(`${running.url}/v1/submissions`, { body: complaint() });
      assert.equal(reply.status, 503);
      assert.equal(reply.body.error.code, 'unavailable');
      assert.ok(!reply.text.includes('5432'));
      assert.equal(reply.headers.get('access-control-allow-origin'), '*');
      const health = await request(`${running.url}/healthz`);
      assert.equal(health.status, 503);
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(lines.some((line) => JSON.parse(line).code === 'ECONNREFUSED'), 'logged');
    } finally {
      await running.close();
    }
  });

  it('any other failure is a 500 with a generic message', async () => {
    const running = await startCollector(
      stubStorage({
        submit: async () => {
          throw Object.assign(new Error('value too long "Nguyễn"'), { code: '22001' });
        },
      }),
    );
    try {
      const reply = await request(`${running.url}/v1/submissions`, { body: rating() });
      assert.equal(reply.status, 500);
      assert.equal(reply.body.error.code, 'internal');
      assert.ok(!reply.text.includes('Nguyễn'));
    } finally {
      await running.close();
    }
  });
});
