// The collector as a process: the bin on PGlite in a DATA_DIR, stopped with SIGTERM under load,
// restarted on the same folder. Every acknowledged record must be there after the restart.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createInterface } from 'node:readline';
import { openStorage } from '../../src/collector/storage/index.js';
import { openPglite } from '../../src/collector/storage/pglite.js';
import { ADMIN_TOKEN, complaint, rating } from '../support/collector.js';

/** Polls `check` every 20 ms; fails after `timeoutMs`. */
async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Child {
  process: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** Starts the bin (TypeScript source through tsx) and resolves once it logs its URL. */
async function startBin(dataDir: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/collector/bin.ts'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN, RATE_LIMIT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const entry = JSON.parse(line);
        if (entry.message === 'collector listening') resolve(entry.url);
      } catch {
        // not a log line
      }
    });
    child.once('exit', (code) => reject(new Error(`collector exited with ${code} before listening: ${stderr}`)));
  });
  return { process: child, url, exited };
}

describe('collector process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'svc-data-'));
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('SIGTERM under load loses no acknowledged record, and a restart on the same DATA_DIR keeps everything', async () => {
    const first = await startBin(dataDir);
    children.push(first.process);
    const post = (url: string, body: unknown) =>
      fetch(`${url}/v1/submissions`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) });
    const known = complaint();
    const knownCode = ((await (await post(first.url, known)).json()) as { results: Array<{ trackingCode: string }> }).results[0]!.trackingCode;
    let signalled = false;
    let answeredAfterSignal = 0;
    const acknowledged = new Set<string>();
    const codes = new Map<string, string>();
    const failures: string[] = [];
    let stop = false;
    let sent = 0;
    const worker = async (index: number) => {
      while (!stop) {
        const batch = index % 3 === 0;
        const records = batch ? Array.from({ length: 10 }, (_, i) => (i % 2 ? rating() : complaint())) : [index % 2 ? complaint() : rating()];
        sent += records.length;
        try {
          const response = await post(first.url, batch ? { records } : records[0]);
          if (signalled) answeredAfterSignal++;
          if (response.status >= 500) failures.push(`HTTP ${response.status}`);
          const body = (await response.json()) as { results: Array<{ id: string; status: string; trackingCode?: string }> };
          for (const result of body.results) {
            if (result.status === 'accepted' || result.status === 'duplicate') acknowledged.add(result.id);
            if (result.trackingCode) codes.set(result.id, result.trackingCode);
          }
        } catch {
          // Refused or reset once the server stopped accepting: this record was never acknowledged.
          return;
        }
      }
    };
    const load = Promise.all(Array.from({ length: 24 }, (_, index) => worker(index)));
    // Signal once the load is really running (a count, not a sleep: a busy machine is slower).
    await waitFor(() => acknowledged.size > 100, 'more than 100 acknowledged records');
    const ackedBeforeSignal = acknowledged.size;
    signalled = true;
    first.process.kill('SIGTERM');
    const code = await first.exited;
    stop = true;
    await load;
    assert.equal(code, 0, 'exits cleanly');
    assert.deepEqual(failures, [], 'no 5xx during shutdown');
    assert.ok(ackedBeforeSignal > 100, `load was running (${ackedBeforeSignal} acknowledged before SIGTERM)`);
    assert.ok(answeredAfterSignal > 0, 'requests in flight at SIGTERM were answered, not dropped');

    const second = await startBin(dataDir);
    children.push(second.process);
    try {
      const response = await fetch(`${second.url}/v1/records`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      const stored = (await response.json()) as Array<{ id: string; trackingCode?: string }>;
      const ids = new Set(stored.map((record) => record.id));
      const lost = [...acknowledged].filter((id) => !ids.has(id));
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.size} acknowledged records lost`);
      const coded = stored.filter((record) => codes.has(record.id));
      assert.ok(coded.length > 0, 'complaints were acknowledged with a code');
      for (const record of coded) assert.equal(record.trackingCode, codes.get(record.id));
      assert.ok(stored.length <= sent);
      // A repeat after the restart is still a duplicate with the original tracking code.
      const again = (await (await post(second.url, known)).json()) as { results: Array<{ status: string; trackingCode: string }> };
      assert.deepEqual([again.results[0]!.status, again.results[0]!.trackingCode], ['duplicate', knownCode]);
      assert.equal((await fetch(`${second.url}/v1/complaints/${knownCode}`)).status, 200);
    } finally {
      second.process.kill('SIGTERM');
      assert.equal(await second.exited, 0);
    }
  });
});

describe('collector process killed', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'svc-kill-'));
  const children: ChildProcess[] = [];
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('SIGKILL under load on PGlite: every acknowledged record is there after a restart', async () => {
    const first = await startBin(dataDir);
    children.push(first.process);
    const acknowledged = new Set<string>();
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const record = Math.random() < 0.5 ? rating() : complaint();
        try {
          const response = await fetch(`${first.url}/v1/submissions`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(record) });
          const body = (await response.json()) as { results: Array<{ id: string; status: string }> };
          if (body.results[0]?.status === 'accepted') acknowledged.add(body.results[0].id);
        } catch {
          return;
        }
      }
    };
    const load = Promise.all(Array.from({ length: 16 }, worker));
    await waitFor(() => acknowledged.size > 50, 'more than 50 acknowledged records');
    first.process.kill('SIGKILL');
    await first.exited;
    stop = true;
    await load;
    assert.ok(acknowledged.size > 50, `load was running (${acknowledged.size} acknowledged)`);
    // The killed process left its lock file behind: the restart takes it over.
    const second = await startBin(dataDir);
    children.push(second.process);
    try {
      const response = await fetch(`${second.url}/v1/records`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      const ids = new Set(((await response.json()) as Array<{ id: string }>).map((record) => record.id));
      const lost = [...acknowledged].filter((id) => !ids.has(id));
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.size} acknowledged records lost`);
    } finally {
      second.process.kill('SIGTERM');
      assert.equal(await second.exited, 0);
    }
  });
});

