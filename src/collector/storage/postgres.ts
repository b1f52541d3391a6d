import pg from 'pg';
import type { Database, Queryable, Row } from './types.js';

/**
 * A PostgreSQL server through a `pg` pool. Transactions take one client for their whole life
 * (`pool.query('BEGIN')` could land on another connection than the next statement).
 */
export function openPostgres(url: string, options: { poolSize?: number; onError?: (error: Error) => void } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: 'service-feedback-collector',
  });
  // An idle client losing its connection emits on the pool; unhandled, that would end the process.
  pool.on('error', (error) => options.onError?.(error));
  const query = async <T extends Row = Row>(text: string, params: readonly unknown[] = []): Promise<T[]> =>
    (await pool.query<T>(text, params as unknown[])).rows;
  return {
    engine: 'postgres',
    query,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <R extends Row = Row>(text: string, params: readonly unknown[] = []) =>
            (await client.query<R>(text, params as unknown[])).rows,
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
