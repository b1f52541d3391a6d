// The collector suite on a real PostgreSQL server that this file starts (initdb + pg_ctl on a temp
// folder and a free loopback port) and stops, with a fresh database for the suite.
import { openStorage } from '../../src/collector/storage/index.js';
import { collectorSuite } from '../support/collector-suite.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';

let server: PostgresServer | undefined;

collectorSuite('postgres', {
  async open() {
    server = await startPostgres();
    return openStorage({ engine: 'postgres', url: await server.createDatabase(), poolSize: 10 });
  },
  teardown: () => server?.stop(),
});
