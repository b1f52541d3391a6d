// The documentation site (dist/docs, built by npm run docs) in a real Chromium, served by the
// real collector under the strict policy of CONTRACT §1: every page opens with no console error
// and no CSP or Trusted Types violation, every live example renders, axe finds nothing; a snippet
// copied from the builder into a blank page submits a rating that the collector stores; the
// theming playground warns about an unreadable colour.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { createCollector } from '../../src/collector.js';
import { DEMO_CSP } from '../../src/collector/http/static.js';
import { launch, until } from './support/browser.js';
import { pgliteDatabase } from '../support/collector.js';

const ADMIN_TOKEN = 'docs-e2e-admin-token';
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let origin: string;
let blankDir: string;
let dataDir: string;
let stop: () => Promise<void>;

/** Every HTML file of the built site, as a path from dist/docs. */
async function sitePages(): Promise<string[]> {
  const entries = await readdir('dist/docs', { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative('dist/docs', join(entry.parentPath, entry.name)))
    .sort();
}

/** A context whose pages report errors: console errors, page errors, CSP/Trusted Types violations. */
async function watched(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return { page, problems };
}

/** Waits for what a page's own scripts say they finished (examples set up, builder built…). */
async function settled(page: Page): Promise<void> {
  // The builder's preview frames are bare pages without the site's script.
  if (await page.locator('script[src$="assets/site.js"]').count()) {
    await page.waitForFunction(() => document.documentElement.dataset['examplesReady'] === 'true', undefined, { timeout: 15_000 });
  }
  for (const [selector, flag] of [['#builder-form', 'builderReady'], ['#theming-form', 'themingReady'], ['#analytics-csv', 'analyticsReady']] as const) {
    if (await page.locator(selector).count()) await page.waitForFunction((name) => document.documentElement.dataset[name] === 'true', flag);
  }
  await page.waitForLoadState('networkidle');
}

/**
 * axe-core's violations on a frame (or on the nodes `selector` matches). axe is evaluated through
 * the DevTools protocol, which the page's CSP does not govern: the page keeps its strict policy.
 */
async function axeViolations(frame: Frame, selector?: string): Promise<string[]> {
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(AXE);
  const violations = await frame.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const context = only ? { include: [...document.querySelectorAll(only)].map((node) => [node]) } : document;
    const result = await axe.run(context, { iframes: false, resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
  }, selector);
  return violations;
}

/**
 * Opens one page of the site and checks it: status 200, no console error, every live example
 * rendered (vi, then en), axe clean. Adds what axe found to `violations`; answers the examples' count.
 */
async function checkPage(path: string, violations: string[]): Promise<number> {
  const context = await browser.newContext({ reducedMotion: 'reduce' });
  const { page, problems } = await watched(context);
  const response = await page.goto(`${origin}/docs/${path}`);
  assert.equal(response?.status(), 200, path);
  await settled(page);
  const lives = await page.locator('.example-live').evaluateAll((nodes) =>
    nodes.map((node) => {
      const live = node as HTMLElement;
      const tag = live.dataset['example']!.split('/')[0]!;
      const element = live.querySelector(tag);
      const box = element?.getBoundingClientRect();
      return {
        id: live.dataset['example'],
        ready: live.dataset['ready'],
        upgraded: !!element && customElements.get(tag) !== undefined && element instanceof customElements.get(tag)!,
        rendered: (element?.shadowRoot?.querySelectorAll('*').length ?? 0) > 0,
        height: box?.height ?? 0,
      };
    }),
  );
  for (const live of lives) {
    assert.deepEqual({ ...live, height: live.height > 20 }, { ...live, ready: 'true', upgraded: true, rendered: true, height: true }, `${path}: ${live.id}`);
  }
  if (path.startsWith('elements/')) assert.ok(lives.length >= 1, `${path} has no live example`);
  violations.push(...(await axeViolations(page.mainFrame())).map((violation) => `${path} ${violation}`));
  if (path === 'builder.html') {
    const frame = page.frame({ url: /preview\// });
    assert.ok(frame, 'the builder has its preview frame');
    await frame.waitForSelector('svc-rating');
    violations.push(...(await axeViolations(frame)).map((violation) => `${path} (preview) ${violation}`));
  }
  if (lives.length) {
    // The examples again, in English.
    await page.locator('.lang-switch button[data-lang="en"]').click();
    await page.waitForFunction(() => [...document.querySelectorAll('.example-live [lang]')].every((node) => node.getAttribute('lang') === 'en'));
    violations.push(...(await axeViolations(page.mainFrame(), '.example-live')).map((violation) => `${path} (en) ${violation}`));
  }
  assert.deepEqual(problems, [], `${path}: ${problems.join('\n')}`);
  await context.close();
  return lives.length;
}

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'svc-docs-e2e-'));
  blankDir = await mkdtemp(join(tmpdir(), 'svc-docs-blank-'));
  const collector = createCollector({
    config: { database: pgliteDatabase(dataDir), rateLimit: 0, adminToken: ADMIN_TOKEN, logLevel: 'silent', host: '127.0.0.1' },
    static: [
      { prefix: '/docs/', dir: 'dist/docs' },
      // The "blank HTML page" an agency's web team pastes the snippet into.
      { prefix: '/blank/', dir: blankDir },
    ],
    staticHeaders: { 'Content-Security-Policy': DEMO_CSP },
  });
  origin = (await collector.listen(0, '127.0.0.1')).url.replace(/\/$/, '');
  stop = () => collector.close();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await stop?.();
  await rm(dataDir, { recursive: true, force: true });
  await rm(blankDir, { recursive: true, force: true });
});

