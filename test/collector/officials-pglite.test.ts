// Officials' access (tokens, scope matrix, audit) on the embedded engine (PGlite in memory).
import { openStorage } from '../../src/collector/storage/index.js';
import { officialsSuite } from '../support/officials-suite.js';
import { pgliteDatabase } from '../support/collector.js';

officialsSuite('pglite', {
  open: () => openStorage(pgliteDatabase()),
});
