// Open311 GeoReport v2 on a real PostgreSQL server that this file starts and stops.
import { openStorage } from '../../src/collector/storage/index.js';
import { open311Suite } from '../support/open311-suite.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';

let server: PostgresServer | undefined;

open311Suite('postgres', {
  async open() {
    server = await startPostgres();
    return openStorage({ engine: 'postgres', url: await server.createDatabase(), poolSize: 10 });
  },
  teardown: () => server?.stop(),
});
