// The outbox after trouble: 150 ratings through <svc-rating> while half of the requests fail
// (500s, reset connections, lost acknowledgements: stored, then a 500) and the collector is out
// for 10 s. No reload helps here: the page must drain its own backlog. Every queued record is
// stored within 60 s of the last submission, and the page hears each acknowledged once.
// DRAIN_SUBMISSIONS and DRAIN_SEED change the run.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launch, until } from './support/browser.js';
import { startChaosProxy, type ChaosProxy } from './support/chaos-proxy.js';
import { startCollector, type RealCollector } from './support/collector.js';

const SUBMISSIONS = Number(process.env['DRAIN_SUBMISSIONS'] ?? 150);
const SEED = Number(process.env['DRAIN_SEED'] ?? 20261201);
const OUTAGE_MS = 10_000;
const DRAIN_LIMIT_MS = 60_000;

let collector: RealCollector;
let proxy: ChaosProxy;
let browser: Browser;

before(async () => {
  collector = await startCollector();
  // Half of the submissions fail, in three ways; none is merely slow.
  proxy = await startChaosProxy(collector.origin, SEED, { error500: 0.2, reset: 0.15, lostAck: 0.15, delay: 0 });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await proxy?.close();
  await collector?.close();
});

async function storedIds(): Promise<Set<string>> {
  return new Set((await collector.records()).filter((record) => record.agency === 'chaos').map((record) => record.id));
}

/** Rates once through the element; resolves once it says the record is queued, ready for the next. */
function rateOnce(page: Page, score: number): Promise<void> {
  return page.evaluate(async (score) => {
    const el = document.querySelector('svc-rating') as HTMLElement & { startOver(): void; updateComplete: Promise<unknown> };
    await el.updateComplete;
    const root = el.shadowRoot!;
    const queued = new Promise((resolve) => el.addEventListener('svc-queued', resolve, { once: true }));
    root.querySelectorAll<HTMLInputElement>('input[name="score"]')[score - 1]!.click();
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await queued;
    // The thank-you shows just after svc-queued; start over from there.
    while (!root.querySelector('.thanks')) await new Promise((done) => requestAnimationFrame(done));
    el.startOver();
    await el.updateComplete;
  }, score);
}

it(`drain: ${SUBMISSIONS} ratings, half the requests failing and a 10 s outage — all stored within 60 s of the last, each acknowledged once`, { timeout: 300_000 }, async () => {
  const context = await browser.newContext();
  await context.addInitScript('window.__name = (fn) => fn;');
  const queued: string[] = [];
  const sent = new Map<string, number>();
  await context.exposeBinding('svcQueued', (_source, id: string) => void queued.push(id));
  await context.exposeBinding('svcSent', (_source, id: string) => void sent.set(id, (sent.get(id) ?? 0) + 1));
  await context.addInitScript(() => {
    const page = window as unknown as { svcQueued(id: string): void; svcSent(id: string): void };
    // Element events bubble to the document; those of records whose element is gone are dispatched on it.
    document.addEventListener('svc-queued', (event) => page.svcQueued((event as CustomEvent).detail.record.id));
    document.addEventListener('svc-sent', (event) => page.svcSent((event as CustomEvent).detail.id));
  });
  const page = await context.newPage();
  await page.goto(`${proxy.origin}/test/e2e/pages/chaos.html`);
  await page.waitForFunction(() => document.querySelector('svc-rating')?.shadowRoot?.querySelector('form'));
  const outageAt = Math.floor(SUBMISSIONS / 2);
  let outageEnds: Promise<void> = Promise.resolve();
  for (let index = 0; index < SUBMISSIONS; index++) {
    if (index === outageAt) {
      proxy.setOutage(true);
      outageEnds = new Promise((done) => setTimeout(() => (proxy.setOutage(false), done()), OUTAGE_MS));
    }
    await rateOnce(page, 1 + (index % 5));
  }
  const last = Date.now();
  assert.equal(queued.length, SUBMISSIONS, 'every submission was queued');
  await until(async () => [...queued].every((id) => sent.has(id)), 'every queued record acknowledged to the page', DRAIN_LIMIT_MS + OUTAGE_MS);
  const drained = Date.now() - last;
  await outageEnds;
  const stored = await storedIds();
  const s = proxy.stats;
  console.log(
    `drain: seed=${SEED} queued=${queued.length} stored=${stored.size} drained ${(drained / 1000).toFixed(1)} s after the last submission ` +
      `faults={requests:${s.requests}, passed:${s.passed}, 500:${s.error500}, reset:${s.reset}, lostAck:${s.lostAck}, outage:${s.outage}}`,
  );
  assert.ok(drained <= DRAIN_LIMIT_MS, `drained ${drained} ms after the last submission (limit ${DRAIN_LIMIT_MS})`);
  assert.deepEqual(queued.filter((id) => !stored.has(id)), [], 'every queued record is stored');
  assert.equal(stored.size, SUBMISSIONS);
  assert.deepEqual([...sent].filter(([, times]) => times !== 1), [], 'each record acknowledged to the page once');
  // Faults happened at the rates asked for, and the outage was felt.
  assert.ok(s.error500 > 0 && s.reset > 0 && s.lostAck > 0 && s.outage > 0, JSON.stringify(s));
  await context.close();
});
