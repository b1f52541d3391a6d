// `node scripts/bundle-report.mjs [file…]`: what each CDN file is made of. Re-runs rollup with
// rollup-plugin-visualizer (BUNDLE_STATS=1, see rollup.config.mjs) over tsc's dist/ (run
// `npm run build` first), then prints one table per CDN file: every module's minified bytes as
// measured through the source maps, its share of the file, largest first. Use it before cutting
// weight, and again after, to see what moved.
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';

execFileSync('node_modules/.bin/rollup', ['-c', '--silent'], { stdio: 'inherit', env: { ...process.env, BUNDLE_STATS: '1' } });
// The rollup run rewrote dist/cdn: its .br/.gz twins follow, or the collector would find them stale.
execFileSync('node', ['scripts/compress.mjs', 'dist/cdn'], { stdio: 'inherit' });

const only = process.argv.slice(2);
const kib = (bytes) => (bytes / 1024).toFixed(1).padStart(6);

for (const name of readdirSync('dist/stats').sort()) {
  const stats = JSON.parse(readFileSync(`dist/stats/${name}`, 'utf8'));
  const rows = new Map();
  for (const meta of Object.values(stats.nodeMetas)) {
    for (const [file, partUid] of Object.entries(meta.moduleParts)) {
      if (only.length && !only.some((part) => file.includes(part))) continue;
      const bytes = stats.nodeParts[partUid].renderedLength;
      const id = meta.id.replace(/^\/dist\//, 'src/').replace(/^\/node_modules\//, '');
      const perFile = rows.get(file) ?? [];
      perFile.push({ id, bytes });
      rows.set(file, perFile);
    }
  }
  for (const [file, modules] of rows) {
    const total = modules.reduce((sum, { bytes }) => sum + bytes, 0);
    let gzip = '';
    try {
      gzip = `, ${kib(gzipSync(readFileSync(`dist/cdn/${file}`), { level: 9 }).length).trim()} KiB gzip`;
    } catch {
      // a chunk whose name the stats and the output spell differently: size of the modules only
    }
    console.log(`\n${file}: ${modules.length} modules, ${kib(total).trim()} KiB minified${gzip}`);
    console.log(`${'KiB'.padStart(6)}  ${'share'.padStart(5)}  module`);
    for (const { id, bytes } of modules.sort((a, b) => b.bytes - a.bytes)) {
      if (bytes === 0) continue;
      console.log(`${kib(bytes)}  ${((bytes / total) * 100).toFixed(1).padStart(4)}%  ${id}`);
    }
  }
}
