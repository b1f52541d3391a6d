// npm start: build (the package, then the documentation site), then run the reference collector
// on the embedded database (PGlite in DATA_DIR, default ./data; DATABASE_URL switches to
// PostgreSQL) and serve the demo pages, the documentation site (/docs/) and the CDN bundles from
// the same origin, so the demo's widgets submit to a live collector.
import { execFileSync } from 'node:child_process';

execFileSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
execFileSync('node', ['--import', 'tsx', 'docs/build/site.ts'], { stdio: 'inherit' });
// The demo pages run under DEMO_CSP, the strict policy the components promise to work with (CONTRACT §1).
const { createCollector, configFromEnv, ConfigError, DEMO_CSP } = await import('../dist/collector.js');

let config;
try {
  config = configFromEnv({ HOST: '127.0.0.1', ...process.env });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`npm start: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
const collector = createCollector({
  config,
  static: [
    { prefix: '/demo/', dir: 'demo' },
    // The documentation site (npm run docs), under the same strict policy as the demo.
    { prefix: '/docs/', dir: 'dist/docs' },
    { prefix: '/dist/', dir: 'dist' },
  ],
  staticHeaders: { 'Content-Security-Policy': DEMO_CSP, 'Referrer-Policy': 'no-referrer' },
});
const { port } = await collector.listen();
const where = config.database.engine === 'pglite' ? `PGlite in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)';
const host = config.host === undefined || config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
console.log(`collector: http://${host}:${port}/  (demo: http://${host}:${port}/demo/, docs: http://${host}:${port}/docs/, database: ${where})`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    collector.close().then(() => process.exit(0), () => process.exit(1));
  });
}
