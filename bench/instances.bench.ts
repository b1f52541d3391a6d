// npm run bench -- instances: three collector instances on one PostgreSQL (durable settings, as
// shipped) under the retrying load generator of test/support/instances.ts — every record sent one
// to three times, to any instance, sometimes to two at once — then the checks of the small test
// (test/collector/instances.test.ts) at volume: nothing lost, nothing doubled. BENCH_RECORDS sets
// the number of records (default 20,000), BENCH_IN_FLIGHT the requests in flight (default 32).
import os from 'node:os';
import { sendWithRetries, startInstances, storedIds } from '../test/support/instances.js';
import { startPostgres } from '../test/support/postgres.js';

const count = Number(process.env['BENCH_RECORDS'] ?? 20_000);
const inFlight = Number(process.env['BENCH_IN_FLIGHT'] ?? 32);

const server = await startPostgres({ durable: true });
try {
  const url = await server.createDatabase('instances_bench');
  const rows: string[] = [];
  for (const instanceCount of [1, 3]) {
    const database = instanceCount === 1 ? url : await server.createDatabase(`instances_bench_${instanceCount}`);
    const instances = await startInstances(database, instanceCount, 8);
    try {
      const load = os.loadavg()[0]!;
      const run = await sendWithRetries(instances.urls, { count, inFlight, seed: 42 });
      const stored = await storedIds(instances.storages[0]!);
      const lost = count - stored.distinct;
      const ok = lost === 0 && stored.doubled === 0 && run.acceptedTwice.length === 0 && run.neverAccepted.length === 0 && run.trackingCodeSplits.length === 0;
      rows.push(
        `${String(instanceCount).padStart(9)}${count.toLocaleString('en-US').padStart(10)}${run.requests.toLocaleString('en-US').padStart(12)}` +
          `${(run.statuses['duplicate'] ?? 0).toLocaleString('en-US').padStart(11)}${((run.requests / run.ms) * 1000).toFixed(0).padStart(13)}` +
          `${String(lost).padStart(6)}${String(stored.doubled + run.acceptedTwice.length).padStart(9)}${String(run.trackingCodeSplits.length).padStart(14)}` +
          `${String(run.failedRequests).padStart(10)}${load.toFixed(1).padStart(8)}  ${ok ? 'ok' : 'FAILED'}`,
      );
      if (!ok) process.exitCode = 1;
    } finally {
      await instances.close();
    }
  }
  console.log(`
Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}; PostgreSQL on loopback, durable settings.
${count.toLocaleString('en-US')} records (3 ratings : 1 complaint), ${inFlight} requests in flight, about 30 % of requests batches of 2-5 records.
Each record is sent again to a random instance half of the time, and 15 % of the time once more at the same moment.
"replies/s" counts every per-record answer (accepted or duplicate); "failed" are requests answered
other than 200 or not at all, then retried on a random instance.

instances   records     replies duplicates    replies/s  lost  doubled  code splits    failed    load
${rows.join('\n')}`);
} finally {
  server.stop();
}
