// npm run bench -- rollups: GET /v1/summary over 1 M and 10 M records on PostgreSQL, from the kept
// rollups and (at 1 M) by scanning the records, and the ingest cost of keeping them.
//
// The records are loaded in SQL (generate_series, 200,000 rows a statement), then rolled up the way
// a first start after an upgrade does it (the rebuild, timed) — a year of a province's counters: 3 agencies × 5 units × 6 services ×
// 4 channels × 40 officers; 60 % ratings (half with three standards answered), 20 % complaints,
// 20 % cases. The collector runs in this process on a PostgreSQL started here (durable settings).
//
// Settings: BENCH_ROLLUP_SIZES (default 1000000,10000000), BENCH_RUNS (20), BENCH_SECONDS (10).
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { createCollector } from '../src/collector/server.js';
import { configFromEnv } from '../src/collector/config.js';
import { ensureRollups, openStorage } from '../src/collector/storage/index.js';
import type { Storage } from '../src/collector/storage/types.js';
import { startPostgres } from '../test/support/postgres.js';

const SIZES = (process.env['BENCH_ROLLUP_SIZES'] ?? '1000000,10000000').split(',').map(Number);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 20);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const ZONE = 'Asia/Ho_Chi_Minh';
const SLICE = 200_000;

/** Rows of `records` made in SQL: record i of the year 2026 (one every 3.15 s at 10 M). */
function loadStatement(first: number, count: number, total: number): string {
  const span = 365 * 86_400;
  return `INSERT INTO records (id, kind, at, created_at, received_at, agency, unit, service, officer, channel,
    score, scale, standards, category, tracking_code, status, due_at, resolved_at, updated_at, record)
  SELECT 'b-' || i, k.kind, t.at,
    CASE WHEN k.kind <> 'case' THEN t.at END, CASE WHEN k.kind = 'case' THEN t.at END,
    'ubnd-' || (i % 3), 'unit-' || ((i / 3) % 5), '1.00' || ((i / 7) % 6),
    'cb-' || ((i / 11) % 40), (ARRAY['online','kiosk','counter','phone'])[1 + (i / 13) % 4],
    CASE WHEN k.kind = 'rating' THEN 1 + (i * 7 / 17) % 5 END, CASE WHEN k.kind = 'rating' THEN 5 END,
    CASE WHEN k.kind = 'rating' AND i % 2 = 0 THEN jsonb_build_object('greet', i % 3 <> 0, 'smile', i % 5 <> 0, 'expedite', i % 7 <> 0) END,
    CASE WHEN k.kind = 'complaint' THEN (ARRAY['delay','attitude','fees','procedure'])[1 + i % 4] END,
    CASE WHEN k.kind = 'complaint' THEN 'B' || lpad(i::text, 9, '0') END,
    CASE WHEN k.kind = 'complaint' THEN 'received' END,
    CASE WHEN k.kind <> 'rating' THEN t.at + interval '10 days' END,
    CASE WHEN k.kind = 'case' AND i % 10 < 8 THEN t.at + (i % 13) * interval '1 day' END,
    t.at, jsonb_build_object('id', 'b-' || i, 'kind', k.kind)
  FROM generate_series(${first}, ${first + count - 1}) AS i
  CROSS JOIN LATERAL (SELECT CASE WHEN i % 5 < 3 THEN 'rating' WHEN i % 5 = 3 THEN 'complaint' ELSE 'case' END AS kind) AS k
  CROSS JOIN LATERAL (SELECT timestamptz '2026-01-01T00:00:00+07:00' + (i::float8 * ${span} / ${total}) * interval '1 second' AS at) AS t`;
}

function get(url: URL): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function time(base: URL, query: string, runs: number): Promise<{ median: number; p95: number; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  for (let run = 0; run < runs + 2; run++) {
    const t0 = performance.now();
    const reply = await get(new URL(`/v1/summary?${query}`, base));
    const elapsed = performance.now() - t0;
    if (reply.status !== 200) throw new Error(`summary answered ${reply.status}: ${reply.body.slice(0, 200)}`);
    rows = (JSON.parse(reply.body) as unknown[]).length;
    if (run >= 2) times.push(elapsed); // two warm-up runs
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), rows };
}

