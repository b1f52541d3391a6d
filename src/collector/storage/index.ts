import type { DatabaseConfig } from '../config.js';
import { runtimeTimeZone } from '../config.js';
import { migrate } from './migrations.js';
import { ensureRollups } from './rollups.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import { Store, type StoreOptions } from './store.js';
import type { Storage } from './types.js';

export interface OpenStorageOptions extends Omit<StoreOptions, 'rollupZone'> {
  onError?: (error: Error) => void;
  /** IANA zone whose local days the summary rollups keep (the collector's `TIME_ZONE`); default the runtime's. */
  timeZone?: string;
}

/** Opens the configured engine and brings its schema up to date. */
export async function openStorage(database: DatabaseConfig, options: OpenStorageOptions = {}): Promise<Storage> {
  const db =
    database.engine === 'postgres'
      ? openPostgres(database.url, { poolSize: database.poolSize, ...(options.onError ? { onError: options.onError } : {}) })
      : await openPglite(database.dataDir, database.template);
  const rollupZone = options.timeZone ?? runtimeTimeZone();
  try {
    await migrate(db);
    await ensureRollups(db, rollupZone);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return new Store(db, { ...options, rollupZone });
}

export { Store } from './store.js';
export { migrate, MIGRATIONS } from './migrations.js';
export { ensureRollups } from './rollups.js';
export type * from './types.js';
