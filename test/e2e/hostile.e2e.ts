// The elements on hostile host pages, against the real collector: a strict CSP with Trusted Types, aggressive global CSS,
// another Lit version and idb-keyval's default store on the page, and IndexedDB refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launch, pageEvents, recordingPage, until } from './support/browser.js';
import { startCollector, type RealCollector } from './support/collector.js';

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html svc-feedback";

let server: RealCollector;
/** A 2×2 PNG: a photo to re-encode. */
const PNG_2X2 = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGMwTpsJRAwQCgAf7gTJ/qZDUgAAAABJRU5ErkJggg==';
let browser: Browser;

before(async () => {
  const folder = 'test/e2e/host/.build';
  await mkdir(folder, { recursive: true });
  await build({ entryPoints: ['test/e2e/host/host-app.ts'], bundle: true, format: 'esm', outfile: `${folder}/host-app.js`, logLevel: 'silent' });
  const page = await readFile('test/e2e/host/page.html', 'utf8');
  await writeFile(`${folder}/plain.html`, page.replace('<!--STYLES-->', ''));
  await writeFile(`${folder}/hostile.html`, page.replace('<!--STYLES-->', '<link rel="stylesheet" href="/test/e2e/host/hostile.css" />'));
  server = await startCollector((path): Record<string, string> => (path.endsWith('/csp.html') ? { 'Content-Security-Policy': STRICT_CSP } : {}));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Collects CSP violations (the event and the console) in every page life. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Trusted Type/i.test(message.text())) console.push(message.text());
  });
  page.on('pageerror', (error) => console.push(error.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations))];
}

/** Stored ids of the records a page made (agency `e2e-agency`). */
async function stored(): Promise<string[]> {
  return (await server.records()).filter((record) => record.agency === 'e2e-agency').map((record) => record.id);
}

async function submitRating(page: Page): Promise<string> {
  const rating = page.locator('svc-rating').first();
  await rating.evaluate((el) => ((el as HTMLElement & { endpoint: string }).endpoint = '/'));
  await rating.locator('input[name="score"]').nth(3).check();
  await rating.locator('button[type="submit"]').click();
  await until(async () => (await pageEvents(page)).some((event) => event.type === 'svc-sent'), 'rating delivered');
  return (await pageEvents(page)).find((event) => event.type === 'svc-sent')!.detail.id;
}

