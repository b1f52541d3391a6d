// The CDN bundles hold what they should: the citizen bundle and the dashboard entry no chart.js
// code (chart.js is a lazily loaded chunk), and the pattern that says so really finds chart.js.
// Runs after the build (npm test builds first).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AT_LOAD, CHART_JS_CODE, chartChunks, chunksOf, reportChunks, staticClosure } from '../../scripts/size.mjs';

const pattern = CHART_JS_CODE;
const chartJsDir = dirname(createRequire(import.meta.url).resolve('chart.js'));
const read = (path: string) => readFileSync(path, 'utf8');

describe('chart.js stays out of the citizen bundle', () => {
  it('the pattern finds chart.js in its own builds: ES module, minified UMD', () => {
    assert.match(read(join(chartJsDir, 'chart.js')), pattern);
    assert.match(read(join(chartJsDir, 'chart.umd.min.js')), pattern);
  });

  it('the pattern finds chart.js in our tree-shaken, minified chart chunk', () => {
    const chunks = chartChunks();
    assert.equal(chunks.length, 1, `one chart chunk in dist/cdn/chunks: ${chunks.join(', ')}`);
    assert.match(read(chunks[0]!), pattern);
  });

  it('the citizen bundle has no chart.js code', () => {
    assert.doesNotMatch(read('dist/cdn/service-feedback.js'), pattern);
    assert.doesNotMatch(read('dist/cdn/service-feedback.js'), /chart/i);
  });

  it('the dashboard entry has no chart.js code either: it imports the chunk lazily', () => {
    const entry = read('dist/cdn/dashboard.js');
    assert.doesNotMatch(entry, pattern);
    const chunk = chartChunks()[0]!.replace('dist/cdn/', './');
    // `+(import.meta.svcQuery||"")` follows the URL: a failed fetch is retried under a new query.
    assert.ok(entry.includes(`import("${chunk}"+`), `dashboard.js has import("${chunk}"+…)`);
    assert.ok(!new RegExp(`^import[^;]*${chunk.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm').test(entry), 'no static import of the chunk');
  });

  it('the worker bundle is self-contained and beside dashboard.js', () => {
    const worker = read('dist/cdn/analytics-worker.js');
    assert.doesNotMatch(worker, /^import /m);
    assert.ok(read('dist/cdn/dashboard.js').includes('"./analytics-worker.js"'));
  });
});

describe('the lazily loaded parts of the citizen entries', () => {
  for (const entry of new Set(AT_LOAD.map(({ entry }) => entry))) {
    it(`${entry}: every part imports code from the entry alone, and is imported with the retry query`, () => {
      const name = entry.replace('dist/cdn/', '');
      const chunks = chunksOf(entry);
      assert.ok(chunks.length > 0, `${entry} has lazily loaded parts`);
      for (const file of [entry, ...chunks]) {
        const text = read(file);
        // A part fetched again under ?retry= after a failure must not depend on another part's
        // URL, which Firefox and WebKit may keep as failed (src/core/lazy.ts).
        const from = [...text.matchAll(/\bfrom\s*"([^"]+)"/g)].map((match) => match[1]);
        const allowed = file === entry ? [] : [`../${name}`];
        assert.ok(from.every((url) => allowed.includes(url)), `${file} imports ${from.join(', ')}`);
        const lazy = text.match(/\bimport\("/g) ?? [];
        const retrying = text.match(/\bimport\("[^"]+"\+\(import\.meta\.svcQuery\|\|""\)\)/g) ?? [];
        assert.equal(retrying.length, lazy.length, `${file}: every import("…") takes the retry query`);
      }
    });
  }
});

describe('the officials\' entry and its report chunk', () => {
  it('officials.js imports the report chunk lazily, never statically, and is not a facade over a chunk', () => {
    const entry = read('dist/cdn/officials.js');
    const chunks = reportChunks();
    assert.equal(chunks.length, 1, `one report chunk in dist/cdn/chunks: ${chunks.join(', ')}`);
    const chunk = chunks[0]!.replace('dist/cdn/', './');
    // A lazy import, with the retry query of src/core/lazy.ts when the build adds it.
    assert.ok(entry.includes(`import("${chunk}")`) || entry.includes(`import("${chunk}"+`), `officials.js has import("${chunk}")`);
    assert.deepEqual(staticClosure('dist/cdn/officials.js'), ['dist/cdn/officials.js'], 'officials.js loads nothing else before it runs');
    assert.ok(entry.length > 20_000, 'the inbox and Lit are in the entry itself');
  });

  it('the report chunk takes Lit from the entry and finds the worker beside it', () => {
    const chunk = read(reportChunks()[0]!);
    assert.match(chunk, /^import\{[^}]+\}from"\.\.\/officials\.js";/);
    assert.ok(chunk.includes('"../analytics-worker.js"'), 'the worker URL is relative to dist/cdn/chunks/');
    assert.doesNotMatch(chunk, pattern);
  });
});

