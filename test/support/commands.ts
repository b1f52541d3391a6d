// Browser side of the engine-neutral test commands (server side: engine-commands.mjs). Import
// `sendKeys` and `emulateMedia` from here, not from @web/test-runner-commands: the same call then
// works in Chromium, Firefox and WebKit, and a test learns when an engine cannot do what it asks.
import { executeServerCommand } from '@web/test-runner-commands';

export type Engine = 'chromium' | 'firefox' | 'webkit';

export type SendKeysPayload = { type: string } | { press: string } | { down: string } | { up: string };

/** Types text or presses a key, as a person would, in whichever engine runs the test. */
export async function sendKeys(payload: SendKeysPayload): Promise<void> {
  await executeServerCommand('svc-send-keys', payload);
}

export interface MediaResult {
  applied: boolean;
  /** Why the engine could not apply it (the test names it when it skips). */
  reason?: string;
}

/**
 * Emulates media features where the engine can (Chromium); elsewhere the engine's fixed launch
 * settings stand, and `applied` is false when they differ from what was asked.
 */
export async function emulateMedia(media: { reducedMotion?: 'reduce' | 'no-preference'; colorScheme?: 'light' | 'dark'; media?: string | null }): Promise<MediaResult> {
  return executeServerCommand<MediaResult, typeof media>('svc-emulate-media', media) as Promise<MediaResult>;
}

let engineName: Promise<Engine> | undefined;

/** The engine this test run drives. */
export function engine(): Promise<Engine> {
  engineName ??= executeServerCommand<{ engine: Engine }, undefined>('svc-engine').then((reply) => reply!.engine);
  return engineName;
}

/** Skips the running mocha test, saying in the run's output which engine and why. */
export function skipIn(context: Mocha.Context, engineLabel: string, reason: string): never {
  console.warn(`[skipped in ${engineLabel}] ${context.test?.fullTitle() ?? ''}: ${reason}`);
  context.skip();
}
