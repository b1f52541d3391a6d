// Parts of the collector that need no database: configuration, tracking codes, CSV, rate limits, logs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, configFromEnv } from '../../src/collector/config.js';
import { orderColumns } from '../../src/collector/csv.js';
import { corsHeaders } from '../../src/collector/http/cors.js';
import { RateLimiter } from '../../src/collector/http/rate-limit.js';
import { createLogger, describeError } from '../../src/collector/log.js';
import { newTrackingCode, normalizeTrackingCode } from '../../src/collector/tracking.js';

describe('configuration from the environment', () => {
  it('has the defaults of CONTRACT §6', () => {
    const config = configFromEnv({});
    assert.equal(config.port, 8787);
    assert.deepEqual(config.database, { engine: 'pglite', dataDir: './data' });
    assert.deepEqual(configFromEnv({ DATA_DIR: '/srv/feedback', PGLITE_TEMPLATE: '/srv/template.tar' }).database, {
      engine: 'pglite',
      dataDir: '/srv/feedback',
      template: '/srv/template.tar',
    });
    assert.equal(config.adminToken, undefined);
    assert.equal(config.allowedOrigins, undefined);
    assert.equal(config.rateLimit, 300);
    assert.equal(config.complaintDueDays, 10);
    assert.equal(config.trustProxy, false);
    assert.deepEqual(config.complaintCategories, ['attitude', 'delay', 'fees', 'procedure', 'facilities', 'other']);
    assert.equal(config.timeZone, Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('reads every variable', () => {
    const config = configFromEnv({
      PORT: '9000',
      DATABASE_URL: 'postgres://u:p@db:5432/feedback',
      PG_POOL_SIZE: '20',
      ADMIN_TOKEN: 'a-long-enough-admin-token',
      ALLOWED_ORIGINS: 'https://a.gov.vn, http://localhost:8000',
      RATE_LIMIT: '0',
      TRUST_PROXY: '1',
      TIME_ZONE: 'Asia/Ho_Chi_Minh',
      COMPLAINT_DUE_DAYS: '15',
      COMPLAINT_CATEGORIES: 'parking,wifi',
      LOG_LEVEL: 'silent',
      OPEN311_AGENCY: 'ubnd-x',
      OPEN311_API_KEYS: 'k1,k2',
      OPEN311_URL: 'https://feedback.example.gov.vn/open311/v2/',
      OPEN311_CONTACT: 'Văn phòng một cửa, 024 0000 0000',
      OPEN311_REQUESTS_LIST: 'api_key',
    });
    assert.equal(config.port, 9000);
    assert.deepEqual(config.database, { engine: 'postgres', url: 'postgres://u:p@db:5432/feedback', poolSize: 20 });
    assert.deepEqual(config.allowedOrigins, ['https://a.gov.vn', 'http://localhost:8000']);
    assert.equal(config.rateLimit, 0);
    assert.equal(config.trustProxy, true);
    assert.equal(config.complaintDueDays, 15);
    assert.deepEqual(config.complaintCategories.slice(-2), ['parking', 'wifi']);
    assert.deepEqual(config.open311ApiKeys, ['k1', 'k2']);
    assert.equal(config.open311Url, 'https://feedback.example.gov.vn/open311/v2');
    assert.equal(config.open311Contact, 'Văn phòng một cửa, 024 0000 0000');
    assert.equal(config.open311KeyService, undefined);
    assert.equal(config.open311RequestsList, 'api_key');
    assert.equal(configFromEnv({}).open311RequestsList, 'public');
  });

  it('names the variable at fault', () => {
    const bad: Array<[Record<string, string>, string]> = [
      [{ PORT: 'eighty' }, 'PORT'],
      [{ PORT: '70000' }, 'PORT'],
      [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
      [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN'],
      [{ ALLOWED_ORIGINS: 'https://a.gov.vn/' }, 'ALLOWED_ORIGINS'],
      [{ ALLOWED_ORIGINS: '*' }, 'ALLOWED_ORIGINS'],
      [{ RATE_LIMIT: '-1' }, 'RATE_LIMIT'],
      [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
      [{ TIME_ZONE: 'Mars/Olympus' }, 'TIME_ZONE'],
      [{ COMPLAINT_DUE_DAYS: '0' }, 'COMPLAINT_DUE_DAYS'],
      [{ COMPLAINT_DUE_DAYS: 'ten' }, 'COMPLAINT_DUE_DAYS'],
      [{ COMPLAINT_CATEGORIES: 'bad category' }, 'COMPLAINT_CATEGORIES'],
      [{ LOG_LEVEL: 'debug' }, 'LOG_LEVEL'],
      [{ OPEN311_URL: 'feedback.example.gov.vn/open311/v2' }, 'OPEN311_URL'],
      [{ OPEN311_URL: 'ftp://feedback.example.gov.vn/open311/v2' }, 'OPEN311_URL'],
      [{ OPEN311_CONTACT: 'line one\nline two' }, 'OPEN311_CONTACT'],
      [{ OPEN311_REQUESTS_LIST: 'private' }, 'OPEN311_REQUESTS_LIST'],
      [{ OPEN311_REQUESTS_LIST: 'api_key' }, 'OPEN311_REQUESTS_LIST'],
    ];
    for (const [env, variable] of bad) {
      assert.throws(() => configFromEnv(env), (error: unknown) => error instanceof ConfigError && error.variable === variable && error.message.startsWith(variable), variable);
    }
  });
});

describe('tracking codes', () => {
  it('are 10 Crockford base32 characters, distinct, and read back leniently', () => {
    const codes = new Set(Array.from({ length: 5000 }, newTrackingCode));
    assert.equal(codes.size, 5000);
    for (const code of codes) assert.match(code, /^[0-9A-HJKMNP-TV-Z]{10}$/);
    assert.equal(normalizeTrackingCode('abcde-fghjk'), 'ABCDEFGHJK');
    assert.equal(normalizeTrackingCode('O1IL0 23456'), '0111023456');
    assert.equal(normalizeTrackingCode('ABCDEFGHJ'), undefined);
    assert.equal(normalizeTrackingCode('ABCDEFGHJU'), undefined);
    assert.equal(normalizeTrackingCode('6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b'), undefined);
  });

  it('use every character about equally (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) for (const char of newTrackingCode()) counts.set(char, (counts.get(char) ?? 0) + 1);
    assert.equal(counts.size, 32);
    for (const count of counts.values()) assert.ok(count > 40000 / 32 * 0.85 && count < 40000 / 32 * 1.15, String(count));
  });
});

describe('CSV export columns', () => {
  it('put the §4 fields first, then standards, then the rest in natural order; no attachments', () => {
    assert.deepEqual(orderColumns(['zeta', 'standards.greet', 'score', 'id', 'attachments', 'attachments.0.name', 'kind', 'list.10', 'list.2']), [
      'id', 'kind', 'score', 'standards.greet', 'list.2', 'list.10', 'zeta',
    ]);
  });
});

describe('rate limiter', () => {
  it('counts per client in one-minute windows and says how long to wait', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(2, () => now);
    assert.equal(limiter.take('a'), 0);
    assert.equal(limiter.take('a'), 0);
    assert.equal(limiter.take('b'), 0);
    now += 15_000;
    assert.equal(limiter.take('a'), 45);
    now += 45_000;
    assert.equal(limiter.take('a'), 0);
    assert.equal(new RateLimiter(0).take('a'), 0);
  });
});

describe('CORS headers', () => {
  it('follow ALLOWED_ORIGINS', () => {
    assert.equal(corsHeaders('https://x', 'public', undefined)['Access-Control-Allow-Origin'], '*');
    assert.deepEqual(corsHeaders('https://x', 'admin', undefined), {});
    assert.equal(corsHeaders('https://x', 'admin', ['https://x'])['Access-Control-Allow-Origin'], 'https://x');
    assert.deepEqual(corsHeaders('https://y', 'public', ['https://x']), { Vary: 'Origin' });
  });
});

describe('logs', () => {
  it('are one JSON line per request, and leave quoted values out of error messages', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    logger.request({ method: 'POST', route: '/v1/submissions', status: 200, ms: 1.5, records: 3 });
    const entry = JSON.parse(lines[0]!);
    assert.deepEqual(Object.keys(entry), ['time', 'level', 'method', 'route', 'status', 'ms', 'records']);
    assert.ok(lines[0]!.endsWith('\n'));
    const error = Object.assign(new Error('invalid input syntax for type integer: "Nguyễn Văn A"'), { code: '22P02', query: 'SELECT', params: ['secret'] });
    assert.deepEqual(describeError(error), { error: 'Error', message: 'invalid input syntax for type integer: "…"', code: '22P02' });
    const quiet: string[] = [];
    const silent = createLogger('silent', (line) => quiet.push(line));
    silent.request({ method: 'GET', route: '/healthz', status: 500, ms: 1 });
    silent.error('x');
    assert.equal(quiet.length, 0);
    const errorsOnly: string[] = [];
    const errors = createLogger('error', (line) => errorsOnly.push(line));
    errors.request({ method: 'GET', route: '/healthz', status: 200, ms: 1 });
    errors.request({ method: 'GET', route: '/healthz', status: 503, ms: 1 });
    assert.equal(errorsOnly.length, 1);
  });
});
