// npm run build: tsc emits dist/ (ES modules + .d.ts), rollup makes the CDN bundles,
// compress.mjs writes their .br/.gz twins, the analyzer writes custom-elements.json from the JSDoc.
import { existsSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });
const bin = (name) => `node_modules/.bin/${name}`;

rmSync('dist', { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.json']);
if (existsSync('src/collector')) run(bin('tsc'), ['-p', 'tsconfig.node.json']);
if (existsSync('dist/index.js')) {
  run(bin('rollup'), ['-c', '--silent']);
  // br and gzip twins of the CDN files, made once here rather than per request by the collector.
  run('node', ['scripts/compress.mjs', 'dist/cdn']);
}
if (existsSync('src/components')) {
  run(bin('cem'), ['analyze', '--quiet']);
}
console.log('build: dist/ and custom-elements.json written');
