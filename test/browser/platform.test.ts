// What plain-HTTP intranet pages lack: crypto.randomUUID and Web Locks exist only in secure
// contexts. The fallbacks the library promises for them, checked with the APIs taken away.
import { expect } from '@open-wc/testing';
import { uuidV4, UUID_V4 } from '../../src/core/uuid.js';
import { withTabLock } from '../../src/core/lock.js';

/** Runs `body` with `object[key]` replaced by an own property, then takes the replacement away. */
async function without<T extends object>(object: T, key: string, value: unknown, body: () => Promise<void> | void): Promise<void> {
  Object.defineProperty(object, key, { value, configurable: true, writable: true });
  try {
    await body();
  } finally {
    delete (object as Record<string, unknown>)[key];
  }
}

describe('plain-HTTP fallbacks', () => {
  it('UUIDs come from crypto.getRandomValues where crypto.randomUUID is missing or throws', async () => {
    const original = crypto.getRandomValues.bind(crypto);
    let draws = 0;
    await without(crypto, 'getRandomValues', <A extends ArrayBufferView | null>(array: A) => {
      draws++;
      return original(array as never) as A;
    }, async () => {
      for (const randomUUID of [undefined, () => { throw new DOMException('Not in a secure context', 'SecurityError'); }]) {
        await without(crypto, 'randomUUID', randomUUID, () => {
          const before = draws;
          const ids = Array.from({ length: 200 }, () => uuidV4());
          expect(draws - before).to.equal(200);
          expect(ids.every((id) => UUID_V4.test(id))).to.equal(true);
          expect(new Set(ids).size).to.equal(200);
          // Version 4, RFC 4122 variant: the bits the fallback sets by hand.
          expect(new Set(ids.map((id) => id[14]))).to.deep.equal(new Set(['4']));
          expect([...new Set(ids.map((id) => id[19]))].every((char) => '89ab'.includes(char!))).to.equal(true);
        });
      }
    });
    // With randomUUID present, it is used (no draw of ours).
    const before = draws;
    expect(UUID_V4.test(uuidV4())).to.equal(true);
    expect(draws).to.equal(before);
  });

  it('without Web Locks, one tab holds a localStorage lease: a second caller runs nothing until it is released', async () => {
    const name = `lease-${Date.now()}`;
    await without(navigator, 'locks', undefined, async () => {
      let release!: (value: string) => void;
      const first = withTabLock(name, () => new Promise<string>((resolve) => (release = resolve)));
      expect(JSON.parse(localStorage.getItem(`${name}:lease`)!).until).to.be.greaterThan(Date.now());
      let ran = false;
      expect(await withTabLock(name, async () => ((ran = true), 'second'))).to.equal(undefined);
      expect(ran).to.equal(false);
      release('first');
      expect(await first).to.equal('first');
      expect(localStorage.getItem(`${name}:lease`)).to.equal(null);
      expect(await withTabLock(name, async () => 'third')).to.equal('third');
    });
  });
});
