// npm run bench -- load: the load run of "proof under fire" — 30 s of valid single submissions
// at rising concurrency (1 to 128 in flight) against the collector on PGlite and on PostgreSQL,
// each in its own process; prints throughput, p50/p99 latency and errors per step. The same
// load generator as bench/collector.bench.ts (BENCH_PLAN=load); BENCH_SECONDS shortens a step.
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['--import', 'tsx', 'bench/collector.bench.ts'], {
  stdio: 'inherit',
  env: { ...process.env, BENCH_PLAN: 'load', BENCH_SECONDS: process.env['BENCH_SECONDS'] ?? '30' },
});
