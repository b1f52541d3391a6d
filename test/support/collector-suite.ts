// The collector's behaviour over HTTP and its storage, as one suite run on each engine
// (test/collector/engine-pglite.test.ts, test/collector/engine-postgres.test.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request as httpRequest } from 'node:http';
import { MIGRATIONS, migrate } from '../../src/collector/storage/migrations.js';
import { Store } from '../../src/collector/storage/store.js';
import { INSERT_NEW, SELECT_BY_IDS } from '../../src/collector/storage/sql.js';
import { toRow } from '../../src/collector/records.js';
import type { Storage } from '../../src/collector/storage/types.js';
import { uuidV4 } from '../../src/core/uuid.js';
import { ADMIN_TOKEN, admin, caseRecord, complaint, pool, rating, request, startCollector, type Running } from './collector.js';
import { open311Schemas } from './open311.js';
import { parseRecords } from '../../src/analytics/parse.js';
import { parseInstant } from '../../src/analytics/period.js';
import { report } from '../../src/analytics/report.js';
import { summarize, type GroupField } from '../../src/analytics/summary.js';
import type { FeedbackRecord } from '../../src/core/record.js';
import { WINDOW, randomRecords } from './summary-data.js';
import { periodKey } from '../../src/analytics/period.js';
import { storeExactly } from './store-exactly.js';
import { FIXTURE, FIXTURE_AS_OF, FIXTURE_EXPECTED, FIXTURE_WINDOW } from './indicator-fixture.js';

const CODE = /^[0-9A-HJKMNP-TV-Z]{10}$/;
const DAY = 86_400_000;

export interface EngineSetup {
  /** Opens a fresh, migrated storage (one per suite). */
  open(): Promise<Storage>;
  /** Stops whatever the engine started (PostgreSQL server). */
  teardown?(): Promise<void> | void;
}

