// What the collector serves itself goes out compressed, with validators (CONTRACT §10, issue 13
// acceptance 5): every CDN file asked with `Accept-Encoding: br, gzip` comes compressed with an
// ETag, and a repeat with If-None-Match is 304. Static serving never touches the database, so
// the collector here runs over a storage it never opens.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { chooseEncoding, matchesEtag } from '../../src/collector/http/static.js';
import type { Storage } from '../../src/collector/storage/types.js';
import { startCollector, type Running } from '../support/collector.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET that keeps the bytes as sent (fetch would decompress them). */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(reply: Raw): Buffer {
  const encoding = reply.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(reply.body);
  if (encoding === 'gzip') return gunzipSync(reply.body);
  return reply.body;
}

/** Never opened: static answers must not need the database. */
const noStorage = {} as Storage;

describe('static files: Accept-Encoding and If-None-Match', () => {
  it('chooses br before gzip, honours q-values and refusals', () => {
    assert.equal(chooseEncoding('br, gzip'), 'br');
    assert.equal(chooseEncoding('gzip, deflate'), 'gzip');
    assert.equal(chooseEncoding('gzip;q=1, br;q=0.5'), 'gzip');
    assert.equal(chooseEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(chooseEncoding('*'), 'br');
    assert.equal(chooseEncoding('*, br;q=0'), 'gzip');
    assert.equal(chooseEncoding('identity'), undefined);
    assert.equal(chooseEncoding(undefined), undefined);
  });

  it('matches entity tags weakly, in lists and with *', () => {
    assert.ok(matchesEtag('"a-br"', '"a-br"'));
    assert.ok(matchesEtag('"x", W/"a-br"', '"a-br"'));
    assert.ok(matchesEtag('*', '"a"'));
    assert.ok(!matchesEtag('"a-gzip"', '"a-br"'));
    assert.ok(!matchesEtag(undefined, '"a"'));
  });
});

describe('static files from a folder', () => {
  let dir: string;
  let running: Running;
  const page = '<!doctype html><title>x</title>' + '<p>Khách đến, được chào hỏi</p>'.repeat(200);
  const script = 'export const x = 1;\n'.repeat(300);
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'svc-static-'));
    writeFileSync(join(dir, 'index.html'), page);
    writeFileSync(join(dir, 'app.js'), script);
    // A build-time twin with different bytes than a fresh compression would give: proves it is used.
    writeFileSync(join(dir, 'app.js.gz'), gzipSync(Buffer.from(script), { level: 1 }));
    writeFileSync(join(dir, 'old.js'), script);
    writeFileSync(join(dir, 'old.js.gz'), gzipSync(Buffer.from('stale twin')));
    const past = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'old.js.gz'), past, past);
    writeFileSync(join(dir, 'image.png'), Buffer.alloc(2000, 7));
    writeFileSync(join(dir, 'chunks-x.js'), script);
    running = await startCollector(noStorage, {}, { static: [{ prefix: '/s/', dir }], staticHeaders: { 'X-Extra': 'yes' } });
  });
  after(async () => {
    await running?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a page without a twin is compressed once in memory, br first, and says Vary', async () => {
    const br = await get(`${running.url}/s/`, { 'accept-encoding': 'br, gzip' });
    assert.equal(br.status, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers['vary'], 'Accept-Encoding');
    assert.equal(br.headers['x-extra'], 'yes');
    assert.equal(Number(br.headers['content-length']), br.body.length);
    assert.ok(br.body.length < page.length / 4, `${br.body.length} bytes for ${page.length}`);
    assert.equal(decode(br).toString(), page);
    const gzip = await get(`${running.url}/s/index.html`, { 'accept-encoding': 'gzip' });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(decode(gzip).toString(), page);
    assert.notEqual(gzip.headers['etag'], br.headers['etag'], 'each representation its own tag');
    const plain = await get(`${running.url}/s/index.html`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), page);
    assert.equal(plain.headers['cache-control'], 'no-cache');
  });

  it('uses the build-time twin when it is fresh, ignores a stale one', async () => {
    const fresh = await get(`${running.url}/s/app.js`, { 'accept-encoding': 'gzip' });
    assert.deepEqual(fresh.body, readFileSync(join(dir, 'app.js.gz')));
    assert.equal(decode(fresh).toString(), script);
    const stale = await get(`${running.url}/s/old.js`, { 'accept-encoding': 'gzip' });
    assert.equal(stale.headers['content-encoding'], 'gzip');
    assert.equal(decode(stale).toString(), script, 'the stale twin is not sent');
  });

  it('a repeat with the ETag is 304 without a body; a changed file gets a new tag', async () => {
    const first = await get(`${running.url}/s/app.js`, { 'accept-encoding': 'br, gzip' });
    const etag = String(first.headers['etag']);
    assert.match(etag, /^"[\w-]+"$/);
    const again = await get(`${running.url}/s/app.js`, { 'accept-encoding': 'br, gzip', 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers['etag'], etag);
    const head = await get(`${running.url}/s/app.js`, { 'accept-encoding': 'br, gzip' }, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['etag'], etag);
    writeFileSync(join(dir, 'app.js'), `${script}// changed\n`);
    const changed = await get(`${running.url}/s/app.js`, { 'accept-encoding': 'br, gzip', 'if-none-match': etag });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers['etag'], etag);
    assert.match(decode(changed).toString(), /\/\/ changed/);
  });

  it('images go out as they are; only content-hashed chunk names are cached for a year', async () => {
    const image = await get(`${running.url}/s/image.png`, { 'accept-encoding': 'br, gzip' });
    assert.equal(image.headers['content-encoding'], undefined);
    assert.equal(image.body.length, 2000);
    assert.ok(image.headers['etag']);
    assert.equal(image.headers['cache-control'], 'no-cache');
  });
});

