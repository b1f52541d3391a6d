// Server side of test/support/commands.ts: keyboard and media commands that behave the same in
// the three engines. @web/test-runner-commands drives each engine through its own driver and the
// drivers differ: Firefox's WebDriver BiDi (puppeteer) knows no key named "Space"; WebKit's
// WebDriver drops the spaces typed after a non-Latin-1 letter ("bộ không" arrives "bộkhông") when
// a whole string goes in one action, so it is typed a character per action; and neither driver
// can emulate a media feature, so both engines start with `prefers-reduced-motion: reduce` (a
// Firefox pref, a GTK setting for WebKit) and say so when a test asks for anything else.

/** Why an engine cannot switch a media feature at run time (shown in the test output). */
const NO_MEDIA_EMULATION = {
  firefox: 'Firefox is driven over WebDriver BiDi, which has no media-feature emulation',
  webkit: 'WebKitWebDriver has no media-feature emulation',
};

/** The media features an engine starts with when it cannot emulate them (see scripts/engines.mjs). */
export const FIXED_MEDIA = { reducedMotion: 'reduce' };

/** @param {string} engine chromium | firefox | webkit */
export function engineCommandsPlugin(engine) {
  return {
    name: 'svc-engine-commands',
    /** @param {{ command: string, payload: any, session: any }} args */
    async executeCommand({ command, payload, session }) {
      if (command === 'svc-engine') return { engine, fixedMedia: engine === 'chromium' ? null : FIXED_MEDIA };
      if (command === 'svc-send-keys') {
        await sendKeys(engine, session, payload);
        return true;
      }
      if (command === 'svc-emulate-media') return emulateMedia(engine, session, payload);
      return undefined;
    },
  };
}

async function sendKeys(engine, session, payload) {
  if (session.browser.type === 'webdriver') {
    if ('type' in payload) {
      for (const character of payload.type) await session.browser.sendKeys(session.id, [character]);
    } else if ('press' in payload) {
      await session.browser.sendKeys(session.id, [payload.press]);
    } else {
      throw new Error(`WebKit's WebDriver takes "type" and "press" only, not ${JSON.stringify(payload)}`);
    }
    return;
  }
  const keyboard = session.browser.getPage(session.id).keyboard;
  // BiDi names keys by their value: the space bar is " ".
  const key = (name) => (engine === 'firefox' && name === 'Space' ? ' ' : name);
  if ('type' in payload) await keyboard.type(payload.type);
  else if ('press' in payload) await keyboard.press(key(payload.press));
  else if ('down' in payload) await keyboard.down(key(payload.down));
  else if ('up' in payload) await keyboard.up(key(payload.up));
  else throw new Error(`unknown key payload ${JSON.stringify(payload)}`);
}

/** @returns {{ applied: boolean, reason?: string }} */
async function emulateMedia(engine, session, payload) {
  if (engine === 'chromium') {
    const page = session.browser.getPage(session.id);
    const features = [];
    if (payload.reducedMotion != null) features.push({ name: 'prefers-reduced-motion', value: payload.reducedMotion });
    if (payload.colorScheme != null) features.push({ name: 'prefers-color-scheme', value: payload.colorScheme });
    await page.emulateMediaFeatures(features);
    if (payload.media !== undefined) await page.emulateMediaType(payload.media ?? null);
    return { applied: true };
  }
  const asked = Object.entries(payload).filter(([, value]) => value != null);
  const fixed = asked.every(([name, value]) => FIXED_MEDIA[name] === value);
  if (fixed) return { applied: true };
  return {
    applied: false,
    reason: `${NO_MEDIA_EMULATION[engine]}; it runs with prefers-reduced-motion: ${FIXED_MEDIA.reducedMotion} set at launch`,
  };
}
