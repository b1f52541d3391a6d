// Several collector instances on one PostgreSQL, the way a load balancer spreads a province's
// traffic: every record is sent, its acknowledgement "lost" at random, and sent again to any
// instance — sometimes to two at once. Used small by test/collector/instances.test.ts (npm test)
// and large by bench/instances.bench.ts.
import { openStorage } from '../../src/collector/storage/index.js';
import type { Storage } from '../../src/collector/storage/types.js';
import { complaint, pool, rating, request, startCollector, type Running } from './collector.js';
import { prng } from './prng.js';

export interface Instances {
  urls: string[];
  storages: Storage[];
  close(): Promise<void>;
}

/** `count` collectors, each with its own connection pool, on one database. */
export async function startInstances(url: string, count = 3, poolSize = 4): Promise<Instances> {
  const storages = await Promise.all(Array.from({ length: count }, () => openStorage({ engine: 'postgres', url, poolSize })));
  const running: Running[] = await Promise.all(storages.map((storage) => startCollector(storage)));
  return {
    urls: running.map((instance) => instance.url),
    storages,
    async close() {
      await Promise.all(running.map((instance) => instance.close()));
      await Promise.all(storages.map((storage) => storage.close()));
    },
  };
}

export interface RetryRun {
  records: number;
  /** Requests sent, repeats included. */
  requests: number;
  /** Replies per status, over every request. */
  statuses: Record<string, number>;
  /** Ids answered `accepted` more than once (must be none), or never (must be none). */
  acceptedTwice: string[];
  neverAccepted: string[];
  /** Complaints whose replies named more than one tracking code (must be none). */
  trackingCodeSplits: string[];
  /** Replies that were not 200 (5xx, 429…); they are retried like a lost acknowledgement. */
  failedRequests: number;
  ms: number;
}

/**
 * Sends `count` records (ratings, and complaints every `complaintEvery`-th) to `urls` with
 * `inFlight` requests at once. Each record goes out one to three times: to a random instance,
 * again to another one (its first acknowledgement "lost"), and now and then to two instances at
 * the same moment. Some requests are batches of several records, repeats among them.
 */
export async function sendWithRetries(
  urls: readonly string[],
  { count, inFlight = 16, seed = 13, complaintEvery = 4 }: { count: number; inFlight?: number; seed?: number; complaintEvery?: number },
): Promise<RetryRun> {
  const random = prng(seed);
  const pick = () => urls[Math.floor(random() * urls.length)]!;
  const records = Array.from({ length: count }, (_, i) => (i % complaintEvery === complaintEvery - 1 ? complaint() : rating({ score: 1 + (i % 5) })));
  // The plan: [instance, records] requests; every record at least once, most more than once.
  const plan: Array<{ url: string; batch: Array<Record<string, unknown>>; together?: boolean }> = [];
  for (let i = 0; i < records.length; ) {
    const size = random() < 0.3 ? 1 + Math.floor(random() * 5) : 1;
    const batch = records.slice(i, i + size);
    i += size;
    plan.push({ url: pick(), batch });
    const roll = random();
    if (roll < 0.5) plan.push({ url: pick(), batch }); // acknowledgement lost: sent again, anywhere
    if (roll < 0.15) plan.push({ url: pick(), batch, together: true }); // and a third time, racing
  }
  // Shuffle so that repeats come at any time, often while the first is still in flight.
  for (let i = plan.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [plan[i], plan[j]] = [plan[j]!, plan[i]!];
  }
  const statuses: Record<string, number> = {};
  const accepted = new Map<string, number>();
  const codes = new Map<string, Set<string>>();
  let failedRequests = 0;
  const t0 = performance.now();
  const send = async (url: string, batch: Array<Record<string, unknown>>) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      let reply;
      try {
        reply = await request(`${url}/v1/submissions`, { body: { records: batch } });
      } catch {
        reply = undefined;
      }
      if (reply?.status === 200) {
        for (const result of reply.body.results as Array<{ id: string; status: string; trackingCode?: string }>) {
          statuses[result.status] = (statuses[result.status] ?? 0) + 1;
          if (result.status === 'accepted') accepted.set(result.id, (accepted.get(result.id) ?? 0) + 1);
          if (result.trackingCode) {
            const seen = codes.get(result.id) ?? new Set<string>();
            seen.add(result.trackingCode);
            codes.set(result.id, seen);
          }
        }
        return;
      }
      failedRequests++;
      // A failed request is a lost acknowledgement too: try again, on any instance.
      url = pick();
      await new Promise((done) => setTimeout(done, 20 * (attempt + 1)));
    }
    throw new Error('a batch was refused 20 times in a row');
  };
  await pool(plan, inFlight, async (step, index) => {
    const together = step.together ? plan.find((other, k) => k !== index && other.batch === step.batch) : undefined;
    if (together) await Promise.all([send(step.url, step.batch), send(pick(), step.batch)]);
    else await send(step.url, step.batch);
  });
  const ms = performance.now() - t0;
  const ids = records.map((record) => record['id'] as string);
  return {
    records: count,
    requests: Object.values(statuses).reduce((a, b) => a + b, 0),
    statuses,
    acceptedTwice: ids.filter((id) => (accepted.get(id) ?? 0) > 1),
    neverAccepted: ids.filter((id) => !accepted.has(id)),
    trackingCodeSplits: [...codes].filter(([, seen]) => seen.size > 1).map(([id]) => id),
    failedRequests,
    ms,
  };
}

/** What the database holds after a run: rows, and ids stored more than once. */
export async function storedIds(storage: Storage): Promise<{ rows: number; doubled: number; distinct: number }> {
  const [row] = (await storage.db.query('SELECT count(*) AS n, count(DISTINCT id) AS d FROM records'))!;
  const rows = Number(row!['n']);
  const distinct = Number(row!['d']);
  return { rows, distinct, doubled: rows - distinct };
}
