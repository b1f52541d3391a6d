// The officials' dashboard from the CDN build in a real Chromium, served with the strict policy
// of CONTRACT §1 (`default-src 'self'; script-src 'self'; style-src 'self';
// require-trusted-types-for 'script'; trusted-types lit-html svc-feedback`): no violation, the
// analytics worker started through the `svc-feedback` Trusted Types policy, chart.js fetched only
// when a chart draws, CSV and PNG downloads, the collector page, and screenshots in vi / en,
// light / dark for people to look at (test-results/screenshots/dashboard-*.png).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launch } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';
import { parseRecords, report, summarize, toCsv } from '../../src/analytics/index.js';
import { generateRecords } from '../support/generate-records.js';
import { CHART_JS_CODE } from '../../scripts/size.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html svc-feedback";
const TZ = 'Asia/Ho_Chi_Minh';
const BIG_FILE = 'test-results/e2e/records-big.csv';

let server: TestServer;
let browser: Browser;
/** What the fake `/v1/summary` was asked. */
const summaryRequests: URL[] = [];
let sampleRecords: ReturnType<typeof parseRecords>['records'] = [];

interface Watched {
  page: Page;
  problems: string[];
  requests: string[];
}

/** A page that records CSP violations, errors and every request. */
async function watchedPage(options: { locale?: string; colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<Watched> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    reducedMotion: 'reduce',
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon|status of 404/.test(message.text() + message.location().url)) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  return { page, problems, requests };
}

/** Waits for `svc-ready` of the page's dashboard (set up before the page's scripts run). */
async function gotoReady(page: Page, path: string): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { svcReady: boolean }).svcReady = false;
    document.addEventListener('svc-ready', () => ((window as unknown as { svcReady: boolean }).svcReady = true));
  });
  await page.goto(`${server.origin}${path}`);
  await page.waitForFunction(() => (window as unknown as { svcReady: boolean }).svcReady, null, { timeout: 20_000 });
}

