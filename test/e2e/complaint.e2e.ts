// <svc-complaint> in a real Chromium: filed offline and delivered once when back online, with the
// collector's tracking code replacing the temporary one; the draft survives a real reload.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { fakeCollector, launch, pageEvents, recordingPage, until } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(endpoint: string): Promise<Page> {
  const page = await recordingPage(browser);
  await page.goto(`${server.origin}/test/e2e/pages/complaint.html`);
  await page.locator('svc-complaint').evaluate((el, url) => ((el as HTMLElement & { endpoint: string }).endpoint = url), endpoint);
  return page;
}

describe('complaint end to end', () => {
  it('filed offline: a temporary code at once, delivered exactly once online, then the real code', async () => {
    const { endpoint, state } = await fakeCollector(server.origin);
    const page = await open(endpoint);
    await page.context().setOffline(true);
    await page.locator('svc-complaint #category-fees').check();
    await page.locator('svc-complaint #description').fill('Thu phí sao y bản chính cao hơn mức niêm yết.');
    await page.locator('svc-complaint button[type="submit"]').click();
    await until(async () => (await pageEvents(page)).some((event) => event.type === 'svc-queued'), 'svc-queued');
    const id = (await pageEvents(page)).find((event) => event.type === 'svc-queued')!.detail.record.id as string;
    assert.equal(await page.locator('svc-complaint .code').innerText(), id);
    assert.match(await page.locator('svc-complaint .done').innerText(), /mã tạm thời/);
    await new Promise((done) => setTimeout(done, 400));
    assert.equal((await state()).stored.length, 0);
    await page.context().setOffline(false);
    await until(async () => (await state()).stored.length === 1, 'delivery after online');
    const expected = `TC${id.slice(0, 8).toUpperCase()}`; // the fake collector's tracking code for this id
    await page.locator('svc-complaint .code', { hasText: expected }).waitFor();
    await new Promise((done) => setTimeout(done, 400));
    const final = await state();
    assert.deepEqual(final.stored.map((record) => record.id), [id]);
    await page.context().close();
  });

  it('the draft survives a real reload and is gone once the complaint is queued', async () => {
    const { endpoint } = await fakeCollector(server.origin);
    const page = await open(endpoint);
    await page.locator('svc-complaint #category-attitude').check();
    await page.locator('svc-complaint #description').fill('Cán bộ quầy 2 trả lời thiếu tôn trọng.');
    await new Promise((done) => setTimeout(done, 600));
    await page.reload();
    await page.locator('svc-complaint .notice').waitFor();
    assert.equal(await page.locator('svc-complaint #description').inputValue(), 'Cán bộ quầy 2 trả lời thiếu tôn trọng.');
    assert.equal(await page.locator('svc-complaint #category-attitude').isChecked(), true);
    await page.locator('svc-complaint').evaluate((el, url) => ((el as HTMLElement & { endpoint: string }).endpoint = url), endpoint);
    await page.locator('svc-complaint button[type="submit"]').click();
    await page.locator('svc-complaint .done').waitFor();
    await page.reload();
    await page.locator('svc-complaint #description').waitFor();
    await new Promise((done) => setTimeout(done, 300));
    assert.equal(await page.locator('svc-complaint #description').inputValue(), '');
    assert.equal(await page.locator('svc-complaint .notice').count(), 0);
    await page.context().close();
  });
});
