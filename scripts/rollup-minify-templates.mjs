// Rollup plugin: shrinks the static text of Lit's css``, html`` and svg`` templates in our own
// modules (whitespace and CSS punctuation). Terser leaves template text alone, and indentation
// is a large share of a component's bytes. Only the literal parts change, never `${…}` parts.

const TAGS = new Set(['css', 'html', 'svg']);

/** A quoted string or a comment of CSS text, whichever starts first. */
const CSS_STRING_OR_COMMENT = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\/\*[\s\S]*?\*\/)/;

/**
 * Comments, whitespace and punctuation of CSS text go; quoted strings (`content: ': '`) stay as
 * they are. Spaces around `>`, `+` and `~` go in selectors only (`calc(a + b)` needs its spaces).
 */
function shrinkCss(text) {
  // Odd pieces are strings or comments; a comment counts as a space of the text around it.
  const pieces = text.split(CSS_STRING_OR_COMMENT);
  const segments = [''];
  pieces.forEach((piece, index) => {
    if (index % 2 === 0 || piece.startsWith('/*')) segments[segments.length - 1] += index % 2 === 0 ? piece : ' ';
    else segments.push(piece, '');
  });
  return segments
    .map((segment, index) => (index % 2 === 1 ? segment : shrinkCssCode(segment)))
    .join('')
    .trim();
}

/** CSS text without strings or comments. */
function shrinkCssCode(code) {
  return (
    code
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      // `color : red` in a block (not `.a :hover`, a selector)
      .replace(/([{;][\w-]+)\s+:/g, '$1:')
      .replace(/\s+!important/g, '!important')
      // 0.5 → .5 (not 10.5, not a name or a hash ending in 0)
      .replace(/(^|[^\w.#-])0\.(\d)/g, '$1.$2')
      // Selectors (the text before a `{`): no space around combinators.
      .replace(/[^{};]+(?=\{)/g, (selector) => selector.replace(/\s*([>+~])\s*/g, '$1'))
      .replace(/;}/g, '}')
  );
}

/**
 * Whitespace between tags, and between a tag and a `${…}` part, goes: templates here never rely
 * on a space there (write it inside the text or the expression instead).
 */
function shrinkMarkup(text) {
  return text.replace(/\s+/g, ' ').replace(/>\s+</g, '><').replace(/>\s+$/, '>').replace(/^\s+</, '<').replace(/^\s+$/, '');
}

export { shrinkCss, shrinkMarkup };

export function minifyTemplates({ include = /\/dist\/(?!cdn\/).*\.js$/ } = {}) {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (!include.test(id) || !/(css|html|svg)\s*`/.test(code)) return null;
      const ast = this.parse(code);
      const edits = [];
      visit(ast, (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier' || !TAGS.has(node.tag.name)) return;
        const shrink = node.tag.name === 'css' ? shrinkCss : shrinkMarkup;
        for (const quasi of node.quasi.quasis) {
          const raw = code.slice(quasi.start, quasi.end);
          const small = shrink(raw);
          if (small !== raw) edits.push({ start: quasi.start, end: quasi.end, text: small });
        }
      });
      if (edits.length === 0) return null;
      let out = code;
      for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
      return { code: out, map: null };
    },
  };
}

/** Calls `onNode` for every node of an ESTree tree. */
function visit(node, onNode) {
  if (!node || typeof node.type !== 'string') return;
  onNode(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((child) => visit(child, onNode));
    else if (value && typeof value === 'object') visit(value, onNode);
  }
}
