// Debian's Chromium driven by playwright-core (its own browser download cannot work here).
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../../scripts/chromium.mjs';

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] || ensureChromium(), args: CHROMIUM_ARGS, headless: true });
}

/** A fresh fake collector on the test server; returns its endpoint path and a state reader. */
export async function fakeCollector(origin: string, script: unknown[] = []) {
  const name = `e2e${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await fetch(`${origin}/fake/${name}/__reset`, { method: 'POST', body: JSON.stringify({ script }) });
  return {
    endpoint: `/fake/${name}`,
    state: async () =>
      (await (await fetch(`${origin}/fake/${name}/__state`)).json()) as { stored: Array<{ id: string }>; requests: Array<{ ids: string[] }> },
  };
}

/** Polls until `check` is true or the time is up. */
export async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A page that records the library's events on `document` in every page life, before the page's scripts run. */
export async function recordingPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  // tsx compiles these tests with esbuild's keepNames, which wraps named functions in the
  // callbacks we send to the page in `__name(…)`: give the page that helper.
  await context.addInitScript('window.__name = (fn) => fn;');
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: Array<{ type: string; detail: unknown }> = [];
    (window as unknown as { svcEvents: typeof seen }).svcEvents = seen;
    for (const type of ['svc-submit', 'svc-queued', 'svc-sent', 'svc-error']) {
      document.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }));
    }
  });
  return page;
}

/** The library events the page has seen so far. */
export const pageEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { svcEvents: Array<{ type: string; detail: any }> }).svcEvents);
