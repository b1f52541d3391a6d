// The lazily loaded parts of the elements (src/core/lazy.ts): loaded once, and after a failed
// fetch asked for again — under a new query (Firefox and WebKit keep a failed import() of a URL),
// after a pause that grows, or at once when the browser comes back online.
import { expect, waitUntil } from '@open-wc/testing';
import { lazyPart } from '../../src/core/lazy.js';

/** A loader that fails `failures` times, then gives a module; it notes the retry query of each call. */
function flaky(failures: number) {
  const meta = {} as ImportMeta & { svcQuery?: string };
  const queries: Array<string | undefined> = [];
  const load = () => {
    queries.push(meta.svcQuery);
    return queries.length <= failures ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve({ answer: 42 });
  };
  return { meta, queries, load };
}

/** Runs `body` with console.error silenced (a failed part is logged once), returning what was logged. */
async function quietly(body: () => Promise<void>): Promise<unknown[][]> {
  const logged: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args);
  try {
    await body();
  } finally {
    console.error = original;
  }
  return logged;
}

describe('lazy parts', () => {
  it('loads once: calls made meanwhile share the one import, and the module is then at hand', async () => {
    const { meta, queries, load } = flaky(0);
    const part = lazyPart(meta, 'test', load);
    expect(part.value).to.equal(undefined);
    const [a, b] = await Promise.all([part.load(), part.ready()]);
    expect(a).to.equal(b);
    expect(part.value).to.deep.equal({ answer: 42 });
    await part.load();
    expect(queries).to.deep.equal(['']);
  });

  it('a failed load rejects (a caller can tell); the next one asks under ?retry=1 and the query is set only during the call', async () => {
    const { meta, queries, load } = flaky(1);
    const part = lazyPart(meta, 'test', load);
    const logged = await quietly(async () => {
      let failed = false;
      await part.load().catch(() => (failed = true));
      expect(failed).to.equal(true);
      expect(await part.load()).to.deep.equal({ answer: 42 });
    });
    expect(queries).to.deep.equal(['', '?retry=1']);
    expect(meta.svcQuery).to.equal(undefined);
    expect(logged.length).to.equal(1);
    expect(String(logged[0]![0])).to.contain('part "test" not loaded');
  });

  it('ready() never rejects: it keeps trying after a growing pause until the part is here', async () => {
    const { meta, queries, load } = flaky(2);
    const part = lazyPart(meta, 'test', load);
    await quietly(async () => {
      const started = performance.now();
      expect(await part.ready()).to.deep.equal({ answer: 42 });
      // 1 s after the first failure, 2 s after the second.
      expect(performance.now() - started).to.be.greaterThan(2800);
    });
    expect(queries).to.deep.equal(['', '?retry=1', '?retry=2']);
  });

  it('coming back online asks again at once, without waiting for the pause', async () => {
    const { meta, queries, load } = flaky(1);
    const part = lazyPart(meta, 'test', load);
    await quietly(async () => {
      const ready = part.ready();
      await waitUntil(() => queries.length === 1, 'the first try');
      await new Promise((done) => setTimeout(done, 50));
      const started = performance.now();
      dispatchEvent(new Event('online'));
      expect(await ready).to.deep.equal({ answer: 42 });
      expect(performance.now() - started).to.be.lessThan(500);
    });
    expect(queries).to.deep.equal(['', '?retry=1']);
  });
});
