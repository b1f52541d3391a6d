// Officials' access (tokens, scope matrix, audit) on the embedded engine (PGlite in memory).
import { openStorage } from '../../src/collector/storage/index.js';
import { officialsSuite } from '../support/officials-suite.js';

officialsSuite('pglite', {
  open: () => openStorage({ engine: 'pglite', dataDir: undefined as unknown as string }),
});
