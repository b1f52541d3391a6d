// npm run bench -- dashboard
// The officials' dashboard (CDN build) in headless Debian Chromium, driven by playwright-core:
//  (a) 5 years × 100 units, monthly (6,000 group×period rows): time from setting `summary` to
//      every chart drawn (`svc-ready`, reduced motion so "drawn" means drawn, not animating);
//  (b) a 1,000,000-record CSV served from loopback through the Web Worker: time to download,
//      to summarise, to every chart drawn, and the main thread's long tasks (PerformanceObserver
//      `longtask`): the longest, and how many are over 50 ms.
// Data is generated from a seeded PRNG, so every run sees the same records.
import { createReadStream, createWriteStream, statSync, unlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { summaryFromGroups, toCsv, type GroupStats, type Summary } from '../src/analytics/index.js';
import { launch } from '../test/e2e/support/browser.js';
import { startServer } from '../test/e2e/support/server.js';
import { generateRecords, prng, type UnitProfile } from '../test/support/generate-records.js';

const TZ = 'Asia/Ho_Chi_Minh';
const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

execFileSync('node', ['scripts/build.mjs'], { stdio: 'ignore' });

// ---- data ------------------------------------------------------------------------------------

/** 100 units × 60 months of counters, as the collector's SQL would give them. */
function fiveYears(): Summary {
  const random = prng(20210101);
  const groups: Array<{ key: { unit: string; period: string }; stats: Partial<GroupStats> }> = [];
  for (let u = 0; u < 100; u++) {
    const unit = `don-vi-${String(u + 1).padStart(3, '0')}`;
    const quality = 0.65 + random() * 0.3;
    const size = 5 + Math.floor(random() * 120);
    for (let year = 2022; year <= 2026; year++) {
      for (let month = 1; month <= 12; month++) {
        const n = Math.max(1, Math.round(size * (0.7 + random() * 0.6)));
        const satisfied = Math.round(n * Math.min(1, quality + (random() - 0.5) * 0.1));
        const high = Math.round(satisfied * 0.5);
        const low = Math.round((n - satisfied) * 0.4);
        const standards: Record<string, { yes: number; no: number }> = {};
        for (const id of ['greet', 'smile', 'advise', 'dedicate', 'inform', 'expedite', 'apologize', 'listen', 'assist', 'satisfy']) {
          const asked = Math.round(n * 0.3);
          const yes = Math.round(asked * (quality + (random() - 0.5) * 0.2));
          standards[id] = { yes: Math.min(asked, Math.max(0, yes)), no: asked - Math.min(asked, Math.max(0, yes)) };
        }
        const cases = Math.round(n * 0.6);
        const late = Math.round(cases * random() * 0.15);
        groups.push({
          key: { unit, period: `${year}-${String(month).padStart(2, '0')}` },
          stats: {
            scores: { '5': { '1': low, '2': n - satisfied - low, '4': satisfied - high, '5': high } },
            standards,
            complaintsByCategory: { attitude: Math.floor(random() * 3), delay: Math.floor(random() * 5), procedure: Math.floor(random() * 3) },
            casesOnTime: cases - late,
            casesResolvedLate: late,
          },
        });
      }
    }
  }
  return summaryFromGroups({ groupBy: ['unit'], period: 'month', timeZone: TZ }, groups);
}

/** 1,000,000 records (ratings, complaints, cases) of 40 units in 2026, written as CSV. */
async function millionCsv(path: string): Promise<{ records: number; bytes: number }> {
  const units: UnitProfile[] = Array.from({ length: 40 }, (_, i) => ({ code: `don-vi-${String(i + 1).padStart(2, '0')}`, quality: 0.7 + (i % 7) * 0.04, weight: 1 + (i % 5), punctuality: 0.8 + (i % 4) * 0.05 }));
  const options = { seed: 1_000_000, units, from: Date.UTC(2025, 11, 31, 17), to: Date.UTC(2026, 10, 30, 17), ratings: 850_000, complaints: 30_000, cases: 120_000 };
  const columns = [
    'id', 'kind', 'createdAt', 'agency', 'unit', 'service', 'channel', 'locale', 'score', 'scale',
    ...['greet', 'smile', 'advise', 'dedicate', 'inform', 'expedite', 'apologize', 'listen', 'assist', 'satisfy'].map((id) => `standards.${id}`),
    'comment', 'category', 'description', 'receivedAt', 'dueAt', 'resolvedAt',
  ];
  const out = createWriteStream(path);
  const write = (text: string) => new Promise<void>((done) => (out.write(text) ? done() : out.once('drain', done)));
  let batch: object[] = [];
  let count = 0;
  let header = true;
  for (const record of generateRecords(options)) {
    batch.push(record);
    count++;
    if (batch.length === 20_000) {
      const text = toCsv(batch, { columns });
      await write(header ? text : text.slice(text.indexOf('\r\n') + 2));
      header = false;
      batch = [];
    }
  }
  if (batch.length) {
    const text = toCsv(batch, { columns });
    await write(header ? text : text.slice(text.indexOf('\r\n') + 2));
  }
  await new Promise<void>((done) => out.end(done));
  return { records: count, bytes: statSync(path).size };
}

// ---- browser ---------------------------------------------------------------------------------

const csvPath = join(os.tmpdir(), `svc-dashboard-bench-${process.pid}.csv`);
console.log('Generating 1,000,000 records as CSV…');
const million = await millionCsv(csvPath);
console.log(`  ${fmt(million.records)} records, ${(million.bytes / 1024 / 1024).toFixed(0)} MiB`);

const server = await startServer(
  () => ({}),
  (req, res) => {
    if (!req.url?.startsWith('/bench/records-1m.csv')) return false;
    res.writeHead(200, { 'Content-Type': 'text/csv', 'Content-Length': String(million.bytes), 'Cache-Control': 'no-store' });
    createReadStream(csvPath).pipe(res);
    return true;
  },
);
const browser: Browser = await launch();

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: Array<[number, number]> };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.longTasks.push([entry.startTime, entry.duration]))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${server.origin}/bench/pages/dashboard.html`);
  await page.waitForFunction(() => customElements.get('svc-dashboard'));
  return page;
}

/** Long tasks that started at or after `since` (page time): the longest and how many over 50 ms. */
async function longTasks(page: Page, since: number) {
  await new Promise((done) => setTimeout(done, 300));
  const tasks = (await page.evaluate(() => (window as unknown as { longTasks: Array<[number, number]> }).longTasks)).filter(([start]) => start >= since).map(([, d]) => d);
  return { max: tasks.length ? Math.max(...tasks) : 0, over50: tasks.filter((d) => d > 50).length };
}

// (a) 6,000 rows from a Summary
const summary = fiveYears();
console.log(`\n(a) 5 years × 100 units, monthly: a Summary of ${fmt(summary.groups.length)} groups → ${fmt(summary.groups.length)} report rows`);
const timesA: number[] = [];
const tasksA: Array<{ max: number; over50: number }> = [];
for (let run = 0; run < RUNS; run++) {
  const page = await freshPage();
  await page.evaluate((json) => ((window as unknown as { benchSummary: unknown }).benchSummary = JSON.parse(json)), JSON.stringify(summary));
  const { start, ms } = await page.evaluate(async (tz) => {
    const el = document.createElement('svc-dashboard');
    el.setAttribute('time-zone', tz);
    el.setAttribute('as-of', '2027-01-01T00:00:00Z');
    document.querySelector('#host')!.append(el);
    await new Promise((done) => requestAnimationFrame(done));
    const ready = new Promise((done) => el.addEventListener('svc-ready', done, { once: true }));
    const start = performance.now();
    (el as unknown as { summary: unknown }).summary = (window as unknown as { benchSummary: unknown }).benchSummary;
    await ready;
    return { start, ms: performance.now() - start };
  }, TZ);
  timesA.push(ms);
  tasksA.push(await longTasks(page, start));
  await page.context().close();
}
console.log(`  summary set → all 5 charts and the league table drawn: ${timesA.map((t) => t.toFixed(0)).join(', ')} ms (median ${median(timesA).toFixed(0)} ms)`);
console.log(`  main-thread long tasks: longest ${tasksA.map((t) => t.max.toFixed(0)).join(', ')} ms; over 50 ms: ${tasksA.map((t) => t.over50).join(', ')}`);

// (b) 1,000,000 records through the worker
console.log(`\n(b) ${fmt(million.records)} records, ${(million.bytes / 1024 / 1024).toFixed(0)} MiB of CSV from loopback, group-by unit, monthly, through the Web Worker`);
const runsB: Array<{ total: number; download: number; summarise: number; draw: number; max: number; over50: number; via: string; records: number }> = [];
for (let run = 0; run < 3; run++) {
  const page = await freshPage();
  const result = await page.evaluate(async (tz) => {
    const el = document.createElement('svc-dashboard');
    el.setAttribute('group-by', 'unit');
    el.setAttribute('period', 'month');
    el.setAttribute('time-zone', tz);
    el.setAttribute('as-of', '2027-01-01T00:00:00Z');
    document.querySelector('#host')!.append(el);
    await new Promise((done) => requestAnimationFrame(done));
    let summarizeStart = 0;
    el.addEventListener('svc-progress', (event) => {
      if ((event as CustomEvent).detail.phase === 'summarize' && !summarizeStart) summarizeStart = performance.now();
    });
    const loaded = new Promise<CustomEvent>((done) => el.addEventListener('svc-load', (event) => done(event as CustomEvent), { once: true }));
    const ready = new Promise((done) => el.addEventListener('svc-ready', done, { once: true }));
    const failed = new Promise((_, reject) => el.addEventListener('svc-load-error', (event) => reject(new Error(JSON.stringify((event as CustomEvent).detail))), { once: true }));
    const start = performance.now();
    el.setAttribute('src', '/bench/records-1m.csv');
    const load = await Promise.race([loaded, failed]) as CustomEvent;
    const loadedAt = performance.now();
    await Promise.race([ready, failed]);
    const end = performance.now();
    return { start, summarizeStart, loadedAt, end, total: end - start, download: summarizeStart - start, summarise: loadedAt - summarizeStart, draw: end - loadedAt, via: load.detail.via, records: load.detail.records };
  }, TZ);
  const tasks = await longTasks(page, result.start);
  runsB.push({ ...result, ...tasks });
  if (process.env['BENCH_VERBOSE']) {
    const all = (await page.evaluate(() => (window as unknown as { longTasks: Array<[number, number]> }).longTasks)).filter(([t]) => t >= result.start);
    const phase = (t: number) => (t < result.summarizeStart ? 'download' : t < result.loadedAt ? 'summarise' : t < result.end ? 'draw' : 'after');
    console.log('  long tasks:', all.map(([t, d]) => `${d.toFixed(0)} ms in ${phase(t)} (+${(t - result.start).toFixed(0)})`).join('; '));
  }
  await page.context().close();
}
for (const r of runsB) {
  console.log(
    `  total ${fmt(r.total)} ms (download ${fmt(r.download)}, summarise in the ${r.via} ${fmt(r.summarise)}, draw ${fmt(r.draw)}); ${fmt(r.records)} records; longest main-thread task ${r.max.toFixed(0)} ms, ${r.over50} over 50 ms`,
  );
}
const mid = median(runsB.map((r) => r.total));
console.log(`  median total ${fmt(mid)} ms (${fmt(million.records / (mid / 1000))} records/s); longest task over all runs ${Math.max(...runsB.map((r) => r.max)).toFixed(0)} ms`);

await browser.close();
await server.close();
unlinkSync(csvPath);
console.log(`\nChromium ${browser.version()}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`);
