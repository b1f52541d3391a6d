// npm test: everything a commit must keep green, in one command, in this order:
// browsers present → build → documentation site → type-check tests → Node tests → browser tests
// (Chromium, Firefox, WebKit in turn) → end-to-end → size budgets → README element reference up to
// date. SVC_ENGINES=chromium,firefox narrows the engines.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';
import { ensureEngines, engineVersion, XVFB_RUN } from './engines.mjs';

const started = Date.now();
const run = (label, command, args, env = {}) => {
  const t0 = Date.now();
  console.log(`\n▶ ${label}`);
  execFileSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`✔ ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
};

/** Test files below a folder, in a stable order. */
function files(dir, pattern) {
  const out = [];
  const walk = (folder) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (pattern.test(name)) out.push(path);
    }
  };
  try {
    walk(dir);
  } catch {
    return [];
  }
  return out;
}

const chromium = ensureChromium();
const engines = ensureEngines();
run('build', 'node', ['scripts/build.mjs']);
// The documentation site: its browser test (test/e2e/docs.e2e.ts) opens every page.
run('documentation site', 'node', ['--import', 'tsx', 'docs/build/site.ts']);
run('type-check tests', 'node_modules/.bin/tsc', ['-p', 'tsconfig.test.json', '--noEmit']);

const browserDirs = new Set(['components', 'browser', 'e2e', 'support', 'fixtures']);
const nodeTests = readdirSync('test')
  .filter((name) => !browserDirs.has(name))
  .flatMap((name) => files(join('test', name), /\.test\.ts$/));
if (nodeTests.length) {
  run('node tests', 'node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...nodeTests]);
}
const browserTests = [...files('test/components', /\.test\.ts$/), ...files('test/browser', /\.test\.ts$/)];
if (browserTests.length) {
  // Every engine runs even when one fails, so a run shows all that differ; then the step fails.
  const failed = [];
  for (const engine of engines) {
    // WebKit's MiniBrowser has no headless mode: it gets a virtual display.
    const [command, args] = engine === 'webkit'
      ? [XVFB_RUN, ['-a', '-s', '-screen 0 1280x1024x24', 'node_modules/.bin/web-test-runner']]
      : ['node_modules/.bin/web-test-runner', []];
    try {
      run(`browser tests in ${engine} (${engineVersion(engine)})`, command, args, { CHROMIUM_PATH: chromium, SVC_ENGINE: engine });
    } catch {
      console.log(`✘ browser tests in ${engine} failed`);
      failed.push(engine);
    }
  }
  if (failed.length) {
    console.error(`\nbrowser tests failed in: ${failed.join(', ')}`);
    process.exit(1);
  }
}
const e2e = files('test/e2e', /\.e2e\.ts$/);
if (e2e.length) {
  const nodeArgs = ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...e2e];
  // The engines' end-to-end tests drive WebKit too, which needs a display.
  const [command, args] = engines.includes('webkit') ? [XVFB_RUN, ['-a', '-s', '-screen 0 1280x1024x24', 'node', ...nodeArgs]] : ['node', nodeArgs];
  run('end-to-end tests', command, args, { CHROMIUM_PATH: chromium, SVC_ENGINES: engines.join(',') });
}
run('size budgets', 'node', ['scripts/size.mjs']);
run('README element reference', 'node', ['scripts/docs.mjs', '--check']);
console.log(`\nnpm test passed in ${((Date.now() - started) / 60000).toFixed(1)} min`);
