import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { migrate } from './migrations.js';
import type { Database, Queryable, Row } from './types.js';

const LOCK = 'collector.lock';

/** Thrown when another live process has the DATA_DIR open. */
export class DataDirInUse extends Error {
  constructor(dataDir: string, owner: string) {
    super(
      `DATA_DIR ${dataDir} is in use by ${owner}. Only one process may open a PGlite folder; ` +
        'run several instances on PostgreSQL (DATABASE_URL). If that process is gone, delete ' +
        `${join(dataDir, LOCK)}.`,
    );
    this.name = 'DataDirInUse';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite does not stop two processes from opening one folder (both would write to it): a lock
 * file with our pid does. A lock left by a process that is gone (killed) is taken over.
 */
function lock(dataDir: string): () => void {
  const path = join(dataDir, LOCK);
  const mine = `${process.pid}@${hostname()}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, mine);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8') === mine) rmSync(path);
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readFileSync(path, 'utf8').trim();
      const [pid, host] = owner.split('@');
      if (host === hostname() && Number(pid) > 0 && alive(Number(pid))) throw new DataDirInUse(dataDir, `process ${owner}`);
      if (host !== hostname()) throw new DataDirInUse(dataDir, `process ${owner} on another host`);
      rmSync(path, { force: true });
    }
  }
  throw new DataDirInUse(dataDir, 'another process');
}

/**
 * The embedded engine: PostgreSQL compiled to WebAssembly, in this process, one connection.
 * `dataDir` undefined keeps the database in memory (tests). Only one process may open a folder.
 * `template`: a `dumpDataDir` tar file a new database starts from (see `DatabaseConfig`).
 */
export async function openPglite(dataDir?: string, template?: string): Promise<Database & { dump(): Promise<Blob> }> {
  let unlock = () => {};
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lock(dataDir);
  }
  let pg: PGlite;
  try {
    // A template only seeds a new database: a folder that holds one is opened as it is.
    const fresh = dataDir === undefined || !existsSync(join(dataDir, 'PG_VERSION'));
    pg = await PGlite.create(dataDir, template !== undefined && fresh ? { loadDataDir: new Blob([readFileSync(template)]) } : {});
  } catch (error) {
    unlock();
    throw error;
  }
  const wrap = (target: Pick<PGlite, 'query'>): Queryable => ({
    async query<T extends Row = Row>(text: string, params: readonly unknown[] = []): Promise<T[]> {
      return (await target.query<T>(text, params as unknown[])).rows;
    },
  });
  const direct = wrap(pg);
  return {
    engine: 'pglite',
    dump: async () => (await pg.dumpDataDir('none')) as Blob,
    query: direct.query,
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    async close() {
      try {
        await pg.close();
      } finally {
        unlock();
      }
    },
  };
}

/**
 * Writes a template for `DatabaseConfig.template`: a new in-memory database with every migration
 * applied, dumped as PGlite's tar file. `npm test` makes one per run and its collectors start from it.
 */
export async function writePgliteTemplate(file: string): Promise<void> {
  const db = await openPglite();
  try {
    await migrate(db);
    const dump = await db.dump();
    writeFileSync(file, new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
}
