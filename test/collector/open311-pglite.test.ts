// Open311 GeoReport v2 on the embedded engine (PGlite, in memory: one database for the file).
import { openStorage } from '../../src/collector/storage/index.js';
import { open311Suite } from '../support/open311-suite.js';
import { pgliteDatabase } from '../support/collector.js';

open311Suite('pglite', {
  open: () => openStorage(pgliteDatabase()),
});
