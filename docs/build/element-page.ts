// One page per element: what it is for, a live example per state (with its code), the tables of
// attributes, properties, events, slots, parts and CSS properties, accessibility notes, vi/en.
import { existsSync, readFileSync } from 'node:fs';
import type { ElementExample } from '../examples.js';
import { escapeHtml } from './html.js';
import type { ElementDoc } from './manifest.js';
import { renderInline, renderMarkdown } from './markdown.js';

const code = (text: string) => (text ? `<code>${escapeHtml(text)}</code>` : '');

function table(caption: string, head: string[], rows: string[][]): string {
  if (!rows.length) return '';
  return `<div class="table-wrap" tabindex="0" role="region" aria-label="${escapeHtml(caption)}"><table>
<caption>${escapeHtml(caption)}</caption>
<thead><tr>${head.map((cell) => `<th scope="col">${cell}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((row) => `<tr>${row.map((cell, index) => (index === 0 ? `<th scope="row">${cell}</th>` : `<td>${cell}</td>`)).join('')}</tr>`).join('\n')}
</tbody></table></div>`;
}

/** Markup of one live example and its code. */
function example(item: ElementExample): string {
  const id = `example-${item.id.replace(/[^a-z0-9-]/gi, '-')}`;
  return `<section class="example" aria-labelledby="${id}">
  <h3 id="${id}">${escapeHtml(item.title)}</h3>
  ${item.note ? `<p>${renderInline(item.note)}</p>` : ''}
  <div class="example-live" data-example="${escapeHtml(item.id)}" lang="vi">${item.html}</div>
  <div class="example-code">
    <pre tabindex="0" id="${id}-code"><code class="language-html">${escapeHtml(item.html)}</code></pre>
    <button type="button" class="copy" data-copy="${id}-code">Copy code</button>
  </div>
</section>`;
}

const GENERIC_A11Y = `WCAG 2.2 AA, checked by axe-core in every state the tests render: operable with the keyboard
alone, targets of at least 24×24 px, a visible focus ring, \`prefers-reduced-motion\` honoured.
Its language is its own \`lang\`, else the closest ancestor's, else Vietnamese; both Vietnamese and
English are complete. It sets its own font size and line height and takes no other style from the
page (change it with the CSS custom properties and parts below).`;

export interface ElementPageInput {
  element: ElementDoc;
  examples: ElementExample[];
  entry: { npm: string; cdn: string | undefined } | undefined;
}

/** The body of `elements/<tag>.html`. */
export function elementBody({ element, examples, entry }: ElementPageInput): string {
  const notesFile = `docs/elements/${element.tag}.md`;
  const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : '';
  const shown = examples.length ? examples : [{ id: `${element.tag}/default`, tag: element.tag, title: 'As it is', html: `<${element.tag}></${element.tag}>` }];
  const attributes = table(
    'Attributes (each also a property)',
    ['Attribute', 'Property', 'Type', 'Default', 'Description'],
    element.attributes.map((attribute) => [
      code(attribute.name),
      code(attribute.property),
      code(attribute.type),
      code(attribute.default),
      renderInline(attribute.description),
    ]),
  );
  const properties = table(
    'Properties set from code',
    ['Property', 'Type', 'Description'],
    element.properties.map((property) => [code(property.name), code(property.type), renderInline(property.description)]),
  );
  const events = table('Events', ['Event', 'Description'], element.events.map((event) => [code(event.name), renderInline(event.description ?? '')]));
  const slots = table('Slots', ['Slot', 'Description'], element.slots.map((slot) => [code(slot.name || '(default)'), renderInline(slot.description ?? '')]));
  const parts = table('CSS parts', ['Part', 'Description'], element.parts.map((part) => [code(part.name), renderInline(part.description ?? '')]));
  const cssProperties = table(
    'CSS custom properties',
    ['Property', 'Default', 'Description'],
    element.cssProperties.map((property) => [code(property.name), code(property.default), renderInline(property.description)]),
  );
  const install = entry
    ? `<dl class="install">
  ${entry.cdn ? `<dt>Script (no bundler)</dt><dd>${code(`<script type="module" src="…/${entry.cdn}"></script>`)}</dd>` : ''}
  <dt>With a bundler</dt><dd>${code(`import '${entry.npm}';`)}</dd>
</dl>`
    : '';
  const sections = [
    ['Attributes and properties', attributes + '\n<p>Plus <code>lang</code>: its own, else the closest ancestor\'s, else <code>vi</code>.</p>'],
    ['Properties set from code', properties],
    ['Events', events && `${events}\n<p>Every event bubbles and is <code>composed</code> (it crosses shadow roots).</p>`],
    ['Slots', slots],
    ['CSS parts', parts && `${parts}\n<p>Style a part from the page: <code>${escapeHtml(element.tag)}::part(${escapeHtml(element.parts[0]?.name ?? 'base')}) { … }</code>.</p>`],
    ['CSS custom properties', cssProperties && `${cssProperties}\n<p>Try them in the <a href="../theming.html">theming playground</a>, which checks the contrast.</p>`],
  ].filter(([, html]) => html);
  return `<h1><code>&lt;${escapeHtml(element.tag)}&gt;</code></h1>
<p class="lead">${renderInline(element.summary)}</p>
<p>${renderInline(element.description.replace(/\s+/g, ' '))}</p>
${install}
<p><a href="../builder.html?element=${encodeURIComponent(element.tag)}">Build a snippet for this element</a></p>
<h2 id="examples">Examples</h2>
<fieldset class="lang-switch">
  <legend>Language of the examples</legend>
  <button type="button" data-lang="vi" lang="vi" aria-pressed="true">Tiếng Việt</button>
  <button type="button" data-lang="en" lang="en" aria-pressed="false">English</button>
</fieldset>
${shown.map(example).join('\n')}
${sections.map(([title, html]) => `<h2 id="${title!.toLowerCase().replace(/\s+/g, '-')}">${title}</h2>\n${html}`).join('\n')}
<h2 id="accessibility">Accessibility</h2>
${notes ? renderMarkdown(notes, 1) : ''}
${renderMarkdown(GENERIC_A11Y)}`;
}