describe('documentation site', () => {
  it('every page opens under the strict CSP with no console error, every live example renders, axe finds nothing', async () => {
    const pages = await sitePages();
    assert.ok(pages.length >= 10, `only ${pages.length} pages built`);
    assert.ok(pages.includes('elements/svc-rating.html') && pages.includes('builder.html') && pages.includes('theming.html'));
    let examples = 0;
    const violations: string[] = [];
    // Three pages at a time, each in a context of its own (the language choice is kept per origin).
    const queue = [...pages];
    const checkPages = async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const count = await checkPage(path, violations);
        examples += count;
      }
    };
    await Promise.all([checkPages(), checkPages(), checkPages()]);
    assert.ok(examples >= 15, `${examples} live examples`);
    assert.deepEqual(violations, []);
  });

  it('a snippet copied from the builder, pasted into a blank page beside the collector, submits a rating it stores', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const { page, problems } = await watched(context);
    await page.goto(`${origin}/docs/builder.html?element=svc-rating`);
    await settled(page);
    await page.getByLabel('endpoint', { exact: true }).fill(origin);
    await page.getByLabel('agency', { exact: true }).fill('ubnd-docs-snippet');
    await page.getByLabel('scale', { exact: true }).selectOption('3');
    await page.getByLabel('comment', { exact: true }).selectOption('off');
    // The preview follows the options.
    await page.frameLocator('#builder-preview').locator('svc-rating[scale="3"][agency="ubnd-docs-snippet"]').waitFor();
    await page.getByRole('button', { name: 'Copy snippet' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    // The builder offers the smallest bundle that holds the element (rating.js for <svc-rating> alone).
    assert.match(snippet, /^<script type="module" src="[^"]+\/docs\/cdn\/(?:rating|service-feedback)\.js"><\/script>\n<svc-rating\s/);
    assert.deepEqual(problems, []);

    await writeFile(join(blankDir, 'index.html'), `<!doctype html>\n<html lang="vi">\n<head><meta charset="utf-8"><title>Trang trắng</title></head>\n<body>\n${snippet}</body>\n</html>\n`);
    const blank = await watched(context);
    await blank.page.goto(`${origin}/blank/index.html`);
    await blank.page.locator('svc-rating input[name="score"]').nth(2).check();
    await blank.page.locator('svc-rating button[type="submit"]').click();
    const stored = async () => {
      const response = await fetch(`${origin}/v1/records?kind=rating`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
      return ((await response.json()) as Array<{ agency: string; score: number; scale: number }>).filter((record) => record.agency === 'ubnd-docs-snippet');
    };
    await until(async () => (await stored()).length === 1, 'the rating stored by the collector', 20_000);
    const [record] = await stored();
    assert.equal(record!.score, 3);
    assert.equal(record!.scale, 3);
    assert.deepEqual(blank.problems, []);
    await context.close();
  });

  it('the theming playground warns about an unreadable colour and passes the defaults', async () => {
    const context = await browser.newContext();
    const { page, problems } = await watched(context);
    await page.goto(`${origin}/docs/theming.html`);
    await settled(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset['contrastFailing']), '0');
    await page.getByLabel('--svc-color-primary', { exact: true }).fill('#ffe066');
    await page.waitForFunction(() => document.documentElement.dataset['contrastFailing'] !== '0');
    assert.match(await page.locator('#contrast-summary').innerText(), /^Warning: \d+ of \d+ pairs fail WCAG AA/);
    assert.match(await page.locator('#theming-css').innerText(), /Warning: fails WCAG AA contrast: .*--svc-color-primary on --svc-color-surface/);
    assert.match(await page.locator('#theming-css').innerText(), /--svc-color-primary: #ffe066;/);
    // The preview uses the colour (custom properties inherit into the shadow roots).
    const primary = await page.locator('#theming-preview').evaluate((node) => getComputedStyle(node).getPropertyValue('--svc-color-primary').trim());
    assert.equal(primary, '#ffe066');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
