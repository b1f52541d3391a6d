// Rollup plugin: shrinks the static text of Lit's css``, html`` and svg`` templates in our own
// modules (whitespace and CSS punctuation). Terser leaves template text alone, and indentation
// is a large share of a component's bytes. Only the literal parts change, never `${…}` parts.

const TAGS = new Set(['css', 'html', 'svg']);

function shrinkCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}');
}

/**
 * Whitespace between tags, and between a tag and a `${…}` part, goes: templates here never rely
 * on a space there (write it inside the text or the expression instead).
 */
function shrinkMarkup(text) {
  return text.replace(/\s+/g, ' ').replace(/>\s+</g, '><').replace(/>\s+$/, '>').replace(/^\s+</, '<').replace(/^\s+$/, '');
}

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
