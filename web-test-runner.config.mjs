// Browser tests in Debian's Chromium, Firefox and WebKit (see DEVELOPERS.md): one engine per run,
// chosen by SVC_ENGINE (default chromium); `npm test` runs all three in turn. Tests take sendKeys
// and emulateMedia from test/support/commands.ts, which works the same in the three. TypeScript stripped
// by esbuild with the project's tsconfig; a scripted fake collector at the edge of the network.
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { CHROMIUM_ARGS, ensureChromium } from './scripts/chromium.mjs';
import { ENGINES, firefoxLaunch, startWebKitDriver } from './scripts/engines.mjs';
import { engineCommandsPlugin } from './test/support/engine-commands.mjs';
import { fakeCollectorMiddleware } from './test/support/fake-collector.mjs';

const engine = process.env.SVC_ENGINE || 'chromium';
if (!ENGINES.includes(engine)) throw new Error(`SVC_ENGINE must be one of ${ENGINES.join(', ')}, not "${engine}"`);

async function launcher() {
  if (engine === 'firefox') return chromeLauncher({ puppeteer: puppeteerCore, launchOptions: firefoxLaunch({ reducedMotion: true }) });
  if (engine === 'webkit') {
    if (!process.env.DISPLAY) throw new Error('WebKit (MiniBrowser) needs a display: run under xvfb-run -a (npm test does)');
    const driver = await startWebKitDriver({ reducedMotion: true });
    const webkit = webdriverLauncher({ hostname: '127.0.0.1', port: driver.port, logLevel: 'error', capabilities: driver.capabilities });
    // The launcher names the browser from `browserName`, which WebKitWebDriver must not be sent.
    const initialize = webkit.initialize.bind(webkit);
    webkit.initialize = async (...args) => {
      await initialize(...args);
      webkit.name = 'WebKit';
    };
    return webkit;
  }
  return chromeLauncher({
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || ensureChromium(), headless: true, args: CHROMIUM_ARGS },
  });
}

export default {
  files: ['test/components/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 600_000,
  // Firefox and WebKit take 10–15 s to start here, and a test page's first load (esbuild
  // compiling its imports) far longer when the shared machine is busy.
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  // A test's time limit catches hangs, not slowness: WebKit (no headless mode, software rendering
  // under Xvfb) runs the axe and big-file tests several times slower than Chromium, and a shared
  // machine under load slows every engine (the big-CSV worker test passed 15 s in Chromium and
  // 60 s in WebKit at a load average of 30).
  testFramework: { config: { timeout: engine === 'webkit' ? 120_000 : 60_000 } },
  browsers: [await launcher()],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2021' }), engineCommandsPlugin(engine)],
  middleware: [fakeCollectorMiddleware()],
};
