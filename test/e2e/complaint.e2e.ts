// <svc-complaint> and <svc-complaint-status> in a real Chromium against the real collector:
// filed offline and delivered once, the collector's tracking code replacing the temporary one;
// the draft across a real reload; the agency's answer (an XSS payload) shown as text; and the
// Open311 transport filing into the collector's own GeoReport v2 routes, in JSON and in XML.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launch, pageEvents, recordingPage, until } from './support/browser.js';
import { ADMIN_TOKEN, startCollector, type RealCollector } from './support/collector.js';

let collector: RealCollector;
let browser: Browser;
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

before(async () => {
  collector = await startCollector();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await collector?.close();
});

async function open(): Promise<Page> {
  const page = await recordingPage(browser);
  await page.goto(`${collector.origin}/test/e2e/pages/complaint.html`);
  await page.locator('svc-complaint').evaluate((el) => ((el as HTMLElement & { endpoint: string }).endpoint = '/'));
  return page;
}

/** The drafts the page's origin keeps in IndexedDB, each as JSON. */
const drafts = (page: Page) =>
  page.evaluate(async () => {
    const open = indexedDB.open('svc-feedback-drafts');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains('entries')) return [];
      return await new Promise<string[]>((resolve) => {
        const reading = db.transaction('entries').objectStore('entries').getAll();
        reading.onsuccess = () => resolve(reading.result.map((value) => JSON.stringify(value)));
      });
    } finally {
      db.close();
    }
  });

const storedComplaint = async (id: string) => (await collector.records()).find((record) => record.id === id);

