// The collector suite on the embedded engine (PGlite, in memory for the test: one database for the file).
import { openStorage } from '../../src/collector/storage/index.js';
import { collectorSuite } from '../support/collector-suite.js';
import { verifiedSuite } from '../support/verified-suite.js';

collectorSuite('pglite', {
  open: () => openStorage({ engine: 'pglite', dataDir: undefined as unknown as string }),
});

verifiedSuite('pglite', {
  open: () => openStorage({ engine: 'pglite', dataDir: undefined as unknown as string }),
});
