// Which script a page loads for an element: the package's entries (package.json `exports`) and
// the CDN bundles rollup makes of them, matched to the modules that define each element. An entry
// added to the package (officials.js, scorecard.js) is picked up without a change here.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

export interface Entry {
  /** npm import, e.g. `service-feedback/rating.js`. */
  npm: string;
  /** The CDN bundle's file name in dist/cdn (`service-feedback.js` for the main entry), if built. */
  cdn: string | undefined;
  /** Source modules the entry re-exports, e.g. `src/components/rating/svc-rating.ts`. */
  modules: string[];
}

/** The entries of package.json whose sources live in src/ (collector and analytics have no elements, but are listed). */
export function readEntries(root = '.'): Entry[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
  const entries: Entry[] = [];
  for (const subpath of Object.keys(pkg.exports)) {
    if (!subpath.endsWith('.js') && subpath !== '.') continue;
    const base = subpath === '.' ? 'index' : subpath.replace(/^\.\//, '').replace(/\.js$/, '');
    const source = `src/${base}.ts`;
    if (!existsSync(join(root, source))) continue;
    const text = readFileSync(join(root, source), 'utf8');
    const modules = [...text.matchAll(/from\s+'(\.[^']+)\.js'/g)].map((match) => normalize(join(dirname(source), `${match[1]}.ts`)));
    const cdnName = base === 'index' ? 'service-feedback.js' : `${base}.js`;
    entries.push({
      npm: subpath === '.' ? pkg.name : `${pkg.name}/${base}.js`,
      cdn: existsSync(join(root, 'dist/cdn', cdnName)) ? cdnName : undefined,
      modules,
    });
  }
  return entries;
}

/**
 * The entry for an element: the npm import that registers the least besides it, and the smallest
 * CDN bundle that holds it (by the number of modules its entry re-exports).
 */
export function entryFor(module: string, entries: readonly Entry[]): { npm: string; cdn: string | undefined } | undefined {
  const holding = entries.filter((entry) => entry.modules.includes(module)).sort((a, b) => a.modules.length - b.modules.length);
  if (!holding.length) return undefined;
  return { npm: holding[0]!.npm, cdn: holding.find((entry) => entry.cdn)?.cdn };
}
