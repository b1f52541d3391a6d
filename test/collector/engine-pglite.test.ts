// The collector suite on the embedded engine (PGlite, in memory for the test: one database for the file).
import { openStorage } from '../../src/collector/storage/index.js';
import { collectorSuite } from '../support/collector-suite.js';
import { verifiedSuite } from '../support/verified-suite.js';
import { pgliteDatabase } from '../support/collector.js';

collectorSuite('pglite', {
  open: () => openStorage(pgliteDatabase()),
});

verifiedSuite('pglite', {
  open: () => openStorage(pgliteDatabase()),
});
