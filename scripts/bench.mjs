// npm run bench [-- name…]: runs bench/*.bench.ts one after another and prints their figures.
// Never part of npm test. Each benchmark prints its own figures and what limits them.
import { readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const only = process.argv.slice(2);
const benches = readdirSync('bench')
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .sort();
if (benches.length === 0) {
  console.error(`No benchmark matches ${only.join(', ') || '(any)'} in bench/.`);
  process.exit(1);
}
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  execFileSync('node', ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8192', `bench/${name}`], {
    stdio: 'inherit',
  });
}
