// Fuzzing the collector's HTTP surface on a real database (PGlite): random bytes, JSON of every
// shape, deep nesting, huge strings, wrong types, prototype-pollution keys, odd Unicode, odd
// paths, methods and query strings. Never a 5xx, never a crash, never a half-written row:
// whatever the collector accepted is stored exactly as sent, whatever it refused is absent.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { createCollector, type Collector } from '../../src/collector.js';
import { uuidV4 } from '../../src/core/uuid.js';
import type { DatabaseConfig } from '../../src/collector.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { pgliteDatabase } from '../support/collector.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
const ADMIN = 'fuzz-admin-token';

const rating = () => ({
  id: uuidV4(),
  kind: 'rating',
  createdAt: '2026-03-05T08:30:00.000Z',
  agency: 'fuzz',
  channel: 'online',
  locale: 'vi',
  score: 4,
  scale: 5,
});

const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom('\u0000', '\uD800', 'a\uDC00b', '\u202E', '\uFEFF', '\u0007', '😀'.repeat(30), "'; DROP TABLE records; --", '$1', '\\u0000'),
);
const oddValue = fc.oneof(oddText, fc.jsonValue({ maxDepth: 3 }), fc.constant(null), fc.double(), fc.integer(), fc.boolean());
const fields = ['id', 'kind', 'createdAt', 'agency', 'unit', 'service', 'caseId', 'officer', 'channel', 'locale', 'page', 'score', 'scale', 'standards', 'comment'];

/** A valid rating with one field replaced, one host field added, or a forbidden key slipped in. */
const mutatedRating = fc.tuple(fc.constantFrom(...fields), oddValue, fc.constantFrom('replace', 'add', 'pollute', 'delete')).map(([field, value, how]) => {
  const record: Record<string, unknown> = rating();
  if (how === 'replace') record[field] = value;
  if (how === 'add') record[`x_${field}`] = value;
  if (how === 'delete') delete record[field];
  if (how === 'pollute') return JSON.stringify(record).replace(/^\{/, `{"extra":{"${['__proto__', 'constructor', 'prototype'][field.length % 3]}":${JSON.stringify(value ?? 1)}},`);
  return JSON.stringify(record);
});

const body = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  mutatedRating,
  fc.array(mutatedRating, { minLength: 1, maxLength: 5 }).map((records) => `{"records":[${records.join(',')}]}`),
  fc.integer({ min: 50, max: 50_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 100_000, max: 3_000_000 }).map((size) => JSON.stringify({ ...rating(), comment: 'x'.repeat(size) })),
);

async function post(base: string, payload: string | Buffer, contentType: string): Promise<{ status: number; json: any }> {
  const response = await fetch(`${base}/v1/submissions`, { method: 'POST', body: payload as BodyInit, headers: { 'Content-Type': contentType } });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json };
}

/** Notes what the collector said of each id it was sent, for the final check of the table. */
function remember(seen: Seen, payload: string | Buffer, reply: { status: number; json: any }): void {
  const { accepted, refused } = seen;
  let parsed: any;
  try {
    parsed = JSON.parse(payload.toString());
  } catch {
    return;
  }
  const records: any[] = Array.isArray(parsed?.records) ? parsed.records : [parsed];
  for (const record of records) {
    if (!record || typeof record !== 'object' || typeof record.id !== 'string') continue;
    const result = reply.json?.results?.find((candidate: any) => candidate.id === record.id);
    if (reply.status === 200 && result && (result.status === 'accepted' || result.status === 'duplicate')) {
      if (result.status === 'accepted') accepted.set(record.id, record);
    } else if (!accepted.has(record.id)) {
      refused.add(record.id);
    }
  }
}

interface Seen {
  accepted: Map<string, unknown>;
  refused: Set<string>;
}

