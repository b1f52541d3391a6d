import type { DatabaseConfig } from '../config.js';
import { migrate } from './migrations.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import { Store, type StoreOptions } from './store.js';
import type { Storage } from './types.js';

export interface OpenStorageOptions extends StoreOptions {
  onError?: (error: Error) => void;
}

/** Opens the configured engine and brings its schema up to date. */
export async function openStorage(database: DatabaseConfig, options: OpenStorageOptions = {}): Promise<Storage> {
  const db =
    database.engine === 'postgres'
      ? openPostgres(database.url, { poolSize: database.poolSize, ...(options.onError ? { onError: options.onError } : {}) })
      : await openPglite(database.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return new Store(db, options);
}

export { Store } from './store.js';
export { migrate, MIGRATIONS } from './migrations.js';
export type * from './types.js';
