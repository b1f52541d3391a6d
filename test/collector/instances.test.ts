// Three collector instances on one PostgreSQL (CONTRACT §6, §10): records sent with retries that
// land on any instance — repeats after a lost acknowledgement, and the same batch racing on two
// instances at once — are all stored, each once; each was answered `accepted` exactly once and
// `duplicate` every other time, a complaint always with the same tracking code; and every
// instance reports the same summary. The large run is bench/instances.bench.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from '../support/collector.js';
import { sendWithRetries, startInstances, storedIds, type Instances } from '../support/instances.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';

describe('three collector instances on one PostgreSQL', () => {
  let server: PostgresServer;
  let instances: Instances;
  before(async () => {
    server = await startPostgres();
    instances = await startInstances(await server.createDatabase('three'), 3);
  });
  after(async () => {
    await instances?.close();
    server?.stop();
  });

  it('retries landing on any instance: nothing lost, nothing doubled', async () => {
    const count = 240;
    const run = await sendWithRetries(instances.urls, { count, inFlight: 12, seed: 2026 });
    assert.ok(run.requests > count * 1.4, `records were sent again (${run.requests} replies for ${count} records)`);
    assert.ok((run.statuses['duplicate'] ?? 0) > count * 0.4, 'and answered duplicate');
    assert.deepEqual(run.neverAccepted, [], 'every record accepted once');
    assert.deepEqual(run.acceptedTwice, [], 'no record accepted twice');
    assert.deepEqual(run.trackingCodeSplits, [], 'a complaint keeps one tracking code on every instance');
    assert.equal(run.statuses['rejected'] ?? 0, 0);
    assert.equal(run.statuses['accepted'], count);
    const stored = await storedIds(instances.storages[0]!);
    assert.deepEqual(stored, { rows: count, distinct: count, doubled: 0 });
    for (const storage of instances.storages) assert.equal(await storage.count(), count, 'every instance sees every record');
  });

  it('every instance answers the same summary', async () => {
    const query = '/v1/summary?groupBy=unit&period=month&timeZone=Asia/Ho_Chi_Minh';
    const [first, ...others] = await Promise.all(instances.urls.map((url) => request(`${url}${query}`)));
    assert.equal(first!.status, 200);
    assert.ok(first!.text.includes('"ratings"'), first!.text.slice(0, 200));
    for (const other of others) assert.deepEqual(other.body, first!.body);
  });
});
