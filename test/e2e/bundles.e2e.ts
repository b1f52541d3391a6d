// The citizen CDN entries in a real Chromium against the real collector, under the strict host
// policy of CONTRACT §1: what each entry asks for when a page loads (the lists scripts/size.mjs
// sums and docs/pages/numbers.md states), and a lazily loaded part whose fetch fails — the
// element waits for it, it is fetched again under a new query, and nothing is lost.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { AT_LOAD, partName } from '../../scripts/size.mjs';
import { launch, pageEvents, recordingPage, until } from './support/browser.js';
import { startCollector, type RealCollector } from './support/collector.js';

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html svc-feedback";

let server: RealCollector;
let browser: Browser;

before(async () => {
  server = await startCollector((path): Record<string, string> => (path.endsWith('.html') ? { 'Content-Security-Policy': STRICT_CSP } : {}));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

interface Watched {
  page: Page;
  /** Console errors, page errors and CSP violations. */
  problems: string[];
  /** Every URL the page asked for (path and query). */
  requests: string[];
}

async function watched(): Promise<Watched> {
  const page = await recordingPage(browser);
  const problems: string[] = [];
  const requests: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    requests.push(url.pathname + url.search);
  });
  return { page, problems, requests };
}

/** The chunks a page asked for, by part name (`delivery`, `rating-vi`), in request order. */
const partsRequested = (requests: string[]) => requests.filter((path) => path.startsWith('/dist/cdn/chunks/')).map((path) => partName(path.split('?')[0]!));

describe('what the citizen CDN entries load', () => {
  for (const { entry, page: what, html, parts } of AT_LOAD) {
    it(`${entry.replace('dist/cdn/', '')} with ${what}: the entry, then ${parts.join(', ')} — each once, nothing else`, async () => {
      const { page, problems, requests } = await watched();
      await page.goto(`${server.origin}/${html}`);
      await page.waitForLoadState('networkidle');
      const tags = await page.evaluate(() => [...document.querySelectorAll('main > *')].filter((el) => el.localName.startsWith('svc-')).map((el) => el.localName));
      for (const tag of tags) {
        // Drawn, with the words of the page's language.
        assert.ok(await page.evaluate((name) => (document.querySelector(name)!.shadowRoot?.textContent ?? '').trim().length > 0, tag), `${tag} is drawn`);
      }
      assert.ok(requests.includes(`/${entry}`), `${entry} requested`);
      assert.deepEqual([...partsRequested(requests)].sort(), [...parts].sort());
      assert.deepEqual(problems, []);
      await page.context().close();
    });
  }
});

describe('a part whose fetch fails', () => {
  it('the delivery part cannot be fetched: the rating waits undrawn, is fetched again under ?retry=, then rates and delivers once', async () => {
    const { page, requests } = await watched();
    let blocked = true;
    await page.route(/\/dist\/cdn\/chunks\/delivery-[^/]*\.js/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(`${server.origin}/test/e2e/pages/rating-only.html`);
    await until(() => partsRequested(requests).includes('delivery'), 'the delivery part asked for on connect');
    await page.waitForTimeout(500);
    // No form the citizen could fill that could not be stored: the element waits for the part.
    assert.equal(await page.locator('svc-rating input[name="score"]').count(), 0, 'not drawn without its delivery part');
    blocked = false;
    // Fetched again by the part's own retry timer (1 s, 2 s, …), under a new query.
    await page.locator('svc-rating input[name="score"]').first().waitFor({ timeout: 15_000 });
    const delivery = requests.filter((path) => path.includes('/chunks/delivery-'));
    assert.ok(delivery.length >= 2 && !delivery[0]!.includes('?') && delivery.slice(1).every((path) => /\?retry=\d+$/.test(path)), delivery.join(', '));
    await page.locator('svc-rating input[name="score"]').nth(3).check();
    await page.locator('svc-rating button[type="submit"]').click();
    await until(async () => (await pageEvents(page)).some((event) => event.type === 'svc-queued'), 'svc-queued');
    const id = (await pageEvents(page)).find((event) => event.type === 'svc-queued')!.detail.record.id as string;
    await until(async () => (await server.records()).filter((record) => record.id === id).length === 1, 'delivered');
    await page.locator('svc-rating .thanks-status', { hasText: 'Đánh giá đã được gửi tới cơ quan.' }).waitFor();
    assert.equal((await server.records()).filter((record) => record.id === id).length, 1);
    await page.context().close();
  });

  it('the strings fail to come (the page went offline just then): fetched again under ?retry= once online, then drawn', async () => {
    const { page, requests } = await watched();
    let first = true;
    await page.route(/\/dist\/cdn\/chunks\/rating-vi-[^/]*\.js/, async (route) => {
      if (!first) return route.continue();
      first = false;
      await page.context().setOffline(true);
      return route.abort('internetdisconnected');
    });
    await page.goto(`${server.origin}/test/e2e/pages/rating-only.html`);
    await until(() => !first, 'the strings asked for on connect');
    await page.waitForTimeout(1500);
    assert.equal(await page.locator('svc-rating input[name="score"]').count(), 0, 'not drawn without its words');
    await page.context().setOffline(false);
    await page.locator('svc-rating input[name="score"]').first().waitFor({ timeout: 15_000 });
    assert.match(await page.locator('svc-rating legend.question').innerText(), /Quý khách có hài lòng/);
    assert.ok(requests.some((path) => /\/chunks\/rating-vi-[^?]*\?retry=\d+$/.test(path)), requests.join(', '));
    await page.context().close();
  });
});
