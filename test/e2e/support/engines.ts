// One small driver over the two engines that are not Chromium, for the engines' end-to-end tests:
// Firefox through puppeteer-core (WebDriver BiDi) and WebKit through webdriverio (WebKitWebDriver
// driving MiniBrowser). Both browse through the intranet proxy (./intranet-proxy.ts). What a driver
// cannot do is said, never faked: `setOffline` answers false (WebKitWebDriver has no network
// emulation) and `pdf` answers undefined (WebKitWebDriver has no Print Page command).
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { remote } from 'webdriverio';
import { engineVersion, firefoxLaunch, missing, startWebKitDriver } from '../../../scripts/engines.mjs';

export type EngineName = 'firefox' | 'webkit';

export interface EngineDriver {
  readonly engine: EngineName;
  /** The browser's own version string, for the test output. */
  readonly version: string;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs `fn` in the page with JSON arguments and returns its (awaited, JSON) result. */
  evaluate<T>(fn: (...args: any[]) => T | Promise<T>, ...args: unknown[]): Promise<Awaited<T>>;
  /** Switches the browser's network off or on; false when the driver cannot. */
  setOffline(on: boolean): Promise<boolean>;
  /** The page printed to an A4 PDF; undefined when the driver cannot print. */
  pdf(): Promise<Buffer | undefined>;
  close(): Promise<void>;
}

/** The engines this run asked for (SVC_ENGINES) among Firefox and WebKit, and why any is left out. */
export function enginesToRun(): Array<{ engine: EngineName; skip: string | false }> {
  const asked = (process.env['SVC_ENGINES'] || 'chromium,firefox,webkit').split(',').map((name) => name.trim());
  return (['firefox', 'webkit'] as const).map((engine) => {
    if (!asked.includes(engine)) return { engine, skip: `${engine} is not in SVC_ENGINES=${process.env['SVC_ENGINES']}` };
    const absent = missing(engine);
    if (absent.length) return { engine, skip: `${engine} is not installed (${absent.join(', ')} missing)` };
    if (engine === 'webkit' && !process.env['DISPLAY']) return { engine, skip: 'WebKit needs a display: run under xvfb-run -a (npm test does)' };
    return { engine, skip: false };
  });
}

/** The expression that calls `fn` with `args` (the same text for both drivers). */
function call(fn: (...args: any[]) => unknown, args: unknown[]): string {
  // tsx compiles with esbuild's keepNames, which wraps named inner functions in `__name(…)`.
  return `(async () => { globalThis.__name ??= (f) => f; return await (${fn.toString()})(...${JSON.stringify(args)}); })()`;
}

export async function launchEngine(engine: EngineName, proxy: { address: string; port: number }): Promise<EngineDriver> {
  return engine === 'firefox' ? launchFirefox(proxy) : launchWebKit(proxy);
}

async function launchFirefox(proxy: { port: number }): Promise<EngineDriver> {
  const options = firefoxLaunch();
  const browser: PuppeteerBrowser = await puppeteer.launch({
    ...options,
    extraPrefsFirefox: {
      ...options.extraPrefsFirefox,
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      // The intranet page is plain HTTP on purpose: no HTTPS-first upgrade.
      'dom.security.https_first': false,
      'dom.security.https_first_schemeless': false,
      'dom.security.https_first_pbm': false,
    },
  });
  const page: PuppeteerPage = await browser.newPage();
  return {
    engine: 'firefox',
    version: await browser.version(),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    reload: async () => {
      await page.reload({ waitUntil: 'load' });
    },
    evaluate: (fn, ...args) => page.evaluate(call(fn, args)) as Promise<any>,
    setOffline: async (on) => {
      await page.setOfflineMode(on);
      return true;
    },
    pdf: async () => Buffer.from(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })),
    close: () => browser.close(),
  };
}

async function launchWebKit(proxy: { address: string }): Promise<EngineDriver> {
  const driver = await startWebKitDriver();
  let browser: WebdriverIO.Browser;
  try {
    browser = await remote({
      hostname: '127.0.0.1',
      port: driver.port,
      logLevel: 'error',
      connectionRetryTimeout: 120_000,
      capabilities: { ...driver.capabilities, proxy: { proxyType: 'manual', httpProxy: proxy.address } } as WebdriverIO.Capabilities,
    });
  } catch (error) {
    driver.stop();
    throw error;
  }
  return {
    engine: 'webkit',
    version: `${engineVersion('webkit')} (MiniBrowser ${String(browser.capabilities.browserVersion ?? '')})`,
    goto: async (url) => {
      await browser.navigateTo(url);
    },
    reload: async () => {
      await browser.refresh();
    },
    evaluate: (fn, ...args) => browser.execute(`return ${call(fn, args)};`) as Promise<any>,
    setOffline: async () => false,
    pdf: async () => undefined,
    close: async () => {
      try {
        await browser.deleteSession();
      } finally {
        driver.stop();
      }
    },
  };
}

/** Polls until `check` is true or the time is up. */
export async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 150));
  }
  throw new Error(`timed out waiting for ${what}`);
}
