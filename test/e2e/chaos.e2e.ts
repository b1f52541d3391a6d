// Chaos: hundreds of ratings and complaints submitted through the elements while the page is
// reloaded at random moments and a fault-injecting proxy stands between page and collector
// (500s, resets, lost acknowledgements, delays, a full outage). The collector must end with
// exactly the ids the page queued (none lost), and the page must hear no record acknowledged
// twice (a primary key keeps the store free of repeats whatever the client does, so doubles are
// counted where they could happen: in the acknowledgements the page sees). Seeded and bounded in time.
// CHAOS_SUBMISSIONS and CHAOS_SEED change the run (npm run test:chaos runs a long one).
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createCollector, type Collector } from '../../src/collector.js';
import { launch, until } from './support/browser.js';
import { startChaosProxy, type ChaosProxy } from './support/chaos-proxy.js';
import { prng } from '../support/prng.js';
import { pgliteDatabase } from '../support/collector.js';

const SUBMISSIONS = Number(process.env['CHAOS_SUBMISSIONS'] ?? 100);
const SEED = Number(process.env['CHAOS_SEED'] ?? 20261130);
const ADMIN = 'chaos-admin-token';

let collector: Collector;
let collectorUrl: string;
let proxy: ChaosProxy;
let browser: Browser;
let dataDir: string;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'svc-chaos-'));
  collector = createCollector({
    config: { database: pgliteDatabase(dataDir), rateLimit: 0, adminToken: ADMIN, logLevel: 'silent', host: '127.0.0.1' },
    static: [
      { prefix: '/dist/', dir: 'dist' },
      { prefix: '/test/', dir: 'test' },
    ],
  });
  collectorUrl = (await collector.listen(0, '127.0.0.1')).url;
  proxy = await startChaosProxy(collectorUrl, SEED, { error500: 0.12, reset: 0.08, lostAck: 0.12, delay: 0.15 });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await proxy?.close();
  await collector?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function storedIds(): Promise<string[]> {
  const response = await fetch(`${collectorUrl.replace(/\/$/, '')}/v1/records`, { headers: { Authorization: `Bearer ${ADMIN}` } });
  assert.equal(response.status, 200);
  const records = (await response.json()) as Array<{ id: string; agency: string }>;
  return records.filter((record) => record.agency === 'chaos').map((record) => record.id);
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    ['svc-rating', 'svc-complaint'].every((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('form')),
  );
}

/** Fills and sends one element; resolves once it says the record is queued. */
function submitOne(page: Page, kind: 'rating' | 'complaint', score: number): Promise<void> {
  return page.evaluate(
    async ({ kind, score }) => {
      const el = document.querySelector(kind === 'rating' ? 'svc-rating' : 'svc-complaint') as HTMLElement & {
        startOver(): void;
        updateComplete: Promise<unknown>;
      };
      await el.updateComplete;
      const root = el.shadowRoot!;
      const queued = new Promise((resolve) => el.addEventListener('svc-queued', resolve, { once: true }));
      if (kind === 'rating') {
        root.querySelectorAll<HTMLInputElement>('input[name="score"]')[score - 1]!.click();
      } else {
        root.querySelector<HTMLInputElement>('#category-delay')!.click();
        const description = root.querySelector<HTMLTextAreaElement>('#description')!;
        description.value = `Chaos complaint, score ${score}: waited too long at the counter.`;
        description.dispatchEvent(new InputEvent('input'));
      }
      await new Promise((done) => requestAnimationFrame(done));
      root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await queued;
      // The element shows its thank-you just after svc-queued; start over from there.
      while (!root.querySelector('.thanks, .done')) await new Promise((done) => setTimeout(done, 10));
      el.startOver();
      await el.updateComplete;
    },
    { kind, score },
  );
}

it(`chaos: ${SUBMISSIONS} submissions, random reloads, faults and an outage — nothing lost, nothing doubled`, { timeout: 600_000 }, async () => {
  const random = prng(SEED ^ 0x5eed);
  const context: BrowserContext = await browser.newContext();
  await context.addInitScript('window.__name = (fn) => fn;');
  const queued = new Set<string>();
  let queuedEvents = 0;
  await context.exposeBinding('svcReport', (_source, id: string) => {
    queuedEvents++;
    queued.add(id);
  });
  const acknowledged = new Map<string, number>();
  await context.exposeBinding('svcSent', (_source, id: string) => void acknowledged.set(id, (acknowledged.get(id) ?? 0) + 1));
  await context.addInitScript(() => {
    const page = window as unknown as { svcReport(id: string): void; svcSent(id: string): void };
    document.addEventListener('svc-queued', (event) => page.svcReport((event as CustomEvent).detail.record.id));
    document.addEventListener('svc-sent', (event) => page.svcSent((event as CustomEvent).detail.id));
  });
  const page = await context.newPage();
  await page.goto(`${proxy.origin}/test/e2e/pages/chaos.html`);
  await ready(page);
  const started = Date.now();
  let reloads = 0;
  const outageAt = Math.floor(SUBMISSIONS / 3);
  for (let index = 0; index < SUBMISSIONS; index++) {
    if (index === outageAt) {
      proxy.setOutage(true);
      setTimeout(() => proxy.setOutage(false), 2000);
    }
    await submitOne(page, random() < 0.6 ? 'rating' : 'complaint', 1 + Math.floor(random() * 5));
    if (random() < 0.12) {
      // Reload while deliveries are in flight, at a random moment after the last queue.
      await new Promise((done) => setTimeout(done, Math.floor(random() * 400)));
      await page.reload();
      await ready(page);
      reloads++;
    }
  }
  proxy.calm();
  // Drain: a page load always sends whatever is waiting, whatever its backoff.
  const drainStarted = Date.now();
  await until(
    async () => {
      const stored = new Set(await storedIds());
      if ([...queued].every((id) => stored.has(id))) return true;
      await page.reload();
      await ready(page);
      await new Promise((done) => setTimeout(done, 1500));
      return false;
    },
    'every queued record to reach the collector',
    120_000,
  );
  const stored = await storedIds();
  const unique = new Set(stored);
  const missing = [...queued].filter((id) => !unique.has(id));
  const extra = [...unique].filter((id) => !queued.has(id));
  // Across page lives: a page may end between the acknowledgement and its event (then no page
  // hears it), but no record may be acknowledged twice.
  const twice = [...acknowledged].filter(([, times]) => times > 1).map(([id]) => id);
  const s = proxy.stats;
  console.log(
    `chaos: seed=${SEED} submitted=${SUBMISSIONS} queued=${queued.size} stored=${unique.size} acknowledged=${acknowledged.size} twice=${twice.length} ` +
      `missing=${missing.length} extra=${extra.length} reloads=${reloads} ` +
      `faults={requests:${s.requests}, 500:${s.error500}, reset:${s.reset}, lostAck:${s.lostAck}, delayed:${s.delayed}, outage:${s.outage}} ` +
      `time=${((Date.now() - started) / 1000).toFixed(1)}s (drain ${((Date.now() - drainStarted) / 1000).toFixed(1)}s)`,
  );
  assert.equal(queuedEvents, SUBMISSIONS, 'every submission was queued once');
  assert.equal(queued.size, SUBMISSIONS);
  assert.deepEqual(missing, []);
  assert.deepEqual(extra, []);
  assert.equal(stored.length, unique.size);
  assert.deepEqual(twice, [], 'no record acknowledged twice');
  assert.ok(s.error500 + s.reset + s.lostAck + s.outage > 0, 'faults were injected');
  await context.close();
});
