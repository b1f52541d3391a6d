// npm start: build (the package, then the documentation site), then run the reference collector
// on the embedded database (PGlite in DATA_DIR, default ./data; DATABASE_URL switches to
// PostgreSQL) and serve the demo pages, the documentation site (/docs/) and the CDN bundles from
// the same origin, so the demo's widgets submit to a live collector. An empty database gets the
// sample dataset first (scripts/sample-data.mjs); `npm start -- --no-sample` not.
import { execFileSync } from 'node:child_process';

execFileSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
execFileSync('node', ['--import', 'tsx', 'docs/build/site.ts'], { stdio: 'inherit' });
// The demo pages run under DEMO_CSP, the strict policy the components promise to work with (CONTRACT §1).
const { ConfigError } = await import('../dist/collector.js');
const { startDemo } = await import('./demo-server.mjs');

let started;
try {
  started = await startDemo({ sample: !process.argv.includes('--no-sample') });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`npm start: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
const { collector, config, url } = started;
const where = config.database.engine === 'pglite' ? `PGlite in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)';
console.log(`collector: ${url}/  (demo: ${url}/demo/, docs: ${url}/docs/, database: ${where})`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    collector.close().then(() => process.exit(0), () => process.exit(1));
  });
}