export function collectorSuite(engine: 'pglite' | 'postgres', setup: EngineSetup): void {
  describe(`collector on ${engine}`, () => {
    let storage: Storage;
    let main: Running;
    const fixedNow = new Date('2026-03-06T01:00:00.000Z');

    before(async () => {
      storage = await setup.open();
      main = await startCollector(storage, { adminToken: ADMIN_TOKEN }, { now: () => fixedNow });
    });
    after(async () => {
      await main?.close();
      await storage?.close();
      await setup.teardown?.();
    });

    const submit = (body: unknown, headers: Record<string, string> = {}) => request(`${main.url}/v1/submissions`, { body, headers });
    const agencyCount = async (agency: string) =>
      Number((await storage.db.query('SELECT count(*) AS n FROM records WHERE agency = $1', [agency]))[0]!['n']);

    describe('storage', () => {
      it('migrations are versioned and run once', async () => {
        assert.deepEqual(await migrate(storage.db), []);
        const rows = await storage.db.query('SELECT version, name FROM schema_migrations ORDER BY version');
        assert.deepEqual(rows.map((row) => [Number(row['version']), row['name']]), [...MIGRATIONS].sort((a, b) => a.version - b.version).map((m) => [m.version, m.name]));
      });

      it('counts come back as numbers on both engines', async () => {
        assert.equal(typeof (await storage.count()), 'number');
      });

      it('a tracking-code collision draws new codes instead of failing', async () => {
        const first = complaint();
        const [stored] = await storage.submit([first as never], { now: fixedNow });
        let calls = 0;
        // The first two codes drawn collide with the stored one, then fresh codes come.
        const colliding = new Store(storage.db, { trackingCode: () => (++calls <= 2 ? stored!.trackingCode! : `Z${uuidV4().replace(/[^0-9]/g, '').padEnd(9, '7').slice(0, 9)}`) });
        const [second] = await colliding.submit([complaint() as never], { now: fixedNow });
        assert.equal(second!.status, 'accepted');
        assert.notEqual(second!.trackingCode, stored!.trackingCode);
        assert.equal(calls, 3);
      });

      it('concurrent submits of one id store one row and agree on its tracking code', async () => {
        // Which path answers a repeat here depends on timing; the held-transaction test below pins the race path.
        const agency = `same-${uuidV4()}`;
        const records = Array.from({ length: 30 }, () => complaint({ agency }));
        const outcomes = await Promise.all(records.flatMap((record) => Array.from({ length: 6 }, () => storage.submit([record as never], { now: fixedNow }))));
        assert.equal(await agencyCount(agency), 30);
        for (let i = 0; i < records.length; i++) {
          const group = outcomes.slice(i * 6, i * 6 + 6).map(([outcome]) => outcome!);
          assert.equal(group.filter((outcome) => outcome.status === 'accepted').length, 1);
          assert.equal(new Set(group.map((outcome) => outcome.trackingCode)).size, 1);
        }
      });

      if (engine === 'postgres') {
        it('a repeat that waits on an uncommitted insert of its id is read back once that commits', async () => {
          const record = complaint();
          const reads: unknown[] = [];
          const spied = new Store({
            ...storage.db,
            engine: storage.db.engine,
            query: (text, params) => {
              if (text === SELECT_BY_IDS) reads.push(params?.[0]);
              return storage.db.query(text, params);
            },
          });
          let release!: () => void;
          let entered!: () => void;
          const gate = new Promise<void>((resolve) => (release = resolve));
          const inside = new Promise<void>((resolve) => (entered = resolve));
          const holder = storage.db.transaction(async (tx) => {
            await tx.query(INSERT_NEW, [JSON.stringify([toRow(record as never, fixedNow, 10, 'HE1D000000')])]);
            entered();
            await gate;
          });
          await inside;
          // Blocks on the other transaction's row; its own snapshot cannot see that row once committed.
          const pending = spied.submit([record as never], { now: fixedNow });
          // Wait until the repeat really waits on the held row lock (no fixed sleep).
          const waiting = async () =>
            Number((await storage.db.query("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'WITH input AS%'"))[0]!['n']);
          for (let tries = 0; (await waiting()) === 0; tries++) {
            assert.ok(tries < 500, 'the repeat never waited on the lock');
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          release();
          await holder;
          const [outcome] = await pending;
          assert.equal(outcome!.status, 'duplicate');
          assert.equal(outcome!.trackingCode, 'HE1D000000');
          // The answer came from the second read, after the holder committed: the path this test is about.
          assert.deepEqual(reads, [[record['id']]]);
        });
      }

      it('exports page through (time, id) without loading everything', async () => {
        const agency = `page-${uuidV4()}`;
        const records = Array.from({ length: 23 }, (_, i) => rating({ agency, createdAt: new Date(Date.UTC(2031, 0, 1, 0, 0, i % 5)).toISOString() }));
        await storage.submit(records as never[], { now: fixedNow });
        const seen: string[] = [];
        for await (const record of storage.exportRecords({ from: '2031-01-01T00:00:00Z', to: '2031-01-02T00:00:00Z' }, 4)) seen.push(record.id as string);
        assert.equal(seen.length, 23);
        assert.equal(new Set(seen).size, 23);
        const expected = records
          .map((record) => [record['createdAt'] as string, record['id'] as string] as const)
          .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : 1))
          .map(([, id]) => id);
        assert.deepEqual(seen, expected);
      });
    });

    describe('POST /v1/submissions', () => {
      it('stores a rating and answers accepted', async () => {
        const record = rating({ campaign: { name: 'q1' } });
        const reply = await submit(record);
        assert.equal(reply.status, 200);
        assert.deepEqual(reply.body, { results: [{ id: record['id'], status: 'accepted' }] });
        const stored = await storage.getRecord(record['id'] as string);
        // The collector adds `verified` to every rating (CONTRACT §7): false without invitation.
        assert.deepEqual(stored, { ...record, verified: false });
      });

      it('accepts application/json and answers with CORS headers the outbox can read', async () => {
        const reply = await request(`${main.url}/v1/submissions`, { body: rating(), contentType: 'application/json', headers: { origin: 'https://portal.example.gov.vn' } });
        assert.equal(reply.status, 200);
        assert.equal(reply.headers.get('access-control-allow-origin'), '*');
      });

      it('gives complaints a tracking code, status received and dueAt; client values for those are ignored', async () => {
        const record = complaint({ trackingCode: 'AAAAAAAAAA', status: 'resolved', dueAt: '2020-01-01T00:00:00.000Z', response: 'forged', resolvedAt: '2020-01-01T00:00:00.000Z' });
        const reply = await submit(record);
        assert.equal(reply.status, 200);
        const [result] = reply.body.results;
        assert.equal(result.status, 'accepted');
        assert.match(result.trackingCode, CODE);
        assert.notEqual(result.trackingCode, 'AAAAAAAAAA');
        assert.equal(result.dueAt, new Date(fixedNow.getTime() + 10 * DAY).toISOString());
        const stored = (await storage.getRecord(record['id'] as string)) as Record<string, unknown>;
        assert.equal(stored['status'], 'received');
        assert.equal(stored['trackingCode'], result.trackingCode);
        assert.equal(stored['response'], undefined);
        assert.equal(stored['resolvedAt'], undefined);
        assert.equal(stored['updatedAt'], fixedNow.toISOString());
      });

      it('uses COMPLAINT_DUE_DAYS', async () => {
        const other = await startCollector(storage, { complaintDueDays: 3 }, { now: () => fixedNow });
        try {
          const reply = await request(`${other.url}/v1/submissions`, { body: complaint() });
          assert.equal(reply.body.results[0].dueAt, new Date(fixedNow.getTime() + 3 * DAY).toISOString());
        } finally {
          await other.close();
        }
      });

      it('tracking codes are distinct across many complaints', async () => {
        const records = Array.from({ length: 100 }, () => complaint());
        const reply = await submit({ records });
        const codes = reply.body.results.map((result: { trackingCode: string }) => result.trackingCode);
        for (const code of codes) assert.match(code, CODE);
        assert.equal(new Set(codes).size, 100);
      });

      it('a repeat is a duplicate with the original tracking code, stored once', async () => {
        const record = complaint();
        const before = await agencyCount('ubnd-test');
        const first = await submit(record);
        assert.equal(first.body.results[0].status, 'accepted');
        assert.equal(await agencyCount('ubnd-test'), before + 1);
        const again = await submit({ ...record, description: 'Changed text, same id: still the first one.' });
        assert.equal(again.status, 200);
        assert.deepEqual(again.body.results[0], { ...first.body.results[0], status: 'duplicate' });
        assert.equal(await agencyCount('ubnd-test'), before + 1);
        const rows = await storage.db.query('SELECT count(*) AS n FROM records WHERE id = $1', [record['id']]);
        assert.equal(Number(rows[0]!['n']), 1);
        const stored = (await storage.getRecord(record['id'] as string)) as Record<string, unknown>;
        assert.equal(stored['description'], record['description']);
      });

      it('two identical requests racing store one row and both get the same tracking code', async () => {
        const agency = `race-${uuidV4()}`;
        const records = Array.from({ length: 20 }, () => complaint({ agency }));
        const replies = await Promise.all(records.flatMap((record) => [submit(record), submit(record), submit({ records: [record] })]));
        assert.equal(await agencyCount(agency), 20);
        for (let i = 0; i < records.length; i++) {
          const results = replies.slice(i * 3, i * 3 + 3).map((reply) => reply.body.results[0]);
          assert.equal(results.filter((result) => result.status === 'accepted').length, 1, 'exactly one accepted');
          assert.equal(results.filter((result) => result.status === 'duplicate').length, 2);
          assert.equal(new Set(results.map((result) => result.trackingCode)).size, 1);
        }
      });

      it('a batch stores the good records and rejects the bad one with its error', async () => {
        const agency = `batch-${uuidV4()}`;
        const good = [rating({ agency }), complaint({ agency })];
        const bad = rating({ agency, score: 9 });
        const reply = await submit({ records: [good[0], bad, good[1]] });
        assert.equal(reply.status, 200);
        const [a, b, c] = reply.body.results;
        assert.equal(a.status, 'accepted');
        assert.deepEqual(b, { id: bad['id'], status: 'rejected', error: { code: 'validation', message: 'score must be a whole number from 1 to 5.', field: 'score' } });
        assert.equal(c.status, 'accepted');
        assert.match(c.trackingCode, CODE);
        assert.equal(await agencyCount(agency), 2);
      });

      it('takes cases too, insert-only: a repeat is a duplicate and changes nothing', async () => {
        const kase = caseRecord();
        assert.deepEqual((await submit(kase)).body.results, [{ id: kase['id'], status: 'accepted' }]);
        const changed = { ...kase, resolvedAt: '2026-03-04T00:00:00Z' };
        assert.deepEqual((await submit(changed)).body.results, [{ id: kase['id'], status: 'duplicate' }]);
        assert.deepEqual(await storage.getRecord(kase['id'] as string), kase);
      });

      it('the same id twice in one batch is stored once: accepted, then duplicate', async () => {
        const record = complaint();
        const reply = await submit({ records: [record, record] });
        const [first, second] = reply.body.results;
        assert.equal(first.status, 'accepted');
        assert.equal(second.status, 'duplicate');
        assert.equal(second.trackingCode, first.trackingCode);
      });

      describe('bad input: a clear 4xx, and nothing written', () => {
        const huge = 'x'.repeat(10 * 1024 * 1024 + 10);
        const cases: Array<{ name: string; body: unknown; status: number; code: string; field?: string; contentType?: string }> = [
          { name: 'invalid JSON', body: '{"id": ', status: 400, code: 'invalid_json' },
          { name: 'an empty body', body: '', status: 400, code: 'invalid_json' },
          { name: 'a bare string', body: '"rating"', status: 400, code: 'validation' },
          { name: 'a top-level array', body: [rating()], status: 400, code: 'validation' },
          { name: 'a score as text', body: rating({ score: '5' }), status: 400, code: 'validation', field: 'score' },
          { name: 'agency as a number', body: rating({ agency: 42 }), status: 400, code: 'validation', field: 'agency' },
          { name: 'an unknown kind', body: rating({ kind: 'praise' }), status: 400, code: 'validation', field: 'kind' },
          { name: 'a case without dueAt', body: caseRecord({ dueAt: undefined }), status: 400, code: 'validation', field: 'dueAt' },
          { name: 'an out-of-range score', body: rating({ score: 6 }), status: 400, code: 'validation', field: 'score' },
          { name: 'score 0 on scale 3', body: rating({ scale: 3, score: 0 }), status: 400, code: 'validation', field: 'score' },
          { name: 'a SIPAS answer out of range', body: rating({ questionSet: 'sipas', answers: { access: 6 } }), status: 400, code: 'validation', field: 'answers.access' },
          { name: 'a nine-index answer of 3 points', body: rating({ questionSet: 'tthc-9', answers: { conduct: 3 } }), status: 400, code: 'validation', field: 'answers.conduct' },
          { name: 'a missing id', body: rating({ id: undefined }), status: 400, code: 'validation', field: 'id' },
          { name: 'control characters in a one-line field', body: rating({ agency: 'ubnd\u0007test' }), status: 400, code: 'validation', field: 'agency' },
          { name: 'a NUL in free text', body: rating({ comment: 'a\u0000b' }), status: 400, code: 'validation', field: 'comment' },
          { name: 'a NUL in a host field', body: rating({ extra: { note: 'a\u0000b' } }), status: 400, code: 'validation', field: 'extra.note' },
          { name: 'a lone surrogate', body: '{"id":"6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b","kind":"rating","createdAt":"2026-03-05T08:30:00.000Z","agency":"a","channel":"online","locale":"vi","score":5,"scale":5,"comment":"\\ud800"}', status: 400, code: 'validation', field: 'comment' },
          { name: 'a __proto__ key', body: `{"__proto__":{"admin":true},${JSON.stringify(rating()).slice(1)}`, status: 400, code: 'validation', field: '__proto__' },
          { name: 'a nested constructor key', body: rating({ extra: { constructor: 1 } }), status: 400, code: 'validation', field: 'extra.constructor' },
          { name: 'year 0000', body: rating({ createdAt: '0000-01-01T00:00:00.000Z' }), status: 400, code: 'validation', field: 'createdAt' },
          { name: 'a record over 16 KB', body: rating({ note: 'x'.repeat(17_000) }), status: 400, code: 'validation' },
          { name: 'deep nesting', body: `{"records":[${'['.repeat(5000)}${']'.repeat(5000)}]}`, status: 200, code: '' },
          { name: 'broken UTF-8', body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]).toString('latin1'), status: 400, code: 'invalid_encoding', contentType: 'application/octet-stream+json' },
          { name: 'a form body', body: 'a=1', status: 415, code: 'unsupported_media_type', contentType: 'application/x-www-form-urlencoded' },
          { name: 'records that is not a list', body: { records: { id: 1 } }, status: 400, code: 'validation', field: 'records' },
          { name: 'an empty batch', body: { records: [] }, status: 400, code: 'validation', field: 'records' },
          { name: 'too many records in a batch', body: { records: Array.from({ length: 101 }, () => rating()) }, status: 413, code: 'too_many_records', field: 'records' },
          { name: 'an oversize body', body: huge, status: 413, code: 'too_large' },
        ];
        for (const example of cases) {
          it(example.name, async () => {
            const before = await storage.count();
            const body = example.body;
            let reply;
            if (example.name === 'broken UTF-8') {
              const response = await fetch(`${main.url}/v1/submissions`, { method: 'POST', body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), headers: { 'content-type': 'application/json' } });
              reply = { status: response.status, body: await response.json() as any };
            } else {
              reply = await request(`${main.url}/v1/submissions`, { body, ...(example.contentType ? { contentType: example.contentType } : {}) });
            }
            if (example.name === 'deep nesting') {
              // A batch whose only entry nests deeply: that record is rejected, the request still answers.
              assert.equal(reply.status, 200);
              assert.equal(reply.body.results[0].status, 'rejected');
              assert.equal(reply.body.results[0].error.code, 'validation');
            } else {
              assert.equal(reply.status, example.status, JSON.stringify(reply.body));
              assert.equal(reply.body.error.code, example.code);
              assert.equal(typeof reply.body.error.message, 'string');
              assert.ok(reply.body.error.message.length > 5);
              assert.equal(reply.body.error.field, example.field);
            }
            assert.equal(await storage.count(), before, 'nothing written');
          });
        }

        it('an oversize streamed body is refused once it passes 10 MB, without reading the rest', async () => {
          const before = await storage.count();
          let sent = 0;
          const stream = new ReadableStream({
            pull(controller) {
              if (sent++ < 200) controller.enqueue(new Uint8Array(1024 * 1024).fill(0x20));
              else controller.close();
            },
          });
          const response = await fetch(`${main.url}/v1/submissions`, { method: 'POST', body: stream, duplex: 'half', headers: { 'content-type': 'text/plain' } } as RequestInit);
          assert.equal(response.status, 413);
          assert.equal(((await response.json()) as any).error.code, 'too_large');
          assert.ok(sent < 100, `stopped early (pulled ${sent} MB of 200)`);
          assert.equal(await storage.count(), before);
        });

        it('unknown routes and methods answer 404 and 405 as error JSON', async () => {
          const missing = await request(`${main.url}/v1/nothing`);
          assert.equal(missing.status, 404);
          assert.equal(missing.body.error.code, 'not_found');
          const wrong = await request(`${main.url}/v1/submissions`, { method: 'PUT', body: '{}' });
          assert.equal(wrong.status, 405);
          assert.equal(wrong.body.error.code, 'method_not_allowed');
          assert.match(wrong.headers.get('allow') ?? '', /POST/);
        });
      });
    });

    describe('CORS', () => {
      it('without ALLOWED_ORIGINS: public routes answer any origin, admin routes none', async () => {
        const origin = 'https://evil.example';
        const pub = await request(`${main.url}/v1/submissions`, { body: '{', headers: { origin } });
        assert.equal(pub.status, 400);
        assert.equal(pub.headers.get('access-control-allow-origin'), '*', 'errors are readable too');
        const adm = await request(`${main.url}/v1/records`, { headers: { origin, ...admin } });
        assert.equal(adm.status, 200);
        assert.equal(adm.headers.get('access-control-allow-origin'), null);
        const preflight = await fetch(`${main.url}/v1/submissions`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
        assert.equal(preflight.status, 204);
        assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
        assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
        assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Content-Type/);
        const adminPreflight = await fetch(`${main.url}/v1/complaints/ABC`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'PATCH' } });
        assert.equal(adminPreflight.headers.get('access-control-allow-origin'), null);
        const publicPreflight = await fetch(`${main.url}/v1/complaints/ABC`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } });
        assert.equal(publicPreflight.headers.get('access-control-allow-origin'), '*');
      });

      it('with ALLOWED_ORIGINS: the origin is echoed only when listed, on public and admin routes', async () => {
        const listed = 'https://dichvucong.example.gov.vn';
        const other = await startCollector(storage, { allowedOrigins: [listed, 'http://localhost:8000'], adminToken: ADMIN_TOKEN });
        try {
          const ok = await request(`${other.url}/v1/submissions`, { body: rating(), headers: { origin: listed } });
          assert.equal(ok.headers.get('access-control-allow-origin'), listed);
          assert.match(ok.headers.get('vary') ?? '', /Origin/);
          const refused = await request(`${other.url}/v1/submissions`, { body: rating(), headers: { origin: 'https://evil.example' } });
          assert.equal(refused.headers.get('access-control-allow-origin'), null);
          assert.match(refused.headers.get('vary') ?? '', /Origin/);
          const adm = await request(`${other.url}/v1/records?kind=case`, { headers: { origin: listed, ...admin } });
          assert.equal(adm.headers.get('access-control-allow-origin'), listed);
          const preflight = await fetch(`${other.url}/v1/complaints/X`, { method: 'OPTIONS', headers: { origin: listed, 'access-control-request-method': 'PATCH' } });
          assert.equal(preflight.headers.get('access-control-allow-origin'), listed);
          assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
          const bad = await fetch(`${other.url}/v1/submissions`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
          assert.equal(bad.headers.get('access-control-allow-origin'), null);
          assert.equal(bad.headers.get('access-control-allow-methods'), null);
        } finally {
          await other.close();
        }
      });
    });

    describe('rate limit', () => {
      it('answers 429 with Retry-After over RATE_LIMIT per minute, counting only submissions', async () => {
        const limited = await startCollector(storage, { rateLimit: 3 });
        try {
          for (let i = 0; i < 3; i++) assert.equal((await request(`${limited.url}/v1/submissions`, { body: rating() })).status, 200);
          assert.equal((await request(`${limited.url}/healthz`)).status, 200, 'reads are not counted');
          const before = await storage.count();
          const over = await request(`${limited.url}/v1/submissions`, { body: rating(), headers: { origin: 'https://portal.example' } });
          assert.equal(over.status, 429);
          assert.equal(over.body.error.code, 'rate_limited');
          const wait = Number(over.headers.get('retry-after'));
          assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
          assert.equal(over.headers.get('access-control-allow-origin'), '*');
          assert.equal(await storage.count(), before);
          const form = await request(`${limited.url}/open311/v2/requests.json`, { body: 'service_code=delay', contentType: 'application/x-www-form-urlencoded' });
          assert.equal(form.status, 429, 'Open311 submissions count too');
        } finally {
          await limited.close();
        }
      });

      it('trusts X-Forwarded-For only with TRUST_PROXY', async () => {
        const plain = await startCollector(storage, { rateLimit: 1 });
        const proxied = await startCollector(storage, { rateLimit: 1, trustProxy: true });
        try {
          assert.equal((await request(`${plain.url}/v1/submissions`, { body: rating(), headers: { 'x-forwarded-for': '10.0.0.1' } })).status, 200);
          assert.equal((await request(`${plain.url}/v1/submissions`, { body: rating(), headers: { 'x-forwarded-for': '10.0.0.2' } })).status, 429);
          assert.equal((await request(`${proxied.url}/v1/submissions`, { body: rating(), headers: { 'x-forwarded-for': '1.1.1.1, 10.0.0.1' } })).status, 200);
          assert.equal((await request(`${proxied.url}/v1/submissions`, { body: rating(), headers: { 'x-forwarded-for': '1.1.1.1, 10.0.0.2' } })).status, 200);
          assert.equal((await request(`${proxied.url}/v1/submissions`, { body: rating(), headers: { 'x-forwarded-for': '9.9.9.9, 10.0.0.2' } })).status, 429);
        } finally {
          await plain.close();
          await proxied.close();
        }
      });
    });

    describe('admin routes', () => {
      it('403 without ADMIN_TOKEN configured, 401 missing or wrong, 200 right', async () => {
        const closed = await startCollector(storage, {});
        try {
          const reply = await request(`${closed.url}/v1/records`, { headers: admin });
          assert.equal(reply.status, 403);
          assert.equal(reply.body.error.code, 'forbidden');
        } finally {
          await closed.close();
        }
        for (const headers of [{}, { authorization: 'Bearer wrong-token-0123456789' }, { authorization: `Basic ${ADMIN_TOKEN}` }, { authorization: `Bearer ${ADMIN_TOKEN}x` }] as Array<Record<string, string>>) {
          const reply = await request(`${main.url}/v1/records`, { headers });
          assert.equal(reply.status, 401);
          assert.equal(reply.body.error.code, 'unauthorized');
        }
        for (const [method, path] of [['GET', '/v1/records.csv'], ['POST', '/v1/cases'], ['PATCH', '/v1/complaints/0000000000'], ['GET', `/v1/records/${uuidV4()}`]] as const) {
          const reply = await request(`${main.url}${path}`, { method, ...(method === 'GET' ? {} : { body: '[]' }) });
          assert.equal(reply.status, 401, `${method} ${path}`);
        }
        assert.equal((await request(`${main.url}/v1/records?kind=rating`, { headers: admin })).status, 200);
      });
    });

    describe('exports', () => {
      const agency = `export-${uuidV4()}`;
      const records = [
        rating({ agency, createdAt: '2032-01-01T00:00:00.000Z', standards: { greet: true, smile: false }, comment: 'Tốt, "nhanh"\nlắm', tags: ['a', 'b'] }),
        complaint({ agency, createdAt: '2032-01-02T00:00:00.000Z', description: '=HYPERLINK("http://evil")', contact: { name: 'Nguyễn Văn A', phone: '+84 90 123 4567', consent: true, consentText: 'Đồng ý', consentAt: '2032-01-02T00:00:00.000Z' } }),
        rating({ agency, createdAt: '2032-01-03T00:00:00.000Z', scale: 3, score: 2 }),
      ];
      before(async () => {
        await storage.submit(records as never[], { now: fixedNow });
      });

      it('GET /v1/records streams a JSON array filtered by kind, from (inclusive) and to (exclusive)', async () => {
        const all = await request(`${main.url}/v1/records?from=2032-01-01T00:00:00Z&to=2032-01-03T00:00:00Z`, { headers: admin });
        assert.equal(all.status, 200);
        assert.match(all.headers.get('content-type') ?? '', /application\/json/);
        assert.deepEqual(all.body.map((record: { id: string }) => record.id), [records[0]!['id'], records[1]!['id']]);
        assert.equal(all.body[1].trackingCode.length, 10);
        assert.equal(all.body[1].status, 'received');
        const ratings = await request(`${main.url}/v1/records?kind=rating&from=2032-01-01&to=2032-02-01`, { headers: admin });
        assert.deepEqual(ratings.body.map((record: { id: string }) => record.id), [records[0]!['id'], records[2]!['id']]);
        assert.deepEqual(ratings.body[0], { ...records[0], verified: false });
        const empty = await request(`${main.url}/v1/records?from=2099-01-01T00:00:00Z`, { headers: admin });
        assert.deepEqual(empty.body, []);
      });

      it('bad export parameters are 400 with the field', async () => {
        for (const [query, field] of [['kind=praise', 'kind'], ['from=yesterday', 'from'], ['to=2026-13-45T00:00:00Z', 'to'], ['from=0000-01-01T00:00:00Z', 'from']]) {
          const reply = await request(`${main.url}/v1/records?${query}`, { headers: admin });
          assert.equal(reply.status, 400, query);
          assert.equal(reply.body.error.field, field);
        }
      });

      it('GET /v1/records.csv streams RFC 4180 with dotted columns, formulas defused', async () => {
        const reply = await request(`${main.url}/v1/records.csv?from=2032-01-01T00:00:00Z&to=2032-02-01T00:00:00Z`, { headers: admin });
        assert.equal(reply.status, 200);
        assert.match(reply.headers.get('content-type') ?? '', /text\/csv/);
        const [header, ...lines] = reply.text.split('\r\n');
        const columns = header!.split(',');
        assert.deepEqual(columns.slice(0, 3), ['id', 'kind', 'createdAt']);
        for (const column of ['standards.greet', 'standards.smile', 'contact.phone', 'trackingCode', 'description', 'score', 'scale', 'tags.0', 'tags.1']) assert.ok(columns.includes(column), column);
        assert.ok(!columns.some((column) => column.startsWith('attachments')));
        assert.match(reply.text, /"Tốt, ""nhanh""\nlắm"/);
        assert.match(reply.text, /"'=HYPERLINK\(""http:\/\/evil""\)"/);
        assert.match(reply.text, /'\+84 90 123 4567/);
        assert.equal(lines.filter((line) => /^[0-9a-f]{8}-/.test(line)).length, 3);
        // The guard changes text (the phone no longer reads as a phone); formulaGuard=false gives the records back.
        assert.equal(parseRecords(reply.text, 'csv').errors[0]?.field, 'contact.phone');
        const raw = await request(`${main.url}/v1/records.csv?from=2032-01-01T00:00:00Z&to=2032-02-01T00:00:00Z&formulaGuard=false`, { headers: admin });
        const json = await request(`${main.url}/v1/records?from=2032-01-01T00:00:00Z&to=2032-02-01T00:00:00Z`, { headers: admin });
        const { records: read, errors } = parseRecords(raw.text, 'csv');
        assert.deepEqual(errors, []);
        assert.deepEqual(read, json.body);
      });

      it('GET /v1/records/:id returns one record whole', async () => {
        const reply = await request(`${main.url}/v1/records/${records[1]!['id']}`, { headers: admin });
        assert.equal(reply.status, 200);
        assert.equal(reply.body.description, records[1]!['description']);
        assert.equal((await request(`${main.url}/v1/records/${uuidV4()}`, { headers: admin })).status, 404);
      });
    });

    describe('POST /v1/cases', () => {
      const post = (body: string, contentType: string) => request(`${main.url}/v1/cases`, { body, contentType, headers: admin });

      it('imports a JSON array, then updates an existing case', async () => {
        const first = caseRecord();
        const reply = await post(JSON.stringify([first, caseRecord()]), 'application/json');
        assert.equal(reply.status, 200);
        assert.deepEqual(reply.body.results.map((result: { status: string }) => result.status), ['accepted', 'accepted']);
        const resolved = { ...first, resolvedAt: '2026-03-08T09:00:00+07:00' };
        const again = await post(JSON.stringify({ records: [resolved] }), 'application/json');
        assert.deepEqual(again.body.results, [{ id: first['id'], status: 'updated' }]);
        assert.deepEqual(await storage.getRecord(first['id'] as string), resolved);
        const rows = await storage.db.query('SELECT resolved_at FROM records WHERE id = $1', [first['id']]);
        assert.equal(new Date(rows[0]!['resolved_at'] as string).toISOString(), '2026-03-08T02:00:00.000Z');
      });

      it('imports NDJSON and CSV through analytics parseRecords; bad rows are rejected with their line', async () => {
        const a = caseRecord();
        const ndjson = `{not json}\n${JSON.stringify(a)}\n${JSON.stringify({ ...caseRecord(), dueAt: 'soon' })}\n`;
        const reply = await post(ndjson, 'application/x-ndjson');
        assert.deepEqual(
          reply.body.results.map((result: { id: string | null; status: string; line?: number; error?: { field?: string } }) => [result.id, result.status, result.line, result.error?.field]),
          [[a['id'], 'accepted', undefined, undefined], [null, 'rejected', 1, undefined], [null, 'rejected', 3, 'dueAt']],
        );
        const id = `HS-CSV-${uuidV4().slice(0, 6)}`;
        const csv = `kind,id,agency,unit,receivedAt,dueAt,resolvedAt,extra.note\r\ncase,${id},ubnd-test,"Bộ phận, một cửa",2026-03-01T01:00:00Z,2026-03-05T10:00:00Z,,"ghi ""chú"""\r\ncase,HS-bad,ubnd-test,,not-a-date,2026-03-05T10:00:00Z,,\r\ncase,${a['id']},ubnd-test,,2026-03-01T01:00:00Z,2026-03-04T10:00:00Z,2026-03-03T10:00:00Z,\r\n`;
        const fromCsv = await post(csv, 'text/csv');
        assert.equal(fromCsv.status, 200);
        assert.deepEqual(
          fromCsv.body.results.map((result: { status: string; line?: number; error?: { field?: string } }) => [result.status, result.line, result.error?.field]),
          [['accepted', undefined, undefined], ['updated', undefined, undefined], ['rejected', 3, 'receivedAt']],
        );
        const missingKind = await post(`id,agency,receivedAt,dueAt\r\nHS-x,a,2026-03-01T01:00:00Z,2026-03-05T10:00:00Z\r\n`, 'text/csv');
        assert.equal(missingKind.status, 400);
        assert.equal(missingKind.body.error.field, 'kind');
        assert.deepEqual(await storage.getRecord(id), {
          kind: 'case', id, agency: 'ubnd-test', unit: 'Bộ phận, một cửa', receivedAt: '2026-03-01T01:00:00Z', dueAt: '2026-03-05T10:00:00Z', extra: { note: 'ghi "chú"' },
        });
      });

      it('never overwrites a rating or complaint, and refuses other kinds', async () => {
        const record = rating();
        await submit(record);
        const reply = await post(JSON.stringify([caseRecord({ id: record['id'] }), rating()]), 'application/json');
        assert.equal(reply.body.results[0].status, 'rejected');
        assert.equal(reply.body.results[0].error.field, 'id');
        assert.equal(reply.body.results[1].status, 'rejected');
        assert.equal(reply.body.results[1].error.field, 'kind');
        assert.equal(((await storage.getRecord(record['id'] as string)) as Record<string, unknown>)['kind'], 'rating');
      });

      it('the same case twice in one import: the later row wins', async () => {
        const a = caseRecord();
        const reply = await post(JSON.stringify([a, { ...a, unit: 'later' }]), 'application/json');
        assert.deepEqual(reply.body.results.map((result: { status: string }) => result.status), ['accepted', 'updated']);
        assert.equal(((await storage.getRecord(a['id'] as string)) as Record<string, unknown>)['unit'], 'later');
      });
    });

    describe('complaints: public status and admin updates', () => {
      const xss = '<img src=x onerror=alert(1)><script>alert("x")</script>';
      let record: Record<string, unknown>;
      let code: string;
      before(async () => {
        record = complaint({ description: `Tôi bị đòi thêm tiền. ${xss}`, contact: { name: 'Trần Thị B', email: 'b@example.vn', consent: true, consentText: 'Tôi đồng ý', consentAt: '2026-03-05T08:30:00.000Z' } });
        code = (await submit(record)).body.results[0].trackingCode;
      });

      it('GET by tracking code or record id shows status and dates only, no personal data', async () => {
        for (const key of [code, code.toLowerCase(), `${code.slice(0, 5)}-${code.slice(5)}`, record['id'] as string]) {
          const reply = await request(`${main.url}/v1/complaints/${encodeURIComponent(key)}`, { headers: { origin: 'https://x.example' } });
          assert.equal(reply.status, 200, key);
          assert.deepEqual(Object.keys(reply.body).sort(), ['category', 'createdAt', 'dueAt', 'resolvedAt', 'response', 'status', 'trackingCode', 'updatedAt']);
          assert.equal(reply.body.trackingCode, code);
          assert.equal(reply.body.status, 'received');
          assert.equal(reply.body.resolvedAt, null);
          assert.equal(reply.headers.get('access-control-allow-origin'), '*');
          for (const secret of ['Trần', 'b@example.vn', 'đòi thêm', record['id'] as string, 'ubnd-test']) assert.ok(!reply.text.includes(secret), secret);
        }
      });

      it('unknown codes are 404 error JSON', async () => {
        const cases: Array<[string, number, string]> = [
          ['0000000000', 404, 'not_found'],
          [uuidV4(), 404, 'not_found'],
          ['x'.repeat(300), 404, 'not_found'],
          ['%E0%A4%A', 400, 'validation'],
        ];
        for (const [key, status, code] of cases) {
          const reply = await request(`${main.url}/v1/complaints/${key}`);
          assert.deepEqual([reply.status, reply.body.error.code], [status, code], key);
        }
      });

      it('PATCH sets status and response; resolvedAt follows resolved/rejected', async () => {
        const patch = (body: unknown, headers = admin) => request(`${main.url}/v1/complaints/${code}`, { method: 'PATCH', body, contentType: 'application/json', headers });
        const progress = await patch({ status: 'in_progress' });
        assert.equal(progress.status, 200);
        assert.equal(progress.body.status, 'in_progress');
        assert.equal(progress.body.resolvedAt, null);
        const response = `Đã xử lý.\nCảm ơn.\t${xss}`;
        const resolved = await patch({ status: 'resolved', response });
        assert.equal(resolved.body.status, 'resolved');
        assert.equal(resolved.body.resolvedAt, fixedNow.toISOString());
        const shown = await request(`${main.url}/v1/complaints/${code}`);
        assert.equal(shown.body.response, response, 'stored verbatim, returned as a JSON string');
        assert.match(shown.headers.get('content-type') ?? '', /^application\/json/);
        assert.equal(shown.headers.get('x-content-type-options'), 'nosniff');
        assert.ok(shown.text.includes(JSON.stringify(response)), 'the response as a JSON string, nothing rewritten');
        const reopened = await patch({ status: 'in_progress' });
        assert.equal(reopened.body.resolvedAt, null);
        assert.equal(reopened.body.response, response);
        const cleared = await patch({ response: null });
        assert.equal(cleared.body.response, null);
      });

      it('PATCH refuses bad input with the field, and needs the admin token', async () => {
        const patch = (body: unknown, headers: Record<string, string> = admin) =>
          request(`${main.url}/v1/complaints/${code}`, { method: 'PATCH', body: typeof body === 'string' ? body : JSON.stringify(body), contentType: 'application/json', headers });
        const cases: Array<[unknown, number, string | undefined]> = [
          [{ status: 'closed' }, 400, 'status'],
          [{ response: 'x'.repeat(4001) }, 400, 'response'],
          [{ response: 'bell\u0007' }, 400, 'response'],
          [{ response: 42 }, 400, 'response'],
          [{ trackingCode: 'AAAAAAAAAA' }, 400, 'trackingCode'],
          [{}, 400, undefined],
          ['{"__proto__": {"status": "resolved"}}', 400, '__proto__'],
          ['not json', 400, undefined],
        ];
        for (const [body, status, field] of cases) {
          const reply = await patch(body);
          assert.equal(reply.status, status, JSON.stringify(body));
          assert.equal(reply.body.error.field, field, JSON.stringify(body));
        }
        assert.equal((await patch({ status: 'resolved' }, {})).status, 401);
        assert.equal((await request(`${main.url}/v1/complaints/0000000000`, { method: 'PATCH', body: { status: 'resolved' }, headers: admin })).status, 404);
        assert.equal((await request(`${main.url}/v1/complaints/${code}`)).body.status, 'in_progress');
      });
    });

    describe('Open311 GeoReport v2', () => {
      const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
      const post = (fields: Record<string, string>, url = main.url) =>
        request(`${url}/open311/v2/requests.json`, { body: form(fields), contentType: 'application/x-www-form-urlencoded' });
      const nonEmpty = (value: unknown) => Array.isArray(value) && value.length > 0;

      it('services.json lists the complaint categories and validates', async () => {
        const { services } = await open311Schemas();
        const reply = await request(`${main.url}/open311/v2/services.json?jurisdiction_id=ubnd-test`);
        assert.equal(reply.status, 200);
        assert.ok(services(reply.body), JSON.stringify(services.errors));
        assert.ok(nonEmpty(reply.body));
        assert.deepEqual(reply.body.map((service: { service_code: string }) => service.service_code), ['attitude', 'delay', 'fees', 'procedure', 'facilities', 'other']);
        const extended = await startCollector(storage, { complaintCategories: ['attitude', 'delay', 'fees', 'procedure', 'facilities', 'other', 'parking'] });
        try {
          const more = await request(`${extended.url}/open311/v2/services.json?locale=en`);
          assert.ok(services(more.body));
          assert.equal(more.body.at(-1).service_code, 'parking');
          assert.equal(more.body[0].service_name, 'Staff attitude');
        } finally {
          await extended.close();
        }
      });

      it('POST requests.json stores a complaint; GET requests/{id}.json shows it and validates', async () => {
        const { requests, requestResponse } = await open311Schemas();
        const svcId = uuidV4();
        const fields = {
          jurisdiction_id: 'ubnd-open311',
          service_code: 'fees',
          description: 'Thu phí không có biên lai tại quầy số 3.',
          lat: '21.0285',
          long: '105.8542',
          address_string: 'Quầy số 3, 12 Phố Huế',
          email: 'citizen@example.vn',
          first_name: 'Lê',
          last_name: 'Văn C',
          phone: '+84 912 345 678',
          api_key: 'partner-key',
          'attribute[svc_id]': svcId,
          'attribute[unit]': 'mot-cua',
        };
        const reply = await post(fields);
        assert.equal(reply.status, 200, reply.text);
        assert.ok(requestResponse(reply.body), JSON.stringify(requestResponse.errors));
        assert.ok(nonEmpty(reply.body));
        const code = reply.body[0].service_request_id;
        assert.match(code, CODE);
        const stored = (await storage.getRecord(svcId)) as Record<string, any>;
        assert.equal(stored['kind'], 'complaint');
        assert.equal(stored['agency'], 'ubnd-open311');
        assert.equal(stored['category'], 'fees');
        assert.equal(stored['unit'], 'mot-cua');
        assert.deepEqual(stored['location'], { lat: 21.0285, long: 105.8542, address: 'Quầy số 3, 12 Phố Huế' });
        assert.equal(stored['contact'].name, 'Lê Văn C');
        assert.equal(stored['contact'].consent, true);
        assert.match(stored['contact'].consentText, /^Submitted via Open311 by API client [0-9a-f]{8}$/);
        assert.ok(!JSON.stringify(stored).includes('partner-key'), 'the api_key is not stored');

        const again = await post({ ...fields, description: 'A repeat of the same request, same svc_id.' });
        assert.equal(again.body[0].service_request_id, code, 'a repeat with the same svc_id is dropped');

        for (const key of [code, svcId]) {
          const shown = await request(`${main.url}/open311/v2/requests/${key}.json?jurisdiction_id=ubnd-open311`);
          assert.equal(shown.status, 200);
          assert.ok(requests(shown.body), JSON.stringify(requests.errors));
          assert.ok(nonEmpty(shown.body));
          assert.equal(shown.body.length, 1);
          const [item] = shown.body;
          assert.equal(item.service_request_id, code);
          assert.equal(item.status, 'open');
          assert.equal(item.service_code, 'fees');
          assert.equal(item.expected_datetime, new Date(fixedNow.getTime() + 10 * DAY).toISOString());
          assert.ok(!shown.text.includes('citizen@example.vn') && !shown.text.includes('biên lai'));
        }
        await request(`${main.url}/v1/complaints/${code}`, { method: 'PATCH', body: { status: 'rejected', response: 'Không đúng thẩm quyền.' }, headers: admin });
        const closed = await request(`${main.url}/open311/v2/requests/${code}.json`);
        assert.ok(requests(closed.body));
        assert.equal(closed.body[0].status, 'closed');
        assert.equal(closed.body[0].status_notes, 'Không đúng thẩm quyền.');
      });

      it('errors come in Open311 form: [{ code, description }]', async () => {
        const check = (reply: { status: number; body: any }, status: number) => {
          assert.equal(reply.status, status);
          assert.ok(nonEmpty(reply.body));
          assert.equal(reply.body[0].code, status);
          assert.equal(typeof reply.body[0].description, 'string');
        };
        const before = await storage.count();
        check(await post({ jurisdiction_id: 'a', service_code: 'parking', description: 'Không có chỗ để xe máy.' }), 400);
        check(await post({ jurisdiction_id: 'a', description: 'Không có mã dịch vụ.' }), 400);
        check(await post({ jurisdiction_id: 'a', service_code: 'delay', description: 'ngắn' }), 400);
        check(await post({ service_code: 'delay', description: 'Không có cơ quan nhận.' }), 400);
        check(await post({ jurisdiction_id: 'a', service_code: 'delay', description: 'Sai toạ độ ở đây.', lat: '200' }), 400);
        check(await post({ jurisdiction_id: 'a', service_code: 'delay', description: 'Email không hợp lệ.', email: 'not an email' }), 400);
        check(await request(`${main.url}/open311/v2/requests/0000000000.json`), 404);
        check(await request(`${main.url}/open311/v2/requests/abc.json`), 404);
        check(await request(`${main.url}/open311/v2/services.json`, { method: 'DELETE' }), 405);
        check(await request(`${main.url}/open311/v2/requests.json`, { body: 'service_code=delay', contentType: 'text/csv' }), 415);
        assert.equal(await storage.count(), before);
        const keyed = await startCollector(storage, { open311ApiKeys: ['k-one', 'k-two'], open311Agency: 'ubnd-default' });
        try {
          check(await post({ service_code: 'delay', description: 'Không có khoá API hợp lệ.', api_key: 'nope' }, keyed.url), 403);
          const ok = await post({ service_code: 'delay', description: 'Có khoá API hợp lệ ở đây.', api_key: 'k-two' }, keyed.url);
          assert.equal(ok.status, 200);
        } finally {
          await keyed.close();
        }
      });
    });

    describe('GET /v1/summary', () => {
      const records = randomRecords(20260305, 700);
      const asOf = '2042-06-15T00:00:00.000Z';
      const timeOf = (record: FeedbackRecord) => parseInstant((record.kind === 'case' ? record.receivedAt : record.createdAt) as string);
      const within = (from: string, to: string) => records.filter((record) => timeOf(record) >= Date.parse(from) && timeOf(record) < Date.parse(to));
      const summaryUrl = (params: Record<string, string>) => `${main.url}/v1/summary?${new URLSearchParams(params)}`;
      before(async () => {
        // Ratings flagged, verified or rating a complaint, complaints closed on time or late: stored
        // as they are (the ingest rules that set those fields have tests of their own).
        await storeExactly(storage, records, fixedNow);
      });

      it('equals report(summarize(records)) on the same records, for every period, several zones and groupings', async () => {
        const zones = ['Asia/Ho_Chi_Minh', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC'];
        const groupings: GroupField[][] = [[], ['unit'], ['agency', 'unit'], ['service', 'channel'], ['channel', 'unit', 'service']];
        const periods = ['all', 'year', 'quarter', 'month', 'week', 'day'] as const;
        let compared = 0;
        for (const [p, period] of periods.entries()) {
          for (const [z, timeZone] of zones.entries()) {
            const groupBy = groupings[(p + z) % groupings.length]!;
            const reply = await request(summaryUrl({ groupBy: groupBy.join(','), period, timeZone, ...WINDOW, asOf }));
            assert.equal(reply.status, 200, reply.text);
            const expected = report(summarize(within(WINDOW.from, WINDOW.to), { groupBy, period, timeZone }), { asOf });
            assert.deepEqual(reply.body, JSON.parse(JSON.stringify(expected)), `${period} ${timeZone} ${groupBy}`);
            compared += expected.length;
          }
        }
        assert.ok(compared > 1000, `${compared} rows compared`);
      });

      it('includeFlagged=true counts flagged and suspect ratings like the others, equal to summarize({ includeFlagged })', async () => {
        for (const [period, timeZone, groupBy] of [['quarter', 'Asia/Kathmandu', ['unit']], ['month', 'America/New_York', []], ['all', 'UTC', ['agency', 'service']]] as const) {
          const reply = await request(summaryUrl({ groupBy: groupBy.join(','), period, timeZone, ...WINDOW, asOf, includeFlagged: 'true' }));
          const expected = report(summarize(within(WINDOW.from, WINDOW.to), { groupBy, period, timeZone, includeFlagged: true }), { asOf });
          assert.deepEqual(reply.body, JSON.parse(JSON.stringify(expected)), `${period} ${timeZone}`);
          assert.ok(expected.some((row) => row.flaggedRatings > 0));
        }
        const summary = await request(summaryUrl({ period: 'year', timeZone: 'UTC', ...WINDOW, includeFlagged: 'true', format: 'summary' }));
        assert.deepEqual(summary.body, JSON.parse(JSON.stringify(summarize(within(WINDOW.from, WINDOW.to), { period: 'year', timeZone: 'UTC', includeFlagged: true }))));
        assert.equal((await request(summaryUrl({ includeFlagged: 'yes' }))).status, 400);
      });

      it('the indicators of §9 in SQL match the hand-computed fixture', async () => {
        await storeExactly(storage, FIXTURE, fixedNow);
        for (const includeFlagged of [false, true]) {
          // By agency: other tests of this suite store ratings in 2031 too.
          const params = { groupBy: 'agency', period: 'quarter', timeZone: 'UTC', ...FIXTURE_WINDOW, asOf: FIXTURE_AS_OF, includeFlagged: String(includeFlagged) };
          const reply = await request(summaryUrl(params));
          const expected = includeFlagged ? FIXTURE_EXPECTED.Q1Flagged : FIXTURE_EXPECTED.Q1;
          const q1 = reply.body.find((row: { key: { agency: string; period: string } }) => row.key.agency === 'so-fixture' && row.key.period === '2031-Q1');
          assert.deepEqual(Object.fromEntries(Object.keys(expected).map((key) => [key, q1[key]])), JSON.parse(JSON.stringify(expected)));
        }
      });

      it('GET /v1/complaints/stats counts complaints by category, status and unit, with no text and no personal data', async () => {
        const params = { groupBy: 'category,status,unit', period: 'year', timeZone: 'Asia/Ho_Chi_Minh', ...WINDOW, asOf };
        const reply = await request(`${main.url}/v1/complaints/stats?${new URLSearchParams(params)}`);
        assert.equal(reply.status, 200, reply.text);
        assert.equal(reply.headers.get('access-control-allow-origin'), '*');
        // The same counts worked out here from the records.
        const expected = new Map<string, { complaints: number; closedOnTime: number; closedLate: number; open: number; overdue: number }>();
        for (const record of within(WINDOW.from, WINDOW.to)) {
          if (record.kind !== 'complaint') continue;
          const year = periodKey(parseInstant(record.createdAt), 'year', 'Asia/Ho_Chi_Minh');
          const id = JSON.stringify([record.category, record.status, record.unit ?? null, year]);
          const counts = expected.get(id) ?? { complaints: 0, closedOnTime: 0, closedLate: 0, open: 0, overdue: 0 };
          counts.complaints++;
          const closed = record.status === 'resolved' || record.status === 'rejected';
          if (closed && Date.parse(record.resolvedAt!) <= Date.parse(record.dueAt!)) counts.closedOnTime++;
          else if (closed) counts.closedLate++;
          else {
            counts.open++;
            if (Date.parse(record.dueAt!) < Date.parse(asOf)) counts.overdue++;
          }
          expected.set(id, counts);
        }
        const got = new Map<string, unknown>(
          reply.body.rows.map((row: { key: Record<string, string | null>; [count: string]: unknown }) => {
            const { key, ...counts } = row;
            return [JSON.stringify([key['category'], key['status'], key['unit'], key['period']]), counts];
          }),
        );
        assert.deepEqual(got, expected);
        assert.ok(expected.size > 20, `${expected.size} groups`);
        assert.doesNotMatch(reply.text, /description|contact|trackingCode|Phản ánh thử nghiệm/);
        assert.equal((await request(`${main.url}/v1/complaints/stats?groupBy=description`)).status, 400);
        assert.equal((await request(`${main.url}/v1/complaints/stats?period=decade`)).status, 400);
      });

      it('from is inclusive and to exclusive, on the exact millisecond', async () => {
        for (const [from, to] of [['2040-12-31T17:00:00.000Z', '2041-03-10T07:00:00.000Z'], ['2041-03-31T18:15:00Z', '2042-01-04T17:00:00+00:00'], ['2042-01-01', '2042-02-01']] as const) {
          const reply = await request(summaryUrl({ groupBy: 'unit', period: 'month', timeZone: 'Asia/Ho_Chi_Minh', from, to, asOf }));
          const f = from.length === 10 ? `${from}T00:00:00Z` : from;
          const t = to.length === 10 ? `${to}T00:00:00Z` : to;
          const expected = report(summarize(within(f, t), { groupBy: ['unit'], period: 'month', timeZone: 'Asia/Ho_Chi_Minh' }), { asOf });
          assert.deepEqual(reply.body, JSON.parse(JSON.stringify(expected)), `${from} – ${to}`);
        }
      });

      it('asOf decides whether open cases are late or pending; targets, confidence and minSample reach report()', async () => {
        for (const when of ['2040-06-01T00:00:00Z', '2043-06-01T00:00:00Z']) {
          const params = { groupBy: 'agency', period: 'year', timeZone: 'UTC', ...WINDOW, asOf: when, target: '0.6', onTimeTarget: '0.9', confidence: '0.9', minSample: '5' };
          const reply = await request(summaryUrl(params));
          const expected = report(summarize(within(WINDOW.from, WINDOW.to), { groupBy: ['agency'], period: 'year', timeZone: 'UTC' }), {
            asOf: when, targets: { satisfaction: 0.6, onTime: 0.9 }, confidence: 0.9, minSample: 5,
          });
          assert.deepEqual(reply.body, JSON.parse(JSON.stringify(expected)));
        }
      });

      it('format=summary answers the Summary itself, equal to summarize()', async () => {
        const reply = await request(summaryUrl({ groupBy: 'unit,channel', period: 'quarter', timeZone: 'Asia/Ho_Chi_Minh', ...WINDOW, format: 'summary' }));
        assert.deepEqual(reply.body, JSON.parse(JSON.stringify(summarize(within(WINDOW.from, WINDOW.to), { groupBy: ['unit', 'channel'], period: 'quarter', timeZone: 'Asia/Ho_Chi_Minh' }))));
      });

      it('without from/to it counts every stored record, as summarize() of the export does', async () => {
        const exported = await request(`${main.url}/v1/records`, { headers: admin });
        const reply = await request(summaryUrl({ groupBy: 'agency', period: 'year', timeZone: 'Asia/Ho_Chi_Minh', asOf }));
        assert.deepEqual(reply.body, JSON.parse(JSON.stringify(report(summarize(exported.body, { groupBy: ['agency'], period: 'year', timeZone: 'Asia/Ho_Chi_Minh' }), { asOf }))));
      });

      it('the default time zone is TIME_ZONE', async () => {
        const other = await startCollector(storage, { timeZone: 'America/New_York' });
        try {
          const reply = await request(`${other.url}/v1/summary?period=day&${new URLSearchParams({ ...WINDOW, asOf })}`);
          assert.deepEqual(reply.body, JSON.parse(JSON.stringify(report(summarize(within(WINDOW.from, WINDOW.to), { period: 'day', timeZone: 'America/New_York' }), { asOf }))));
        } finally {
          await other.close();
        }
      });

      it('groupBy=officer needs the admin token and is never shared cross-origin without ALLOWED_ORIGINS', async () => {
        const officer = summaryUrl({ groupBy: 'officer', period: 'year', timeZone: 'UTC', ...WINDOW, asOf });
        const anonymous = await request(officer, { headers: { origin: 'https://x.example' } });
        assert.equal(anonymous.status, 401);
        assert.equal(anonymous.headers.get('access-control-allow-origin'), null);
        const allowed = await request(officer, { headers: { ...admin, origin: 'https://x.example' } });
        assert.equal(allowed.status, 200);
        assert.equal(allowed.headers.get('access-control-allow-origin'), null);
        assert.equal(allowed.headers.get('cache-control'), 'private, no-store');
        assert.deepEqual(allowed.body, JSON.parse(JSON.stringify(report(summarize(within(WINDOW.from, WINDOW.to), { groupBy: ['officer'], period: 'year', timeZone: 'UTC' }), { asOf }))));
        const publicReply = await request(summaryUrl({ groupBy: 'unit', ...WINDOW }), { headers: { origin: 'https://x.example' } });
        assert.equal(publicReply.headers.get('access-control-allow-origin'), '*');
        const closed = await startCollector(storage, {});
        try {
          assert.equal((await request(`${closed.url}/v1/summary?groupBy=officer`)).status, 403);
        } finally {
          await closed.close();
        }
      });

      it('bad parameters are 400 with the field', async () => {
        const cases: Array<[Record<string, string>, string]> = [
          [{ period: 'decade' }, 'period'],
          [{ timeZone: 'Hanoi' }, 'timeZone'],
          [{ timeZone: '+07:00' }, 'timeZone'],
          [{ timeZone: 'UTC+7' }, 'timeZone'],
          [{ timeZone: "Asia/Ho_Chi_Minh'; DROP TABLE records; --" }, 'timeZone'],
          [{ groupBy: 'comment' }, 'groupBy'],
          [{ groupBy: 'unit,unit' }, 'groupBy'],
          [{ from: 'yesterday' }, 'from'],
          [{ to: '2041-02-30T00:00:00Z' }, 'to'],
          [{ asOf: 'now' }, 'asOf'],
          [{ target: '80' }, 'target'],
          [{ confidence: '1' }, 'confidence'],
          [{ minSample: '-1' }, 'minSample'],
          [{ format: 'xml' }, 'format'],
        ];
        for (const [params, field] of cases) {
          const reply = await request(summaryUrl(params));
          assert.equal(reply.status, 400, JSON.stringify(params));
          assert.equal(reply.body.error.code, 'validation');
          assert.equal(reply.body.error.field, field, JSON.stringify(params));
        }
        assert.equal(await storage.count() > 0, true, 'the table is still there');
      });
    });

    it('GET /healthz checks the database', async () => {
      const reply = await request(`${main.url}/healthz`);
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.body, { status: 'ok', database: engine });
    });

    it('2,000 submissions at 50 in flight with 20% repeats: stored = unique ids, no 5xx', async () => {
      const agency = `load-${uuidV4()}`;
      const unique = Array.from({ length: 1600 }, (_, i) => (i % 4 === 0 ? complaint({ agency }) : rating({ agency, score: 1 + (i % 5) })));
      const repeats = Array.from({ length: 400 }, (_, i) => unique[(i * 7919) % unique.length]!);
      const all = [...unique, ...repeats].sort(() => Math.random() - 0.5);
      const codes = new Map<string, Set<string>>();
      const statuses = await pool(all, 50, async (record) => {
        const reply = await request(`${main.url}/v1/submissions`, { body: record });
        const result = reply.body?.results?.[0];
        if (result?.trackingCode) {
          const set = codes.get(result.id) ?? new Set();
          set.add(result.trackingCode);
          codes.set(result.id, set);
        }
        return [reply.status, result?.status] as const;
      });
      assert.equal(statuses.filter(([status]) => status >= 500).length, 0, 'no 5xx');
      assert.equal(statuses.filter(([status]) => status !== 200).length, 0);
      assert.equal(statuses.filter(([, status]) => status === 'accepted').length, 1600);
      assert.equal(statuses.filter(([, status]) => status === 'duplicate').length, 400);
      assert.equal(await agencyCount(agency), 1600);
      assert.equal(codes.size, 400, 'every complaint answered with a tracking code');
      for (const set of codes.values()) assert.equal(set.size, 1, 'a repeat carries the original tracking code');
    });

    it('a refused upload does not stop the connection pool from working', async () => {
      // A raw request whose body never ends: the answer comes once the limit is passed.
      const url = new URL(`${main.url}/v1/submissions`);
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'text/plain', 'content-length': String(11 * 1024 * 1024) } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
      assert.equal(status, 413);
      assert.equal((await submit(rating())).status, 200);
    });
  });
}