/** The fuzz suite on one engine: `database` opens it and says how to reach it. */
function fuzzSuite(engine: string, database: () => Promise<{ config: DatabaseConfig; stop(): Promise<void> }>): void {
  describe(`collector HTTP fuzz on ${engine}`, () => {
    let collector: Collector;
    let base: string;
    let stop: () => Promise<void> = async () => {};
    const seen: Seen = { accepted: new Map(), refused: new Set() };

    before(async () => {
      const opened = await database();
      stop = opened.stop;
      collector = createCollector({ config: { database: opened.config, rateLimit: 0, adminToken: ADMIN, logLevel: 'silent' } });
      base = (await collector.listen(0, '127.0.0.1')).url.replace(/\/$/, '');
    });

    after(async () => {
      await collector?.close();
      await stop();
    });

  test('POST /v1/submissions: never a 5xx, always a JSON answer of the contract', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom('text/plain;charset=UTF-8', 'application/json', 'application/x-www-form-urlencoded', 'image/png', ''), async (payload, type) => {
        const reply = await post(base, payload, type);
        assert.ok(reply.status < 500, `HTTP ${reply.status} for a ${payload.length}-byte body: ${JSON.stringify(reply.json)}`);
        if (reply.status === 200) {
          assert.ok(Array.isArray(reply.json.results));
          for (const result of reply.json.results) assert.ok(['accepted', 'duplicate', 'rejected'].includes(result.status));
        } else {
          assert.equal(typeof reply.json?.error?.code, 'string');
          assert.equal(typeof reply.json?.error?.message, 'string');
        }
        remember(seen, payload, reply);
      }),
      { numRuns: RUNS },
    );
  });

  test('odd paths, methods, headers and query strings: never a 5xx', async () => {
    const path = fc.oneof(
      fc.constantFrom('/v1/summary', '/v1/complaints/', '/v1/records', '/open311/v2/requests/', '/open311/v2/services.json', '/open311/v2/services.xml', '/open311/v2/requests.xml', '/open311/discovery.xml', '/healthz', '/v1/cases'),
      fc.webPath(),
    );
    const query = fc.dictionary(fc.constantFrom('groupBy', 'period', 'timeZone', 'from', 'to', 'asOf', 'kind', 'x'), fc.string({ unit: 'grapheme', maxLength: 30 }), { maxKeys: 4 });
    await fc.assert(
      fc.asyncProperty(path, fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), query, fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT', 'OPTIONS'), fc.boolean(), async (prefix, tail, params, method, admin) => {
        const search = new URLSearchParams(params).toString();
        const url = `${base}${prefix.startsWith('/') ? prefix : `/${prefix}`}${encodeURIComponent(tail)}${search ? `?${search}` : ''}`;
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (admin) headers['Authorization'] = `Bearer ${ADMIN}`;
        const response = await fetch(url, { method, headers, ...(method === 'GET' || method === 'OPTIONS' ? {} : { body: '{"status":"resolved","response":"\\u0000"}' }) });
        await response.arrayBuffer();
        assert.ok(response.status < 500, `HTTP ${response.status} for ${method} ${url}`);
      }),
      { numRuns: RUNS },
    );
  });

  test('Open311 in JSON and XML: never a 5xx; an answer or an error list in the format the extension asks for', async () => {
    const resource = fc.oneof(
      fc.constantFrom('/open311/discovery', '/open311/v2/services', '/open311/v2/requests'),
      // Every byte percent-encoded (encodeURIComponent throws on a lone surrogate).
      fc.tuple(fc.constantFrom('services', 'requests', 'tokens'), oddText).map(([kind, id]) => `/open311/v2/${kind}/${[...Buffer.from(id || 'x', 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')}`),
    );
    const names = ['service_code', 'description', 'lat', 'long', 'email', 'phone', 'first_name', 'media_url', 'jurisdiction_id', 'api_key', 'address_string', 'attribute[svc_id]', 'attribute[case_id]', 'attribute[standard]', 'attribute[unit]', 'service_request_id', 'start_date', 'end_date', 'status', 'locale'];
    const valueOf = fc.oneof(oddText, fc.constantFrom('delay', 'fees', '21.0285', '-200', '2026-03-01T00:00:00+07:00', '2026-13-01', 'open,closed', uuidV4(), 'Một phản ánh đủ dài để được nhận.'));
    const params = fc.dictionary(fc.constantFrom(...names), valueOf, { maxKeys: 6 });
    const form = params.map((fields) => ({ type: 'application/x-www-form-urlencoded', body: new URLSearchParams(fields).toString() }));
    const json = fc.oneof(params.map((fields) => JSON.stringify(fields)), fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value))).map((text) => ({ type: 'application/json', body: text }));
    const other = fc.tuple(fc.constantFrom('text/csv', 'multipart/form-data', ''), fc.uint8Array({ maxLength: 200 })).map(([type, bytes]) => ({ type, body: Buffer.from(bytes).toString('latin1') }));
    await fc.assert(
      fc.asyncProperty(resource, fc.constantFrom('json', 'xml'), fc.constantFrom('GET', 'POST'), params, fc.oneof(form, json, other), async (path, extension, method, query, payload) => {
        const search = method === 'GET' ? new URLSearchParams(query).toString() : '';
        const url = `${base}${path}.${extension}${search ? `?${search}` : ''}`;
        const response = await fetch(url, { method, ...(method === 'POST' ? { body: payload.body, headers: { 'Content-Type': payload.type } } : {}) });
        const text = await response.text();
        assert.ok(response.status < 500, `HTTP ${response.status} for ${method} ${url}: ${text}`);
        if (extension === 'xml') {
          assert.match(response.headers.get('content-type') ?? '', /^text\/xml; charset=utf-8$/, url);
          assert.equal(XMLValidator.validate(text), true, `well-formed XML for ${method} ${url}`);
          assert.ok(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>'), url);
          if (response.status >= 400) assert.match(text, new RegExp(`<errors>\\s*<error>\\s*<code>${response.status}</code>\\s*<description>[^<]+</description>`), url);
        } else {
          const value = JSON.parse(text);
          if (response.status >= 400) assert.ok(Array.isArray(value) && value[0].code === response.status && typeof value[0].description === 'string', url);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test('nothing half-written: accepted records are stored exactly, refused ones are absent, one row each', async () => {
    const response = await fetch(`${base}/v1/records?kind=rating`, { headers: { Authorization: `Bearer ${ADMIN}` } });
    assert.equal(response.status, 200);
    const stored = (await response.json()) as Array<Record<string, unknown>>;
    const byId = new Map(stored.map((record) => [record['id'] as string, record]));
    assert.equal(byId.size, stored.length, 'one row per id');
    for (const [id, sent] of seen.accepted) {
      const row = byId.get(id);
      assert.ok(row, `accepted ${id} is stored`);
      for (const [key, value] of Object.entries(sent as Record<string, unknown>)) assert.deepEqual(row[key], value, `${id}.${key} stored as sent`);
    }
    for (const id of seen.refused) assert.equal(byId.has(id), false, `refused ${id} is not stored`);
    assert.ok(seen.accepted.size + seen.refused.size > 0);
    const health = await fetch(`${base}/healthz`);
    assert.equal(health.status, 200, 'the collector is still healthy');
  });
  });
}

fuzzSuite('PGlite', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'svc-fuzz-'));
  return { config: pgliteDatabase(dataDir), stop: () => rm(dataDir, { recursive: true, force: true }) };
});

let postgres: PostgresServer | undefined;
fuzzSuite('PostgreSQL', async () => {
  postgres = await startPostgres();
  return { config: { engine: 'postgres', url: await postgres.createDatabase('fuzz'), poolSize: 8 }, stop: async () => postgres?.stop() };
});
