// Gzip budgets of the CDN bundles (CONTRACT §1, §3, §10). Growing a budget needs a reason in the commit.
// `node scripts/size.mjs` checks them and prints what each citizen entry loads besides itself;
// test/build/bundles.test.ts and the end-to-end tests import the patterns and lists below.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, normalize, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';

/**
 * chart.js code, as it survives minification and tree-shaking: string literals of its core that
 * every build keeps (the canvas expando key, the "canvas in use" error, the date adapter
 * registry). Proved by test/build/bundles.test.ts against chart.js's own dist files and our
 * chart chunk, and against the bundles that must not hold it.
 */
export const CHART_JS_CODE = /\$chartjs|Canvas is already in use|_adapters/;

/** The lazily loaded chart.js chunk of the dashboard (its name carries a content hash). */
export function chartChunks(dir = 'dist/cdn/chunks') {
  return existsSync(dir) ? readdirSync(dir).filter((name) => /^chart-.*\.js$/.test(name)).map((name) => `${dir}/${name}`) : [];
}

/** The officials' report chunk, which `officials.js` imports lazily (its name carries a content hash). */
export function reportChunks(dir = 'dist/cdn/chunks') {
  return existsSync(dir) ? readdirSync(dir).filter((name) => /^svc-report-.*\.js$/.test(name)).map((name) => `${dir}/${name}`) : [];
}

/**
 * A bundle and every chunk it imports statically (`import … from "./chunks/x.js"`), each once: what
 * a page downloads before the entry runs. Lazy `import()`s are left out (they have budgets of their
 * own, or are listed in AT_LOAD), so an entry cannot pass its budget by becoming a facade over a chunk.
 */
export function staticClosure(file) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path) || !existsSync(path)) return;
    seen.add(path);
    const text = readFileSync(path, 'utf8');
    for (const match of text.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(posix.normalize(posix.join(posix.dirname(path), match[1])));
    }
  };
  visit(file);
  return [...seen];
}

const hasDashboard = existsSync('src/dashboard.ts');
const hasReport = existsSync('src/components/officials/report/svc-report.ts');

/** Gzip (level 9) size of a file in KiB. */
export const gzipKiB = (file) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** A chunk's name without its content hash: `chunks/delivery-CytlRi4U.js` → `delivery`. */
export const partName = (file) => basename(file).replace(/-[A-Za-z0-9_-]{8}\.js$/, '');

/**
 * The chunks a built file can load, transitively: `import("./chunks/x-HASH.js"…)` (lazily) and
 * `from "./x-HASH.js"` (statically, between chunks). The entry itself is left out.
 */
export function chunksOf(entry) {
  const seen = new Set();
  const visit = (file) => {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:import\(|from)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
      const target = normalize(join(dirname(file), match[1]));
      if (target === normalize(entry) || seen.has(target) || !target.includes('/chunks/')) continue;
      seen.add(target);
      visit(target);
    }
  };
  visit(entry);
  return [...seen].sort();
}

/**
 * What a page asks for when it loads a citizen entry, besides the entry (test/e2e/bundles.e2e.ts
 * checks these lists against the requests of such pages in Chromium). Each part is requested when
 * its element connects, in parallel: the strings of the page's language and the delivery part
 * (outbox, transport) before the element is drawn, and what the elements shown use.
 */
export const AT_LOAD = [
  {
    entry: 'dist/cdn/rating.js',
    page: 'one inline <svc-rating> on a Vietnamese page',
    html: 'test/e2e/pages/rating-only.html',
    parts: ['rating-vi', 'delivery'],
  },
  {
    entry: 'dist/cdn/service-feedback.js',
    page: 'one inline <svc-rating> on a Vietnamese page',
    html: 'test/e2e/pages/rating.html',
    parts: ['rating-vi', 'delivery'],
  },
  {
    entry: 'dist/cdn/service-feedback.js',
    page: 'the four citizen elements on a Vietnamese page (a rating, a complaint form, a status lookup, the standards poster)',
    html: 'test/e2e/pages/citizen.html',
    parts: ['rating-vi', 'complaint-vi', 'status-vi', 'standards-vi', 'delivery', 'open311', 'standard-list', 'attachments'],
  },
];

