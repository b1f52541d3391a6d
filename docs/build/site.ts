// npm run docs: the documentation site in dist/docs/, from custom-elements.json, the JSDoc, the
// examples (docs/examples.ts) and the Markdown pages. Static files only, relative links, the CDN
// bundles copied beside the pages: it works from `npm start` at /docs/ or any static host, under
// the strict CSP (the site's own code and styles are files). No network.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { examplesOf } from '../examples.js';
import { elementBody } from './element-page.js';
import { entryFor, readEntries } from './entries.js';
import { page, type NavItem } from './html.js';
import { readElements } from './manifest.js';
import { homeBody, PROSE_PAGES, proseBody } from './pages.js';

const OUT = 'dist/docs';
const started = performance.now();

if (!existsSync('custom-elements.json') || !existsSync('dist/cdn')) {
  console.error('docs: custom-elements.json or dist/cdn is missing: run npm run build first (npm run docs does).');
  process.exit(1);
}

const elements = readElements();
const entries = readEntries();
const nav: NavItem[] = [{ href: 'index.html', label: 'Home' }, ...PROSE_PAGES.map((prose) => ({ href: prose.path, label: prose.title }))];
const tags = elements.map((element) => element.tag);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'assets'), { recursive: true });
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(OUT, path)), { recursive: true });
  writeFileSync(join(OUT, path), text);
};

// The CDN bundles (and their lazy chunks) beside the pages, so the live examples need nothing else.
cpSync('dist/cdn', join(OUT, 'cdn'), { recursive: true, filter: (source) => !source.endsWith('.map') });
cpSync('docs/site.css', join(OUT, 'assets/site.css'));

await build({
  entryPoints: ['site', 'builder', 'theming', 'analytics-demo'].map((name) => `docs/client/${name}.ts`),
  outdir: join(OUT, 'assets'),
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2021',
  logLevel: 'warning',
});

// What the builder and the playground need to know of each element, from the manifest.
const described = elements.map((element) => ({ ...element, entry: entryFor(element.module, entries) }));
write('assets/elements.json', JSON.stringify(described));

write('index.html', page({ path: 'index.html', title: 'Documentation', body: homeBody(elements), nav, elements: tags }));
for (const prose of PROSE_PAGES) {
  write(prose.path, page({ path: prose.path, title: prose.title, body: proseBody(prose), scripts: prose.scripts ?? [], nav, elements: tags }));
}
for (const { entry, ...element } of described) {
  const path = `elements/${element.tag}.html`;
  if (!entry?.cdn) console.warn(`docs: no CDN bundle holds <${element.tag}>: its live examples cannot render`);
  write(
    path,
    page({
      path,
      title: `<${element.tag}>`,
      body: elementBody({ element, examples: examplesOf(element.tag), entry }),
      scripts: entry?.cdn ? [`cdn/${entry.cdn}`] : [],
      nav,
      elements: tags,
    }),
  );
}
// The builder's preview frames: one page per bundle (two copies of Lit on one page would clash
// under Trusted Types), into which the builder puts the element.
for (const bundle of new Set(described.map(({ entry }) => entry?.cdn).filter(Boolean))) {
  write(
    `preview/${bundle!.replace(/\.js$/, '.html')}`,
    `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Preview</title>
    <link rel="stylesheet" href="../assets/site.css" />
    <script type="module" src="../cdn/${bundle}"></script>
  </head>
  <body class="preview">
    <main id="preview"><h1 class="visually-hidden">Preview</h1></main>
  </body>
</html>
`,
  );
}

console.log(`docs: ${elements.length} element pages, ${PROSE_PAGES.length + 1} other pages → ${OUT}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
