// Officials' access (tokens, scope matrix, audit) on a real PostgreSQL server this file starts and stops.
import { openStorage } from '../../src/collector/storage/index.js';
import { officialsSuite } from '../support/officials-suite.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';

let server: PostgresServer | undefined;

officialsSuite('postgres', {
  async open() {
    server = await startPostgres();
    return openStorage({ engine: 'postgres', url: await server.createDatabase(), poolSize: 10 });
  },
  teardown: () => server?.stop(),
});