describe('DATA_DIR', () => {
  it('is opened by one process at a time; a lock left by a killed process is taken over', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'svc-lock-'));
    try {
      const first = await openStorage({ engine: 'pglite', dataDir });
      await assert.rejects(openStorage({ engine: 'pglite', dataDir }), /in use by process \d+@.*PostgreSQL/s);
      await first.close();
      // A lock whose process is gone (pid 2^22 + 1 is above Linux's pid_max default).
      writeFileSync(join(dataDir, 'collector.lock'), `${2 ** 22 + 1}@${hostname()}`);
      const second = await openStorage({ engine: 'pglite', dataDir });
      assert.equal(await second.count(), 0);
      await second.close();
      assert.equal(existsSync(join(dataDir, 'collector.lock')), false, 'released on close');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a new folder starts from a template (PGLITE_TEMPLATE); a folder that holds a database ignores it', async () => {
    const folders = [mkdtempSync(join(tmpdir(), 'svc-seed-')), mkdtempSync(join(tmpdir(), 'svc-new-'))];
    const [seeded, dataDir] = folders as [string, string];
    const template = join(seeded, 'template.tar');
    try {
      // The template: a database holding one rating, dumped as PGlite's tar file.
      const seed = await openStorage({ engine: 'pglite', dataDir: seeded });
      await seed.submit([rating() as never], { now: new Date() });
      await seed.close();
      const raw = await openPglite(seeded);
      writeFileSync(template, new Uint8Array(await (await raw.dump()).arrayBuffer()));
      await raw.close();

      const first = await openStorage({ engine: 'pglite', dataDir, template });
      assert.equal(await first.count(), 1, 'started from the template');
      await first.submit([rating() as never], { now: new Date() });
      await first.close();
      const again = await openStorage({ engine: 'pglite', dataDir, template });
      assert.equal(await again.count(), 2, 'the folder kept its own database');
      await again.close();
    } finally {
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    }
  });
});
