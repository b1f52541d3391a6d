// The three browser engines the tests run in, all from Debian's packages (see DEVELOPERS.md):
// Chromium (chromium), Firefox (firefox-esr, driven over WebDriver BiDi by puppeteer-core) and
// WebKit, the engine of Safari (webkit2gtk-driver: WebKitWebDriver + MiniBrowser, which has no
// headless mode and so runs under xvfb-run). No browser is ever downloaded.
import { existsSync, mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { ensureChromium, findChromium } from './chromium.mjs';

export const ENGINES = /** @type {const} */ (['chromium', 'firefox', 'webkit']);

export const FIREFOX_PATH = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
export const WEBKIT_BROWSER = process.env.WEBKIT_BROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB_RUN = '/usr/bin/xvfb-run';

/** Debian packages per engine, for the message (and the install) when one is missing. */
const PACKAGES = { chromium: ['chromium'], firefox: ['firefox-esr'], webkit: ['webkit2gtk-driver', 'xvfb', 'xauth'] };

/** The files an engine needs that are missing (empty when it can run). */
export function missing(engine) {
  if (engine === 'chromium') return findChromium() ? [] : ['/usr/bin/chromium'];
  if (engine === 'firefox') return [FIREFOX_PATH].filter((path) => !existsSync(path));
  return [WEBKIT_DRIVER, WEBKIT_BROWSER, XVFB_RUN, '/usr/bin/xauth'].filter((path) => !existsSync(path));
}

/**
 * The engines `npm test` runs: `SVC_ENGINES` (comma list) or all three. A missing one is installed
 * with apt-get when we are root on Debian; otherwise the run stops and says what to install — a
 * test run that quietly drops an engine would hide exactly the breakage it is there to catch.
 */
export function ensureEngines(wanted = (process.env.SVC_ENGINES || ENGINES.join(',')).split(',').map((name) => name.trim()).filter(Boolean)) {
  for (const engine of wanted) {
    if (!ENGINES.includes(engine)) throw new Error(`unknown engine "${engine}" in SVC_ENGINES (known: ${ENGINES.join(', ')})`);
  }
  if (wanted.includes('chromium')) ensureChromium();
  const absent = wanted.filter((engine) => missing(engine).length);
  if (absent.length) {
    const packages = absent.flatMap((engine) => PACKAGES[engine]);
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (isRoot && existsSync('/usr/bin/apt-get')) {
      console.log(`Missing engines (${absent.join(', ')}): installing Debian's ${packages.join(' ')}…`);
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', ...packages], { stdio: 'inherit', env });
    }
    const still = absent.filter((engine) => missing(engine).length);
    if (still.length) {
      console.error(
        [
          `The browser tests need ${still.join(', ')} and ${still.length === 1 ? 'it is' : 'they are'} not installed`,
          `(${still.flatMap(missing).join(', ')} not found). Install, then run npm test again:`,
          `  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y ${still.flatMap((engine) => PACKAGES[engine]).join(' ')}`,
          '  or run fewer engines: SVC_ENGINES=chromium npm test',
        ].join('\n'),
      );
      process.exit(1);
    }
  }
  return wanted;
}

/** The version an engine reports on its command line (for the run's log and the README). */
export function engineVersion(engine) {
  try {
    if (engine === 'chromium') return execFileSync(ensureChromium(), ['--version'], { encoding: 'utf8' }).trim();
    if (engine === 'firefox') return execFileSync(FIREFOX_PATH, ['--version'], { encoding: 'utf8' }).trim();
    const version = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'webkit2gtk-driver'], { encoding: 'utf8' }).trim();
    return `WebKitGTK ${version}`;
  } catch {
    return `${engine} (version unknown)`;
  }
}

/** A free loopback port. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts WebKitWebDriver on a free loopback port and waits until it answers. The caller must run
 * under a display (xvfb-run): MiniBrowser opens a real window. With `reducedMotion`, the browser
 * starts with `prefers-reduced-motion: reduce` (WebKitGTK follows GTK's gtk-enable-animations,
 * read from a settings.ini in a private XDG_CONFIG_HOME): its driver cannot emulate media features.
 * @param {{ reducedMotion?: boolean }} [options]
 * @returns {Promise<{ port: number, capabilities: Record<string, unknown>, stop(): void }>}
 */
export async function startWebKitDriver({ reducedMotion = false } = {}) {
  const port = await freePort();
  const env = { ...process.env };
  let config;
  if (reducedMotion) {
    config = mkdtempSync(join(tmpdir(), 'svc-webkit-'));
    mkdirSync(join(config, 'gtk-3.0'));
    writeFileSync(join(config, 'gtk-3.0', 'settings.ini'), '[Settings]\ngtk-enable-animations=false\n');
    env.XDG_CONFIG_HOME = config;
  }
  const child = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const stop = () => {
    if (child.exitCode === null) child.kill();
    if (config) rmSync(config, { recursive: true, force: true });
  };
  process.once('exit', stop);
  const end = Date.now() + 15_000;
  for (;;) {
    try {
      const reply = await fetch(`http://127.0.0.1:${port}/status`);
      if (reply.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > end) {
      stop();
      throw new Error(`WebKitWebDriver did not start on port ${port}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    port,
    // `browserName` stays out: WebKitWebDriver matches no capabilities that name one it does not expect.
    capabilities: { 'webkitgtk:browserOptions': { binary: WEBKIT_BROWSER, args: ['--automation'] } },
    stop,
  };
}

/**
 * Firefox launch options for puppeteer-core (WebDriver BiDi; the profile's prefs keep it off the
 * network). With `reducedMotion`, `prefers-reduced-motion: reduce` from the start (BiDi cannot
 * emulate media features).
 * @param {{ reducedMotion?: boolean }} [options]
 */
export const firefoxLaunch = ({ reducedMotion = false } = {}) => ({
  browser: /** @type {const} */ ('firefox'),
  executablePath: FIREFOX_PATH,
  headless: true,
  extraPrefsFirefox: {
    ...(reducedMotion ? { 'ui.prefersReducedMotion': 1 } : {}),
    'app.update.enabled': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'extensions.update.enabled': false,
    // A download (the dashboard's CSV and PNG) is saved quietly to a temporary folder: the
    // downloads panel would take the keyboard focus from the page under test.
    'browser.download.folderList': 2,
    'browser.download.dir': tmpdir(),
    'browser.download.useDownloadDir': true,
    'browser.download.alwaysOpenPanel': false,
    'browser.download.panel.shown': true,
    'browser.download.start_downloads_in_tmp_dir': true,
  },
});

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const engine of ensureEngines()) console.log(`${engine}: ${engineVersion(engine)}`);
}
