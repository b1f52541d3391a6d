// Gzip budgets of the CDN bundles (CONTRACT §1, §3). Growing a budget needs a reason in the commit.
// `node scripts/size.mjs` checks them; test/build/bundles.test.ts imports the patterns below.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { posix } from 'node:path';
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
 * own), so an entry cannot pass its budget by becoming a facade over a chunk.
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

export const BUDGETS = [
  { file: 'dist/cdn/service-feedback.js', maxGzipKiB: 31, optional: !existsSync('src/index.ts'), forbidden: [CHART_JS_CODE] },
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
  if (hasReport && existsSync('dist/cdn/officials.js') && reportChunks().length !== 1) {
    console.error(`✘ expected one report chunk in dist/cdn/chunks, found ${reportChunks().length}: run npm run build`);
    failed = true;
  }
  for (const { file, maxGzipKiB, forbidden = [], required = [], optional, lazy } of BUDGETS) {
    if (!existsSync(file)) {
      if (optional) continue;
      console.error(`✘ ${file} is missing: run npm run build`);
      failed = true;
      continue;
    }
    // A lazy chunk is loaded after its entry: only its own bytes count.
    const files = lazy ? [file] : staticClosure(file);
    const sources = files.map((path) => readFileSync(path));
    const bytes = sources.reduce((sum, source) => sum + source.length, 0);
    const gzipKiB = sources.reduce((sum, source) => sum + gzipSync(source, { level: 9 }).length, 0) / 1024;
    const ok = gzipKiB <= maxGzipKiB;
    const more = files.length > 1 ? ` (with ${files.slice(1).join(', ')})` : '';
    console.log(`${ok ? '✔' : '✘'} ${file}${more}: ${(bytes / 1024).toFixed(1)} KiB, ${gzipKiB.toFixed(2)} KiB gzip (budget ${maxGzipKiB} KiB)`);
    const text = sources.map((source) => source.toString('utf8')).join('\n');
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
  return !failed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && !checkBudgets()) process.exit(1);