describe('hostile host pages', () => {
  it('strict CSP with Trusted Types: every element renders and submits, a photo is re-encoded, a code looked up, both dialogs open; zero violations', async () => {
    const before = (await stored()).length;
    const page = await recordingPage(browser);
    const violations = await watchViolations(page);
    await page.goto(`${server.origin}/test/e2e/pages/csp.html`);
    await page.waitForFunction(() =>
      ['svc-rating', 'svc-complaint', 'svc-complaint-status', 'svc-standards'].every((tag) => document.querySelector(tag)?.shadowRoot?.childElementCount),
    );
    await submitRating(page);
    const complaint = page.locator('svc-complaint');
    await complaint.evaluate((el) => ((el as HTMLElement & { endpoint: string }).endpoint = '/'));
    await complaint.locator('#category-other').check();
    await complaint.locator('#description').fill('Submitted under a strict Content-Security-Policy.');
    // A photo is re-encoded on the page (image decode, canvas, JPEG, FileReader) under the policy.
    await complaint.locator('#attachments').setInputFiles({ name: 'queue.png', mimeType: 'image/png', buffer: Buffer.from(PNG_2X2, 'base64') });
    await complaint.locator('.files li', { hasText: 'queue.jpg' }).waitFor();
    await complaint.locator('button[type="submit"]').click();
    await until(async () => (await stored()).length === before + 2, 'both records delivered');
    await until(async () => (await pageEvents(page)).some((event) => event.type === 'svc-sent' && event.detail.trackingCode), 'the tracking code');
    const code = (await pageEvents(page)).find((event) => event.type === 'svc-sent' && event.detail.trackingCode)!.detail.trackingCode as string;
    assert.ok((await server.records()).some((record) => record.trackingCode === code), 'the complaint is stored under its code');
    // The status lookup: a fetch to the collector and the answer drawn, under the policy.
    const status = page.locator('svc-complaint-status');
    await status.locator('#code').fill(code);
    await status.locator('button[type="submit"]').click();
    await status.locator('.result .code', { hasText: code }).waitFor();
    // The rating's own dialog (mode="button"): opened, then closed with Escape, focus back on its button.
    const buttonRating = page.locator('svc-rating[mode="button"]');
    await buttonRating.locator('button.open').click();
    await page.waitForFunction(() => document.querySelector('svc-rating[mode="button"]')!.shadowRoot!.querySelector('dialog')!.open);
    await buttonRating.locator('dialog input[name="score"]').first().waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('svc-rating[mode="button"]')!.shadowRoot!.querySelector('dialog')!.open);
    // The dialog of <svc-standards rate> and the rating inside it, too.
    await page.locator('svc-standards .rate-button').first().click();
    await page.locator('svc-standards dialog svc-rating form').waitFor();
    assert.deepEqual(await violations(), []);
    await page.context().close();
  });

  it('aggressive global CSS, another Lit version and idb-keyval\'s default store change nothing', async () => {
    const measure = async (file: string) => {
      const page = await recordingPage(browser);
      await page.goto(`${server.origin}/test/e2e/host/.build/${file}`);
      await page.waitForFunction(() => (window as unknown as { hostReady?: Promise<unknown> }).hostReady);
      assert.equal(await page.evaluate(() => (window as unknown as { hostReady: Promise<unknown> }).hostReady), 'host-value');
      await page.waitForFunction(() => ['svc-rating', 'svc-complaint', 'svc-standards'].every((tag) => document.querySelector(tag)?.shadowRoot?.childElementCount));
      const styles = await page.evaluate(() => {
        const pick = (host: string, selector: string) => {
          const node = document.querySelector(host)!.shadowRoot!.querySelector(selector)!;
          const style = getComputedStyle(node);
          const box = node.getBoundingClientRect();
          return {
            display: style.display,
            fontSize: style.fontSize,
            lineHeight: style.lineHeight,
            color: style.color,
            backgroundColor: style.backgroundColor,
            letterSpacing: style.letterSpacing,
            textTransform: style.textTransform,
            fontStyle: style.fontStyle,
            borderTopWidth: style.borderTopWidth,
            paddingTop: style.paddingTop,
            visible: box.width > 0 && box.height > 0,
            height: Math.round(box.height),
          };
        };
        return {
          question: pick('svc-rating', '.question'),
          face: pick('svc-rating', '.choice-face'),
          submit: pick('svc-rating', 'button[type="submit"]'),
          pill: pick('svc-rating', '.pill span'),
          textarea: pick('svc-complaint', '#description'),
          complaintSubmit: pick('svc-complaint', 'button[type="submit"]'),
          standard: pick('svc-standards', '.text'),
          number: pick('svc-standards', '.number'),
        };
      });
      return { page, styles };
    };
    const plain = await measure('plain.html');
    const hostile = await measure('hostile.html');
    for (const [name, style] of Object.entries(plain.styles)) {
      const other = hostile.styles[name as keyof typeof hostile.styles];
      const { height: plainHeight, ...plainRest } = style;
      const { height: hostileHeight, ...hostileRest } = other;
      assert.deepEqual(hostileRest, plainRest, `${name} is styled the same on the hostile page`);
      // Text may wrap differently in another font family (the one thing the host may change).
      if (['face', 'submit', 'pill', 'number', 'complaintSubmit'].includes(name)) assert.equal(hostileHeight, plainHeight, `${name} height`);
    }
    const versions = await hostile.page.evaluate(() => (window as unknown as { litElementVersions?: string[] }).litElementVersions);
    assert.ok(versions && new Set(versions.map((version) => version.split('.')[0])).size >= 2, `two Lit majors on the page: ${versions}`);
    const id = await submitRating(hostile.page);
    assert.ok((await stored()).includes(id));
    // The host's own default store is untouched; the library keeps to its named databases.
    const stores = await hostile.page.evaluate(async () => {
      const databases = (await indexedDB.databases()).map((db) => db.name).sort();
      const hostKeys = await new Promise<unknown[]>((resolve) => {
        const open = indexedDB.open('keyval-store');
        open.onsuccess = () => {
          const request = open.result.transaction('keyval').objectStore('keyval').getAllKeys();
          request.onsuccess = () => resolve(request.result as unknown[]);
        };
      });
      return { databases, hostKeys };
    });
    assert.deepEqual(stores.hostKeys, ['host-key']);
    assert.ok(stores.databases.includes('svc-feedback-outbox'));
    await plain.page.context().close();
    await hostile.page.context().close();
  });

  it('IndexedDB refused: the elements still submit online and tell the citizen it could not be kept', async () => {
    const page = await recordingPage(browser);
    await page.addInitScript(() => {
      IDBFactory.prototype.open = function refuse(): IDBOpenDBRequest {
        throw new DOMException('IndexedDB is blocked by policy', 'SecurityError');
      };
    });
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto(`${server.origin}/test/e2e/pages/rating.html`);
    const id = await submitRating(page);
    assert.ok((await stored()).includes(id));
    const queued = (await pageEvents(page)).find((event) => event.type === 'svc-queued')!;
    assert.equal(queued.detail.persisted, false);
    assert.ok((await pageEvents(page)).some((event) => event.type === 'svc-error' && event.detail.code === 'storage-unavailable'));
    assert.match(await page.locator('svc-rating .warning').innerText(), /Thiết bị không cho phép lưu trữ/);
    assert.ok(warnings.some((text) => text.includes('IndexedDB is unavailable')));
    await page.context().close();
  });
});
