// The citizen bundles shorten the names of members that start with `_` and a letter (rollup.config.mjs,
// PRIVATE_NAMES). That is safe only while every such name is a `private` member of a class used
// by its own module alone: these tests check the sources for that, and the built bundles for
// every public name of `<svc-rating>` (custom-elements.json) and for no long private name left.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { chunksOf } from '../../scripts/size.mjs';

const PRIVATE = /^_[a-z]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `_name`s in the positions of a member: `x._name`, `x?._name`, a declaration or key at a line's start. */
function memberNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/\??\.(_[a-z]\w*)/g)) names.add(match[1]!);
  const declaration = /^\s*(?:(?:private|protected|public|static|readonly|declare|async|get|set|override)\s+)*(_[a-z]\w*)\s*[(:=?!;<]/gm;
  for (const match of text.matchAll(declaration)) names.add(match[1]!);
  return names;
}

describe('private member names', () => {
  it('every `_name` member in src/components and src/core is a private member of its own module', () => {
    const problems: string[] = [];
    for (const file of [...sources('src/components'), ...sources('src/core')]) {
      const text = readFileSync(file, 'utf8');
      for (const name of memberNames(text)) {
        const declared = new RegExp(`^\\s*(?:declare\\s+)?private\\s+(?:(?:readonly|static|async|get|set)\\s+)*${name}\\b`, 'm');
        if (!declared.test(text)) problems.push(`${file}: ${name} is not declared private here`);
      }
    }
    assert.deepEqual(problems, []);
  });

  const built = ['dist/cdn/rating.js', 'dist/cdn/service-feedback.js'].filter((file) => existsSync(file));

  it('the citizen bundles keep no long private name (they were shortened)', { skip: built.length === 0 && 'run npm run build' }, () => {
    for (const file of built) {
      const text = readFileSync(file, 'utf8');
      // A member's access (`x._name`) or an object's key (`{ _name: …}`); terser may name a variable `_t`.
      const left = [...text.matchAll(/\.(_[a-z]\w*)|[{,](_[a-z]\w*):/g)].map((match) => match[1] ?? match[2]);
      assert.deepEqual(left, [], `${file} still holds ${left.join(', ')}`);
    }
  });

  it('rating.js keeps every public name of <svc-rating> (attributes, properties, methods, events)', { skip: !existsSync('dist/cdn/rating.js') && 'run npm run build' }, () => {
    const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
      modules: { declarations?: { tagName?: string; members?: { name: string; privacy?: string; static?: boolean }[]; attributes?: { name: string; fieldName?: string }[]; events?: { name: string }[] }[] }[];
    };
    const rating = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === 'svc-rating');
    assert.ok(rating, 'custom-elements.json describes svc-rating');
    const names = [
      ...(rating.members ?? []).filter((member) => member.privacy !== 'private').map((member) => member.name),
      ...(rating.attributes ?? []).flatMap((attribute) => [attribute.name, attribute.fieldName ?? attribute.name]),
      ...(rating.events ?? []).map((event) => event.name),
      // The members the lazily loaded parts use (@internal, so not in the manifest).
      'standardAnswers',
      'setAnswers',
      'touched',
      'thanked',
      'armed',
      'halfFilled',
    ];
    assert.ok(names.length > 40, `${names.length} names`);
    // The events are dispatched by the delivery part: the entry and every part it can load.
    const text = ['dist/cdn/rating.js', ...chunksOf('dist/cdn/rating.js')].map((file) => readFileSync(file, 'utf8')).join('\n');
    const missing = names.filter((name) => PRIVATE.test(name) || !new RegExp(`\\b${name.replace(/[-]/g, '\\-')}\\b`).test(text));
    assert.deepEqual(missing, [], 'public names missing from (or shortened in) rating.js and its parts');
  });
});
