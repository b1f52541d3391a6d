// `npm start` on an empty database loads the sample dataset, marked as sample in the data (every
// record `sample: true`, /healthz `"sample": true`) and on screen (a banner), so the first look at
// the dashboard and the scorecard is filled (screenshot: test-results/screenshots/sample-*.png);
// `--no-sample` and the bin never load it. The scorecard shows the numbers of /v1/summary.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launch, until } from './support/browser.js';
import { startDemo } from '../../scripts/demo-server.mjs';

interface Started {
  collector: { close(): Promise<void> };
  url: string;
  storage: { count(kind?: string): Promise<number>; db: { query(text: string): Promise<Array<Record<string, unknown>>> } };
  loaded: number;
}
const quiet = () => undefined;
const env = (dataDir: string) => ({ PORT: '0', DATA_DIR: dataDir, RATE_LIMIT: '0', LOG_LEVEL: 'error' });

describe('npm start: the sample dataset', () => {
  let browser: Browser;
  let dir: string;
  let demo: Started;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'svc-sample-'));
    await mkdir('test-results/screenshots', { recursive: true });
    browser = await launch();
    demo = (await startDemo({ env: env(join(dir, 'a')), sample: true, log: quiet })) as Started;
  });
  after(async () => {
    await browser?.close();
    await demo?.collector.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('an empty database gets the sample, every record marked, and /healthz says so', async () => {
    assert.ok(demo.loaded > 2000, `${demo.loaded} sample records`);
    assert.equal(await demo.storage.count(), demo.loaded);
    const [row] = await demo.storage.db.query(`SELECT count(*)::int AS n FROM records WHERE record->>'sample' = 'true'`);
    assert.equal(row!['n'], demo.loaded);
    const health = await (await fetch(`${demo.url}/healthz`)).json();
    assert.equal(health.sample, true);
  });

  it('the dashboard is filled, with the sample banner (screenshot)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => document.addEventListener('svc-ready', () => ((window as unknown as { ready: boolean }).ready = true)));
    await page.goto(`${demo.url}/demo/dashboard.html`);
    await until(async () => page.evaluate(() => (window as unknown as { ready?: boolean }).ready === true), 'svc-ready', 60_000);
    await page.locator('.sample-banner').waitFor();
    assert.match(await page.locator('.sample-banner').innerText(), /Dữ liệu mẫu/);
    // Every unit of the sample is in the league table.
    const text = await page.locator('svc-dashboard').evaluate((el) => el.shadowRoot!.textContent ?? '');
    for (const unit of ['Bộ phận Một cửa', 'Tư pháp – Hộ tịch', 'Địa chính – Xây dựng']) assert.ok(text.includes(unit), unit);
    await page.screenshot({ path: 'test-results/screenshots/sample-dashboard.png', fullPage: true });
    await page.close();
  });

  it('the scorecard shows the same numbers as /v1/summary, marked as sample (screenshot)', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    await page.goto(`${demo.url}/demo/scorecard.html`);
    const card = page.locator('svc-scorecard').first();
    await until(async () => (await card.evaluate((el) => el.shadowRoot!.querySelector('.figures') !== null)) === true, 'figures', 30_000);
    await until(async () => (await card.evaluate((el) => el.shadowRoot!.querySelector('.sample') !== null)) === true, 'the sample note', 10_000);
    const rows = await (await fetch(`${demo.url}/v1/summary?groupBy=agency,unit&period=quarter&timeZone=Asia/Ho_Chi_Minh&minSample=30&target=0.8`)).json();
    const quarter = await card.evaluate((el) => (el as unknown as { period: string }).period);
    const row = rows.find((r: { key: { unit: string; period: string } }) => r.key.unit === 'mot-cua' && r.key.period === quarter);
    assert.ok(row, `a row for mot-cua in ${quarter}`);
    const shown = (name: string) => card.evaluate((el, figure) => el.shadowRoot!.querySelector(`[data-figure="${figure}"] .value`)?.textContent ?? '', name);
    const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
    if (!row.lowSample) assert.equal(await shown('satisfaction'), percent(row.satisfactionRate));
    assert.equal(await shown('on-time'), percent(row.onTimeRate));
    assert.equal(await shown('complaints-on-time'), percent(row.complaintOnTimeRate));
    assert.equal(await shown('verified'), row.ratings === 0 ? '—' : percent(row.verifiedRatings / row.ratings));
    await page.screenshot({ path: 'test-results/screenshots/sample-scorecard.png', fullPage: true });
    await page.close();
  });

  it('a database that is not empty gets nothing more; --no-sample and the bin load nothing', async () => {
    await demo.collector.close();
    const again = (await startDemo({ env: env(join(dir, 'a')), sample: true, log: quiet })) as Started;
    try {
      assert.equal(again.loaded, 0);
      assert.equal((await (await fetch(`${again.url}/healthz`)).json()).sample, true, 'still sample data');
    } finally {
      await again.collector.close();
    }
    demo = undefined as unknown as Started;
    const none = (await startDemo({ env: env(join(dir, 'b')), sample: false, log: quiet })) as Started;
    try {
      assert.equal(await none.storage.count(), 0);
      assert.equal((await (await fetch(`${none.url}/healthz`)).json()).sample, undefined);
    } finally {
      await none.collector.close();
    }
    // The package's bin cannot load it: the sample lives in scripts/, which the package does not ship,
    // and nothing under dist/ refers to it.
    const pkg = JSON.parse(await readFile('package.json', 'utf8'));
    assert.deepEqual(pkg.files, ['dist', 'custom-elements.json']);
    const shipped = await readdir('dist/collector', { recursive: true });
    for (const file of shipped.filter((name) => name.endsWith('.js'))) {
      assert.doesNotMatch(await readFile(join('dist/collector', file), 'utf8'), /sample-data|demo-server|loadSample/, file);
    }
  });
});
