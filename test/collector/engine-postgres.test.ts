// The collector suite on a real PostgreSQL server that this file starts (initdb + pg_ctl on a temp
// folder and a free loopback port) and stops, with a fresh database for the suite.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MIGRATIONS, openStorage } from '../../src/collector/storage/index.js';
import { collectorSuite } from '../support/collector-suite.js';
import { verifiedSuite } from '../support/verified-suite.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';

let server: PostgresServer | undefined;

collectorSuite('postgres', {
  async open() {
    server = await startPostgres();
    return openStorage({ engine: 'postgres', url: await server.createDatabase(), poolSize: 10 });
  },
  teardown: () => server?.stop(),
});

let verifiedServer: PostgresServer | undefined;

verifiedSuite('postgres', {
  async open() {
    verifiedServer = await startPostgres();
    return openStorage({ engine: 'postgres', url: await verifiedServer.createDatabase(), poolSize: 10 });
  },
  teardown: () => verifiedServer?.stop(),
});

describe('several instances starting at once on one PostgreSQL', () => {
  let shared: PostgresServer;
  before(async () => {
    shared = await startPostgres();
  });
  after(() => shared?.stop());

  it('migrate once: the advisory lock makes the others wait, then find nothing to do', async () => {
    const url = await shared.createDatabase('instances');
    const storages = await Promise.all(Array.from({ length: 4 }, () => openStorage({ engine: 'postgres', url, poolSize: 2 })));
    try {
      const rows = await storages[0]!.db.query('SELECT version FROM schema_migrations');
      assert.equal(rows.length, MIGRATIONS.length);
      for (const storage of storages) assert.equal(await storage.count(), 0);
    } finally {
      await Promise.all(storages.map((storage) => storage.close()));
    }
  });
});
