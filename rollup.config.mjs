// CDN bundles for pages without a bundler: dependencies inlined, minified, one file per entry
// (plus lazily loaded chunks for the dashboard). Input is tsc's output in dist/.
import { existsSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { minifyTemplates } from './scripts/rollup-minify-templates.mjs';

const plugins = [minifyTemplates(), nodeResolve({ browser: true }), terser({ format: { comments: false }, ecma: 2020, module: true })];

const entries = [
  { input: 'dist/index.js', output: 'service-feedback.js' },
  { input: 'dist/dashboard.js', output: 'dashboard.js' },
].filter(({ input }) => existsSync(input));

export default entries.map(({ input, output }) => ({
  input,
  output: {
    dir: 'dist/cdn',
    entryFileNames: output,
    chunkFileNames: 'chunks/[name]-[hash].js',
    format: 'es',
    sourcemap: true,
  },
  plugins,
}));
