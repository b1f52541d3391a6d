// Browser tests in Debian's Chromium (see DEVELOPERS.md): TypeScript stripped by esbuild with the
// project's tsconfig; a scripted fake collector at the edge of the network.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { CHROMIUM_ARGS, ensureChromium } from './scripts/chromium.mjs';
import { fakeCollectorMiddleware } from './test/support/fake-collector.mjs';

export default {
  files: ['test/components/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 15_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: process.env.CHROMIUM_PATH || ensureChromium(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2021' })],
  middleware: [fakeCollectorMiddleware()],
};
