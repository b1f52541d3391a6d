// Markdown to HTML for the site's prose pages (marked, GitHub-flavoured), with what the strict
// CSP and axe ask of the output: headings carry ids, code blocks and wide tables can be scrolled
// with the keyboard. Prose comes from docs/pages/*.md or from sections of the README.
import { readFileSync } from 'node:fs';
import { Marked, type Token, type Tokens } from 'marked';
import { escapeHtml } from './html.js';

/** `Open311 GeoReport v2` → `open311-georeport-v2` (GitHub's rule, close enough for anchors). */
export const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/<[^>]+>/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');

/**
 * A Markdown renderer whose headings move down by `shift` levels (a README `##` section becomes
 * an `<h2>` under the page's `<h1>` with shift 0) and get ids.
 */
function markdown(shift: number): Marked {
  return new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth }: Tokens.Heading) {
        const text = this.parser.parseInline(tokens);
        const level = Math.min(6, Math.max(2, depth + shift));
        return `<h${level} id="${slug(text)}">${text}</h${level}>\n`;
      },
      code({ text, lang }: Tokens.Code) {
        const language = lang ? ` class="language-${escapeHtml(lang)}"` : '';
        return `<pre tabindex="0"><code${language}>${escapeHtml(text)}</code></pre>\n`;
      },
      table(token: Tokens.Table) {
        // An empty corner cell is no header (axe: empty-table-header).
        const head = token.header.map((cell) => (cell.text.trim() ? `<th scope="col">${this.parser.parseInline(cell.tokens)}</th>` : '<td></td>')).join('');
        const body = token.rows
          .map((row) => `<tr>${row.map((cell) => `<td>${this.parser.parseInline(cell.tokens)}</td>`).join('')}</tr>`)
          .join('\n');
        return `<div class="table-wrap" tabindex="0" role="region" aria-label="Table: ${escapeHtml(token.header.map((cell) => cell.text).join(', ')).slice(0, 120)}"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>\n`;
      },
      html({ text }: Tokens.HTML | Tokens.Tag) {
        // Comments (the README's generated-reference markers) are dropped; other raw HTML is escaped.
        return /^\s*<!--[\s\S]*-->\s*$/.test(text) ? '' : escapeHtml(text);
      },
    },
  });
}

/** Renders Markdown text, its headings shifted by `shift` levels. */
export function renderMarkdown(text: string, shift = 0): string {
  return markdown(shift).parse(text, { async: false }) as string;
}

/** Renders inline Markdown (a JSDoc description): backtick code, emphasis, links; raw tags escaped. */
export function renderInline(text: string): string {
  // Tags outside code spans (`see <svc-chart>`) would become elements: escape them first.
  const safe = text
    .split(/(`[^`]*`)/)
    .map((part, index) => (index % 2 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
  return markdown(0).parseInline(safe, { async: false }) as string;
}

/**
 * The Markdown of one `##` section of a Markdown file (its heading included), up to the next `##`
 * or `#`. Headings inside code blocks do not count (the lexer knows them). Throws when missing, so
 * a renamed section breaks the build instead of silently leaving a page empty.
 */
export function section(file: string, heading: string): string {
  const tokens: Token[] = new Marked({ gfm: true }).lexer(readFileSync(file, 'utf8'));
  const start = tokens.findIndex((token) => token.type === 'heading' && token.depth === 2 && token.text.trim() === heading);
  if (start === -1) throw new Error(`docs: ${file} has no "## ${heading}" section (moved or renamed? update docs/build/pages.ts)`);
  let end = start + 1;
  while (end < tokens.length && !(tokens[end]!.type === 'heading' && (tokens[end] as Tokens.Heading).depth <= 2)) end++;
  return tokens
    .slice(start, end)
    .map((token) => token.raw)
    .join('');
}
