// <svc-report> from the CDN build in a real Chromium under the strict policy of CONTRACT §1,
// printed to PDF (issue 12, acceptance 4): one A4 page per unit after the league table's page, the
// figures those of report() on the same records file, no button in print, no CSP violation.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launch } from './support/browser.js';
import { pdfPageCount } from './support/pdf.js';
import { startServer, type TestServer } from './support/server.js';
import { report, summarize, type ReportRow } from '../../src/analytics/index.js';
import { REPORT_UNITS, reportRecords } from '../support/report-records.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html svc-feedback";
const TZ = 'Asia/Ho_Chi_Minh';
const AS_OF = '2026-10-01T00:00:00Z';
const FILE = '/test-results/e2e/report-records.json';
const records = reportRecords({ seed: 12, units: REPORT_UNITS });

let server: TestServer;
let browser: Browser;

/** The report page, ready: `units` unit pages drawn; CSP violations and errors collected. */
async function reportPage(query: Record<string, string>, units: number, path = '/test/e2e/pages/report.html'): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.addInitScript('window.__name = (fn) => fn;');
  const page = await context.newPage();
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  page.on('console', (message) => {
    // The demo asks /healthz (a collector's) whether it shows sample data: none here.
    if (message.type() === 'error' && !/favicon|healthz/.test(message.text() + message.location().url)) problems.push(`${message.text()} ${message.location().url}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(`${server.origin}${path}?${new URLSearchParams(query)}`);
  await page.waitForFunction((n) => document.querySelector('svc-report')?.shadowRoot?.querySelectorAll('section.unit').length === n, units, { timeout: 15_000 });
  return { page, problems };
}

/** The rows the page's report shows, as plain data. */
const shownRows = (page: Page) =>
  page.evaluate(() => (document.querySelector('svc-report') as HTMLElement & { unitPages: Array<{ row: unknown }> }).unitPages.map((unit) => unit.row)) as Promise<ReportRow[]>;

before(async () => {
  await mkdir('test-results/e2e', { recursive: true });
  await writeFile(`.${FILE}`, JSON.stringify(records));
  // The demo page's collector: /v1/summary answers report() of the same records, as asked.
  server = await startServer(
    () => ({ 'Content-Security-Policy': CSP }),
    (req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname !== '/v1/summary') return false;
      const groupBy = (url.searchParams.get('groupBy') || '').split(',').filter(Boolean) as Array<'unit'>;
      const period = (url.searchParams.get('period') ?? 'all') as 'quarter';
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(report(summarize(records, { groupBy, period, timeZone: url.searchParams.get('timeZone') ?? 'UTC' }), { asOf: AS_OF })));
      return true;
    },
  );
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('<svc-report> printed (CDN build, strict CSP)', () => {
  it('five units of a quarter print on six A4 pages: the league table, then one page per unit', async () => {
    const expected = report(summarize(records, { groupBy: ['unit'], period: 'quarter', timeZone: TZ }), { asOf: AS_OF }).filter(
      (row) => row.key.period === '2026-Q3',
    );
    assert.equal(expected.length, 5);
    const { page, problems } = await reportPage({ src: FILE }, 5);
    assert.deepEqual(await shownRows(page), expected, 'the figures are report()\'s');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('svc-report button').first().isVisible(), false, 'no button in print');
    assert.equal(await page.locator('svc-report select').isVisible(), false, 'no period chooser in print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdfPageCount(pdf), 1 + expected.length, 'one page for the league table, one per unit');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('one unit of the year: two pages (the league table and the unit), in English', async () => {
    const expected = report(summarize(records, { groupBy: ['unit'], period: 'year', timeZone: TZ }), { asOf: AS_OF }).filter((row) => row.key.unit === 'mot-cua');
    const { page, problems } = await reportPage({ src: FILE, unit: 'mot-cua', period: 'year', lang: 'en' }, 1);
    assert.deepEqual(await shownRows(page), expected);
    assert.match(await page.locator('svc-report h2').innerText(), /^Periodic evaluation report — 2026$/);
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdfPageCount(pdf), 2);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('the demo page, fed by the collector\'s /v1/summary: the intranet frame stays on screen, six pages printed', async () => {
    const { page, problems } = await reportPage({}, 5, '/demo/report.html');
    const expected = report(summarize(records, { groupBy: ['unit'], period: 'quarter', timeZone: TZ }), { asOf: AS_OF }).filter((row) => row.key.period === '2026-Q3');
    assert.deepEqual(await shownRows(page), expected);
    // The labels of the demo name the units: the first page (key order) is Địa chính – Xây dựng's.
    assert.equal(await page.locator('svc-report section.unit h3').first().innerText(), 'Địa chính – Xây dựng — Quý 3/2026');
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdfPageCount(pdf), 6);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
});
