// Officials' access (CONTRACT §8) as one suite run on each engine (test/collector/officials-*.test.ts):
// tokens, the scope matrix of every officials' route, the audit log, the token command.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { routes } from '../../src/collector/routes/index.js';
import type { Storage } from '../../src/collector/storage/types.js';
import { tokenCommand } from '../../src/collector/token-command.js';
import { uuidV4 } from '../../src/core/uuid.js';
import { ADMIN_TOKEN, admin, caseRecord, complaint, rating, request, startCollector, type Reply, type Running } from './collector.js';
import type { EngineSetup } from './collector-suite.js';

const HOUR = 3_600_000;
type Role = 'viewer' | 'handler' | 'admin';

export function officialsSuite(engine: 'pglite' | 'postgres', setup: EngineSetup): void {
  describe(`officials' access on ${engine}`, () => {
    let storage: Storage;
    let main: Running;
    let clock = Date.parse('2026-03-06T01:00:00.000Z');
    const now = () => new Date(clock);
    // Agencies unique to this run, so the suite reads only its own rows.
    const A = `so-a-${uuidV4().slice(0, 8)}`;
    const B = `so-b-${uuidV4().slice(0, 8)}`;
    const tokens: Record<string, { id: string; token: string }> = {};
    const bearer = (name: string) => ({ authorization: `Bearer ${tokens[name]!.token}` });
    const call = (name: string | null, method: string, path: string, body?: unknown): Promise<Reply> =>
      request(`${main.url}${path}`, { method, headers: name === null ? {} : name === 'root' ? admin : bearer(name), ...(body !== undefined ? { body, contentType: 'application/json' } : {}) });

    const ratingA = rating({ agency: A, unit: 'u1', officer: 'an' });
    const ratingA2 = rating({ agency: A, unit: 'u2', officer: 'binh' });
    const ratingB = rating({ agency: B, unit: 'u1', officer: 'chi' });
    const complaintA = complaint({ agency: A, unit: 'u1', contact: { name: 'Nguyễn Văn A', phone: '0900000001', consent: true, consentText: 'Tôi đồng ý', consentAt: '2026-03-05T08:30:00.000Z' } });
    const complaintA2 = complaint({ agency: A, unit: 'u2' });
    const complaintB = complaint({ agency: B, unit: 'u1' });
    const caseA = caseRecord({ agency: A, unit: 'u1' });
    const caseB = caseRecord({ agency: B, unit: 'u1' });
    const codes: Record<string, string> = {};

    before(async () => {
      storage = await setup.open();
      main = await startCollector(storage, { adminToken: ADMIN_TOKEN }, { now });
      const reply = await request(`${main.url}/v1/submissions`, { body: { records: [ratingA, ratingA2, ratingB, complaintA, complaintA2, complaintB] } });
      assert.equal(reply.status, 200);
      for (const [index, name] of ['complaintA', 'complaintA2', 'complaintB'].entries()) codes[name] = reply.body.results[3 + index].trackingCode;
      assert.equal((await call('root', 'POST', '/v1/cases', [caseA, caseB])).status, 200);
      const make = async (name: string, body: Record<string, unknown>) => {
        const made = await call('root', 'POST', '/v1/tokens', { label: name, ...body });
        assert.equal(made.status, 201, made.text);
        tokens[name] = { id: made.body.id, token: made.body.token };
      };
      await make('viewerA', { role: 'viewer', agency: A });
      await make('handlerA', { role: 'handler', agency: A });
      await make('adminA', { role: 'admin', agency: A });
      await make('handlerAu1', { role: 'handler', agency: A, unit: 'u1' });
      await make('viewerB', { role: 'viewer', agency: B });
      await make('adminAll', { role: 'admin' });
      await make('revoked', { role: 'admin' });
      await make('expiring', { role: 'admin', expiresAt: '1h' });
      assert.equal((await call('root', 'DELETE', `/v1/tokens/${tokens['revoked']!.id}`)).status, 200);
    });
    after(async () => {
      await main?.close();
      await storage?.close();
      await setup.teardown?.();
    });

    describe('tokens', () => {
      it('the secret is answered once and stored only as its SHA-256', async () => {
        const made = await call('root', 'POST', '/v1/tokens', { role: 'viewer', agency: A, label: 'hash check' });
        assert.match(made.body.token, /^svc_[A-Za-z0-9_-]{32}$/);
        assert.deepEqual(Object.keys(made.body).sort(), ['agency', 'expiresAt', 'id', 'label', 'role', 'token', 'unit']);
        const dump = JSON.stringify(await storage.db.query('SELECT * FROM tokens'));
        assert.ok(!dump.includes(made.body.token), 'the secret is not in the table');
        const { createHash } = await import('node:crypto');
        const [row] = await storage.db.query('SELECT hash FROM tokens WHERE id = $1', [made.body.id]);
        assert.equal(row!['hash'], createHash('sha256').update(made.body.token).digest('hex'));
        const listed = await call('root', 'GET', '/v1/tokens');
        assert.equal(listed.status, 200);
        assert.ok(!listed.text.includes(made.body.token) && !listed.text.includes(String(row!['hash'])), 'lists show no secret and no hash');
        assert.ok(listed.body.tokens.some((token: { id: string }) => token.id === made.body.id));
      });

      it('bad token requests are 400 with the field', async () => {
        for (const [body, field] of [
          [{ role: 'boss', label: 'x' }, 'role'],
          [{ role: 'viewer' }, 'label'],
          [{ role: 'viewer', unit: 'u1', label: 'x' }, 'unit'],
          [{ role: 'viewer', label: 'x', expiresAt: '2020-01-01' }, 'expiresAt'],
          [{ role: 'viewer', label: 'x', expiresAt: 'soon' }, 'expiresAt'],
          [{ role: 'viewer', label: 'x', secret: 'mine' }, 'secret'],
        ] as const) {
          const reply = await call('root', 'POST', '/v1/tokens', body);
          assert.equal(reply.status, 400, JSON.stringify(body));
          assert.equal(reply.body.error.field, field);
        }
      });

      it('revoked and expired tokens are 401 on every route; wrong ones too', async () => {
        const before = await call('expiring', 'GET', '/v1/tokens');
        assert.equal(before.status, 200);
        clock += 2 * HOUR;
        try {
          for (const [method, path] of ROUTES(codes, caseA)) {
            for (const name of ['revoked', 'expiring']) {
              const reply = await call(name, method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
              assert.equal(reply.status, 401, `${name} ${method} ${path}`);
              assert.equal(reply.body.error.code, 'unauthorized');
            }
            const wrong = await request(`${main.url}${path}`, { method, headers: { authorization: 'Bearer svc_not-a-token-at-all-000000000000' } });
            assert.equal(wrong.status, 401, `wrong ${method} ${path}`);
          }
        } finally {
          clock -= 2 * HOUR;
        }
      });
    });

    describe('scope matrix', () => {
      // [who, expected status] per route, in and out of scope: viewer < handler < admin; out of scope 404.
      it('GET /v1/records and records.csv: viewer and up, filtered to the scope', async () => {
        for (const name of ['viewerA', 'handlerA', 'adminA']) {
          const reply = await call(name, 'GET', '/v1/records');
          assert.equal(reply.status, 200, name);
          const agencies = new Set(reply.body.map((record: { agency: string }) => record.agency));
          assert.deepEqual([...agencies], [A], name);
          assert.equal(reply.body.length, 5, `${name}: 2 ratings, 2 complaints, 1 case`);
          const csv = await call(name, 'GET', '/v1/records.csv');
          assert.equal(csv.status, 200);
          assert.ok(csv.text.includes(A) && !csv.text.includes(B), `${name} csv`);
        }
        const unit = await call('handlerAu1', 'GET', '/v1/records');
        assert.deepEqual(unit.body.map((record: { id: string }) => record.id).sort(), [ratingA.id, complaintA.id, caseA.id].sort());
        const all = await call('adminAll', 'GET', '/v1/records');
        assert.ok(all.body.some((record: { agency: string }) => record.agency === B) && all.body.some((record: { agency: string }) => record.agency === A));
        const b = await call('viewerB', 'GET', '/v1/records');
        assert.ok(b.body.every((record: { agency: string }) => record.agency === B));
      });

      it('GET /v1/records/:id: in scope 200 (contact included), out of scope 404', async () => {
        const inside = await call('viewerA', 'GET', `/v1/records/${complaintA.id}`);
        assert.equal(inside.status, 200);
        assert.equal(inside.body.contact.phone, '0900000001');
        assert.equal((await call('viewerA', 'GET', `/v1/records/${complaintB.id}`)).status, 404);
        assert.equal((await call('handlerAu1', 'GET', `/v1/records/${complaintA2.id}`)).status, 404);
        assert.equal((await call('handlerAu1', 'GET', `/v1/records/${complaintA.id}`)).status, 200);
        assert.equal((await call('viewerB', 'GET', `/v1/records/${ratingA.id}`)).status, 404);
        assert.equal((await call('adminAll', 'GET', `/v1/records/${ratingB.id}`)).status, 200);
      });

      it('PATCH /v1/complaints/:code: viewer 403; handler and admin 200 in scope, 404 outside', async () => {
        assert.equal((await call('viewerA', 'PATCH', `/v1/complaints/${codes['complaintA']}`, { status: 'in_progress' })).status, 403);
        assert.equal((await call('viewerB', 'PATCH', `/v1/complaints/${codes['complaintA']}`, { status: 'in_progress' })).status, 403);
        assert.equal((await call('handlerA', 'PATCH', `/v1/complaints/${codes['complaintA']}`, { status: 'in_progress' })).status, 200);
        assert.equal((await call('handlerA', 'PATCH', `/v1/complaints/${codes['complaintB']}`, { status: 'in_progress' })).status, 404);
        assert.equal((await call('adminA', 'PATCH', `/v1/complaints/${codes['complaintB']}`, { status: 'in_progress' })).status, 404);
        assert.equal((await call('handlerAu1', 'PATCH', `/v1/complaints/${codes['complaintA2']}`, { status: 'in_progress' })).status, 404);
        assert.equal((await call('handlerAu1', 'PATCH', `/v1/complaints/${codes['complaintA']}`, { response: 'Đang xử lý.' })).status, 200);
        assert.equal((await call('adminAll', 'PATCH', `/v1/complaints/${codes['complaintB']}`, { status: 'in_progress' })).status, 200);
        // Nothing changed by the refused ones.
        const [row] = await storage.db.query('SELECT status, updated_at FROM records WHERE id = $1', [complaintA2.id]);
        assert.equal(row!['status'], 'received');
      });

      it('POST /v1/cases: admin only; a scoped admin imports only its own cases', async () => {
        for (const name of ['viewerA', 'handlerA', 'handlerAu1']) assert.equal((await call(name, 'POST', '/v1/cases', [caseRecord({ agency: A })])).status, 403, name);
        const mine = caseRecord({ agency: A, unit: 'u1' });
        const theirs = caseRecord({ agency: B });
        const reply = await call('adminA', 'POST', '/v1/cases', [mine, theirs, { ...caseB, dueAt: '2026-03-20T10:00:00Z', agency: A }]);
        assert.equal(reply.status, 200);
        assert.deepEqual(reply.body.results.map((result: { status: string }) => result.status), ['accepted', 'rejected', 'rejected']);
        const [row] = await storage.db.query('SELECT agency, due_at FROM records WHERE id = $1', [caseB.id]);
        assert.equal(row!['agency'], B, 'a case of another agency is not taken over');
        assert.equal(new Date(row!['due_at'] as string).toISOString(), '2026-03-09T10:00:00.000Z');
      });

      it('GET /v1/summary?groupBy=officer: viewer and up, counted only within the scope', async () => {
        assert.equal((await request(`${main.url}/v1/summary?groupBy=officer`)).status, 401);
        const reply = await call('viewerA', 'GET', '/v1/summary?groupBy=officer');
        assert.equal(reply.status, 200);
        const officers = reply.body.map((row: { key: { officer: string | null } }) => row.key.officer);
        assert.ok(officers.includes('an') && officers.includes('binh'), JSON.stringify(officers));
        assert.ok(!officers.includes('chi'), 'no officer of agency B');
        const unit = await call('handlerAu1', 'GET', '/v1/summary?groupBy=officer');
        assert.deepEqual(unit.body.map((row: { key: { officer: string | null } }) => row.key.officer).filter((officer: string | null) => officer !== null), ['an']);
      });

      it('POST /v1/tokens: admin only, a scoped admin only inside its scope', async () => {
        for (const name of ['viewerA', 'handlerA']) assert.equal((await call(name, 'POST', '/v1/tokens', { role: 'viewer', agency: A, label: 'x' })).status, 403, name);
        assert.equal((await call('adminA', 'POST', '/v1/tokens', { role: 'viewer', agency: A, unit: 'u2', label: 'in scope' })).status, 201);
        assert.equal((await call('adminA', 'POST', '/v1/tokens', { role: 'viewer', agency: B, label: 'other agency' })).status, 403);
        assert.equal((await call('adminA', 'POST', '/v1/tokens', { role: 'admin', label: 'everything' })).status, 403);
      });

      it('GET and DELETE /v1/tokens: admin only, lists filtered, another scope\'s token 404', async () => {
        for (const name of ['viewerA', 'handlerA']) {
          assert.equal((await call(name, 'GET', '/v1/tokens')).status, 403, name);
          assert.equal((await call(name, 'DELETE', `/v1/tokens/${tokens['viewerB']!.id}`)).status, 403, name);
        }
        const listed = await call('adminA', 'GET', '/v1/tokens');
        assert.equal(listed.status, 200);
        assert.ok(listed.body.tokens.length >= 4);
        assert.ok(listed.body.tokens.every((token: { agency: string }) => token.agency === A));
        assert.equal((await call('adminA', 'DELETE', `/v1/tokens/${tokens['viewerB']!.id}`)).status, 404);
        assert.equal((await call('viewerB', 'GET', '/v1/records')).status, 200, 'still valid');
        assert.equal((await call('adminA', 'DELETE', `/v1/tokens/${uuidV4()}`)).status, 404);
      });

      it('every officials\' route: below its role 403, outside the scope 404 (403 to create for another scope, lists filtered), at its role inside 2xx; no route left out', async () => {
        for (const [name, role, agency] of [['handlerB', 'handler', B], ['adminB', 'admin', B]] as const) {
          const made = await call('root', 'POST', '/v1/tokens', { role, agency, label: name });
          tokens[name] = { id: made.body.id, token: made.body.token };
        }
        const ratingM = rating({ agency: A, unit: 'u1' });
        const complaintM = complaint({ agency: A, unit: 'u1', contact: { name: 'Trần Thị M', phone: '0900000009', consent: true, consentText: 'Tôi đồng ý', consentAt: '2026-03-05T08:30:00.000Z' } });
        const submitted = await request(`${main.url}/v1/submissions`, { body: { records: [ratingM, complaintM] } });
        const codeM = submitted.body.results[1].trackingCode as string;
        const kioskId = `matrix-${uuidV4().slice(0, 8)}`;
        assert.equal((await call('root', 'POST', '/v1/kiosks', { kioskId, agency: A, unit: 'u1' })).status, 201);
        const spare = await call('root', 'POST', '/v1/tokens', { role: 'viewer', agency: A, label: 'spare' });
        const filtered = (reply: Reply) => assert.ok(reply.status === 200 && !reply.text.includes(A), `a list outside the scope: ${reply.status}`);
        const status = (expected: number) => (reply: Reply) => assert.equal(reply.status, expected, reply.text);
        // Rows in the order they run: a kiosk is armed before it is removed, a flag set before cleared.
        const matrix: Array<{ route: string; role: Role; path: string; body?: unknown; ok: number; outside: (reply: Reply) => void }> = [
          { route: 'GET /v1/complaints', role: 'viewer', path: '/v1/complaints', ok: 200, outside: filtered },
          { route: 'PATCH /v1/complaints/:key', role: 'handler', path: `/v1/complaints/${codeM}`, body: { internalNote: 'matrix' }, ok: 200, outside: status(404) },
          { route: 'DELETE /v1/complaints/:key/personal-data', role: 'admin', path: `/v1/complaints/${codeM}/personal-data`, ok: 200, outside: status(404) },
          { route: 'POST /v1/cases', role: 'admin', path: '/v1/cases', body: [caseRecord({ agency: A, unit: 'u1' })], ok: 200, outside: (reply) => assert.equal(reply.body.results[0].status, 'rejected', reply.text) },
          { route: 'GET /v1/records', role: 'viewer', path: '/v1/records', ok: 200, outside: filtered },
          { route: 'GET /v1/records.csv', role: 'viewer', path: '/v1/records.csv', ok: 200, outside: filtered },
          { route: 'GET /v1/records/:id', role: 'viewer', path: `/v1/records/${ratingM.id}`, ok: 200, outside: status(404) },
          { route: 'POST /v1/invitations', role: 'handler', path: '/v1/invitations', body: { agency: A, unit: 'u1', caseId: `HS-M-${uuidV4().slice(0, 8)}` }, ok: 201, outside: status(403) },
          { route: 'POST /v1/kiosks', role: 'admin', path: '/v1/kiosks', body: { kioskId: `${kioskId}-2`, agency: A }, ok: 201, outside: status(403) },
          { route: 'POST /v1/kiosks/:id/arm', role: 'handler', path: `/v1/kiosks/${kioskId}/arm`, body: {}, ok: 201, outside: status(404) },
          { route: 'DELETE /v1/kiosks/:id', role: 'admin', path: `/v1/kiosks/${kioskId}`, ok: 204, outside: status(404) },
          { route: 'POST /v1/ratings/:id/flag', role: 'handler', path: `/v1/ratings/${ratingM.id}/flag`, body: { reason: 'test' }, ok: 200, outside: status(404) },
          { route: 'DELETE /v1/ratings/:id/flag', role: 'handler', path: `/v1/ratings/${ratingM.id}/flag`, ok: 200, outside: status(404) },
          { route: 'POST /v1/tokens', role: 'admin', path: '/v1/tokens', body: { role: 'viewer', agency: A, label: 'matrix' }, ok: 201, outside: status(403) },
          { route: 'GET /v1/tokens', role: 'admin', path: '/v1/tokens', ok: 200, outside: filtered },
          { route: 'DELETE /v1/tokens/:id', role: 'admin', path: `/v1/tokens/${spare.body.id}`, ok: 200, outside: status(404) },
          { route: 'GET /v1/audit', role: 'viewer', path: '/v1/audit', ok: 200, outside: filtered },
        ];
        const officials = routes().filter((route) => route.access === 'admin').map((route) => `${route.method} ${route.path}`);
        assert.deepEqual(matrix.map((row) => row.route).sort(), officials.sort(), 'every officials\' route has a row');
        const ranks: Role[] = ['viewer', 'handler', 'admin'];
        for (const row of matrix) {
          const [method] = row.route.split(' ') as [string];
          const send = (name: string) => call(name, method, row.path, row.body);
          assert.equal((await call(null, method, row.path, row.body)).status, 401, `${row.route} without a token`);
          for (const lower of ranks.slice(0, ranks.indexOf(row.role))) assert.equal((await send(`${lower}A`)).status, 403, `${row.route} as ${lower}`);
          // Outside first: a refused call must leave the target for the allowed one.
          const outside = await send(`${row.role}B`);
          row.outside(outside);
          const inside = await send(`${row.role}A`);
          assert.equal(inside.status, row.ok, `${row.route} as ${row.role} of the agency: ${inside.text}`);
        }
      });

      it('GET /v1/audit: viewer and up, only its scope', async () => {
        const mine = await call('viewerA', 'GET', '/v1/audit');
        assert.equal(mine.status, 200);
        assert.ok(mine.body.entries.length > 0);
        assert.ok(mine.body.entries.every((entry: { agency: string }) => entry.agency === A));
        const theirs = await call('viewerB', 'GET', `/v1/audit?target=complaint:${codes['complaintA']}`);
        assert.deepEqual(theirs.body.entries, []);
        assert.equal((await request(`${main.url}/v1/audit`)).status, 401);
      });
    });

    describe('audit', () => {
      it('a complaint update is logged with who, what, before and after, and no contact details', async () => {
        const code = codes['complaintA']!;
        const reply = await call('handlerA', 'PATCH', `/v1/complaints/${code}`, { status: 'resolved', response: 'Đã trả hồ sơ.' });
        assert.equal(reply.status, 200);
        const log = await call('viewerA', 'GET', `/v1/audit?target=complaint:${code}`);
        const last = log.body.entries.at(-1);
        assert.equal(last.action, 'complaint.update');
        assert.equal(last.tokenId, tokens['handlerA']!.id);
        assert.equal(last.label, 'handlerA');
        assert.equal(last.before.status, 'in_progress');
        assert.equal(last.after.status, 'resolved');
        assert.equal(last.after.response, 'Đã trả hồ sơ.');
        assert.equal(last.at, now().toISOString());
        const everything = JSON.stringify(await storage.db.query('SELECT * FROM audit'));
        assert.ok(!everything.includes('0900000001') && !everything.includes('Nguyễn Văn A'), 'no contact details in the log');
      });

      it('token creation and revocation and case imports are logged; the bootstrap admin is named ADMIN_TOKEN', async () => {
        const revoke = await call('root', 'GET', `/v1/audit?target=token:${tokens['revoked']!.id}`);
        assert.deepEqual(revoke.body.entries.map((entry: { action: string }) => entry.action), ['token.create', 'token.revoke']);
        assert.equal(revoke.body.entries[1].label, 'ADMIN_TOKEN');
        assert.equal(revoke.body.entries[1].tokenId, null);
        assert.ok(revoke.body.entries[1].after.revokedAt);
        const cases = await call('adminA', 'GET', '/v1/audit?target=cases');
        assert.ok(cases.body.entries.some((entry: { action: string; after: { rejected: number } }) => entry.action === 'case.import' && entry.after.rejected === 2));
      });

      it('the log is append-only in the database: UPDATE, DELETE and TRUNCATE are refused', async () => {
        const count = async () => Number((await storage.db.query('SELECT count(*) AS n FROM audit'))[0]!['n']);
        const before = await count();
        await assert.rejects(storage.db.query(`UPDATE audit SET label = 'x'`), /append-only/);
        await assert.rejects(storage.db.query('DELETE FROM audit'), /append-only/);
        await assert.rejects(storage.db.query('TRUNCATE audit'), /append-only/);
        assert.equal(await count(), before);
      });

      it('pages through with a cursor', async () => {
        const first = await call('root', 'GET', '/v1/audit');
        assert.equal(first.status, 200);
        assert.equal(first.body.next, null);
        assert.equal((await call('root', 'GET', '/v1/audit?cursor=abc')).status, 400);
        const after = await call('root', 'GET', `/v1/audit?cursor=${first.body.entries[0].seq}`);
        assert.deepEqual(after.body.entries, first.body.entries.slice(1));
      });
    });

    describe('complaints: list, PATCH rules, races', () => {
      const C = `so-c-${uuidV4().slice(0, 8)}`;
      const made: Array<{ id: string; code: string }> = [];
      let handlerC = '';
      let unitHandler = '';
      const asC = (token: string, method: string, path: string, body?: unknown) =>
        request(`${main.url}${path}`, { method, headers: { authorization: `Bearer ${token}` }, ...(body !== undefined ? { body, contentType: 'application/json' } : {}) });

      before(async () => {
        // Six complaints received a day apart (due 10 days after each), in two units; one names a client-sent assignedUnit.
        const saved = clock;
        for (let day = 0; day < 6; day++) {
          clock = Date.parse('2026-02-20T03:00:00.000Z') + day * 24 * HOUR;
          const record = complaint({ agency: C, unit: day % 2 === 0 ? 'k1' : 'k2', category: day < 3 ? 'delay' : 'fees', description: `Khiếu nại số ${day}: hồ sơ chậm trễ ${day === 4 ? 'ở quầy thu phí' : 'nhiều ngày'}.`, ...(day === 5 ? { assignedUnit: 'forged', internalNote: 'forged' } : {}) });
          const reply = await request(`${main.url}/v1/submissions`, { body: record });
          made.push({ id: String(record['id']), code: reply.body.results[0].trackingCode });
        }
        clock = saved;
        handlerC = (await call('root', 'POST', '/v1/tokens', { role: 'handler', agency: C, label: 'handler C' })).body.token;
        unitHandler = (await call('root', 'POST', '/v1/tokens', { role: 'handler', agency: C, unit: 'k1', label: 'handler C/k1' })).body.token;
      });

      it('a client cannot set assignedUnit or internalNote', async () => {
        const [row] = await storage.db.query('SELECT assigned_unit, internal_note, record FROM records WHERE id = $1', [made[5]!.id]);
        assert.equal(row!['assigned_unit'], null);
        assert.equal(row!['internal_note'], null);
        assert.equal((row!['record'] as Record<string, unknown>)['assignedUnit'], undefined);
      });

      it('GET /v1/complaints: whole records of the scope, newest due first, filters, counts, cursor pages', async () => {
        const all = await asC(handlerC, 'GET', '/v1/complaints');
        assert.equal(all.status, 200);
        assert.deepEqual(all.body.complaints.map((c: { id: string }) => c.id), made.map((m) => m.id).reverse());
        assert.equal(all.body.complaints[0].description, 'Khiếu nại số 5: hồ sơ chậm trễ nhiều ngày.');
        assert.deepEqual(all.body.counts, { received: 6, in_progress: 0, resolved: 0, rejected: 0, overdue: 0 + all.body.counts.overdue });
        // now = 2026-03-06T01:00Z: due 2026-03-02 … 2026-03-07; four are overdue.
        assert.equal(all.body.counts.overdue, 4);
        const overdue = await asC(handlerC, 'GET', '/v1/complaints?overdue=true&order=due');
        assert.deepEqual(overdue.body.complaints.map((c: { id: string }) => c.id), made.slice(0, 4).map((m) => m.id));
        const fees = await asC(handlerC, 'GET', '/v1/complaints?category=fees&unit=k1');
        assert.deepEqual(fees.body.complaints.map((c: { id: string }) => c.id), [made[4]!.id]);
        const search = await asC(handlerC, 'GET', `/v1/complaints?q=${encodeURIComponent('quầy thu phí')}`);
        assert.deepEqual(search.body.complaints.map((c: { id: string }) => c.id), [made[4]!.id]);
        const byCode = await asC(handlerC, 'GET', `/v1/complaints?q=${made[2]!.code.toLowerCase()}`);
        assert.deepEqual(byCode.body.complaints.map((c: { id: string }) => c.id), [made[2]!.id]);
        const literal = await asC(handlerC, 'GET', '/v1/complaints?q=%25');
        assert.deepEqual(literal.body.complaints, [], '% is literal');
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Reply = await asC(handlerC, 'GET', `/v1/complaints?limit=4&order=due${cursor ? `&cursor=${cursor}` : ''}`);
          seen.push(...page.body.complaints.map((c: { id: string }) => c.id));
          cursor = page.body.next;
        } while (cursor);
        assert.deepEqual(seen, made.map((m) => m.id));
        const mine = await asC(unitHandler, 'GET', '/v1/complaints');
        assert.deepEqual(mine.body.complaints.map((c: { id: string }) => c.id).sort(), [made[0]!.id, made[2]!.id, made[4]!.id].sort());
        assert.equal((await call('viewerA', 'GET', '/v1/complaints')).body.complaints.every((c: { agency: string }) => c.agency === A), true);
        for (const query of ['status=closed', 'overdue=yes', 'limit=0', 'cursor=nope', 'order=up']) {
          assert.equal((await asC(handlerC, 'GET', `/v1/complaints?${query}`)).status, 400, query);
        }
        assert.equal((await request(`${main.url}/v1/complaints`)).status, 401);
      });

      it('PATCH: assignedUnit and internalNote are stored, never public; the assigned unit sees the complaint', async () => {
        const target = made[1]!;
        assert.equal((await asC(unitHandler, 'PATCH', `/v1/complaints/${target.code}`, { status: 'in_progress' })).status, 404);
        const reply = await asC(handlerC, 'PATCH', `/v1/complaints/${target.code}`, { assignedUnit: 'k1', internalNote: 'Chuyển bộ phận một cửa.\nGọi lại thứ hai.' });
        assert.equal(reply.status, 200);
        assert.equal(reply.body.assignedUnit, 'k1');
        const shown = await request(`${main.url}/v1/complaints/${target.code}`);
        assert.ok(!('assignedUnit' in shown.body) && !('internalNote' in shown.body) && !shown.text.includes('Gọi lại'));
        assert.equal((await asC(unitHandler, 'PATCH', `/v1/complaints/${target.code}`, { status: 'in_progress' })).status, 200);
        const listed = await asC(unitHandler, 'GET', '/v1/complaints?status=open');
        assert.ok(listed.body.complaints.some((c: { id: string; internalNote: string }) => c.id === target.id && c.internalNote.startsWith('Chuyển')));
        assert.equal((await asC(handlerC, 'PATCH', `/v1/complaints/${target.code}`, { internalNote: 'bell\u0007' })).status, 400);
      });

      it('status rules: nothing goes back to received; a closed complaint only reopens to in_progress', async () => {
        const code = made[3]!.code;
        const patch = (body: unknown) => asC(handlerC, 'PATCH', `/v1/complaints/${code}`, body);
        assert.equal((await patch({ status: 'in_progress' })).status, 200);
        const back = await patch({ status: 'received' });
        assert.equal(back.status, 409);
        assert.equal(back.body.error.code, 'invalid_transition');
        assert.equal((await patch({ status: 'resolved', response: 'Đã xử lý.' })).status, 200);
        assert.equal((await patch({ status: 'rejected' })).status, 409);
        assert.equal((await patch({ status: 'received' })).status, 409);
        assert.equal((await patch({ status: 'resolved', response: 'Đã xử lý, bổ sung.' })).status, 200, 'same status, new response');
        const reopened = await patch({ status: 'in_progress' });
        assert.equal(reopened.status, 200);
        assert.equal(reopened.body.resolvedAt, null);
      });

      it('two officials PATCH with the same ifUpdatedAt: one 200, one 409, nothing lost; the audit holds exactly the winner', async () => {
        const code = made[0]!.code;
        for (let round = 0; round < 5; round++) {
          const seen = (await request(`${main.url}/v1/complaints/${code}`)).body.updatedAt;
          const auditBefore = (await call('root', 'GET', `/v1/audit?target=complaint:${code}`)).body.entries.length;
          const [first, second] = await Promise.all([
            asC(handlerC, 'PATCH', `/v1/complaints/${code}`, { internalNote: `A${round}`, ifUpdatedAt: seen }),
            asC(handlerC, 'PATCH', `/v1/complaints/${code}`, { response: `B${round}`, ifUpdatedAt: seen }),
          ]);
          assert.deepEqual([first.status, second.status].sort(), [200, 409], `round ${round}`);
          const loser = first.status === 409 ? first : second;
          assert.equal(loser.body.error.code, 'stale');
          const entries = (await call('root', 'GET', `/v1/audit?target=complaint:${code}`)).body.entries;
          assert.equal(entries.length, auditBefore + 1);
          const [row] = await storage.db.query('SELECT response, internal_note FROM records WHERE id = $1', [made[0]!.id]);
          if (first.status === 200) {
            assert.equal(row!['internal_note'], `A${round}`);
            assert.notEqual(row!['response'], `B${round}`, 'the stale edit changed nothing');
            assert.equal(entries.at(-1).after.internalNote, `A${round}`);
          } else {
            assert.equal(row!['response'], `B${round}`);
            assert.notEqual(row!['internal_note'], `A${round}`, 'the stale edit changed nothing');
            assert.equal(entries.at(-1).after.response, `B${round}`);
          }
          // The loser retries on the new version and wins: nothing is lost.
          const retry = await asC(handlerC, 'PATCH', `/v1/complaints/${code}`, { ...(first.status === 409 ? { internalNote: `A${round}` } : { response: `B${round}` }), ifUpdatedAt: (first.status === 200 ? first : second).body.updatedAt });
          assert.equal(retry.status, 200);
        }
        assert.equal((await asC(handlerC, 'PATCH', `/v1/complaints/${code}`, { response: 'x', ifUpdatedAt: 'yesterday' })).status, 400);
      });
    });

    describe('rating flags', () => {
      it('a handler in scope flags and unflags a rating: stored in the record, updatedAt bumped, audited', async () => {
        const id = String(ratingA['id']);
        const [before] = await storage.db.query('SELECT updated_at FROM records WHERE id = $1', [id]);
        assert.equal((await call('viewerA', 'POST', `/v1/ratings/${id}/flag`, { reason: 'spam' })).status, 403);
        assert.equal((await call('handlerA', 'POST', `/v1/ratings/${String(ratingB['id'])}/flag`, { reason: 'spam' })).status, 404);
        assert.equal((await call('handlerA', 'POST', `/v1/ratings/${complaintA.id}/flag`, { reason: 'spam' })).status, 404, 'a complaint is not a rating');
        assert.equal((await call('handlerA', 'POST', `/v1/ratings/${id}/flag`, { reason: 'bored' })).status, 400);
        const flagged = await call('handlerA', 'POST', `/v1/ratings/${id}/flag`, { reason: 'test', note: 'Cán bộ bấm thử máy.' });
        assert.equal(flagged.status, 200);
        const [row] = await storage.db.query('SELECT record, updated_at FROM records WHERE id = $1', [id]);
        assert.deepEqual((row!['record'] as Record<string, unknown>)['flag'], { reason: 'test', note: 'Cán bộ bấm thử máy.', at: now().toISOString(), tokenId: tokens['handlerA']!.id });
        assert.ok(new Date(row!['updated_at'] as string).getTime() > new Date(before!['updated_at'] as string).getTime());
        const exported = await call('viewerA', 'GET', `/v1/records/${id}`);
        assert.equal(exported.body.flag.reason, 'test');
        assert.equal((await call('handlerA', 'DELETE', `/v1/ratings/${id}/flag`)).status, 200);
        const [cleared] = await storage.db.query('SELECT record FROM records WHERE id = $1', [id]);
        assert.equal((cleared!['record'] as Record<string, unknown>)['flag'], undefined);
        const audit = await call('viewerA', 'GET', `/v1/audit?target=rating:${id}`);
        assert.deepEqual(audit.body.entries.map((entry: { action: string }) => entry.action), ['rating.flag', 'rating.unflag']);
        assert.equal(audit.body.entries[0].after.flag.reason, 'test');
      });

      it('a flag sent by a client is dropped', async () => {
        const record = rating({ agency: A, flag: { reason: 'spam', at: '2026-01-01T00:00:00Z' } });
        await request(`${main.url}/v1/submissions`, { body: record });
        const [row] = await storage.db.query('SELECT record FROM records WHERE id = $1', [record['id']]);
        assert.equal((row!['record'] as Record<string, unknown>)['flag'], undefined);
      });
    });

    describe('the citizen rates the handling of a complaint', () => {
      it('once closed, one per complaint: agency and unit from the complaint, verified; later ones already_rated', async () => {
        const record = complaint({ agency: A, unit: 'u2' });
        const code = (await request(`${main.url}/v1/submissions`, { body: record })).body.results[0].trackingCode;
        const handling = (extra: Record<string, unknown> = {}) => rating({ agency: 'whatever', unit: 'else', scale: 3, score: 1, about: 'complaint', trackingCode: code.toLowerCase(), ...extra });
        const early = await request(`${main.url}/v1/submissions`, { body: handling() });
        assert.equal(early.status, 200);
        assert.equal(early.body.results[0].status, 'rejected');
        assert.equal(early.body.results[0].error.code, 'complaint_open');
        assert.equal((await call('handlerA', 'PATCH', `/v1/complaints/${code}`, { status: 'resolved', response: 'Đã xử lý.' })).status, 200);
        // Five at once with different ids: exactly one is stored.
        const tries = Array.from({ length: 5 }, () => handling());
        const replies = await Promise.all(tries.map((body) => request(`${main.url}/v1/submissions`, { body })));
        const statuses = replies.map((reply) => reply.body.results[0].status);
        assert.equal(statuses.filter((status) => status === 'accepted').length, 1, JSON.stringify(replies.map((reply) => reply.body)));
        assert.ok(replies.every((reply) => reply.body.results[0].status === 'accepted' || reply.body.results[0].error.code === 'already_rated'));
        const winner = tries[statuses.indexOf('accepted')]!;
        const [row] = await storage.db.query('SELECT agency, unit, record FROM records WHERE id = $1', [winner['id']]);
        assert.equal(row!['agency'], A);
        assert.equal(row!['unit'], 'u2');
        assert.equal((row!['record'] as Record<string, unknown>)['verified'], true);
        assert.equal((row!['record'] as Record<string, unknown>)['trackingCode'], code);
        const again = await request(`${main.url}/v1/submissions`, { body: winner });
        assert.equal(again.body.results[0].status, 'duplicate');
        const batch = await request(`${main.url}/v1/submissions`, { body: { records: [handling(), rating({ agency: A }), handling({ trackingCode: 'ZZZZZZZZZZ' })] } });
        assert.deepEqual(batch.body.results.map((result: { status: string; error?: { code: string } }) => result.error?.code ?? result.status), ['already_rated', 'accepted', 'complaint_unknown']);
      });
    });

    describe('webhooks', () => {
      it('signed, redelivered after a 500, without personal data; ingest does not wait for a dead receiver', async () => {
        const { createServer } = await import('node:http');
        const { createHmac } = await import('node:crypto');
        const secret = 'webhook-secret-0123456789';
        const received: Array<{ status: number; body: string; signature: string; delivery: string }> = [];
        let answers = [500];
        const receiver = createServer((req, res) => {
          let body = '';
          req.on('data', (chunk) => (body += chunk));
          req.on('end', () => {
            const status = answers.shift() ?? 200;
            received.push({ status, body, signature: String(req.headers['x-svc-signature']), delivery: String(req.headers['x-svc-delivery']) });
            res.writeHead(status).end();
          });
        });
        await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
        const port = (receiver.address() as { port: number }).port;
        const hooked = await startCollector(storage, { adminToken: ADMIN_TOKEN, webhookUrl: `http://127.0.0.1:${port}/hook`, webhookSecret: secret }, { now, maintenance: false });
        try {
          const record = complaint({ agency: A, contact: { email: 'private@example.vn', consent: true, consentText: 'Đồng ý', consentAt: '2026-03-05T08:30:00.000Z' } });
          const code = (await request(`${hooked.url}/v1/submissions`, { body: record })).body.results[0].trackingCode;
          assert.deepEqual(await hooked.maintain().then(({ delivered, failed }) => ({ delivered, failed })), { delivered: 0, failed: 1 });
          assert.equal(received.length, 1);
          assert.deepEqual(await hooked.maintain().then(({ delivered, failed }) => ({ delivered, failed })), { delivered: 0, failed: 0 }, 'not before its backoff');
          clock += 59_000; // the first retry comes within a minute
          try {
            assert.deepEqual(await hooked.maintain().then(({ delivered, failed }) => ({ delivered, failed })), { delivered: 1, failed: 0 });
          } finally {
            clock -= 59_000;
          }
          assert.equal(received.length, 2);
          const [first, second] = received;
          assert.equal(second!.body, first!.body, 'the same event again');
          assert.equal(second!.delivery, first!.delivery);
          for (const delivery of received) {
            assert.equal(delivery.signature, `sha256=${createHmac('sha256', secret).update(delivery.body).digest('hex')}`);
          }
          const event = JSON.parse(second!.body);
          assert.equal(event.type, 'complaint.received');
          assert.equal(event.data.trackingCode, code);
          assert.ok(!second!.body.includes('private@example.vn') && !second!.body.includes(String(record['description'])), 'no personal data, no text');
          // An update is an event too.
          answers = [200];
          assert.equal((await request(`${hooked.url}/v1/complaints/${code}`, { method: 'PATCH', headers: admin, body: { status: 'in_progress' }, contentType: 'application/json' })).status, 200);
          await hooked.maintain();
          const updated = JSON.parse(received.at(-1)!.body);
          assert.equal(updated.type, 'complaint.updated');
          assert.equal(updated.data.status, 'in_progress');
        } finally {
          await hooked.close();
          await new Promise((resolve) => receiver.close(resolve));
        }
        // Ingest latency with the receiver down (connection refused) and the background loop running, against no webhooks.
        // Requests alternate between the two collectors, so a busy machine slows both alike.
        const down = await startCollector(storage, { webhookUrl: `http://127.0.0.1:${port}/hook`, webhookSecret: secret }, { now, maintenance: { webhookPollMs: 200 } });
        const plain = await startCollector(storage, {}, { now, maintenance: false });
        try {
          const times: Record<string, number[]> = { down: [], plain: [] };
          for (let i = 0; i < 20; i++) {
            for (const [name, url] of [['down', down.url], ['plain', plain.url]] as const) {
              const started = performance.now();
              assert.equal((await request(`${url}/v1/submissions`, { body: complaint({ agency: A }) })).status, 200);
              times[name]!.push(performance.now() - started);
            }
          }
          const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
          const [withDown, without] = [median(times['down']!), median(times['plain']!)];
          assert.ok(withDown < without * 2 + 20, `median ${withDown.toFixed(1)} ms with the receiver down vs ${without.toFixed(1)} ms without webhooks`);
          assert.ok(Number((await storage.db.query('SELECT count(*) AS n FROM webhook_deliveries WHERE delivered_at IS NULL'))[0]!['n']) >= 20, 'the events wait in the table');
        } finally {
          await down.close();
          await plain.close();
        }
      });
    });

    describe('retention', () => {
      it('91 days after closing, contact and attachments are gone from every table and export; summaries unchanged; audited', async () => {
        const D = `so-d-${uuidV4().slice(0, 8)}`;
        const phone = '0987654321';
        const bytes = Buffer.from('%PDF-1.4 biên lai riêng tư');
        const pdf = bytes.toString('base64');
        const closedOld = complaint({ agency: D, contact: { phone, consent: true, consentText: 'Đồng ý', consentAt: '2026-03-05T08:30:00.000Z' }, attachments: [{ name: 'bien-lai.pdf', type: 'application/pdf', size: bytes.length, data: pdf }] });
        const open = complaint({ agency: D, contact: { phone: '0911111111', consent: true, consentText: 'Đồng ý', consentAt: '2026-03-05T08:30:00.000Z' } });
        const erase = complaint({ agency: D, contact: { email: 'xoa@example.vn', consent: true, consentText: 'Đồng ý', consentAt: '2026-03-05T08:30:00.000Z' } });
        const reply = await request(`${main.url}/v1/submissions`, { body: { records: [closedOld, open, erase] } });
        assert.deepEqual(reply.body.results.map((result: { status: string }) => result.status), ['accepted', 'accepted', 'accepted'], reply.text);
        const [codeOld, , codeErase] = reply.body.results.map((result: { trackingCode: string }) => result.trackingCode);
        assert.equal((await call('root', 'PATCH', `/v1/complaints/${codeOld}`, { status: 'resolved', response: 'Xong.' })).status, 200);
        const summary = async () => (await request(`${main.url}/v1/summary?groupBy=agency&period=month&asOf=2026-12-01T00:00:00Z`)).body.filter((row: { key: { agency: string } }) => row.key.agency === D);
        const before = await summary();
        const saved = clock;
        clock += 89 * 24 * HOUR;
        try {
          assert.equal((await main.maintain()).wiped, 0, 'not yet at 89 days');
          clock = saved + 91 * 24 * HOUR;
          const done = await main.maintain();
          assert.ok(done.wiped >= 1);
        } finally {
          clock = saved;
        }
        const [row] = await storage.db.query('SELECT record, attachments FROM records WHERE id = $1', [closedOld['id']]);
        assert.equal((row!['record'] as Record<string, unknown>)['contact'], undefined);
        assert.equal(row!['attachments'], null);
        const [still] = await storage.db.query('SELECT record FROM records WHERE id = $1', [open['id']]);
        assert.ok((still!['record'] as { contact?: unknown }).contact, 'an open complaint keeps its contact');
        // The complainant asks: erased now (admin), audited.
        assert.equal((await call('handlerA', 'DELETE', `/v1/complaints/${codeErase}/personal-data`)).status, 403);
        assert.equal((await call('adminA', 'DELETE', `/v1/complaints/${codeErase}/personal-data`)).status, 404);
        const erased = await call('root', 'DELETE', `/v1/complaints/${codeErase}/personal-data`);
        assert.deepEqual(erased.body, { trackingCode: codeErase, contact: true, attachments: 0 });
        // Nowhere: no table, no export.
        const tables = (await storage.db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)).map((t) => String(t['table_name']));
        for (const table of tables) {
          const dump = JSON.stringify(await storage.db.query(`SELECT * FROM ${table}`));
          for (const secret of [phone, pdf, 'bien-lai.pdf', 'xoa@example.vn']) assert.ok(!dump.includes(secret), `${secret} left in ${table}`);
        }
        for (const path of ['/v1/records', '/v1/records.csv', `/v1/records/${closedOld['id']}`, '/v1/complaints?limit=200', '/v1/audit']) {
          const text = (await call('root', 'GET', path)).text;
          for (const secret of [phone, pdf, 'xoa@example.vn']) assert.ok(!text.includes(secret), `${secret} in ${path}`);
        }
        assert.deepEqual(await summary(), before, 'summaries unchanged');
        const audit = await call('root', 'GET', `/v1/audit?target=complaint:${codeOld}`);
        const wipe = audit.body.entries.find((entry: { action: string }) => entry.action === 'complaint.retention-wipe');
        assert.deepEqual([wipe.label, wipe.before, wipe.after], ['retention', { contactDetails: true, files: 1 }, { contactDetails: false, files: 0 }]);
      });
    });

    describe('the token command', () => {
      it('create, list, revoke: the created token works over HTTP until revoked; changes are audited', async () => {
        const out: string[] = [];
        const err: string[] = [];
        const io = { env: {}, out: (text: string) => out.push(text), err: (text: string) => err.push(text), now, storage };
        assert.equal(await tokenCommand(['create', '--role', 'handler', '--agency', A, '--unit', 'u1', '--expires', '90d', '--label', 'Chị Lan, một cửa'], io), 0);
        const made = JSON.parse(out.join(''));
        assert.equal(made.role, 'handler');
        assert.equal(made.expiresAt, new Date(clock + 90 * 24 * HOUR).toISOString());
        assert.match(err.join(''), /shown this once/);
        const reply = await request(`${main.url}/v1/records/${complaintA.id}`, { headers: { authorization: `Bearer ${made.token}` } });
        assert.equal(reply.status, 200);
        out.length = 0;
        assert.equal(await tokenCommand(['list'], io), 0);
        const line = out.join('').split('\n').find((row) => row.startsWith(made.id));
        assert.ok(line && line.includes(`${A}/u1`) && line.includes('Chị Lan') && !line.includes(made.token), String(line));
        assert.equal(await tokenCommand(['revoke', made.id], io), 0);
        assert.equal((await request(`${main.url}/v1/records/${complaintA.id}`, { headers: { authorization: `Bearer ${made.token}` } })).status, 401);
        assert.equal(await tokenCommand(['revoke', 'no-such-id'], io), 1);
        const audit = await call('root', 'GET', `/v1/audit?target=token:${made.id}`);
        assert.deepEqual(audit.body.entries.map((entry: { action: string; label: string }) => `${entry.action} by ${entry.label}`), ['token.create by command line', 'token.revoke by command line']);
      });

      it('usage errors exit 2 and store nothing', async () => {
        const err: string[] = [];
        const io = { env: {}, out: () => undefined, err: (text: string) => err.push(text), now, storage };
        const count = async () => Number((await storage.db.query('SELECT count(*) AS n FROM tokens'))[0]!['n']);
        const before = await count();
        assert.equal(await tokenCommand(['create', '--role', 'boss', '--label', 'x'], io), 2);
        assert.equal(await tokenCommand(['create', '--role', 'viewer'], io), 2);
        assert.equal(await tokenCommand(['create', '--role', 'viewer', '--label', 'x', '--expires', 'later'], io), 2);
        assert.equal(await tokenCommand(['frobnicate'], io), 2);
        assert.equal(await tokenCommand(['revoke'], io), 2);
        assert.match(err.join(''), /--expires: /);
        assert.equal(await count(), before);
      });
    });
  });
}

/** Every officials' route of §6 and §8 (for the 401 sweep). */
function ROUTES(codes: Record<string, string>, someCase: Record<string, unknown>): Array<[string, string]> {
  return [
    ['GET', '/v1/records'],
    ['GET', '/v1/records.csv'],
    ['GET', `/v1/records/${String(someCase['id'])}`],
    ['PATCH', `/v1/complaints/${codes['complaintA']}`],
    ['POST', '/v1/cases'],
    ['GET', '/v1/summary?groupBy=officer'],
    ['POST', '/v1/tokens'],
    ['GET', '/v1/tokens'],
    ['DELETE', '/v1/tokens/x'],
    ['GET', '/v1/audit'],
  ];
}
