// The build's shrinking of template text (scripts/rollup-minify-templates.mjs): what it may drop,
// and what it must keep (strings in CSS, the spaces `calc()` needs, text between inline elements).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shrinkCss, shrinkMarkup } from '../../scripts/rollup-minify-templates.mjs';

describe('shrinkCss', () => {
  const cases: Array<[string, string, string]> = [
    ['keeps quoted strings as they are', `  .case dt::after {\n  content: ': ';\n }\n`, `.case dt::after{content:': '}`],
    ['keeps strings and comments apart', `/* don't */ .x { content: "a /* b */ c" ; } /* end */`, `.x{content:"a /* b */ c"}`],
    [
      'drops spaces around combinators in selectors, not in calc()',
      `.a  >  .b ,\n .c + .d ~ .e { width: calc(100% - 2px + 1em); opacity: 0.7 }`,
      `.a>.b,.c+.d~.e{width:calc(100% - 2px + 1em);opacity:.7}`,
    ],
    ['keeps a descendant before a pseudo-class', `.choice :focus-visible { color : red }`, `.choice :focus-visible{color:red}`],
    ['shortens 0.x, not 10.x', `.x{margin: 10.5px 0.25em; transition: color 0.15s ease}`, `.x{margin:10.5px .25em;transition:color .15s ease}`],
    ['joins !important', `.x { clip: rect(0 0 0 0) !important; }`, `.x{clip:rect(0 0 0 0)!important}`],
    ['shrinks at-rules', `@media (prefers-reduced-motion: no-preference) {\n .a , .b { color : red }\n}`, `@media (prefers-reduced-motion:no-preference){.a,.b{color:red}}`],
    ['keeps spaces between strings', `.x[data-a='1'] + .y { quotes: '«' '»'; font-family: 'A B', sans-serif }`, `.x[data-a='1']+.y{quotes:'«' '»';font-family:'A B',sans-serif}`],
  ];
  for (const [name, input, expected] of cases) it(name, () => assert.equal(shrinkCss(input), expected));
});

describe('shrinkMarkup', () => {
  it('drops whitespace between tags and at the ends of a template part', () => {
    assert.equal(shrinkMarkup('\n  <div class="a">\n    <p>x</p>\n  </div>\n'), '<div class="a"><p>x</p></div>');
  });
  it('keeps one space inside text and between text and an element', () => {
    assert.equal(shrinkMarkup('<p>Hello\n    world <strong>you</strong> there</p>'), '<p>Hello world <strong>you</strong> there</p>');
  });
});
