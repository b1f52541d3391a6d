// A page that ends with its request in flight: the outbox must still hold the records, because
// only the collector's acknowledgement removes them. A proxy keeps the submission in flight
// (received, never forwarded), the page is closed or crashed, the proxy drops what it held (the
// collector never saw it), and the next page load delivers the records. Real collector, real
// Chromium, real IndexedDB.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, until } from './support/browser.js';
import { startChaosProxy, type ChaosProxy } from './support/chaos-proxy.js';
import { startCollector, type RealCollector } from './support/collector.js';

let collector: RealCollector;
let proxy: ChaosProxy;
let browser: Browser;

before(async () => {
  collector = await startCollector();
  proxy = await startChaosProxy(collector.origin, 1, { error500: 0, reset: 0, lostAck: 0, delay: 0 });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await proxy?.close();
  await collector?.close();
});

async function open(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${proxy.origin}/test/e2e/pages/chaos.html`);
  await page.waitForFunction(() => document.querySelector('svc-rating')?.shadowRoot?.querySelector('form'));
  return page;
}

/** Rates through the element; resolves with the record's id once it is queued. */
function rate(page: Page, score: number): Promise<string> {
  return page.evaluate(async (score) => {
    const el = document.querySelector('svc-rating') as HTMLElement & { startOver(): void; updateComplete: Promise<unknown> };
    await el.updateComplete;
    const root = el.shadowRoot!;
    const queued = new Promise<string>((resolve) =>
      el.addEventListener('svc-queued', (event) => resolve((event as CustomEvent).detail.record.id), { once: true }),
    );
    root.querySelectorAll<HTMLInputElement>('input[name="score"]')[score - 1]!.click();
    await el.updateComplete;
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const id = await queued;
    // The thank-you shows just after svc-queued; start over from there.
    while (!root.querySelector('.thanks')) await new Promise((done) => requestAnimationFrame(done));
    el.startOver();
    await el.updateComplete;
    return id;
  }, score);
}

const ends: Record<string, (page: Page) => Promise<void>> = {
  // Closing runs pagehide: its keepalive copy of the batch is held (and dropped) too.
  closed: (page) => page.close(),
  crashed: async (page) => {
    const crashed = new Promise<void>((done) => page.once('crash', () => done()));
    const cdp = await page.context().newCDPSession(page);
    void cdp.send('Page.crash').catch(() => {});
    await crashed;
    await page.close();
  },
};

describe('a page ended with its request in flight', () => {
  for (const [how, end] of Object.entries(ends)) {
    it(`${how} mid-request: the records are delivered after the next load, once`, async () => {
      const context = await browser.newContext();
      const page = await open(context);
      proxy.hold(true);
      const ids = [await rate(page, 4), await rate(page, 2)];
      // Both records are in a request that reached the proxy and will never be answered.
      await until(() => proxy.held() >= 1, 'a submission in flight');
      await end(page);
      // A closed page's pagehide sends a keepalive copy: under load it reaches the proxy late,
      // and must be held too, or it would deliver the records before the next load does.
      if (how === 'closed') await until(() => proxy.held() >= 2, 'the keepalive copy in flight');
      proxy.dropHeld();
      proxy.hold(false);
      const before = new Set((await collector.records()).map((record) => record.id));
      assert.deepEqual(ids.filter((id) => before.has(id)), [], 'the collector never saw them');

      const next = await open(context);
      await until(async () => {
        const stored = new Set((await collector.records()).map((record) => record.id));
        return ids.every((id) => stored.has(id));
      }, 'delivery after the next load');
      // The next page heard the acknowledgements (its element is not theirs: on document) and emptied the outbox.
      await until(
        () => next.evaluate(async () => {
          const request = indexedDB.open('svc-feedback-outbox');
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          const count = await new Promise<number>((resolve) => {
            const counting = db.transaction('entries').objectStore('entries').count();
            counting.onsuccess = () => resolve(counting.result);
          });
          db.close();
          return count === 0;
        }),
        'the outbox emptied',
      );
      const stored = (await collector.records()).filter((record) => ids.includes(record.id));
      assert.equal(stored.length, ids.length);
      await context.close();
    });
  }
});
