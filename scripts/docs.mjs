// npm run docs: the README's element reference and the documentation site (dist/docs/), both
// from custom-elements.json and the JSDoc. Builds the package first when its output is missing or
// older than a source file. No network. `--check` only checks the README's reference (npm test).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const run = (args) => execFileSync('node', args, { stdio: 'inherit' });

if (process.argv.includes('--check')) {
  run(['scripts/readme-reference.mjs', '--check']);
  process.exit(0);
}

/** The newest modification time of the files below a folder. */
function newest(folder) {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

const started = Date.now();
const outputs = ['custom-elements.json', 'dist/cdn/service-feedback.js'];
const stale = outputs.some((file) => !existsSync(file) || statSync(file).mtimeMs < Math.max(newest('src'), statSync('package.json').mtimeMs));
if (stale) run(['scripts/build.mjs']);
run(['scripts/readme-reference.mjs']);
run(['--import', 'tsx', 'docs/build/site.ts']);
console.log(`npm run docs: done in ${((Date.now() - started) / 1000).toFixed(1)} s${stale ? ' (package rebuilt first)' : ''}`);
