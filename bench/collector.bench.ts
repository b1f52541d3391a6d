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
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createNetServer } from 'node:net';
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
/** BENCH_PLAN=load (bench/load.bench.ts): single submissions at rising concurrency, 30 s each. */
const LOAD_SCENARIOS: Scenario[] = [1, 2, 4, 8, 16, 32, 64, 128].map((concurrency) => ({ name: 'single', batch: 1, concurrency }));
const PLAN = process.env['BENCH_PLAN'] === 'load' ? LOAD_SCENARIOS : ALL_SCENARIOS;
const only = process.env['BENCH_SCENARIOS']?.split(',');
const SCENARIOS = PLAN.filter((scenario) => !only || only.includes(`${scenario.name}-${scenario.concurrency}`));

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

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); 0 elsewhere. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return 0;
  }
}

/** The process and its children (the PostgreSQL backends of a postmaster). */
function family(pid: number): number[] {
  const pids = [pid];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

interface Result {
  requests: number;
  records: number;
  errors: number;
  latencies: number[];
  seconds: number;
  /** CPU seconds the server side (collector + database processes) used while measuring. */
  serverCpu: number;
  /** CPU seconds this load generator used while measuring. */
  generatorCpu: number;
}

/** Keep-alive POSTs at a fixed concurrency for `seconds`; latencies in ms of requests after the warm-up. */
async function load(base: URL, scenario: Scenario, seconds: number, warmup: number, serverCpu: () => number): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: scenario.concurrency });
  const latencies: number[] = [];
  let requests = 0;
  let records = 0;
  let errors = 0;
  const start = performance.now();
  const measureFrom = start + warmup * 1000;
  const end = measureFrom + seconds * 1000;
  let cpuAtStart = { server: 0, generator: 0 };
  const sampler = setTimeout(() => {
    cpuAtStart = { server: serverCpu(), generator: process.cpuUsage().user + process.cpuUsage().system };
  }, warmup * 1000);
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
  clearTimeout(sampler);
  const usage = process.cpuUsage();
  const cpu = { server: serverCpu() - cpuAtStart.server, generator: (usage.user + usage.system - cpuAtStart.generator) / 1e6 };
  agent.destroy();
  return { requests, records, errors, latencies, seconds, serverCpu: cpu.server, generatorCpu: cpu.generator };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** A free loopback port (the collector runs silent, so it cannot tell us the one it took). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startCollector(env: Record<string, string>): Promise<{ child: ChildProcess; url: URL }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/collector/bin.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RATE_LIMIT: '0', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = new URL(`http://127.0.0.1:${port}`);
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`collector exited with ${code}`))));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const up = await Promise.race([get(new URL('/healthz', url)).then((reply) => reply.status === 200, () => false), exited]);
    if (up) return { child, url };
    if (Date.now() > deadline) throw new Error('collector did not start within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** GET a URL on a fresh connection; resolves with status, body and milliseconds. */
function get(url: URL, headers: Record<string, string> = {}): Promise<{ status: number; body: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - t0 }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Median time of /v1/summary over everything the ingest runs stored. */
async function summaryTimes(base: URL): Promise<Array<{ query: string; records: number; rows: number; medianMs: number }>> {
  const health = await get(new URL('/healthz', base));
  if (health.status !== 200) return [];
  const out = [];
  for (const query of ['groupBy=unit&period=month&timeZone=Asia/Ho_Chi_Minh', 'groupBy=agency,unit,service&period=day&timeZone=Asia/Ho_Chi_Minh']) {
    const times: number[] = [];
    let rows = 0;
    let records = 0;
    for (let i = 0; i < 5; i++) {
      const reply = await get(new URL(`/v1/summary?${query}`, base));
      if (reply.status !== 200) throw new Error(`summary answered ${reply.status}: ${reply.body.slice(0, 200)}`);
      const parsed = JSON.parse(reply.body) as Array<{ ratings: number; complaints: number; cases: number }>;
      rows = parsed.length;
      records = parsed.reduce((sum, row) => sum + row.ratings + row.complaints + row.cases, 0);
      times.push(reply.ms);
    }
    times.sort((a, b) => a - b);
    out.push({ query, records, rows, medianMs: times[2]! });
  }
  return out;
}

const ADMIN = 'bench-admin-token-0123456789';
const rows: string[][] = [];
const summaries: string[] = [];
const line = (cells: Array<string | number>) => cells.map((cell, i) => String(cell).padStart(i < 2 ? 8 : 11)).join(' ');

console.log(`collector ingest: ${SECONDS} s per scenario after ${WARMUP_SECONDS} s warm-up, loopback, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
console.log(line(['engine', 'mode', 'in flight', 'requests/s', 'records/s', 'p50 ms', 'p99 ms', 'errors', 'srv CPU ms/req', 'srv cores', 'gen CPU ms/req']));

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
  // LOG_LEVEL=silent: request logs would cost the collector, not measure it.
  const { child, url } = await startCollector({ ...env, ADMIN_TOKEN: ADMIN });
  try {
    const serverCpu = () =>
      cpuSeconds(child.pid!) + (pgServer ? family(pgServer.postmasterPid()).reduce((sum, pid) => sum + cpuSeconds(pid), 0) : 0);
    for (const scenario of SCENARIOS) {
      const result = await load(url, scenario, SECONDS, WARMUP_SECONDS, serverCpu);
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
        ((result.serverCpu * 1000) / Math.max(1, result.requests)).toFixed(2),
        (result.serverCpu / result.seconds).toFixed(2),
        ((result.generatorCpu * 1000) / Math.max(1, result.requests)).toFixed(2),
      ];
      rows.push(cells.map(String));
      console.log(line(cells));
    }
    for (const { query, records, rows: count, medianMs } of await summaryTimes(url)) {
      const text = `${engine}: GET /v1/summary?${query} over ${records.toLocaleString('en')} records → ${count} rows, median of 5: ${medianMs.toFixed(0)} ms`;
      summaries.push(text);
      console.log(text);
    }
  } finally {
    await stop(child);
    pgServer?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
console.log(`\nload average at the end: ${loadavg().map((n) => n.toFixed(2)).join(' ')} (other work on the machine skews the figures)`);
console.log('server CPU = the collector process plus PostgreSQL\'s processes (PGlite runs inside the collector).');
console.log('\nMarkdown:\n');
for (const text of summaries) console.log(`- ${text}`);
console.log('');
console.log('| engine | mode | in flight | requests/s | records/s | p50 ms | p99 ms | errors | server CPU ms / request | server cores busy | generator CPU ms / request |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
