// The site's other pages: the home page, the snippet builder, the theming playground and the
// prose pages, each made of Markdown (a file in docs/pages/, or a section of the README: the home
// page takes the README's opening, quick start and commands).
import { readFileSync } from 'node:fs';
import { escapeHtml } from './html.js';
import type { ElementDoc } from './manifest.js';
import { renderInline, renderMarkdown, section } from './markdown.js';

/** Where a piece of a prose page comes from. */
export type Source = { readme: string } | { file: string } | { html: string };

export interface ProsePage {
  path: string;
  /** Navigation label and `<h1>`. */
  title: string;
  sources: Source[];
  /** Extra module scripts (site-relative). */
  scripts?: string[];
}

function render(source: Source, title: string): string {
  if ('html' in source) return source.html;
  // Files are written with `##` as their top level, under the page's <h1>.
  if ('file' in source) return renderMarkdown(readFileSync(source.file, 'utf8'));
  // A README `##` section keeps its heading as an <h2> under the page's <h1>; when it says the
  // same as the page's title, it is dropped and its `###` subsections become the <h2>s.
  const markdown = section('README.md', source.readme);
  return source.readme === title ? renderMarkdown(markdown.replace(/^##[^\n]*\n/, ''), -1) : renderMarkdown(markdown);
}

export const proseBody = (page: ProsePage) => `<h1>${escapeHtml(page.title)}</h1>\n${page.sources.map((source) => render(source, page.title)).join('\n')}`;

/** The runnable analytics example: CSV in, report rows out, with the very code that runs. */
const ANALYTICS_RUNNER = `<h2 id="try-it">Try it</h2>
<p>Edit the records below (CSV, one record a line) and run the code beside them. It runs in this
page, with the same <code>service-feedback/analytics.js</code> a page, a Web Worker or Node imports.</p>
<div class="runner">
  <label for="analytics-csv">Records (CSV)</label>
  <textarea id="analytics-csv" rows="10" spellcheck="false"></textarea>
  <div class="runner-options">
    <label for="analytics-group">Group by</label>
    <select id="analytics-group"><option value="unit">unit</option><option value="">nothing</option><option value="channel">channel</option></select>
    <label for="analytics-period">Period</label>
    <select id="analytics-period"><option value="quarter">quarter</option><option value="month">month</option><option value="all">all</option></select>
    <button type="button" id="analytics-run">Run</button>
  </div>
  <pre tabindex="0" id="analytics-code"><code class="language-js"></code></pre>
  <p id="analytics-status" role="status"></p>
  <div id="analytics-output" class="table-wrap" tabindex="0" role="region" aria-label="Report rows"></div>
</div>`;

/** The snippet builder's page; the form is built in the browser from assets/elements.json. */
const BUILDER = `<p>Pick an element and its options, see it live, then copy the snippet into your page (or your
CMS's HTML block). Copy the script file with the <code>chunks/</code> folder beside it to your server, or
point the script at your own copy: the library sends nothing to anyone but your collector (<code>endpoint</code>).</p>
<div class="builder">
  <form id="builder-form" class="builder-form" novalidate>
    <label for="builder-element">Element</label>
    <select id="builder-element" name="element"></select>
    <p id="builder-summary" class="hint"></p>
    <label for="builder-script">Script address</label>
    <input id="builder-script" name="script" type="url" aria-describedby="builder-script-hint" />
    <p id="builder-script-hint" class="hint">Where your copy of the script lives (this site's copy by default).</p>
    <fieldset id="builder-options"><legend>Options</legend></fieldset>
  </form>
  <div class="builder-output">
    <h2 id="preview-heading">Preview</h2>
    <iframe id="builder-preview" title="Preview of the element"></iframe>
    <h2 id="snippet-heading">HTML snippet</h2>
    <pre tabindex="0" id="builder-snippet"><code class="language-html"></code></pre>
    <button type="button" class="copy" data-copy="builder-snippet">Copy snippet</button>
    <h2 id="npm-heading">With a bundler</h2>
    <pre tabindex="0" id="builder-npm"><code class="language-js"></code></pre>
    <button type="button" class="copy" data-copy="builder-npm">Copy import</button>
  </div>
</div>`;

/** The theming playground; controls are built in the browser from assets/elements.json. */
const THEMING = `<p>Change the <code>--svc-*</code> custom properties and see the elements change. Each pair of
colours drawn on each other is checked against WCAG 2.2 AA as you go: 4.5:1 for text, 3:1 for
borders, the focus ring and chart marks.</p>
<div class="theming">
  <form id="theming-form" class="theming-form" novalidate>
    <fieldset id="theming-colours"><legend>Colours</legend></fieldset>
    <fieldset id="theming-other"><legend>Type and shape</legend></fieldset>
    <button type="button" id="theming-reset">Back to the defaults</button>
  </form>
  <div class="theming-output">
    <h2 id="contrast-heading">Contrast check</h2>
    <p id="contrast-summary" role="status"></p>
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="contrast-heading"><table id="contrast-table">
      <thead><tr><th scope="col">Pair</th><th scope="col">Ratio</th><th scope="col">Needs</th><th scope="col">Result</th></tr></thead>
      <tbody></tbody>
    </table></div>
    <h2 id="css-heading">Your CSS</h2>
    <pre tabindex="0" id="theming-css"><code class="language-css"></code></pre>
    <button type="button" class="copy" data-copy="theming-css">Copy CSS</button>
    <h2 id="theming-preview-heading">Preview</h2>
    <div id="theming-preview" class="theming-preview" lang="vi">
      <svc-rating agency="ubnd-phuong-hoan-kiem" scale="3" standards="greet,advise"></svc-rating>
      <svc-standards variant="list" numbered></svc-standards>
    </div>
  </div>
</div>`;

/** The prose pages, in navigation order. */
export const PROSE_PAGES: ProsePage[] = [
  { path: 'usage.html', title: 'Using the elements', sources: [{ file: 'docs/pages/usage.md' }] },
  { path: 'builder.html', title: 'Snippet builder', sources: [{ html: BUILDER }], scripts: ['assets/builder.js'] },
  { path: 'theming.html', title: 'Theming playground', sources: [{ html: THEMING }, { file: 'docs/pages/theming.md' }], scripts: ['cdn/service-feedback.js', 'assets/theming.js'] },
  { path: 'collector.html', title: 'Collector', sources: [{ file: 'docs/pages/collector.md' }] },
  { path: 'analytics.html', title: 'Analytics', sources: [{ file: 'docs/pages/analytics.md' }, { html: ANALYTICS_RUNNER }], scripts: ['assets/analytics-demo.js'] },
  { path: 'dashboard.html', title: 'Dashboard', sources: [{ file: 'docs/pages/dashboard.md' }] },
  { path: 'reliability.html', title: 'Reliability and security', sources: [{ file: 'docs/pages/reliability.md' }] },
  { path: 'privacy.html', title: 'Privacy notice', sources: [{ file: 'docs/pages/privacy-notice.md' }] },
  { path: 'numbers.html', title: 'Numbers', sources: [{ file: 'docs/pages/numbers.md' }] },
];

/** The home page: what the project is, then a card per element. */
export function homeBody(elements: ElementDoc[]): string {
  const readme = readFileSync('README.md', 'utf8');
  // The README's opening, before its first section, without its title.
  const lead = readme.slice(readme.indexOf('\n') + 1, readme.search(/^## /m));
  return `<h1>service-feedback</h1>
${renderMarkdown(lead)}
<h2 id="elements">The elements</h2>
<ul class="cards">
${elements.map((element) => `  <li><a href="elements/${element.tag}.html"><code>&lt;${element.tag}&gt;</code></a><p>${renderInline(element.summary || element.description.split('. ')[0]!)}</p></li>`).join('\n')}
</ul>
<h2 id="start">Start here</h2>
<ul>
  <li><a href="builder.html">Build a snippet</a> for your page, see it live and copy it.</li>
  <li><a href="theming.html">Match your colours</a> with a contrast check.</li>
  <li><a href="collector.html">Run the collector</a>: where the ratings go.</li>
  <li><a href="privacy.html">Publish the privacy notice</a> your citizens are owed.</li>
</ul>
${renderMarkdown(section('README.md', 'Quick start'))}
${renderMarkdown(section('README.md', 'Commands'))}`;
}
