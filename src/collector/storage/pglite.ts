import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './types.js';

/**
 * The embedded engine: PostgreSQL compiled to WebAssembly, in this process, one connection.
 * `dataDir` undefined keeps the database in memory (tests). Only one process may open a folder.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  const wrap = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<T extends Row = Row>(text: string, params: readonly unknown[] = []): Promise<T[]> {
      return (await target.query<T>(text, params as unknown[])).rows;
    },
  });
  const direct = wrap(pg);
  return {
    engine: 'pglite',
    query: direct.query,
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    close: () => pg.close(),
  };
}
