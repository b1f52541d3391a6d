/**
 * Starting the analytics module worker safely: `new Worker(url)` is a Trusted Types sink, so the
 * URL goes through the one policy this library may create, `svc-feedback`, which lets only
 * same-origin URLs through (a worker from another origin is refused by the browser anyway).
 * When no worker can be had (policy refused, another origin, no module workers, CSP), callers
 * fall back to the main thread.
 */

/** The Trusted Types policy name the library may create (CONTRACT §1; README lists it for hosts). */
export const POLICY_NAME = 'svc-feedback';

interface ScriptUrlPolicy {
  createScriptURL(input: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): ScriptUrlPolicy;
}

let policy: ScriptUrlPolicy | null | undefined;

/** The URL if it is on this page's origin, else null. */
export function sameOriginUrl(input: string | URL): URL | null {
  try {
    const url = new URL(String(input), document.baseURI);
    return url.origin === location.origin ? url : null;
  } catch {
    return null;
  }
}

/**
 * The policy, created once per copy of the library. Null when Trusted Types are absent, or when
 * the page refuses the name or a second copy already holds it (duplicates are refused unless
 * the host allows `'allow-duplicates'`).
 */
function trustedPolicy(): ScriptUrlPolicy | null {
  if (policy !== undefined) return policy;
  const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!tt || typeof tt.createPolicy !== 'function') return (policy = null);
  try {
    policy = tt.createPolicy(POLICY_NAME, {
      createScriptURL(input: string): string {
        const url = sameOriginUrl(input);
        if (!url) throw new TypeError(`[service-feedback] refused a worker script from another origin: ${input}`);
        return url.href;
      },
    });
  } catch {
    policy = null;
  }
  return policy;
}

/**
 * A module worker from `url`, or null when it cannot be made here (another origin, no Trusted
 * Types policy on a page that requires one, no module workers, CSP). Never throws.
 */
export function createModuleWorker(url: string | URL): Worker | null {
  const checked = sameOriginUrl(url);
  if (!checked || typeof Worker !== 'function') return null;
  try {
    const trusted = trustedPolicy();
    const scriptUrl = trusted ? trusted.createScriptURL(checked.href) : checked.href;
    return new Worker(scriptUrl as string, { type: 'module', name: 'svc-analytics' });
  } catch {
    return null;
  }
}
