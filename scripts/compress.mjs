// Build step: writes `file.br` and `file.gz` beside every text file of dist/cdn, so the collector
// sends the CDN bundles compressed without compressing them per request (CONTRACT §10). The
// collector picks one by Accept-Encoding (src/collector/http/static.ts); a stale pair (older than
// its file) is ignored there. `node scripts/compress.mjs [dir…]`.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The files worth compressing: text the collector serves (maps included; images are already compressed). */
export const COMPRESSIBLE = /\.(js|mjs|map|json|html|css|svg|txt|csv|ndjson)$/;

/** Writes the .br and .gz siblings of each compressible file below `dir`; returns how many files. */
export function compressTree(dir) {
  let count = 0;
  const walk = (folder) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (COMPRESSIBLE.test(name)) {
        const source = readFileSync(path);
        writeFileSync(`${path}.gz`, gzipSync(source, { level: 9 }));
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(source, {
            // Maps are for developers and large: a quicker setting keeps the build fast.
            params: { [constants.BROTLI_PARAM_QUALITY]: name.endsWith('.map') ? 5 : 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length },
          }),
        );
        count++;
      }
    }
  };
  walk(dir);
  return count;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const dir of process.argv.slice(2).length ? process.argv.slice(2) : ['dist/cdn']) compressTree(dir);
}
