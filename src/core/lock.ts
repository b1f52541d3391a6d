const LEASE_MS = 15_000;

/**
 * Runs `task` while holding a lock shared by every tab of this origin, so only one tab sends
 * the outbox at a time. Web Locks where present (secure contexts); on plain-HTTP pages a
 * short localStorage lease. Resolves `undefined` without running when another tab holds the
 * lease: that tab sends, and the caller's timer tries again later.
 */
export async function withTabLock<T>(name: string, task: () => Promise<T>): Promise<T | undefined> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks && typeof locks.request === 'function') {
    return locks.request(name, () => task());
  }
  const lease = takeLease(name);
  if (lease === 'held-elsewhere') return undefined;
  const renew = lease ? setInterval(() => lease.renew(), LEASE_MS / 3) : undefined;
  try {
    return await task();
  } finally {
    clearInterval(renew);
    lease?.release();
  }
}

interface Lease {
  renew(): void;
  release(): void;
}

/** A lease in localStorage; null when storage is unusable (then each tab sends: the server de-duplicates). */
function takeLease(name: string): Lease | null | 'held-elsewhere' {
  try {
    const storage = globalThis.localStorage;
    const key = `${name}:lease`;
    const owner = Math.random().toString(36).slice(2);
    const current = JSON.parse(storage.getItem(key) ?? 'null') as { owner: string; until: number } | null;
    if (current && current.until > Date.now()) return 'held-elsewhere';
    const write = () => storage.setItem(key, JSON.stringify({ owner, until: Date.now() + LEASE_MS }));
    write();
    return {
      renew: write,
      release: () => {
        const held = JSON.parse(storage.getItem(key) ?? 'null') as { owner: string } | null;
        if (held?.owner === owner) storage.removeItem(key);
      },
    };
  } catch {
    return null;
  }
}
