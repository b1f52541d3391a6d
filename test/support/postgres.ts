// A throwaway PostgreSQL server for tests and benchmarks: initdb + pg_ctl on a temp folder and a
// free loopback port, stopped (and its folder removed) at the end, also when the run fails.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

export interface PostgresServer {
  port: number;
  /** Pid of the postmaster (its children are the backends). */
  postmasterPid(): number;
  /** postgres:// URL of a database on this server. */
  url(database?: string): string;
  /** Creates a fresh database and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): void;
}

export interface StartOptions {
  /**
   * Keep PostgreSQL's durability settings (fsync, synchronous_commit) as shipped: for benchmarks.
   * Tests turn fsync off (the data is thrown away), which is faster on small disks.
   */
  durable?: boolean;
  /** Extra `-c name=value` settings. */
  settings?: Record<string, string | number>;
}

/** The folder of initdb/pg_ctl: on PATH (this machine), or Debian's /usr/lib/postgresql/<v>/bin (CI). */
export function findPostgresBin(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((version) => existsSync(join(base, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      'initdb refuses to run as root and there is no "postgres" user to run it as. ' +
        "Install Debian's postgresql package (it creates the user) or run the tests as a normal user.",
    );
  }
}

/**
 * A detached shell that stops the server once this process is gone, however it ended (a test
 * process killed by a signal or a timeout runs no exit hook). After a normal stop it finds
 * nothing left to do.
 */
function watchdog(pid: number, pgCtl: string[], data: string, root: string): void {
  const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;
  const script = `while kill -0 ${pid} 2>/dev/null; do sleep 2; done; ${pgCtl.map(quote).join(' ')} -D ${quote(data)} -m immediate stop >/dev/null 2>&1; rm -rf ${quote(root)}`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}

const running = new Set<() => void>();
let hooked = false;
/** Whatever happens to the test process, running servers are stopped. */
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const stop of [...running]) stop();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const stop of [...running]) stop();
      process.kill(process.pid, signal);
    });
  }
}

export async function startPostgres(options: StartOptions = {}): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin: apt-get install postgresql');
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const owner = isRoot ? postgresUser() : undefined;
  const root = mkdtempSync(join(tmpdir(), 'svc-pg-'));
  if (owner) chownSync(root, owner.uid, owner.gid);
  const data = join(root, 'data');
  const run = (command: string, args: string[]) => {
    const file = join(bin, command);
    if (owner) execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe' });
    else execFileSync(file, args, { stdio: 'pipe' });
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb failed: ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
  }
  const port = await freePort();
  const settings: Record<string, string | number> = {
    listen_addresses: '127.0.0.1',
    port,
    unix_socket_directories: root,
    max_connections: 200,
    ...(options.durable ? {} : { fsync: 'off', full_page_writes: 'off' }),
    ...options.settings,
  };
  const flags = Object.entries(settings)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    running.delete(stop);
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already gone.
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    run('pg_ctl', ['-D', data, '-o', flags, '-l', join(root, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (error) {
    stop();
    throw new Error(`pg_ctl start failed: ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
  }
  running.add(stop);
  hookExit();
  watchdog(process.pid, owner ? ['runuser', '-u', 'postgres', '--', join(bin, 'pg_ctl')] : [join(bin, 'pg_ctl')], data, root);
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let created = 0;
  return {
    port,
    postmasterPid: () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
    url,
    async createDatabase(name = `test_${process.pid}_${++created}`) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    stop,
  };
}
