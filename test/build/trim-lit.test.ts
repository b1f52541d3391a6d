// scripts/rollup-trim-lit.mjs cuts exact texts out of Lit's modules: each must be in the installed
// Lit once, and a text that is not there must fail the build rather than be skipped.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CUTS, trimLit } from '../../scripts/rollup-trim-lit.mjs';

type Transform = (this: { error(message: string): never }, code: string, id: string) => { code: string } | null;
const context = { error: (message: string): never => { throw new Error(message); } };

describe('trim-lit', () => {
  const transform = trimLit().transform as Transform;

  for (const [module, cuts] of Object.entries(CUTS as unknown as Record<string, [string, string][]>)) {
    it(`cuts every text out of the installed ${module}`, () => {
      const id = `/x/node_modules/${module}`;
      const code = readFileSync(`node_modules/${module}`, 'utf8');
      const out = transform.call(context, code, id)!.code;
      for (const [from] of cuts) assert.ok(!out.includes(from), from);
      assert.ok(out.length < code.length);
      // What stays is valid JavaScript (a module: parsed, not run).
      assert.doesNotThrow(() => new Function(out.replace(/(?:import|export)\s*(?:\{[^}]*\}|\*)\s*(?:from\s*"[^"]*")?;?/g, '')));
    });

    it(`fails when ${module} no longer holds a text (a Lit upgrade)`, () => {
      const code = readFileSync(`node_modules/${module}`, 'utf8').replace(cuts[0]![0], '');
      assert.throws(() => transform.call(context, code, `/x/node_modules/${module}`), /Lit changed/);
    });
  }

  it('leaves other modules alone', () => {
    assert.equal(transform.call(context, 'const a = 1;', '/x/dist/rating.js'), null);
  });
});