describe('complaint end to end (real collector)', () => {
  it('filed offline: a temporary code at once, delivered once online, then the code the collector stored', async () => {
    const page = await open();
    await page.context().setOffline(true);
    await page.locator('svc-complaint #category-fees').check();
    await page.locator('svc-complaint #description').fill(`Thu phí sao y cao hơn mức niêm yết. ${XSS}`);
    await page.locator('svc-complaint button[type="submit"]').click();
    await until(async () => (await pageEvents(page)).some((event) => event.type === 'svc-queued'), 'svc-queued');
    const id = (await pageEvents(page)).find((event) => event.type === 'svc-queued')!.detail.record.id as string;
    assert.equal(await page.locator('svc-complaint .code').innerText(), id);
    assert.match(await page.locator('svc-complaint .done').innerText(), /mã tạm thời/);
    assert.equal(await storedComplaint(id), undefined);
    await page.context().setOffline(false);
    await until(async () => (await storedComplaint(id)) !== undefined, 'delivery after online');
    const stored = (await storedComplaint(id))!;
    assert.match(stored.trackingCode ?? '', /^[0-9A-HJKMNP-TV-Z]{10}$/);
    await page.locator('svc-complaint .code', { hasText: stored.trackingCode! }).waitFor();
    assert.equal(await page.locator('svc-complaint .code').innerText(), stored.trackingCode);
    assert.equal((await collector.records()).filter((record) => record.id === id).length, 1);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    await page.context().close();
  });

  it('the agency\'s answer is shown as text on the status page, never as HTML', async () => {
    const page = await open();
    await page.locator('svc-complaint #category-attitude').check();
    await page.locator('svc-complaint #description').fill('Cán bộ quầy 2 trả lời thiếu tôn trọng.');
    await page.locator('svc-complaint button[type="submit"]').click();
    await until(async () => (await pageEvents(page)).some((event) => event.type === 'svc-sent'), 'svc-sent');
    const code = (await pageEvents(page)).find((event) => event.type === 'svc-sent')!.detail.trackingCode as string;
    const patched = await fetch(`${collector.origin}/v1/complaints/${code}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'resolved', response: `Đã nhắc nhở cán bộ. ${XSS}` }),
    });
    assert.equal(patched.status, 200);
    await page.goto(`${collector.origin}/demo/status.html`);
    await page.locator('svc-complaint-status #code').fill(code);
    await page.locator('svc-complaint-status #code').press('Enter');
    await page.locator('svc-complaint-status .response').waitFor();
    assert.equal(await page.locator('svc-complaint-status .response').innerText(), `Đã nhắc nhở cán bộ. ${XSS}`);
    assert.equal(await page.locator('svc-complaint-status .response img').count(), 0);
    assert.match(await page.locator('svc-complaint-status .status').innerText(), /Đã giải quyết/);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    await page.context().close();
  });

  it('the draft survives a real reload and is gone once the complaint is queued', async () => {
    const page = await open();
    await page.locator('svc-complaint #category-attitude').check();
    await page.locator('svc-complaint #description').fill('Cán bộ quầy 2 trả lời thiếu tôn trọng.');
    // The draft is written a moment after the last change (the category may be written first,
    // alone): wait for the one holding the description.
    await until(async () => (await drafts(page)).some((draft) => draft.includes('thiếu tôn trọng')), 'the draft written');
    await page.reload();
    await page.locator('svc-complaint .notice').waitFor();
    assert.equal(await page.locator('svc-complaint #description').inputValue(), 'Cán bộ quầy 2 trả lời thiếu tôn trọng.');
    assert.equal(await page.locator('svc-complaint #category-attitude').isChecked(), true);
    await page.locator('svc-complaint').evaluate((el) => ((el as HTMLElement & { endpoint: string }).endpoint = '/'));
    await page.locator('svc-complaint button[type="submit"]').click();
    await page.locator('svc-complaint .done').waitFor();
    await until(async () => (await drafts(page)).length === 0, 'the draft cleared');
    await page.reload();
    await page.locator('svc-complaint #description').waitFor();
    assert.equal(await page.locator('svc-complaint #description').inputValue(), '');
    assert.equal(await page.locator('svc-complaint .notice').count(), 0);
    await page.context().close();
  });

  it('transport="open311" files into the collector\'s GeoReport v2 routes, once, under the record id', async () => {
    const page = await recordingPage(browser);
    await page.goto(`${collector.origin}/test/e2e/pages/complaint.html`);
    await page.locator('svc-complaint').evaluate((el) => {
      el.setAttribute('transport', 'open311');
      el.setAttribute('jurisdiction-id', 'e2e-agency');
      el.setAttribute('endpoint', '/open311/v2');
    });
    await page.locator('svc-complaint #category-procedure').check();
    await page.locator('svc-complaint #description').fill('Hồ sơ bị trả lại ba lần vì thiếu giấy tờ không có trong danh mục.');
    await page.locator('svc-complaint button[type="submit"]').click();
    await until(async () => (await pageEvents(page)).some((event) => event.type === 'svc-sent'), 'svc-sent');
    const events = await pageEvents(page);
    const id = events.find((event) => event.type === 'svc-queued')!.detail.record.id as string;
    const code = events.find((event) => event.type === 'svc-sent')!.detail.trackingCode as string;
    const stored = (await storedComplaint(id))!;
    assert.equal(stored.trackingCode, code);
    assert.equal(stored['category'], 'procedure');
    const request = (await (await fetch(`${collector.origin}/open311/v2/requests/${code}.json`)).json()) as Array<{ service_request_id: string; status: string }>;
    assert.deepEqual([request[0]!.service_request_id, request[0]!.status], [code, 'open']);
    await page.context().close();
  });

  it('transport="open311" format="xml" posts to requests.xml and reads the collector\'s XML answer', async () => {
    const page = await recordingPage(browser);
    await page.goto(`${collector.origin}/test/e2e/pages/complaint.html`);
    await page.locator('svc-complaint').evaluate((el) => {
      el.setAttribute('transport', 'open311');
      el.setAttribute('format', 'xml');
      el.setAttribute('jurisdiction-id', 'e2e-agency-xml');
      el.setAttribute('endpoint', '/open311/v2');
    });
    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posted.push(new URL(request.url()).pathname);
    });
    await page.locator('svc-complaint #category-fees').check();
    await page.locator('svc-complaint #description').fill('Thu phí chứng thực cao hơn mức niêm yết, gửi bằng XML.');
    await page.locator('svc-complaint button[type="submit"]').click();
    await until(async () => (await pageEvents(page)).some((event) => event.type === 'svc-sent'), 'svc-sent');
    const events = await pageEvents(page);
    const id = events.find((event) => event.type === 'svc-queued')!.detail.record.id as string;
    const code = events.find((event) => event.type === 'svc-sent')!.detail.trackingCode as string;
    assert.match(code, /^[0-9A-HJKMNP-TV-Z]{10}$/, 'the service_request_id read from the XML answer');
    assert.deepEqual(posted, ['/open311/v2/requests.xml']);
    const stored = (await storedComplaint(id))!;
    assert.equal(stored.trackingCode, code);
    assert.equal(stored['agency'], 'e2e-agency-xml');
    const xml = await (await fetch(`${collector.origin}/open311/v2/requests.xml?service_request_id=${code}`)).text();
    assert.match(xml, new RegExp(`<service_request_id>${code}</service_request_id>\\s*<status>open</status>`));
    await page.context().close();
  });
});
