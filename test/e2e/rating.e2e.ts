// The citizen bundle in a real Chromium against the real collector (PGlite): offline and back,
// a reload with a record still queued, the bundle loaded twice, the poster printed on one A4
// page; screenshots of the demo pages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launch, until, recordingPage, pageEvents } from './support/browser.js';
import { startCollector, type RealCollector } from './support/collector.js';

let server: RealCollector;
let browser: Browser;

const newPage = () => recordingPage(browser);
const events = pageEvents;

async function rate(page: Page, endpoint: string, score: number): Promise<string> {
  await page.locator('svc-rating').evaluate((el, url) => ((el as HTMLElement & { endpoint: string }).endpoint = url), endpoint);
  await page.locator('svc-rating input[name="score"]').nth(score - 1).check();
  await page.locator('svc-rating button[type="submit"]').click();
  await until(async () => (await events(page)).some((event) => event.type === 'svc-queued'), 'svc-queued');
  return (await events(page)).find((event) => event.type === 'svc-queued')!.detail.record.id;
}

before(async () => {
  server = await startCollector();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The records the collector stored with these ids. */
const storedOf = async (ids: string[]) => (await server.records()).filter((record) => ids.includes(record.id));
/** How many records of the page's agency the collector holds. */
const storedCount = async () => (await server.records()).filter((record) => record.agency === 'e2e-agency').length;

describe('citizen bundle end to end (real collector)', () => {
  it('offline: queued, thanked at once, delivered exactly once after coming back online', async () => {
    const endpoint = '/';
    const before = await storedCount();
    const page = await newPage();
    await page.goto(`${server.origin}/test/e2e/pages/rating.html`);
    await page.context().setOffline(true);
    const id = await rate(page, endpoint, 4);
    await page.locator('svc-rating .thanks-status').waitFor();
    assert.match(await page.locator('svc-rating .thanks-status').innerText(), /sẽ tự động gửi khi có kết nối/);
    assert.equal(await storedCount(), before);
    await page.context().setOffline(false);
    await until(async () => (await storedOf([id])).length === 1, 'delivery after online');
    assert.equal(await storedCount(), before + 1);
    await page.locator('svc-rating .thanks-status', { hasText: 'Đánh giá đã được gửi tới cơ quan.' }).waitFor();
    await page.context().close();
  });

  it('reload with a record queued: delivered after the reload, once, svc-sent on document', async () => {
    const endpoint = '/';
    const before = await storedCount();
    const page = await newPage();
    await page.goto(`${server.origin}/test/e2e/pages/rating.html`);
    // The collector is unreachable during this page life.
    let refused = 0;
    await page.route('**/v1/submissions', (route) => (refused++, route.abort('connectionrefused')));
    const id = await rate(page, endpoint, 5);
    await until(() => refused > 0, 'a refused delivery attempt');
    assert.equal(await storedCount(), before);
    await page.unroute('**/v1/submissions');
    await page.reload();
    await until(async () => (await storedOf([id])).length === 1, 'delivery after reload');
    await until(async () => (await events(page)).some((event) => event.type === 'svc-sent'), 'svc-sent on document');
    const sent = (await events(page)).find((event) => event.type === 'svc-sent')!;
    assert.equal(sent.detail.id, id);
    assert.equal(await storedCount(), before + 1);
    await page.context().close();
  });

  it('loading the bundle twice on one page throws nothing, and the elements work', async () => {
    const page = await newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`${server.origin}/test/e2e/pages/twice.html`);
    await page.waitForFunction(() => document.querySelector('svc-rating')?.shadowRoot?.querySelector('form'));
    const modules = await page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('service-feedback.js')).length);
    assert.equal(modules, 2, 'both copies were loaded');
    assert.equal(await page.locator('svc-standards .text').count(), 10);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('the standards poster prints on one A4 page', async () => {
    const page = await newPage();
    await page.goto(`${server.origin}/demo/poster.html`);
    await page.waitForFunction(() => document.querySelector('svc-standards')?.shadowRoot?.querySelectorAll('.item').length === 10);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    assert.equal(pages.length, 1, `the poster took ${pages.length} pages`);
    await page.context().close();
  });

  it('screenshots of the demo pages (for people to look at: test-results/screenshots)', async () => {
    await mkdir('test-results/screenshots', { recursive: true });
    const page = await newPage();
    for (const [name, width, height] of [
      ['portal', 1280, 1500],
      ['portal-phone', 390, 1800],
      ['kiosk', 1024, 768],
      ['poster', 900, 1200],
      ['en', 1280, 1300],
      ['complaint', 1280, 1700],
      ['status', 1024, 700],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(`${server.origin}/demo/${name.replace('-phone', '') === 'portal' ? 'index' : name}.html`);
      await page.waitForFunction(() => [...document.querySelectorAll('svc-rating, svc-standards')].every((el) => el.shadowRoot?.childElementCount));
      await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
    }
    await page.context().close();
  });
});