export const BUDGETS = [
  // CONTRACT §10: the entry file's own gzip. What each entry loads besides itself is printed below
  // (AT_LOAD) and stated in docs/pages/numbers.md.
  { file: 'dist/cdn/service-feedback.js', maxGzipKiB: 20, optional: !existsSync('src/elements.ts'), forbidden: [CHART_JS_CODE] },
  // CONTRACT §10: 12 (11.99 measured, 12,280 bytes). What weighs, and what was cut, is in the
  // "Bundles" section of docs/pages/numbers.md.
  { file: 'dist/cdn/rating.js', maxGzipKiB: 12, optional: !existsSync('src/rating.ts'), forbidden: [CHART_JS_CODE, /svc-complaint/] },
  // The dashboard entry: Lit, analytics, both elements; chart.js stays in its own chunk.
  { file: 'dist/cdn/dashboard.js', maxGzipKiB: 80, optional: !hasDashboard, forbidden: [CHART_JS_CODE] },
  // chart.js tree-shaken to two controllers, two scales, the filler, legend and tooltip.
  ...(hasDashboard ? chartChunks().map((file) => ({ file, maxGzipKiB: 64, required: [CHART_JS_CODE] })) : []),
  { file: 'dist/cdn/analytics-worker.js', maxGzipKiB: 16, optional: !hasDashboard },
  // CONTRACT §9: the scorecard with everything it loads (it loads nothing more: no chunk import).
  { file: 'dist/cdn/scorecard.js', maxGzipKiB: 10, optional: !existsSync('src/scorecard.ts'), forbidden: [/import\(/] },
  // The officials' entry (CONTRACT §8, §9): Lit, the inbox and its own strings; the report is a chunk.
  { file: 'dist/cdn/officials.js', maxGzipKiB: 24, optional: !existsSync('src/officials.ts'), forbidden: [CHART_JS_CODE] },
  // <svc-report>, which officials.js imports in parallel (itself only: it takes Lit from the entry):
  // the element, its strings, the analytics and the dashboard's data loading; no chart.js.
  ...(hasReport ? reportChunks().map((file) => ({ file, maxGzipKiB: 40, lazy: true, forbidden: [CHART_JS_CODE] })) : []),
];

export function checkBudgets() {
  let failed = false;
  if (hasDashboard && chartChunks().length !== 1) {
    console.error(`✘ expected one chart.js chunk in dist/cdn/chunks, found ${chartChunks().length}: run npm run build`);
    failed = true;
  }
  for (const { file, maxGzipKiB, forbidden = [], required = [], optional, lazy = false } of BUDGETS) {
    if (!existsSync(file)) {
      if (optional) continue;
      console.error(`✘ ${file} is missing: run npm run build`);
      failed = true;
      continue;
    }
    // An entry counts with the chunks it imports statically (it cannot shrink into a facade); a
    // lazy chunk is loaded after its entry: only its own bytes count.
    const files = lazy ? [file] : staticClosure(file);
    const bytes = files.reduce((sum, path) => sum + readFileSync(path).length, 0);
    const gzipped = files.reduce((sum, path) => sum + gzipKiB(path), 0);
    const ok = gzipped <= maxGzipKiB;
    const more = files.length > 1 ? ` (with ${files.slice(1).join(', ')})` : '';
    console.log(`${ok ? '✔' : '✘'} ${file}${more}: ${(bytes / 1024).toFixed(1)} KiB, ${gzipped.toFixed(2)} KiB gzip (budget ${maxGzipKiB} KiB)`);
    const text = files.map((path) => readFileSync(path, 'utf8')).join('\n');
    for (const pattern of forbidden) {
      if (pattern.test(text)) {
        console.error(`✘ ${file} contains code it must not: ${pattern}`);
        failed = true;
      }
    }
    for (const pattern of required) {
      if (!pattern.test(text)) {
        console.error(`✘ ${file} lacks what it must hold: ${pattern}`);
        failed = true;
      }
    }
    if (!ok) failed = true;
  }
  for (const { entry, page, parts } of AT_LOAD) {
    if (!existsSync(entry)) continue;
    const chunks = chunksOf(entry);
    const loaded = parts.map((part) => chunks.find((chunk) => partName(chunk) === part));
    if (loaded.includes(undefined)) {
      console.error(`✘ ${entry} has no chunk for ${parts.filter((_, index) => !loaded[index]).join(', ')}: update AT_LOAD`);
      failed = true;
      continue;
    }
    const partsKiB = loaded.reduce((sum, chunk) => sum + gzipKiB(chunk), 0);
    const all = chunks.reduce((sum, chunk) => sum + gzipKiB(chunk), 0);
    console.log(
      `  ${basename(entry)} with ${page}: ${(gzipKiB(entry) + partsKiB).toFixed(2)} KiB gzip in ${parts.length + 1} files ` +
        `(the entry + ${partsKiB.toFixed(2)}: ${loaded.map((chunk) => `${partName(chunk)} ${gzipKiB(chunk).toFixed(2)}`).join(', ')}); ` +
        `every part it can load: ${chunks.length} chunks, ${all.toFixed(2)} KiB`,
    );
  }
  return !failed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && !checkBudgets()) process.exit(1);
