/**
 * A part of an element that comes in its own module, fetched with `import()` when the element
 * connects (strings, the delivery path, the ten standards): the CDN entries carry only what draws
 * the element. A failed fetch (the connection dropped just then) is tried again — after a pause
 * that grows, and at once when the browser comes back online — never given up on.
 *
 * Firefox and WebKit remember a failed `import()` of a URL for the life of the page (HTML's module
 * map; whatwg/html#10327 lifts that, Chromium already refetches), so a retry asks for the same
 * file under a new query: `import.meta.svcQuery` of the module that holds the `import()`
 * expression, which the CDN build appends to every lazily loaded chunk's URL
 * (scripts/rollup-retry-import.mjs). Elsewhere (tsc's dist/ under a bundler) it is unused.
 */
export interface LazyPart<T> {
  /** The module once loaded (to use it without waiting), else undefined. */
  readonly value: T | undefined;
  /** Loads it (once; again after a failure): rejects when this attempt fails. */
  load(): Promise<T>;
  /** Loads it, trying again in the background after failures: resolves once it is here. */
  ready(): Promise<T>;
  /** `ready()`, for a caller that does not wait: asks for it now. */
  preload(): void;
}

/** First pause before trying a failed fetch again; doubles each time up to `MAX_RETRY_MS`. */
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

type Meta = ImportMeta & { svcQuery?: string };

/**
 * `meta` is the `import.meta` of the module whose `load` holds the `import()` expression (the
 * retry query is read there); `name` says in the console which part failed (`delivery`,
 * `rating strings (vi)`).
 */
export function lazyPart<T>(meta: ImportMeta, name: string, load: () => Promise<T>): LazyPart<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let keepTrying = false;
  let waiting: Array<(module: T) => void> = [];

  const attempt = (): Promise<T> => {
    const holder = meta as Meta;
    holder.svcQuery = failures > 0 ? `?retry=${failures}` : '';
    let promise: Promise<T>;
    try {
      promise = load();
    } finally {
      delete holder.svcQuery;
    }
    return promise.then(
      (module) => {
        value = module;
        keepTrying = false;
        clearTimeout(timer);
        removeEventListener('online', onOnline);
        for (const resolve of waiting) resolve(module);
        waiting = [];
        return module;
      },
      (error: unknown) => {
        if (failures === 0) console.error(`[service-feedback] part "${name}" not loaded; trying again.`, error);
        failures++;
        pending = undefined;
        if (keepTrying) schedule();
        throw error;
      },
    );
  };

  const onOnline = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!value && !pending) void part.load().catch(() => undefined);
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(onOnline, Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (failures - 1)));
  };

  const part: LazyPart<T> = {
    get value() {
      return value;
    },
    load() {
      if (value) return Promise.resolve(value);
      pending ??= attempt();
      return pending;
    },
    ready() {
      if (value) return Promise.resolve(value);
      const arrived = new Promise<T>((resolve) => waiting.push(resolve));
      if (!keepTrying) {
        keepTrying = true;
        addEventListener('online', onOnline);
      }
      // A failure now schedules the next try (keepTrying); one already scheduled stays as it is.
      if (!pending && timer === undefined) void part.load().catch(() => undefined);
      return arrived;
    },
    preload() {
      void part.ready();
    },
  };
  return part;
}
