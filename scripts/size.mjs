// Gzip budgets of the CDN bundles (CONTRACT §1, §3). Growing a budget needs a reason in the commit.
// `node scripts/size.mjs` checks them; test/build/bundles.test.ts imports the patterns below.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

const hasDashboard = existsSync('src/dashboard.ts');

export const BUDGETS = [
  { file: 'dist/cdn/service-feedback.js', maxGzipKiB: 31, optional: !existsSync('src/index.ts'), forbidden: [CHART_JS_CODE] },
  // The dashboard entry: Lit, analytics, both elements; chart.js stays in its own chunk.
  { file: 'dist/cdn/dashboard.js', maxGzipKiB: 80, optional: !hasDashboard, forbidden: [CHART_JS_CODE] },
  // chart.js tree-shaken to two controllers, two scales, the filler, legend and tooltip.
  ...(hasDashboard ? chartChunks().map((file) => ({ file, maxGzipKiB: 64, required: [CHART_JS_CODE] })) : []),
  { file: 'dist/cdn/analytics-worker.js', maxGzipKiB: 16, optional: !hasDashboard },
  // CONTRACT §9: the scorecard with everything it loads (it loads nothing more: no chunk import).
  { file: 'dist/cdn/scorecard.js', maxGzipKiB: 10, optional: !existsSync('src/scorecard.ts'), forbidden: [/import\(/] },
  // The officials' inbox (CONTRACT §8): Lit, the element and its own strings.
  { file: 'dist/cdn/officials.js', maxGzipKiB: 24, optional: !existsSync('src/officials.ts'), forbidden: [CHART_JS_CODE] },
];

export function checkBudgets() {
  let failed = false;
  if (hasDashboard && chartChunks().length !== 1) {
    console.error(`✘ expected one chart.js chunk in dist/cdn/chunks, found ${chartChunks().length}: run npm run build`);
    failed = true;
  }
  for (const { file, maxGzipKiB, forbidden = [], required = [], optional } of BUDGETS) {
    if (!existsSync(file)) {
      if (optional) continue;
      console.error(`✘ ${file} is missing: run npm run build`);
      failed = true;
      continue;
    }
    const source = readFileSync(file);
    const gzipKiB = gzipSync(source, { level: 9 }).length / 1024;
    const ok = gzipKiB <= maxGzipKiB;
    console.log(`${ok ? '✔' : '✘'} ${file}: ${(source.length / 1024).toFixed(1)} KiB, ${gzipKiB.toFixed(2)} KiB gzip (budget ${maxGzipKiB} KiB)`);
    const text = source.toString('utf8');
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
