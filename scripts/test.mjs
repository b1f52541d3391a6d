// npm test: everything a commit must keep green, in one command, in this order:
// browsers present → build → documentation site → database template → type-check tests → Node
// tests beside the browser tests (Chromium, Firefox, WebKit in turn, then end-to-end) → size
// budgets → README element reference up to date. SVC_ENGINES=chromium,firefox narrows the engines.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
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
// The tests' PGlite databases (some sixty) start from one made here with every migration applied:
// creating PGlite's cluster is most of a new database's cost. Children inherit PGLITE_TEMPLATE.
const templateDir = mkdtempSync(join(tmpdir(), 'svc-pglite-template-'));
process.on('exit', () => rmSync(templateDir, { recursive: true, force: true }));
process.env.PGLITE_TEMPLATE = join(templateDir, 'template.tar');
run('database template', 'node', [
  '--input-type=module',
  '-e',
  "const { writePgliteTemplate } = await import('./dist/collector/storage/pglite.js'); await writePgliteTemplate(process.argv[1]);",
  process.env.PGLITE_TEMPLATE,
]);
run('type-check tests', 'node_modules/.bin/tsc', ['-p', 'tsconfig.test.json', '--noEmit']);

const browserDirs = new Set(['components', 'browser', 'e2e', 'support', 'fixtures']);
const nodeTests = readdirSync('test')
  .filter((name) => !browserDirs.has(name))
  .flatMap((name) => files(join('test', name), /\.test\.ts$/));
const browserTests = [...files('test/components', /\.test\.ts$/), ...files('test/browser', /\.test\.ts$/)];

const e2e = files('test/e2e', /\.e2e\.ts$/);

// Node's test runner uses one core here (its concurrency is cores − 1), and a browser test run
// mostly waits on the browser: the Node tests run beside the browser side, which is the
// component tests in each engine, then the end-to-end tests. The Node tests stream; the browser
// side's output is printed whole per stage when it ends, so the two never interleave mid-line.
const [nodeOk, { failedEngines, e2eOk }] = await Promise.all([
  nodeTests.length ? stage('node tests', 'node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...nodeTests]) : true,
  browserSide(),
]);
if (!nodeOk || failedEngines.length || !e2eOk) {
  if (!nodeOk) console.error('\nnode tests failed');
  if (failedEngines.length) console.error(`\nbrowser tests failed in: ${failedEngines.join(', ')}`);
  if (!e2eOk) console.error('\nend-to-end tests failed');
  process.exit(1);
}

/** The component tests in each engine, then the end-to-end tests (run even when an engine failed). */
async function browserSide() {
  const failedEngines = browserTests.length ? await browserEngines() : [];
  let e2eOk = true;
  if (e2e.length) {
    // Two files at a time: the end-to-end tests mostly run alone (the Node tests end with the
    // engines), and one file's browser leaves most of the second core idle (413 → 328 s).
    const nodeArgs = ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...e2e];
    // The engines' end-to-end tests drive WebKit too, which needs a display.
    const [command, args] = engines.includes('webkit') ? [XVFB_RUN, ['-a', '-s', '-screen 0 1280x1024x24', 'node', ...nodeArgs]] : ['node', nodeArgs];
    e2eOk = await stage('end-to-end tests', command, args, { CHROMIUM_PATH: chromium, SVC_ENGINES: engines.join(',') }, { buffered: true });
  }
  return { failedEngines, e2eOk };
}

/** Every engine in turn, even when one fails, so a run shows all that differ; the failed ones. */
async function browserEngines() {
  const failed = [];
  for (const engine of engines) {
    // WebKit's MiniBrowser has no headless mode: it gets a virtual display.
    const [command, args] = engine === 'webkit'
      ? [XVFB_RUN, ['-a', '-s', '-screen 0 1280x1024x24', 'node_modules/.bin/web-test-runner']]
      : ['node_modules/.bin/web-test-runner', []];
    const ok = await stage(`browser tests in ${engine} (${engineVersion(engine)})`, command, args, { CHROMIUM_PATH: chromium, SVC_ENGINE: engine }, { buffered: true });
    if (!ok) failed.push(engine);
  }
  return failed;
}

/** Runs a command without blocking the other stage; true when it exits 0. */
function stage(label, command, args, env = {}, { buffered = false } = {}) {
  const t0 = Date.now();
  if (!buffered) console.log(`\n▶ ${label}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...env } });
    const chunks = [];
    if (buffered) {
      child.stdout.on('data', (chunk) => chunks.push(chunk));
      child.stderr.on('data', (chunk) => chunks.push(chunk));
    }
    child.on('close', (code) => {
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      if (buffered) process.stdout.write(`\n▶ ${label}\n${Buffer.concat(chunks).toString('utf8')}`);
      console.log(code === 0 ? `✔ ${label} (${seconds} s)` : `✘ ${label} failed (${seconds} s)`);
      resolve(code === 0);
    });
  });
}
run('size budgets', 'node', ['scripts/size.mjs']);
run('README element reference', 'node', ['scripts/docs.mjs', '--check']);
console.log(`\nnpm test passed in ${((Date.now() - started) / 60000).toFixed(1)} min`);
