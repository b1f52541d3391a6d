// Verified ratings (CONTRACT §7) over HTTP and storage, run on each engine beside the collector
// suite (test/collector/engine-pglite.test.ts, test/collector/engine-postgres.test.ts).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Storage } from '../../src/collector/storage/types.js';
import { hashCode } from '../../src/collector/verified/codes.js';
import { ADMIN_TOKEN, admin, rating, request, startCollector, type Running } from './collector.js';
import type { EngineSetup } from './collector-suite.js';
import { uuidV4 } from '../../src/core/uuid.js';

const CODE = /^[0-9A-HJKMNP-TV-Z]{10}$/;
const DAY = 86_400_000;

export function verifiedSuite(engine: 'pglite' | 'postgres', setup: EngineSetup): void {
  describe(`verified ratings on ${engine}`, () => {
    let storage: Storage;
    let main: Running;
    // A clock the tests move (expiry, arming lifetimes).
    let clock = new Date('2026-03-06T01:00:00.000Z');
    const now = () => clock;

    before(async () => {
      storage = await setup.open();
      main = await startCollector(storage, { adminToken: ADMIN_TOKEN, burstSeconds: 3 }, { now });
    });
    after(async () => {
      await main?.close();
      await storage?.close();
      await setup.teardown?.();
    });

    const post = (path: string, body: unknown, headers: Record<string, string> = admin) =>
      request(`${main.url}${path}`, { body, headers, contentType: 'application/json' });
    const invite = async (extra: Record<string, unknown> = {}) => {
      const reply = await post('/v1/invitations', { caseId: `HS-${uuidV4().slice(0, 8)}`, agency: 'ubnd-q1', unit: 'mot-cua', service: '1.000046', officer: 'nv-07', ...extra });
      assert.equal(reply.status, 201, reply.text);
      return reply.body.results[0] as { caseId: string; code: string; url: string; expiresAt: string };
    };
    const submit = (body: unknown) => post('/v1/submissions', body, {});
    const stored = async (id: string) => (await storage.db.query('SELECT agency, unit, service, officer, record FROM records WHERE id = $1', [id]))[0];

    describe('invitations', () => {
      it('POST makes a 10-character Crockford code, a hosted-page url and expiry from INVITE_TTL_DAYS', async () => {
        const issued = await invite();
        assert.match(issued.code, CODE);
        assert.equal(issued.url, `${main.url.replace('127.0.0.1', '127.0.0.1')}/r/${issued.code}`);
        assert.equal(issued.expiresAt, new Date(clock.getTime() + 30 * DAY).toISOString());
        const view = await request(`${main.url}/v1/invitations/${issued.code.toLowerCase()}`);
        assert.equal(view.status, 200);
        assert.deepEqual(view.body, { status: 'open', agency: 'ubnd-q1', unit: 'mot-cua', service: '1.000046', caseId: issued.caseId, expiresAt: issued.expiresAt });
        assert.equal(view.headers.get('access-control-allow-origin'), '*');
      });

      it('codes are stored only as hashes: no column of the table holds one', async () => {
        const batch = await post('/v1/invitations', {
          invitations: Array.from({ length: 50 }, (_, i) => ({ caseId: `B-${i}-${uuidV4().slice(0, 6)}`, agency: 'ubnd-q1', ttlDays: 0.5 })),
        });
        assert.equal(batch.status, 201);
        const codes: string[] = batch.body.results.map((result: { code: string }) => result.code);
        assert.equal(new Set(codes).size, 50);
        const dump = JSON.stringify(await storage.db.query('SELECT * FROM invitations'));
        for (const code of codes) {
          assert.ok(!dump.includes(code), 'a code is in the table in clear');
          assert.ok(dump.includes(hashCode(code)));
        }
        assert.equal(batch.body.results[0].expiresAt, new Date(clock.getTime() + DAY / 2).toISOString());
      });

      it('codes carry at least 50 random bits: 2,000 codes, every symbol of each place used evenly', async () => {
        const reply = await post('/v1/invitations', {
          invitations: Array.from({ length: 1000 }, (_, i) => ({ caseId: `E-${i}-${uuidV4().slice(0, 6)}`, agency: 'entropy' })),
        });
        const more = await post('/v1/invitations', {
          invitations: Array.from({ length: 1000 }, (_, i) => ({ caseId: `F-${i}-${uuidV4().slice(0, 6)}`, agency: 'entropy' })),
        });
        const codes: string[] = [...reply.body.results, ...more.body.results].map((result: { code: string }) => result.code);
        assert.equal(new Set(codes).size, 2000);
        // 10 places × 32 symbols = 50 bits when each place is uniform and independent: each place
        // shows all 32 symbols, none far from 2000/32 = 62.5 (chi-square per place, 31 df, p < 0.001 bound 61.1).
        for (let place = 0; place < 10; place++) {
          const counts = new Map<string, number>();
          for (const code of codes) counts.set(code[place]!, (counts.get(code[place]!) ?? 0) + 1);
          assert.equal(counts.size, 32, `place ${place}`);
          const chi = [...counts.values()].reduce((sum, n) => sum + (n - 62.5) ** 2 / 62.5, 0);
          assert.ok(chi < 61.1, `place ${place}: chi-square ${chi}`);
        }
      });

      it('a new invitation for the same agency + case revokes the earlier unused one', async () => {
        const first = await invite({ caseId: 'HS-REISSUE-1' });
        const second = await invite({ caseId: 'HS-REISSUE-1' });
        assert.equal((await request(`${main.url}/v1/invitations/${first.code}`)).body.status, 'revoked');
        assert.equal((await request(`${main.url}/v1/invitations/${second.code}`)).body.status, 'open');
        const refused = await submit(rating({ invitation: first.code }));
        assert.equal(refused.body.results[0].status, 'rejected');
        assert.equal(refused.body.results[0].error.code, 'invitation_invalid');
        // Another agency's case of the same number is another case.
        const other = await invite({ caseId: 'HS-REISSUE-1', agency: 'ubnd-q3' });
        assert.equal((await request(`${main.url}/v1/invitations/${second.code}`)).body.status, 'open');
        assert.equal((await request(`${main.url}/v1/invitations/${other.code}`)).body.status, 'open');
      });

      it('reissues racing for one case leave exactly one open invitation', async () => {
        const caseId = `HS-RACE-${uuidV4().slice(0, 6)}`;
        const replies = await Promise.all(Array.from({ length: 12 }, () => post('/v1/invitations', { caseId, agency: 'ubnd-q1' })));
        assert.ok(replies.every((reply) => reply.status === 201), replies.map((reply) => reply.text).join('\n'));
        const statuses = await Promise.all(replies.map(async (reply) => (await request(`${main.url}/v1/invitations/${reply.body.results[0].code}`)).body.status));
        assert.equal(statuses.filter((status) => status === 'open').length, 1, statuses.join(','));
      });

      it('INVITE_URL: links go to the agency page with ?svc-invite=', async () => {
        const own = await startCollector(storage, { adminToken: ADMIN_TOKEN, inviteUrl: 'https://dichvucong.example.gov.vn/danh-gia?from=qr' }, { now });
        try {
          const reply = await request(`${own.url}/v1/invitations`, { body: { caseId: 'HS-OWN', agency: 'ubnd-q1' }, headers: admin });
          const { code, url } = reply.body.results[0];
          assert.equal(url, `https://dichvucong.example.gov.vn/danh-gia?from=qr&svc-invite=${code}`);
        } finally {
          await own.close();
        }
      });

      it('the QR code is an SVG of the link', async () => {
        const issued = await invite();
        const reply = await request(`${main.url}/v1/invitations/${issued.code}/qr.svg`);
        assert.equal(reply.status, 200);
        assert.equal(reply.headers.get('content-type'), 'image/svg+xml');
        assert.match(reply.text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 (\d+) \1"/);
        assert.ok(reply.text.includes('<path'));
        assert.equal((await request(`${main.url}/v1/invitations/ZZZZZZZZZZ/qr.svg`)).status, 404);
      });

      it('POST needs the handler (admin) token and valid fields; unknown codes are 404', async () => {
        assert.equal((await post('/v1/invitations', { caseId: 'X', agency: 'a' }, {})).status, 401);
        const cases: Array<[unknown, string]> = [
          [{ agency: 'a' }, 'caseId'],
          [{ caseId: 'X' }, 'agency'],
          [{ caseId: 'X', agency: 'a', ttlDays: 0 }, 'ttlDays'],
          [{ caseId: 'X', agency: 'a', ttlDays: '3' }, 'ttlDays'],
          [{ caseId: 'X', agency: 'a', colour: 'red' }, 'colour'],
          [{ invitations: [{ caseId: 'X', agency: 'a' }, { caseId: 'X', agency: 'a' }] }, 'invitations.1.caseId'],
          [{ invitations: [] }, 'invitations'],
        ];
        for (const [body, field] of cases) {
          const reply = await post('/v1/invitations', body);
          assert.equal(reply.status, 400, JSON.stringify(body));
          assert.equal(reply.body.error.field, field);
        }
        const tooMany = await post('/v1/invitations', { invitations: Array.from({ length: 1001 }, (_, i) => ({ caseId: `T${i}`, agency: 'a' })) });
        assert.equal(tooMany.status, 413);
        assert.equal((await request(`${main.url}/v1/invitations/ABCDEFGHJK`)).status, 404);
        assert.equal((await request(`${main.url}/v1/invitations/not-a-code`)).status, 404);
      });
    });

    describe('scoped tokens and the audit log (CONTRACT §8)', () => {
      const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
      const token = async (body: Record<string, unknown>) => {
        const made = await post('/v1/tokens', body);
        assert.equal(made.status, 201, made.text);
        return made.body.token as string;
      };

      it('a handler invites and arms inside its agency and unit only; a viewer not at all; every write is audited without the code', async () => {
        const handler = await token({ role: 'handler', agency: 'ubnd-q1', unit: 'mot-cua', label: 'counter lead' });
        const viewer = await token({ role: 'viewer', agency: 'ubnd-q1', label: 'reader' });
        const caseId = `HS-S-${uuidV4().slice(0, 6)}`;
        const mine = await post('/v1/invitations', { caseId, agency: 'ubnd-q1', unit: 'mot-cua' }, bearer(handler));
        assert.equal(mine.status, 201, mine.text);
        assert.equal((await post('/v1/invitations', { caseId: 'HS-S-x', agency: 'ubnd-q1', unit: 'other' }, bearer(handler))).status, 403);
        assert.equal((await post('/v1/invitations', { caseId: 'HS-S-y', agency: 'ubnd-q2' }, bearer(handler))).status, 403);
        assert.equal((await post('/v1/invitations', { caseId: 'HS-S-z', agency: 'ubnd-q1', unit: 'mot-cua' }, bearer(viewer))).status, 403);
        // Kiosks are registered by admins; a handler arms only the kiosks of its scope (others look absent).
        assert.equal((await post('/v1/kiosks', { kioskId: 'k-scope-1', agency: 'ubnd-q1', unit: 'mot-cua' }, bearer(handler))).status, 403);
        assert.equal((await post('/v1/kiosks', { kioskId: 'k-scope-1', agency: 'ubnd-q1', unit: 'mot-cua' })).status, 201);
        assert.equal((await post('/v1/kiosks', { kioskId: 'k-scope-2', agency: 'ubnd-q2' })).status, 201);
        assert.equal((await post('/v1/kiosks/k-scope-1/arm', { caseId: 'HS-S-k' }, bearer(handler))).status, 201);
        assert.equal((await post('/v1/kiosks/k-scope-2/arm', { caseId: 'HS-S-k' }, bearer(handler))).status, 404);
        const audit = async (target: string) => {
          const reply = await request(`${main.url}/v1/audit?target=${encodeURIComponent(target)}`, { headers: admin });
          assert.equal(reply.status, 200, reply.text);
          return reply.body.entries as Array<{ action: string; label: string; after: unknown }>;
        };
        const invited = await audit(`case:${caseId}`);
        assert.deepEqual(invited.map((entry) => [entry.action, entry.label]), [['invitation.issue', 'counter lead']]);
        assert.ok(!JSON.stringify(invited).includes(mine.body.results[0].code), 'the code is not in the audit log');
        assert.deepEqual((await audit('kiosk:k-scope-1')).map((entry) => [entry.action, entry.label]), [['kiosk.create', 'ADMIN_TOKEN'], ['kiosk.arm', 'counter lead']]);
        assert.equal((await request(`${main.url}/v1/kiosks/k-scope-2`, { method: 'DELETE', headers: admin })).status, 204);
        // The refused arming left no entry; the removal did.
        assert.deepEqual((await audit('kiosk:k-scope-2')).map((entry) => entry.action), ['kiosk.create', 'kiosk.delete']);
      });
    });

    describe('ingest', () => {
      it('an open invitation: stored verified with the case fields, which win; the code is not kept; used after', async () => {
        const issued = await invite();
        const record = rating({ invitation: issued.code.toLowerCase(), agency: 'someone-else', unit: 'x', officer: 'nv-99', caseId: 'FORGED', verified: false, score: 2 });
        const reply = await submit(record);
        assert.deepEqual(reply.body.results, [{ id: record['id'], status: 'accepted' }]);
        const row = await stored(record['id'] as string);
        assert.deepEqual([row!['agency'], row!['unit'], row!['service'], row!['officer']], ['ubnd-q1', 'mot-cua', '1.000046', 'nv-07']);
        const kept = row!['record'] as Record<string, unknown>;
        assert.equal(kept['verified'], true);
        assert.equal(kept['caseId'], issued.caseId);
        assert.equal(kept['agency'], 'ubnd-q1');
        assert.equal(kept['officer'], 'nv-07');
        assert.equal(kept['score'], 2);
        assert.ok(!('invitation' in kept));
        assert.ok(!JSON.stringify(kept).includes(issued.code));
        assert.equal((await request(`${main.url}/v1/invitations/${issued.code}`)).body.status, 'used');
        // A resend of the same rating stays a duplicate; another rating is refused.
        assert.deepEqual((await submit(record)).body.results, [{ id: record['id'], status: 'duplicate' }]);
        const second = await submit(rating({ invitation: issued.code }));
        assert.equal(second.status, 200);
        assert.equal(second.body.results[0].status, 'rejected');
        assert.equal(second.body.results[0].error.code, 'invitation_used');
        assert.equal(second.body.results[0].error.field, 'invitation');
      });

      it('absent case fields of the invitation are removed, not taken from the client', async () => {
        const issued = await invite({ unit: undefined, service: undefined, officer: undefined });
        const record = rating({ invitation: issued.code, unit: 'claimed', service: 'claimed', officer: 'claimed' });
        await submit(record);
        const kept = (await stored(record['id'] as string))!['record'] as Record<string, unknown>;
        assert.deepEqual([kept['unit'], kept['service'], kept['officer']], [undefined, undefined, undefined]);
      });

      it('expired (injected clock) and unknown codes are refused with their codes; nothing is stored', async () => {
        const issued = await invite({ ttlDays: 1 });
        const before = await storage.count('rating');
        clock = new Date(clock.getTime() + DAY + 1);
        try {
          assert.equal((await request(`${main.url}/v1/invitations/${issued.code}`)).body.status, 'expired');
          const reply = await submit({ records: [rating({ invitation: issued.code }), rating({ invitation: 'ZZZZZZZZZZ' }), rating({ invitation: 42 }), rating()] });
          assert.deepEqual(
            reply.body.results.map((result: { status: string; error?: { code: string } }) => [result.status, result.error?.code]),
            [['rejected', 'invitation_expired'], ['rejected', 'invitation_invalid'], ['rejected', 'invitation_invalid'], ['accepted', undefined]],
          );
          assert.equal(await storage.count('rating'), before + 1);
        } finally {
          clock = new Date('2026-03-06T01:00:00.000Z');
        }
      });

      it('without invitation: verified false, whatever the client said; suspect and flag from a client are dropped', async () => {
        const record = rating({ verified: true, suspect: 'no', flag: { reason: 'test' }, kioskId: `k-${uuidV4()}` });
        await submit(record);
        const kept = (await stored(record['id'] as string))!['record'] as Record<string, unknown>;
        assert.equal(kept['verified'], false);
        assert.equal(kept['suspect'], undefined);
        assert.equal(kept['flag'], undefined);
      });

      it('100 different ratings racing for one invitation: exactly one accepted, 99 invitation_used', async () => {
        const issued = await invite();
        const records = Array.from({ length: 100 }, () => rating({ invitation: issued.code, createdAt: '2026-03-05T08:30:00.000Z' }));
        const replies = await Promise.all(records.map((record) => submit(record)));
        const results = replies.map((reply) => reply.body.results[0]);
        assert.equal(results.filter((result) => result.status === 'accepted').length, 1);
        assert.equal(results.filter((result) => result.error?.code === 'invitation_used').length, 99);
        const rows = await storage.db.query(`SELECT count(*)::int AS n FROM records WHERE record->>'caseId' = $1`, [issued.caseId]);
        assert.equal(Number(rows[0]!['n']), 1);
      });

      it('the same rating sent twice at once with an invitation: stored once, accepted and duplicate', async () => {
        const issued = await invite();
        const record = rating({ invitation: issued.code });
        const replies = await Promise.all(Array.from({ length: 6 }, () => submit(record)));
        const statuses = replies.map((reply) => reply.body.results[0].status).sort();
        assert.deepEqual(statuses, ['accepted', 'duplicate', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
      });
    });

    describe('suspect: "burst"', () => {
      it('marks ratings of one kiosk closer than BURST_SECONDS, not those further apart', async () => {
        const kioskId = `burst-${uuidV4()}`;
        const at = (seconds: number) => new Date(Date.parse('2026-03-05T08:00:00.000Z') + seconds * 1000).toISOString();
        const times = [0, 1, 10, 12.5, 20];
        const records = times.map((seconds) => rating({ kioskId, createdAt: at(seconds) }));
        for (const record of records) await submit(record);
        const marks = await Promise.all(records.map(async (record) => ((await stored(record['id'] as string))!['record'] as Record<string, unknown>)['suspect']));
        assert.deepEqual(marks, [undefined, 'burst', undefined, 'burst', undefined]);
      });

      it('without kioskId, one client address; a queue sent in one request keeps its own spacing', async () => {
        const base = Date.parse('2026-03-05T09:00:00.000Z');
        const spaced = Array.from({ length: 4 }, (_, i) => rating({ createdAt: new Date(base + i * 60_000).toISOString() }));
        await submit({ records: spaced });
        const tight = Array.from({ length: 3 }, (_, i) => rating({ createdAt: new Date(base + 3_600_000 + i * 500).toISOString() }));
        await submit({ records: tight });
        const mark = async (record: Record<string, unknown>) => ((await stored(record['id'] as string))!['record'] as Record<string, unknown>)['suspect'];
        assert.deepEqual(await Promise.all(spaced.map(mark)), [undefined, undefined, undefined, undefined]);
        assert.deepEqual(await Promise.all(tight.map(mark)), [undefined, 'burst', 'burst']);
      });

      it('BURST_SECONDS=0 turns it off', async () => {
        const off = await startCollector(storage, { burstSeconds: 0 }, { now });
        try {
          const kioskId = `off-${uuidV4()}`;
          const records = [rating({ kioskId }), rating({ kioskId })];
          await request(`${off.url}/v1/submissions`, { body: { records } });
          for (const record of records) assert.equal(((await stored(record['id'] as string))!['record'] as Record<string, unknown>)['suspect'], undefined);
        } finally {
          await off.close();
        }
      });
    });

    describe('kiosks', () => {
      const kioskAuth = (key: string) => ({ authorization: `Kiosk ${key}` });
      const createKiosk = async (extra: Record<string, unknown> = {}) => {
        const kioskId = `quay-${uuidV4().slice(0, 8)}`;
        const reply = await post('/v1/kiosks', { kioskId, agency: 'ubnd-q1', unit: 'mot-cua', ...extra });
        assert.equal(reply.status, 201, reply.text);
        return reply.body as { kioskId: string; key: string };
      };

      it('POST makes a key shown once and stored hashed; a live id is 409; admin only', async () => {
        const { kioskId, key } = await createKiosk();
        assert.ok(key.length >= 40);
        const dump = JSON.stringify(await storage.db.query('SELECT * FROM kiosks WHERE kiosk_id = $1', [kioskId]));
        assert.ok(!dump.includes(key));
        assert.equal((await post('/v1/kiosks', { kioskId, agency: 'ubnd-q1' })).status, 409);
        assert.equal((await post('/v1/kiosks', { kioskId: 'x1', agency: 'a' }, {})).status, 401);
        assert.equal((await post('/v1/kiosks', { kioskId: 'bad id', agency: 'a' })).body.error.field, 'kioskId');
      });

      it('arming → next gives the code sealed to the kiosk (never in clear in the table); the rating is verified with kioskId', async () => {
        const { kioskId, key } = await createKiosk();
        const idle = await request(`${main.url}/v1/kiosks/${kioskId}/next?wait=0`, { headers: kioskAuth(key) });
        assert.equal(idle.status, 204);
        const armed = await post(`/v1/kiosks/${kioskId}/arm`, { caseId: 'HS-K-1', service: '2.001', officer: 'nv-3' });
        assert.equal(armed.status, 201);
        assert.equal(armed.body.expiresAt, new Date(clock.getTime() + 600_000).toISOString());
        const next = await request(`${main.url}/v1/kiosks/${kioskId}/next?wait=0`, { headers: kioskAuth(key) });
        assert.equal(next.status, 200);
        assert.match(next.body.code, CODE);
        assert.deepEqual({ ...next.body, code: undefined }, {
          armingId: armed.body.armingId, code: undefined, agency: 'ubnd-q1', unit: 'mot-cua', service: '2.001', officer: 'nv-3', caseId: 'HS-K-1', expiresAt: armed.body.expiresAt,
        });
        assert.ok(!JSON.stringify(await storage.db.query('SELECT * FROM invitations')).includes(next.body.code));
        // Asked again (a reload), the same arming comes back; after it, none.
        assert.equal((await request(`${main.url}/v1/kiosks/${kioskId}/next?wait=0`, { headers: kioskAuth(key) })).body.code, next.body.code);
        assert.equal((await request(`${main.url}/v1/kiosks/${kioskId}/next?wait=0&after=${next.body.armingId}`, { headers: kioskAuth(key) })).status, 204);
        const record = rating({ invitation: next.body.code, channel: 'kiosk', kioskId });
        assert.equal((await submit(record)).body.results[0].status, 'accepted');
        const kept = (await stored(record['id'] as string))!['record'] as Record<string, unknown>;
        assert.deepEqual([kept['verified'], kept['kioskId'], kept['caseId']], [true, kioskId, 'HS-K-1']);
        // Spent: the kiosk waits again.
        assert.equal((await request(`${main.url}/v1/kiosks/${kioskId}/next?wait=0`, { headers: kioskAuth(key) })).status, 204);
      });

      it('a wrong, missing or revoked key is 401; DELETE revokes the key and the open arming', async () => {
        const { kioskId, key } = await createKiosk();
        const other = await createKiosk();
        assert.equal((await request(`${main.url}/v1/kiosks/${kioskId}/next?wait=0`)).status, 401);
        assert.equal((await request(`${main.url}/v1/kiosks/${kioskId}/next?wait=0`, { headers: kioskAuth(other.key) })).status, 401);
        assert.equal((await request(`${main.url}/v1/kiosks/${kioskId}/next?wait=0`, { headers: { authorization: `Bearer ${key}` } })).status, 401);
        await post(`/v1/kiosks/${kioskId}/arm`, {});
        const code = (await request(`${main.url}/v1/kiosks/${kioskId}/next?wait=0`, { headers: kioskAuth(key) })).body.code;
        assert.equal((await request(`${main.url}/v1/kiosks/${kioskId}`, { method: 'DELETE', headers: {} })).status, 401);
        assert.equal((await request(`${main.url}/v1/kiosks/${kioskId}`, { method: 'DELETE', headers: admin })).status, 204);
        assert.equal((await request(`${main.url}/v1/kiosks/${kioskId}`, { method: 'DELETE', headers: admin })).status, 404);
        assert.equal((await request(`${main.url}/v1/kiosks/${kioskId}/next?wait=0`, { headers: kioskAuth(key) })).status, 401);
        assert.equal((await request(`${main.url}/v1/invitations/${code}`)).body.status, 'revoked');
        assert.equal((await post(`/v1/kiosks/${kioskId}/arm`, {})).status, 404);
        // The id can be registered again, with a new key.
        assert.equal((await post('/v1/kiosks', { kioskId, agency: 'ubnd-q1' })).status, 201);
      });

      it('a new arming replaces the unused one; armings expire after KIOSK_ARM_SECONDS', async () => {
        const { kioskId, key } = await createKiosk();
        await post(`/v1/kiosks/${kioskId}/arm`, { caseId: 'HS-A' });
        const first = (await request(`${main.url}/v1/kiosks/${kioskId}/next?wait=0`, { headers: kioskAuth(key) })).body;
        await post(`/v1/kiosks/${kioskId}/arm`, { caseId: 'HS-B' });
        const second = (await request(`${main.url}/v1/kiosks/${kioskId}/next?wait=0`, { headers: kioskAuth(key) })).body;
        assert.equal(second.caseId, 'HS-B');
        assert.equal((await request(`${main.url}/v1/invitations/${first.code}`)).body.status, 'revoked');
        clock = new Date(clock.getTime() + 601_000);
        try {
          assert.equal((await request(`${main.url}/v1/kiosks/${kioskId}/next?wait=0`, { headers: kioskAuth(key) })).status, 204);
          assert.equal((await submit(rating({ invitation: second.code }))).body.results[0].error.code, 'invitation_expired');
        } finally {
          clock = new Date('2026-03-06T01:00:00.000Z');
        }
      });

      it('the long poll answers as soon as an arming is made through another instance', async () => {
        const { kioskId, key } = await createKiosk();
        const second = await startCollector(storage, { adminToken: ADMIN_TOKEN }, { now });
        try {
          const started = Date.now();
          const waiting = request(`${main.url}/v1/kiosks/${kioskId}/next?wait=10`, { headers: kioskAuth(key) });
          await new Promise((resolve) => setTimeout(resolve, 700));
          const armed = await request(`${second.url}/v1/kiosks/${kioskId}/arm`, { body: { caseId: 'HS-LP' }, headers: admin });
          const reply = await waiting;
          const waited = Date.now() - started;
          assert.equal(reply.status, 200);
          assert.equal(reply.body.armingId, armed.body.armingId);
          assert.ok(waited >= 700 && waited < 5000, `waited ${waited} ms`);
          // Without an arming it answers 204 once `wait` is over.
          const t0 = Date.now();
          const empty = await request(`${main.url}/v1/kiosks/${kioskId}/next?wait=1&after=${armed.body.armingId}`, { headers: kioskAuth(key) });
          assert.equal(empty.status, 204);
          assert.ok(Date.now() - t0 >= 900);
          assert.equal((await request(`${main.url}/v1/kiosks/${kioskId}/next?wait=31`, { headers: kioskAuth(key) })).status, 400);
        } finally {
          await second.close();
        }
      });
    });

    describe('hosted page', () => {
      it('/r/{code} serves the rating page under the strict policy, vi by default, en on request', async () => {
        const issued = await invite();
        const page = await request(issued.url);
        assert.equal(page.status, 200);
        assert.match(page.headers.get('content-security-policy')!, /script-src 'self'; style-src 'self'/);
        assert.match(page.headers.get('content-security-policy')!, /require-trusted-types-for 'script'/);
        assert.match(page.text, /<html lang="vi">/);
        assert.match(page.text, new RegExp(`<svc-rating endpoint="/" agency="ubnd-q1" invitation="${issued.code}"`));
        assert.match(page.text, /gắn với hồ sơ/);
        assert.ok(!/style=|<script>/.test(page.text));
        const en = await request(`${issued.url}?lang=en`);
        assert.match(en.text, /<html lang="en">/);
        assert.match(en.text, /linked to the dossier/);
        const accept = await request(issued.url, { headers: { 'accept-language': 'en-GB,en;q=0.8' } });
        assert.match(accept.text, /<html lang="en">/);
        // The CDN bundle it names is served by that name (its lazy chunks import it so), once built.
        const bundle = /<script type="module" src="(\/r\/assets\/(?:rating|service-feedback)\.js)">/.exec(page.text)![1]!;
        if (existsSync('dist/cdn/service-feedback.js')) assert.equal((await request(`${main.url}${bundle}`)).status, 200);
        const css = await request(`${main.url}/r/assets/page.css`, { headers: { 'accept-encoding': 'gzip' } });
        assert.equal(css.status, 200);
        const again = await fetch(`${main.url}/r/assets/page.css`, { headers: { 'if-none-match': css.headers.get('etag')! } });
        assert.equal(again.status, 304);
        assert.equal((await request(`${main.url}/r/assets/..%2Fpackage.json`)).status, 404);
      });
    });
  });
}
