// What `npm start` serves, in a real Chromium: the demo pages under the strict CSP, with their
// widgets submitting to the live collector on the same origin (acceptance 6 of the collector).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { DEMO_CSP } from '../../src/collector/http/static.js';
import { openStorage } from '../../src/collector/storage/index.js';
import type { Storage } from '../../src/collector/storage/types.js';
import { launch, until } from '../e2e/support/browser.js';
import { pgliteDatabase, startCollector, type Running } from '../support/collector.js';

const built = existsSync('dist/cdn/service-feedback.js') && existsSync('demo/index.html');

describe('npm start: the demo with live submissions', { skip: built ? false : 'needs npm run build and demo/' }, () => {
  let storage: Storage;
  let running: Running;
  let browser: Browser;
  before(async () => {
    storage = await openStorage(pgliteDatabase());
    running = await startCollector(storage, {}, {
      static: [
        { prefix: '/demo/', dir: 'demo' },
        { prefix: '/dist/', dir: 'dist' },
      ],
      staticHeaders: { 'Content-Security-Policy': DEMO_CSP },
    });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await storage?.close();
  });

  it('a rating given on /demo/ is stored by the collector and acknowledged, with no CSP violation', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (reply) => {
      if (reply.status() >= 400) problems.push(`${reply.status()} ${new URL(reply.url()).pathname}`);
    });
    await page.addInitScript(() => {
      const sent: unknown[] = [];
      (window as unknown as { sent: unknown[] }).sent = sent;
      document.addEventListener('svc-sent', (event) => sent.push((event as CustomEvent).detail));
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`));
    });
    const response = await page.goto(`${running.url}/`);
    assert.equal(response?.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/demo/');
    const rating = page.locator('svc-rating').first();
    await rating.locator('input[name="score"]').nth(3).check();
    await rating.locator('button[type="submit"]').click();
    await until(async () => (await storage.count('rating')) === 1, 'the rating in the database');
    await until(async () => (await page.evaluate(() => (window as unknown as { sent: unknown[] }).sent.length)) === 1, 'svc-sent');
    const [stored] = (await storage.db.query('SELECT record FROM records'))!.map((row) => row['record'] as Record<string, unknown>);
    assert.equal(stored!['agency'], 'ubnd-phuong-hoan-kiem');
    assert.equal(stored!['score'], 4);
    assert.deepEqual(problems, []);
  });

  it('the officials\' dashboard draws from the live /v1/summary under the same policy', { skip: existsSync('demo/dashboard.html') ? false : 'no dashboard demo' }, async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const summaries: number[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (reply) => {
      if (new URL(reply.url()).pathname === '/v1/summary') summaries.push(reply.status());
    });
    await page.addInitScript(() => {
      (window as unknown as { ready: number }).ready = 0;
      document.addEventListener('svc-ready', () => (window as unknown as { ready: number }).ready++);
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.goto(`${running.url}/demo/dashboard.html`);
    await until(async () => (await page.evaluate(() => (window as unknown as { ready: number }).ready)) > 0, 'svc-ready', 20_000);
    assert.ok(summaries.length > 0 && summaries.every((status) => status === 200), `summary answers: ${summaries}`);
    assert.deepEqual(problems, []);
  });
});
