import { createStore, entries, set, type UseStore } from 'idb-keyval';

// Safe wrappers around idb-keyval: named stores only (one database per store), and no throw or
// rejection ever reaches the caller (private mode, quota, blocked IndexedDB).

/** A named store, or undefined where IndexedDB is missing or refuses to open. */
export function openStore(database: string): UseStore | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : createStore(database, 'entries');
  } catch {
    return undefined;
  }
}

/** Runs an IndexedDB call; false instead of a throw or a rejection (idb-keyval can throw synchronously). */
export async function attempt(operation: () => Promise<unknown>): Promise<boolean> {
  try {
    await operation();
    return true;
  } catch {
    return false;
  }
}

/** Never falls through to idb-keyval's default store: that database belongs to the host page. */
export function write(store: UseStore | undefined, key: string, value: unknown): Promise<void> {
  return store ? set(key, value, store) : Promise.reject(new Error('IndexedDB is unavailable'));
}

export async function readAll<T>(store: UseStore | undefined): Promise<T[]> {
  if (!store) return [];
  try {
    return (await entries<string, T>(store)).map(([, value]) => value);
  } catch {
    return [];
  }
}
