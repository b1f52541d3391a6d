// CDN bundles for pages without a bundler: dependencies inlined, minified, one file per entry
// (plus lazily loaded chunks for the dashboard). Input is tsc's output in dist/.
import { existsSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyTemplates } from './scripts/rollup-minify-templates.mjs';
import { retryImport } from './scripts/rollup-retry-import.mjs';
import { trimLit } from './scripts/rollup-trim-lit.mjs';

/**
 * `BUNDLE_STATS=1 npm run build` (or `node scripts/bundle-report.mjs`) also writes what each CDN file
 * is made of, module by module, as rollup-plugin-visualizer's raw data in dist/stats/. Measured
 * from the source maps after minification, so the figures are the bytes that ship.
 */
const stats = process.env.BUNDLE_STATS
  ? (await import('rollup-plugin-visualizer')).visualizer
  : null;

/**
 * Private members whose names start with `_` and a letter (`private _gate`, `_renderForm()`): the
 * citizen bundles shorten them. Only `private` members of our classes are so named (a build test,
 * test/build/privates.test.ts, checks the sources), never anything public, read from records or
 * JSON, or used by another chunk (each chunk is minified on its own, and a private member is used
 * only by its class's own module). Lit's internals (`_$…`) do not match; chart.js's `_…` names
 * would, so the dashboard's bundles keep every name.
 */
export const PRIVATE_NAMES = /^_[a-z]/;

const plugins = ({ privates = false } = {}) => [
  minifyTemplates(),
  nodeResolve({ browser: true }),
  // Lit's polyfill, hydration and decorator-metadata hooks, which no bundle uses (the file says which).
  trimLit(),
  // A lazily loaded chunk whose fetch failed is asked for again under a new query (src/core/lazy.ts).
  retryImport(),
  terser({
    format: { comments: false },
    ecma: 2020,
    module: true,
    compress: { passes: 2 },
    ...(privates ? { mangle: { properties: { regex: PRIVATE_NAMES, keep_quoted: true } } } : {}),
  }),
];

/**
 * In dist/, the data loading finds the analytics worker at `../../../analytics/worker.js` from its
 * own module; in the CDN build the worker is `analytics-worker.js` in dist/cdn. The module that
 * says so must land where `path` is right: in `dashboard.js` itself (`./analytics-worker.js`), or
 * in the report's chunk of `officials.js` in dist/cdn/chunks (`../analytics-worker.js`).
 */
function cdnWorkerUrl(path, home) {
  const from = "new URL('../../../analytics/worker.js', import.meta.url)";
  let rewritten;
  return {
    name: 'cdn-worker-url',
    transform(code, id) {
      if (!id.endsWith('/dist/components/officials/shared/data.js')) return null;
      if (!code.includes(from)) this.error(`${id} no longer holds ${from}: update rollup.config.mjs`);
      rewritten = id;
      return { code: code.replace(from, `new URL('${path}', import.meta.url)`), map: null };
    },
    generateBundle(_options, bundle) {
      if (!rewritten) return;
      const file = Object.values(bundle).find((output) => output.type === 'chunk' && output.modules && rewritten in output.modules);
      if (!file || !home.test(file.fileName)) this.error(`the worker URL (${path}) landed in ${file?.fileName}, not ${home}`);
    },
  };
}

const entries = [
  // All citizen elements (src/elements.ts: the package root without its data exports).
  { input: 'dist/elements.js', output: 'service-feedback.js', privates: true },
  // The citizens' scorecard on its own: Lit and the element, nothing else (CONTRACT §9).
  { input: 'dist/scorecard.js', output: 'scorecard.js' },
  // Only <svc-rating>, for pages that only rate (CONTRACT §10: 12 KB gzip).
  { input: 'dist/rating.js', output: 'rating.js', privates: true },
  { input: 'dist/dashboard.js', output: 'dashboard.js', extra: [cdnWorkerUrl('./analytics-worker.js', /^dashboard\.js$/)] },
  // The officials' inbox (Lit and the element, nothing of the citizen widgets' strings), and the
  // report in a chunk of its own that the entry imports at once (analytics and data loading).
  { input: 'dist/officials.js', output: 'officials.js', extra: [cdnWorkerUrl('../analytics-worker.js', /^chunks\/svc-report-[^/]+\.js$/)] },
  // The analytics Web Worker the dashboard starts for big files: self-contained, same origin.
  { input: 'dist/analytics/worker.js', output: 'analytics-worker.js', when: 'dist/dashboard.js' },
].filter(({ input, when }) => existsSync(input) && (!when || existsSync(when)));

export default entries.map(({ input, output, extra = [], privates }) => ({
  input,
  // Lazily loaded parts (the rating's invitation and kiosk gates, the report, chart.js) import what
  // they share with the entry from the entry itself, which exports it under extra names: without
  // this the entry becomes a facade over a chunk holding all of it, and every page loads two files.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist/cdn',
    entryFileNames: output,
    chunkFileNames: 'chunks/[name]-[hash].js',
    format: 'es',
    sourcemap: true,
  },
  plugins: [
    ...extra,
    ...plugins({ privates }),
    ...(stats ? [stats({ template: 'raw-data', filename: `dist/stats/${output}.json`, gzipSize: true, sourcemap: true })] : []),
  ],
}));
