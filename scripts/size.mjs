// Gzip budgets of the CDN bundles (CONTRACT §1, §3). Growing a budget needs a reason in the commit.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const BUDGETS = [
  { file: 'dist/cdn/service-feedback.js', maxGzipKiB: 30, optional: !existsSync('src/index.ts'), forbidden: [/chart\.js|Chart\.register|registerables/] },
  { file: 'dist/cdn/dashboard.js', maxGzipKiB: 80, optional: true },
];

let failed = false;
for (const { file, maxGzipKiB, forbidden = [], optional } of BUDGETS) {
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
  for (const pattern of forbidden) {
    if (pattern.test(source.toString('utf8'))) {
      console.error(`✘ ${file} contains code it must not: ${pattern}`);
      failed = true;
    }
  }
  if (!ok) failed = true;
}
if (failed) process.exit(1);