before(async () => {
  sampleRecords = parseRecords(await readFile('demo/data/sample-records.csv', 'utf8'), 'csv').records;
  const rowsFor = (url: URL) =>
    report(
      summarize(sampleRecords, {
        groupBy: (url.searchParams.get('groupBy') || '').split(',').filter(Boolean) as Array<'unit'>,
        period: (url.searchParams.get('period') as 'quarter') ?? 'all',
        timeZone: url.searchParams.get('timeZone') ?? 'UTC',
      }),
      { asOf: '2026-11-30T00:00:00Z' },
    );
  server = await startServer(
    () => ({ 'Content-Security-Policy': CSP }),
    (req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== '/v1/summary') return false;
      summaryRequests.push(url);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Security-Policy': CSP });
      res.end(JSON.stringify(rowsFor(url)));
      return true;
    },
  );
  browser = await launch();
  await mkdir('test-results/e2e', { recursive: true });
  await mkdir('test-results/screenshots', { recursive: true });
  // ~4 MB: past the 2 MB threshold, so the CDN build summarises it in its Web Worker.
  await writeFile(
    BIG_FILE,
    toCsv(generateRecords({ seed: 5, from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 10, 1), ratings: 24_000, complaints: 800, cases: 4_000 })),
  );
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('officials\' dashboard end to end (CDN build, strict CSP and Trusted Types)', () => {
  it('the sample page draws every chart under the strict policy: no CSP violation, no error', async () => {
    const { page, problems, requests } = await watchedPage();
    await gotoReady(page, '/demo/dashboard-sample.html');
    const charts = await page.locator('svc-dashboard svc-chart canvas').count();
    assert.equal(charts, 5);
    assert.equal(requests.filter((path) => /\/dist\/cdn\/chunks\/chart-[^/]*\.js$/.test(path)).length, 1, 'chart.js fetched once');
    // Screen-reader names: five images named after their captions, in the accessibility tree.
    const tree = await page.locator('svc-dashboard').ariaSnapshot();
    assert.equal((tree.match(/- '?img "Biểu đồ: [^"]+"/g) ?? []).length, 5, tree);
    assert.match(tree, /table "Số liệu của biểu đồ: Tỷ lệ hài lòng theo đơn vị/);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('CSV and PNG downloads work under the policy, and the CSV is exactly the rows shown', async () => {
    const { page, problems } = await watchedPage();
    await gotoReady(page, '/demo/dashboard-sample.html');
    const chart = page.locator('svc-dashboard svc-chart[kind="satisfaction"]');
    const [csv] = await Promise.all([page.waitForEvent('download'), chart.locator('button.csv').click()]);
    const text = await readFile((await csv.path())!, 'utf8');
    assert.equal(text, await chart.evaluate((el) => (el as HTMLElement & { csv(): string }).csv()));
    const records = sampleRecords;
    const expected = report(summarize(records, { groupBy: ['unit'], period: 'quarter', timeZone: TZ }), { asOf: '2026-11-30T00:00:00Z' }).filter(
      (row) => row.key.period === '2026-Q4',
    );
    assert.equal(text, toCsv(expected, { bom: true }));
    assert.match(csv.suggestedFilename(), /\.csv$/);
    const [png] = await Promise.all([page.waitForEvent('download'), chart.locator('button.png').click()]);
    const bytes = await readFile((await png.path())!);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
    assert.match(png.suggestedFilename(), /\.png$/);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('a big file goes through the CDN worker (Trusted Types policy svc-feedback), with progress, never blocking the page', async () => {
    const { page, problems, requests } = await watchedPage();
    await page.addInitScript(() => {
      const w = window as unknown as { svcEvents: Array<{ type: string; detail: unknown }> };
      w.svcEvents = [];
      for (const type of ['svc-progress', 'svc-load', 'svc-load-error']) {
        document.addEventListener(type, (event) => w.svcEvents.push({ type, detail: (event as CustomEvent).detail }));
      }
    });
    await page.addInitScript(() => document.addEventListener('svc-ready', () => ((window as unknown as { svcReady: boolean }).svcReady = true)));
    await page.goto(`${server.origin}/test/e2e/pages/dashboard-file.html`);
    await page.waitForFunction(() => document.querySelector('svc-dashboard')?.shadowRoot);
    await page.evaluate((src) => document.querySelector('svc-dashboard')!.setAttribute('src', src), `/${BIG_FILE}`);
    await page.waitForFunction(() => (window as unknown as { svcReady: boolean }).svcReady, null, { timeout: 30_000 });
    const events = await page.evaluate(() => (window as unknown as { svcEvents: Array<{ type: string; detail: any }> }).svcEvents);
    const load = events.find((event) => event.type === 'svc-load');
    assert.ok(load, JSON.stringify(events.filter((event) => event.type !== 'svc-progress')));
    assert.equal(load.detail.via, 'worker');
    assert.ok(events.some((event) => event.type === 'svc-progress' && event.detail.via === 'worker'), 'progress from the worker');
    assert.ok(requests.includes('/dist/cdn/analytics-worker.js'), 'the CDN worker was fetched');
    const { records } = parseRecords(await readFile(BIG_FILE, 'utf8'), 'csv');
    assert.equal(load.detail.records, records.length);
    const expected = report(summarize(records, { groupBy: ['unit'], period: 'month', timeZone: TZ }), { asOf: '2026-12-01T00:00:00Z' });
    assert.deepEqual(load.detail.rows, JSON.parse(JSON.stringify(expected)));
    // Order and counts, not the wall clock: the worker read the file in slices, reporting each
    // (increasing) before the rows arrived. How long the page's tasks are is a bench's business
    // (npm run bench -- dashboard, on 1,000,000 records), not a test's on a shared machine.
    const progress = events.flatMap((event, index) => (event.type === 'svc-progress' && event.detail.via === 'worker' && event.detail.phase === 'summarize' ? [[index, event.detail.loaded]] : []));
    assert.ok(progress.length >= 2, `progress reported ${progress.length} times`);
    const loaded = progress.map(([, bytes]) => bytes as number);
    assert.deepEqual(loaded, [...loaded].sort((a, b) => a - b));
    assert.ok(progress.every(([index]) => index! < events.indexOf(load)), 'progress before the rows');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('chart.js is never requested by a page with only the citizen bundle, or with dashboard.js and no chart', async () => {
    for (const path of ['/demo/index.html', '/test/e2e/pages/dashboard-no-chart.html']) {
      const { page, problems, requests } = await watchedPage();
      await page.goto(`${server.origin}${path}`);
      await page.waitForLoadState('networkidle');
      assert.ok(requests.some((request) => /\/dist\/cdn\/(service-feedback|dashboard)\.js$/.test(request)), `${path} loaded its bundle`);
      // Other lazily loaded parts (strings, delivery, standards) may come: none is chart.js, by
      // name or by content.
      assert.deepEqual(requests.filter((request) => /\/dist\/.*chart/.test(request)), [], path);
      for (const chunk of requests.filter((request) => request.startsWith('/dist/cdn/chunks/'))) {
        assert.doesNotMatch(await readFile(`.${chunk}`, 'utf8'), CHART_JS_CODE, chunk);
      }
      await page.context().close();
    }
  });

  it('the collector page asks /v1/summary for its grouping, period and time zone, and draws the rows', async () => {
    summaryRequests.length = 0;
    const { page, problems } = await watchedPage();
    await gotoReady(page, '/demo/dashboard.html');
    const grouped = summaryRequests.find((url) => url.searchParams.get('groupBy') === 'unit');
    assert.ok(grouped, summaryRequests.map(String).join('\n'));
    assert.equal(grouped.searchParams.get('period'), 'quarter');
    assert.equal(grouped.searchParams.get('timeZone'), TZ);
    assert.equal(grouped.searchParams.get('target'), '0.8');
    assert.ok(summaryRequests.some((url) => !url.searchParams.has('groupBy')), 'totals without groupBy');
    assert.equal(await page.locator('svc-dashboard svc-chart canvas').count(), 5);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('screenshots: vi and en, light and dark (test-results/screenshots/dashboard-*.png)', async () => {
    for (const lang of ['vi', 'en']) {
      for (const theme of ['light', 'dark'] as const) {
        const { page, problems } = await watchedPage({ colorScheme: theme });
        await gotoReady(page, `/demo/dashboard-sample.html?lang=${lang}&theme=${theme}`);
        await page.screenshot({ path: `test-results/screenshots/dashboard-${lang}-${theme}.png`, fullPage: true });
        assert.deepEqual(problems, []);
        await page.context().close();
      }
    }
    const { page } = await watchedPage({ width: 390 });
    await gotoReady(page, '/demo/dashboard-sample.html');
    await page.screenshot({ path: 'test-results/screenshots/dashboard-phone.png', fullPage: true });
    await page.context().close();
  });
});