const built = existsSync('dist/cdn/service-feedback.js');

describe('the CDN files as the collector serves them', { skip: built ? false : 'needs npm run build' }, () => {
  let running: Running;
  before(async () => {
    running = await startCollector(noStorage, {}, { static: [{ prefix: '/dist/', dir: 'dist' }] });
  });
  after(async () => {
    await running?.close();
  });

  const cdnFiles = (): string[] => {
    const out: string[] = [];
    const walk = (folder: string) => {
      for (const name of readdirSync(folder)) {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.js$/.test(name)) out.push(relative('dist', path));
      }
    };
    walk('dist/cdn');
    return out.sort();
  };

  it('every CDN file comes compressed from its build-time twin, with an ETag that a repeat turns into 304', async () => {
    const files = cdnFiles();
    assert.ok(files.includes('cdn/service-feedback.js') && files.includes('cdn/rating.js'), files.join(', '));
    for (const file of files) {
      const url = `${running.url}/dist/${file}`;
      const reply = await get(url, { 'accept-encoding': 'br, gzip' });
      assert.equal(reply.status, 200, file);
      assert.equal(reply.headers['content-encoding'], 'br', file);
      assert.deepEqual(reply.body, readFileSync(`dist/${file}.br`), `${file}: the build-time twin`);
      assert.deepEqual(decode(reply), readFileSync(`dist/${file}`), file);
      const etag = reply.headers['etag'];
      assert.ok(typeof etag === 'string' && etag.length > 2, `${file} has an ETag`);
      const repeat = await get(url, { 'accept-encoding': 'br, gzip', 'if-none-match': etag });
      assert.equal(repeat.status, 304, file);
      assert.equal(repeat.body.length, 0, file);
      const gzip = await get(url, { 'accept-encoding': 'gzip' });
      assert.equal(gzip.headers['content-encoding'], 'gzip', file);
      assert.deepEqual(decode(gzip), readFileSync(`dist/${file}`), file);
      const hashed = /\/chunks\//.test(file);
      assert.equal(reply.headers['cache-control'], hashed ? 'public, max-age=31536000, immutable' : 'no-cache', file);
    }
  });
});
