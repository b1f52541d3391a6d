// npm run bench -- collector: ingest throughput of the reference collector on PGlite and on
// PostgreSQL. The collector runs in a child process (RATE_LIMIT=0, LOG_LEVEL=silent) so the load
// generator does not share its event loop; the load is keep-alive HTTP on loopback at a fixed
// concurrency for a fixed time, single records and batches of 50. PostgreSQL is started here
// (initdb + pg_ctl on a temp folder) with its durability settings as shipped: fsync and
// synchronous_commit on, so every acknowledged request is on disk.
//
// Settings: BENCH_SECONDS (default 10), BENCH_ENGINES (pglite,postgres), BENCH_POOL (PG pool, 16),
// BENCH_SCENARIOS (e.g. single-8,batch-32; default all).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startPostgres } from '../test/support/postgres.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const WARMUP_SECONDS = Math.min(2, SECONDS / 5);
const ENGINES = (process.env['BENCH_ENGINES'] ?? 'pglite,postgres').split(',');
const POOL = process.env['BENCH_POOL'] ?? '16';

interface Scenario {
  name: string;
  batch: number;
  concurrency: number;
}

const ALL_SCENARIOS: Scenario[] = [
  { name: 'single', batch: 1, concurrency: 8 },
  { name: 'single', batch: 1, concurrency: 32 },
  { name: 'single', batch: 1, concurrency: 64 },
  { name: 'batch', batch: 50, concurrency: 8 },
  { name: 'batch', batch: 50, concurrency: 32 },
];
const only = process.env['BENCH_SCENARIOS']?.split(',');
const SCENARIOS = ALL_SCENARIOS.filter((scenario) => !only || only.includes(`${scenario.name}-${scenario.concurrency}`));

const AGENCIES = ['ubnd-hoan-kiem', 'ubnd-ba-dinh', 'ubnd-dong-da'];
const UNITS = ['mot-cua', 'tu-phap', 'dia-chinh'];
let counter = 0;

/** A realistic record: mostly ratings (some with standards and a comment), one in five a complaint. */
function record(): Record<string, unknown> {
  const n = counter++;
  const common = {
    id: randomUUID(),
    createdAt: new Date(Date.UTC(2026, 0, 1) + (n % 8_000_000) * 1000).toISOString(),
    agency: AGENCIES[n % 3],
    unit: UNITS[(n >> 2) % 3],
    service: `1.00${n % 50}`,
    officer: `cb-${n % 40}`,
    channel: n % 4 === 0 ? 'kiosk' : 'online',
    locale: 'vi',
    page: 'https://dichvucong.example.gov.vn/thu-tuc/cap-giay-phep',
  };
  if (n % 5 === 4) {
    return { ...common, kind: 'complaint', category: 'delay', description: 'Hồ sơ của tôi đã trễ hẹn ba ngày mà chưa có thông báo nào.' };
  }
  return {
    ...common,
    kind: 'rating',
    scale: 5,
    score: 1 + (n % 5),
    ...(n % 2 ? { standards: { greet: true, smile: n % 3 !== 0, expedite: n % 7 !== 0 } } : {}),
    ...(n % 3 === 0 ? { comment: 'Cán bộ hướng dẫn tận tình, thủ tục nhanh.' } : {}),
  };
}

function body(batch: number): string {
  return JSON.stringify(batch === 1 ? record() : { records: Array.from({ length: batch }, record) });
}

interface Result {
  requests: number;
  records: number;
  errors: number;
  latencies: number[];
  seconds: number;
}

/** Keep-alive POSTs at a fixed concurrency for `seconds`; latencies in ms of requests after the warm-up. */
async function load(base: URL, scenario: Scenario, seconds: number, warmup: number): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: scenario.concurrency });
  const latencies: number[] = [];
  let requests = 0;
  let records = 0;
  let errors = 0;
  const start = performance.now();
  const measureFrom = start + warmup * 1000;
  const end = measureFrom + seconds * 1000;
  const post = (payload: string) =>
    new Promise<number>((resolve) => {
      const req = request(
        { agent, host: base.hostname, port: base.port, path: '/v1/submissions', method: 'POST', headers: { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(payload) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(payload);
    });
  await Promise.all(
    Array.from({ length: scenario.concurrency }, async () => {
      while (performance.now() < end) {
        const payload = body(scenario.batch);
        const t0 = performance.now();
        const status = await post(payload);
        const t1 = performance.now();
        if (t0 < measureFrom) continue;
        requests++;
        if (status === 200) records += scenario.batch;
        else errors++;
        latencies.push(t1 - t0);
      }
    }),
  );
  agent.destroy();
  return { requests, records, errors, latencies, seconds };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function startCollector(env: Record<string, string>): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/collector/bin.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<URL>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line);
        if (entry.message === 'collector listening') resolve(new URL(entry.url));
        // After the first line, stop reading logs (LOG_LEVEL=info only to learn the port).
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => reject(new Error(`collector exited with ${code}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const rows: string[][] = [];
const line = (cells: Array<string | number>) => cells.map((cell, i) => String(cell).padStart(i < 2 ? 8 : 11)).join(' ');

console.log(`collector ingest: ${SECONDS} s per scenario after ${WARMUP_SECONDS} s warm-up, loopback, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}`);
console.log(line(['engine', 'mode', 'in flight', 'requests/s', 'records/s', 'p50 ms', 'p99 ms', 'errors']));

for (const engine of ENGINES) {
  let pgServer: Awaited<ReturnType<typeof startPostgres>> | undefined;
  let dataDir: string | undefined;
  let env: Record<string, string>;
  if (engine === 'postgres') {
    pgServer = await startPostgres({ durable: true });
    env = { DATABASE_URL: await pgServer.createDatabase('bench'), PG_POOL_SIZE: POOL };
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'svc-bench-'));
    env = { DATA_DIR: dataDir };
  }
  // The collector logs only its start line: request logs would cost the collector, not measure it.
  const { child, url } = await startCollector({ ...env, LOG_LEVEL: 'info' });
  child.stdout!.resume();
  try {
    for (const scenario of SCENARIOS) {
      const result = await load(url, scenario, SECONDS, WARMUP_SECONDS);
      const sorted = result.latencies.sort((a, b) => a - b);
      const cells = [
        engine,
        scenario.name === 'single' ? 'single' : `batch ${scenario.batch}`,
        scenario.concurrency,
        Math.round(result.requests / result.seconds),
        Math.round(result.records / result.seconds),
        percentile(sorted, 50).toFixed(1),
        percentile(sorted, 99).toFixed(1),
        result.errors,
      ];
      rows.push(cells.map(String));
      console.log(line(cells));
    }
  } finally {
    await stop(child);
    pgServer?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
console.log('\nMarkdown:\n');
console.log('| engine | mode | in flight | requests/s | records/s | p50 ms | p99 ms | errors |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