/** Single ratings at `concurrency` in flight for SECONDS: submissions per second. */
async function ingest(base: URL, concurrency: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let done = 0;
  const end = performance.now() + SECONDS * 1000;
  let n = 0;
  const post = (payload: string) =>
    new Promise<void>((resolve) => {
      const req = request({ agent, host: base.hostname, port: base.port, path: '/v1/submissions', method: 'POST', headers: { 'content-type': 'text/plain' } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) done++;
          resolve();
        });
      });
      req.on('error', () => resolve());
      req.end(payload);
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const i = n++;
        await post(
          JSON.stringify({
            id: randomUUID(), kind: 'rating', createdAt: new Date(Date.UTC(2026, 5, 1) + i * 1000).toISOString(), agency: `ubnd-${i % 3}`,
            unit: `unit-${i % 5}`, service: `1.00${i % 6}`, channel: 'online', locale: 'vi', scale: 5, score: 1 + (i % 5),
            ...(i % 2 ? { standards: { greet: true, smile: i % 3 !== 0, expedite: i % 7 !== 0 } } : {}),
          }),
        );
      }
    }),
  );
  agent.destroy();
  return done / SECONDS;
}

const server = await startPostgres({ durable: true });
let storage: Storage | undefined;
const collector = { close: async () => {} };
try {
  const url = await server.createDatabase('rollups_bench');
  storage = await openStorage({ engine: 'postgres', url, poolSize: 16 }, { timeZone: ZONE });
  const app = createCollector({ storage, config: { ...configFromEnv({}), port: 0, host: '127.0.0.1', rateLimit: 0, logLevel: 'silent', timeZone: ZONE } });
  const base = new URL((await app.listen()).url);
  collector.close = () => app.close();
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start; PostgreSQL durable; zone ${ZONE}`);
  const queries = [
    'groupBy=unit&period=quarter',
    'groupBy=agency,unit&period=month',
    'groupBy=service&period=quarter',
    'groupBy=service,channel&period=month',
    'period=all&from=2026-03-05T10:00:00Z&to=2026-09-17T03:30:00Z',
  ];
  let loaded = 0;
  for (const size of SIZES) {
    // Loaded without the triggers, then rolled up as a first start after an upgrade does (the rebuild).
    for (const event of ['insert', 'update', 'delete']) await storage.db.query(`DROP TRIGGER IF EXISTS svc_rollup_${event} ON records`);
    const t0 = performance.now();
    while (loaded < size) {
      const count = Math.min(SLICE, size - loaded);
      await storage.db.query(loadStatement(loaded, count, Math.max(...SIZES)));
      loaded += count;
    }
    const t1 = performance.now();
    await ensureRollups(storage.db, ZONE);
    const t2 = performance.now();
    await storage.db.query('ANALYZE');
    const tables = await storage.db.query<{ name: string; n: number }>(
      `SELECT relname AS name, n_live_tup::int AS n FROM pg_stat_user_tables WHERE relname LIKE 'summary_rollup%' AND relname <> 'summary_rollup_meta' ORDER BY n_live_tup`,
    );
    console.log(
      `\n${size.toLocaleString('en')} records (loaded in ${((t1 - t0) / 1000).toFixed(0)} s; rollups rebuilt from them in ${((t2 - t1) / 1000).toFixed(1)} s; ` +
        `rollup rows: ${tables.map((table) => `${table.name.replace('summary_rollup', '') || '_every_field'} ${table.n}`).join(', ')})`,
    );
    for (const query of queries) {
      const { median, p95, rows } = await time(base, `${query}&timeZone=${ZONE}`, RUNS);
      console.log(`  rollups  ${query.padEnd(62)} → ${String(rows).padStart(5)} rows: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    }
    if (size <= 1_000_000) {
      // The same questions cut in another zone's periods: the records are scanned, as before rollups.
      for (const query of queries.slice(0, 2)) {
        const { median, p95, rows } = await time(base, `${query}&timeZone=UTC`, Math.min(RUNS, 5));
        console.log(`  scan     ${query.padEnd(62)} → ${String(rows).padStart(5)} rows: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (UTC periods)`);
      }
    }
  }
  // The write cost: single submissions with the triggers, then with them dropped.
  await ensureRollups(storage.db, ZONE);
  const withRollups = await ingest(base, 8);
  for (const event of ['insert', 'update', 'delete']) await storage.db.query(`DROP TRIGGER svc_rollup_${event} ON records`);
  const without = await ingest(base, 8);
  console.log(`\ningest, single ratings at 8 in flight for ${SECONDS} s: ${withRollups.toFixed(0)}/s with rollups, ${without.toFixed(0)}/s without (${(100 * (1 - withRollups / without)).toFixed(0)} % cost)`);
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  await collector.close().catch(() => undefined);
  await storage?.close().catch(() => undefined);
  server.stop();
}
