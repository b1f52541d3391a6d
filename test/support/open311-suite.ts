// Open311 GeoReport v2 as real clients speak it, run on each engine (test/collector/open311-*.test.ts):
// an XML-only client (as FixMyStreet's), every answer in both formats checked against the official
// schemas, errors in the asked format, service discovery, and GET requests' filters and limits.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Storage } from '../../src/collector/storage/types.js';
import { uuidV4 } from '../../src/core/uuid.js';
import { ADMIN_TOKEN, admin, complaint, request, startCollector, type Running } from './collector.js';
import { open311Schemas, type Open311Validators } from './open311.js';
import { readXml, readXmlErrors, readXmlList, shape } from './open311-xml.js';

const CODE = /^[0-9A-HJKMNP-TV-Z]{10}$/;
const DAY = 86_400_000;
const FORM = 'application/x-www-form-urlencoded';

/** Checks a list is valid and not empty (the schemas' own minItems sits where it checks nothing). */
function valid(validate: Open311Validators[keyof Open311Validators], value: unknown, what: string): void {
  assert.ok(validate(value), `${what}: ${JSON.stringify(validate.errors)}`);
  if (Array.isArray(value)) assert.ok(value.length > 0, `${what} is not empty`);
}

export function open311Suite(engine: 'pglite' | 'postgres', setup: { open(): Promise<Storage>; teardown?(): Promise<void> | void }): void {
  describe(`Open311 GeoReport v2 on ${engine}`, () => {
    let storage: Storage;
    let main: Running;
    let schemas: Open311Validators;
    const now = new Date('2026-06-30T10:00:00.000Z');

    before(async () => {
      storage = await setup.open();
      main = await startCollector(storage, { adminToken: ADMIN_TOKEN }, { now: () => now });
      schemas = await open311Schemas();
    });
    after(async () => {
      await main?.close();
      await storage?.close();
      await setup.teardown?.();
    });

    const v2 = (path: string) => `${main.url}/open311/v2/${path}`;
    const postForm = (extension: 'json' | 'xml', fields: Record<string, string>, base = main.url) =>
      request(`${base}/open311/v2/requests.${extension}`, { body: new URLSearchParams(fields).toString(), contentType: FORM });

    describe('a client that speaks only XML, as FixMyStreet does', () => {
      it('lists services, reads a definition, files a form-encoded request, reads its status back', async () => {
        // FixMyStreet's Open311 client: GET services.xml and services/{code}.xml with jurisdiction_id,
        // POST requests.xml (form), read service_requests/request/service_request_id, then
        // GET requests.xml?service_request_id=… to learn the status.
        const jurisdiction = 'ubnd-fms';
        const list = await request(v2(`services.xml?jurisdiction_id=${jurisdiction}`));
        assert.equal(list.status, 200);
        assert.match(list.headers.get('content-type')!, /^text\/xml; charset=utf-8$/);
        const services = readXmlList(list.text, 'services', 'service');
        valid(schemas.services, services, 'services.xml');
        const delay = services.find((service) => service['service_code'] === 'delay')!;
        assert.equal(delay['metadata'], true);

        const definition = await request(v2(`services/delay.xml?jurisdiction_id=${jurisdiction}`));
        assert.equal(definition.status, 200);
        const parsed = readXml(definition.text);
        assert.equal(parsed.root, 'service_definition');
        const attributes = shape(parsed.body, 'service_definition');
        valid(schemas.serviceDefinition, attributes, 'services/delay.xml');
        assert.deepEqual((attributes['attributes'] as Array<{ code: string }>).map((attribute) => attribute.code), ['unit', 'standard', 'case_id']);

        const svcId = uuidV4();
        const filed = await postForm('xml', {
          jurisdiction_id: jurisdiction,
          api_key: 'fms-key',
          service_code: 'delay',
          lat: '21.028511',
          long: '105.804817',
          email: 'nguoi.dan@example.vn',
          first_name: 'Trần',
          last_name: 'Thị B',
          phone: '0912345678',
          media_url: 'https://fixmystreet.example/photo/1.jpeg',
          description: 'title: Hồ sơ trễ hẹn\n\ndetail: Hồ sơ đất đai trễ hẹn hai tuần, không ai báo.\n\nurl: https://fixmystreet.example/report/1\n\nSubmitted via FixMyStreet\n',
          'attribute[case_id]': 'HS-2026-0042',
          'attribute[svc_id]': svcId,
        });
        assert.equal(filed.status, 200, filed.text);
        const [answer] = readXmlList(filed.text, 'service_requests', 'request', 'response');
        valid(schemas.requestResponse, [answer], 'POST requests.xml');
        const id = String(answer!['service_request_id']);
        assert.match(id, CODE);
        const stored = (await storage.getRecord(svcId)) as Record<string, any>;
        assert.equal(stored['caseId'], 'HS-2026-0042');
        assert.equal(stored['mediaUrl'], 'https://fixmystreet.example/photo/1.jpeg');
        assert.equal(stored['agency'], jurisdiction);

        const read = async () => {
          const reply = await request(v2(`requests.xml?jurisdiction_id=${jurisdiction}&service_request_id=${id}`));
          assert.equal(reply.status, 200);
          const requests = readXmlList(reply.text, 'service_requests', 'request');
          valid(schemas.requests, requests, 'GET requests.xml');
          assert.ok(!reply.text.includes('nguoi.dan') && !reply.text.includes('trễ hẹn hai tuần') && !reply.text.includes('21.028511') && !reply.text.includes('photo'));
          return requests;
        };
        const [open] = await read();
        assert.equal(open!['service_request_id'], id);
        assert.equal(open!['status'], 'open');
        assert.equal(open!['service_code'], 'delay');
        assert.equal(open!['status_notes'], null);

        const patched = await request(`${main.url}/v1/complaints/${id}`, { method: 'PATCH', body: { status: 'resolved', response: 'Đã trả hồ sơ & xin lỗi <ông/bà>.' }, headers: admin });
        assert.equal(patched.status, 200);
        const [closed] = await read();
        assert.equal(closed!['status'], 'closed');
        assert.equal(closed!['status_notes'], 'Đã trả hồ sơ & xin lỗi <ông/bà>.', 'text with & and < survives the XML round trip');

        const token = await request(v2(`tokens/${svcId}.xml`));
        assert.equal(token.status, 200);
        const [byToken] = readXmlList(token.text, 'service_requests', 'request');
        assert.deepEqual(byToken, { service_request_id: id, token: svcId });
      });
    });

    describe('every answer in both formats validates against the official schemas', () => {
      it('services, a service definition, POST requests, GET requests, GET requests/{id}, tokens/{token}', async () => {
        const pairs: Array<[string, keyof Open311Validators, (text: string) => unknown]> = [
          ['services.{f}?locale=en', 'services', (text) => readXmlList(text, 'services', 'service')],
          ['services/fees.{f}', 'serviceDefinition', (text) => shape(readXml(text).body, 'service_definition')],
        ];
        const filed = await request(v2('requests.json'), { body: { jurisdiction_id: 'ubnd-json', service_code: 'fees', description: 'Thu phí không có biên lai, nộp bằng JSON.', attribute: { unit: 'mot-cua' } }, contentType: 'application/json' });
        assert.equal(filed.status, 200, filed.text);
        valid(schemas.requestResponse, filed.body, 'POST requests.json (JSON body)');
        const id = filed.body[0].service_request_id as string;
        const form = await postForm('xml', { jurisdiction_id: 'ubnd-json', service_code: 'fees', description: 'Thu phí không có biên lai, nộp bằng form.' });
        valid(schemas.requestResponse, readXmlList(form.text, 'service_requests', 'request', 'response'), 'POST requests.xml');
        pairs.push(
          [`requests.{f}?service_request_id=${id}`, 'requests', (text) => readXmlList(text, 'service_requests', 'request')],
          [`requests.{f}?jurisdiction_id=ubnd-json`, 'requests', (text) => readXmlList(text, 'service_requests', 'request')],
          [`requests/${id}.{f}`, 'requests', (text) => readXmlList(text, 'service_requests', 'request')],
          [`tokens/${id}.{f}`, 'requestResponse', (text) => readXmlList(text, 'service_requests', 'request')],
        );
        for (const [path, schema, fromXml] of pairs) {
          const json = await request(v2(path.replace('{f}', 'json')));
          assert.equal(json.status, 200, `${path}: ${json.text}`);
          assert.match(json.headers.get('content-type')!, /^application\/json/);
          valid(schemas[schema], json.body, path.replace('{f}', 'json'));
          const xml = await request(v2(path.replace('{f}', 'xml')));
          assert.equal(xml.status, 200, `${path}: ${xml.text}`);
          const read = fromXml(xml.text);
          valid(schemas[schema], read, path.replace('{f}', 'xml'));
          assert.deepEqual(read, json.body, `${path}: the XML says what the JSON says`);
        }
      });
    });

    describe('bad input answers a 4xx error list in the asked format, never a 5xx', () => {
      it('unknown service_code, missing description, bad lat, unknown ids, wrong method and media type', async () => {
        const before = await storage.count();
        const good = { jurisdiction_id: 'ubnd-errors', service_code: 'delay', description: 'Chờ quá lâu ở quầy số 2.' };
        const cases: Array<[string, () => Promise<{ status: number; text: string; body: any }>, number]> = [];
        for (const f of ['json', 'xml'] as const) {
          cases.push(
            [`unknown service_code (${f})`, () => postForm(f, { ...good, service_code: 'parking' }), 400],
            [`no service_code (${f})`, () => postForm(f, { ...good, service_code: '' }), 400],
            [`missing description (${f})`, () => postForm(f, { jurisdiction_id: 'a', service_code: 'delay' }), 400],
            [`description too short (${f})`, () => postForm(f, { ...good, description: 'ngắn' }), 400],
            [`bad lat (${f})`, () => postForm(f, { ...good, lat: '91.5' }), 400],
            [`lat not a number (${f})`, () => postForm(f, { ...good, lat: 'north' }), 400],
            [`bad media_url (${f})`, () => postForm(f, { ...good, media_url: 'javascript:alert(1)' }), 400],
            [`bad email (${f})`, () => postForm(f, { ...good, email: 'not an email' }), 400],
            [`JSON body not an object (${f})`, () => request(v2(`requests.${f}`), { body: '[1,2]', contentType: 'application/json' }), 400],
            [`JSON body not JSON (${f})`, () => request(v2(`requests.${f}`), { body: '{"service_code":', contentType: 'application/json' }), 400],
            [`other media type (${f})`, () => request(v2(`requests.${f}`), { body: 'service_code,delay', contentType: 'text/csv' }), 415],
            [`unknown service definition (${f})`, () => request(v2(`services/parking.${f}`)), 404],
            [`unknown request (${f})`, () => request(v2(`requests/0000000000.${f}`)), 404],
            [`unknown token (${f})`, () => request(v2(`tokens/${uuidV4()}.${f}`)), 404],
            [`GET requests with an unknown service_code (${f})`, () => request(v2(`requests.${f}?service_code=parking`)), 400],
            [`GET requests with a bad status (${f})`, () => request(v2(`requests.${f}?status=pending`)), 400],
            [`GET requests with a bad start_date (${f})`, () => request(v2(`requests.${f}?start_date=yesterday`)), 400],
            [`DELETE services (${f})`, () => request(v2(`services.${f}`), { method: 'DELETE' }), 405],
            // PostgreSQL text cannot hold NUL: asking for it must be a 404, not a database error.
            [`a NUL in the id (${f})`, () => request(v2(`requests/%00.${f}`)), 404],
            [`a NUL in the token (${f})`, () => request(v2(`tokens/a%00b.${f}`)), 404],
          );
        }
        for (const [what, send, status] of cases) {
          const reply = await send();
          assert.equal(reply.status, status, `${what}: ${reply.text}`);
          const errors = what.endsWith('(xml)') ? readXmlErrors(reply.text) : reply.body;
          if (what.endsWith('(json)')) assert.match(String(reply.text), /^\[/, `${what}: a JSON list`);
          assert.ok(Array.isArray(errors) && errors.length === 1, what);
          assert.equal(errors[0].code, status, what);
          assert.ok(typeof errors[0].description === 'string' && errors[0].description.length > 0, what);
        }
        const messages = await postForm('xml', { ...good, lat: '91.5' });
        assert.match(readXmlErrors(messages.text)[0]!.description, /^lat must be a WGS-84 coordinate/);
        const missing = await postForm('xml', { jurisdiction_id: 'a', service_code: 'delay' });
        assert.match(readXmlErrors(missing.text)[0]!.description, /^description: /, 'the error names the Open311 parameter');
        assert.equal(await storage.count(), before, 'nothing was stored');
      });

      it('an api_key refused: 403 in either format', async () => {
        const keyed = await startCollector(storage, { open311ApiKeys: ['k-one'], open311Agency: 'ubnd-default' });
        try {
          const fields = { service_code: 'delay', description: 'Không có khoá API hợp lệ.', api_key: 'nope' };
          const xml = await postForm('xml', fields, keyed.url);
          assert.equal(xml.status, 403);
          assert.equal(readXmlErrors(xml.text)[0]!.code, 403);
          const json = await postForm('json', fields, keyed.url);
          assert.equal(json.status, 403);
          assert.equal(json.body[0].code, 403);
        } finally {
          await keyed.close();
        }
      });
    });

    describe('service discovery', () => {
      const check = (value: Record<string, any>) => {
        assert.match(value['changeset'], /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        assert.equal(typeof value['contact'], 'string');
        assert.equal(typeof value['key_service'], 'string');
        assert.equal(value['endpoints'].length, 1);
        const [endpoint] = value['endpoints'];
        assert.equal(endpoint.specification, 'http://wiki.open311.org/GeoReport_v2');
        assert.equal(endpoint.type, 'production');
        assert.match(endpoint.changeset, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        assert.deepEqual(endpoint.formats, ['text/xml', 'application/json']);
        return endpoint.url as string;
      };

      it('discovery.json and discovery.xml say the same, and the endpoint URL works in both formats', async () => {
        const json = await request(`${main.url}/open311/discovery.json`);
        assert.equal(json.status, 200);
        const url = check(json.body);
        assert.equal(url, `${main.url}/open311/v2`);
        const xml = await request(`${main.url}/open311/discovery.xml`);
        assert.equal(xml.status, 200);
        const parsed = readXml(xml.text);
        assert.equal(parsed.root, 'discovery');
        const read = shape(parsed.body, 'discovery');
        check(read);
        assert.deepEqual(read, json.body);
        for (const f of ['xml', 'json']) {
          const services = await request(`${url}/services.${f}`);
          assert.equal(services.status, 200, `${url}/services.${f}`);
        }
      });

      it('OPEN311_URL, OPEN311_CONTACT and OPEN311_KEY_SERVICE are what it says; a forged Host is not echoed', async () => {
        const configured = await startCollector(storage, {
          open311Url: 'https://feedback.example.gov.vn/open311/v2',
          open311Contact: 'Văn phòng UBND, 024 0000 0000',
          open311KeyService: 'Xin khoá tại https://feedback.example.gov.vn/keys',
        });
        try {
          const reply = await request(`${configured.url}/open311/discovery.json`);
          assert.equal(check(reply.body), 'https://feedback.example.gov.vn/open311/v2');
          assert.equal(reply.body.contact, 'Văn phòng UBND, 024 0000 0000');
          assert.equal(reply.body.key_service, 'Xin khoá tại https://feedback.example.gov.vn/keys');
        } finally {
          await configured.close();
        }
        const { request: raw } = await import('node:http');
        const body = await new Promise<string>((resolve, reject) => {
          const req = raw(`${main.url}/open311/discovery.json`, { headers: { host: 'evil.example/<x>' } }, (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve(text));
          });
          req.on('error', reject);
          req.end();
        });
        assert.ok(!body.includes('evil'), body);
      });
    });

    describe('GET requests: filters and limits', () => {
      const agency = 'ubnd-filters';
      const made: Array<{ code: string; createdAt: string; category: string }> = [];
      before(async () => {
        // 12 complaints ten days apart back from `now`: the last three fall out of the 90-day window.
        const records = Array.from({ length: 12 }, (_, i) =>
          complaint({ agency, createdAt: new Date(now.getTime() - i * 10 * DAY - 3_600_000).toISOString(), category: i % 2 === 0 ? 'delay' : 'fees' }),
        );
        const outcomes = await storage.submit(records as never[], { now });
        outcomes.forEach((outcome, i) => made.push({ code: outcome.trackingCode!, createdAt: records[i]!['createdAt'] as string, category: records[i]!['category'] as string }));
        await request(`${main.url}/v1/complaints/${made[0]!.code}`, { method: 'PATCH', body: { status: 'rejected' }, headers: admin });
        await request(`${main.url}/v1/complaints/${made[1]!.code}`, { method: 'PATCH', body: { status: 'in_progress' }, headers: admin });
      });
      const codes = async (query: string, f: 'json' | 'xml' = 'json') => {
        const reply = await request(v2(`requests.${f}?jurisdiction_id=${agency}&${query}`));
        assert.equal(reply.status, 200, reply.text);
        const list = f === 'json' ? reply.body : readXmlList(reply.text, 'service_requests', 'request');
        if (list.length > 0) valid(schemas.requests, list, query);
        return list.map((item: { service_request_id: string }) => item.service_request_id) as string[];
      };
      const within = (from: number, to: number) =>
        made.filter((item) => Date.parse(item.createdAt) >= from && Date.parse(item.createdAt) <= to).map((item) => item.code);

      it('by default the last 90 days, newest first', async () => {
        const expected = within(now.getTime() - 90 * DAY, now.getTime());
        assert.equal(expected.length, 9);
        assert.deepEqual(await codes(''), expected);
        assert.deepEqual(await codes('', 'xml'), expected);
        assert.ok(expected.length < made.length, 'older ones are left out');
      });

      it('start_date and end_date (inclusive, offsets read as written, at most 90 days apart)', async () => {
        const start = '2026-05-01T00:00:00+07:00';
        const end = '2026-06-15T00:00:00Z';
        const expected = within(Date.parse(start), Date.parse(end));
        assert.ok(expected.length >= 5);
        // The + of the offset left unencoded (a space once read) is taken as a +.
        assert.deepEqual(await codes(`start_date=${start}&end_date=${end}`), expected);
        assert.deepEqual(await codes(`start_date=${encodeURIComponent(start)}&end_date=${end}`, 'xml'), expected);
        const onlyStart = '2026-03-01T00:00:00Z';
        assert.deepEqual(await codes(`start_date=${onlyStart}`), within(Date.parse(onlyStart), Date.parse(onlyStart) + 90 * DAY));
        const onlyEnd = '2026-05-01T00:00:00Z';
        assert.deepEqual(await codes(`end_date=${onlyEnd}`), within(Date.parse(onlyEnd) - 90 * DAY, Date.parse(onlyEnd)));
        const exact = made[3]!.createdAt;
        assert.deepEqual(await codes(`start_date=${exact}&end_date=${exact}`), [made[3]!.code], 'both ends inclusive');
        for (const query of ['start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', 'start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z']) {
          const reply = await request(v2(`requests.xml?${query}`));
          assert.equal(reply.status, 400, query);
          assert.equal(readXmlErrors(reply.text)[0]!.code, 400);
        }
      });

      it('status, service_code (comma lists) and jurisdiction_id', async () => {
        const recent = within(now.getTime() - 90 * DAY, now.getTime());
        assert.deepEqual(await codes('status=closed'), [made[0]!.code]);
        assert.deepEqual(await codes('status=open'), recent.filter((code) => code !== made[0]!.code));
        assert.deepEqual(await codes('status=open,closed'), recent);
        const fees = made.filter((item) => item.category === 'fees').map((item) => item.code);
        assert.deepEqual(await codes('service_code=fees'), recent.filter((code) => fees.includes(code)));
        assert.deepEqual(await codes('service_code=fees,delay&status=open'), recent.filter((code) => code !== made[0]!.code));
        for (const query of ['jurisdiction_id=%00', 'service_request_id=%00,a%00b']) {
          const nul = await request(v2(`requests.json?${query}`));
          assert.equal(nul.status, 200, `${query}: ${nul.text}`);
          assert.deepEqual(nul.body, []);
        }
        const other = await request(v2('requests.json?jurisdiction_id=ubnd-nobody'));
        assert.deepEqual(other.body, []);
        const empty = await request(v2('requests.xml?jurisdiction_id=ubnd-nobody'));
        assert.deepEqual(readXmlList(empty.text, 'service_requests', 'request'), []);
      });

      it('service_request_id (a comma list of codes or record ids) overrides every other filter', async () => {
        const old = made.at(-1)!.code;
        const picked = [made[2]!.code, old, 'ZZZZZZZZZZ'];
        const list = await codes(`service_request_id=${picked.join(',')}&status=closed&service_code=attitude&start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z`);
        assert.deepEqual(list, [made[2]!.code, old], 'found ones, newest first; an unknown id is left out');
        const tooMany = await request(v2(`requests.json?service_request_id=${Array.from({ length: 1001 }, (_, i) => `id${i}`).join(',')}`));
        assert.equal(tooMany.status, 400);
      });

      it('OPEN311_REQUESTS_LIST=api_key: listing by window needs a key (403 in either format); lookups by id stay public', async () => {
        const keyed = await startCollector(storage, { open311ApiKeys: ['partner-key'], open311RequestsList: 'api_key' }, { now: () => now });
        try {
          const at = (path: string) => request(`${keyed.url}/open311/v2/${path}`);
          const json = await at(`requests.json?jurisdiction_id=${agency}`);
          assert.equal(json.status, 403);
          assert.equal(json.body[0].code, 403);
          const xml = await at(`requests.xml?jurisdiction_id=${agency}&api_key=wrong`);
          assert.equal(xml.status, 403);
          assert.match(readXmlErrors(xml.text)[0]!.description, /api_key/);
          const listed = await at(`requests.json?jurisdiction_id=${agency}&api_key=partner-key`);
          assert.equal(listed.status, 200);
          assert.equal(listed.body.length, 9);
          const byId = await at(`requests.xml?service_request_id=${made[0]!.code}`);
          assert.equal(byId.status, 200);
          assert.equal(readXmlList(byId.text, 'service_requests', 'request')[0]!['service_request_id'], made[0]!.code);
          assert.equal((await at(`requests/${made[0]!.code}.json`)).status, 200);
        } finally {
          await keyed.close();
        }
      });

      it('at most 1,000 requests per answer, the newest', async () => {
        const bulk = 'ubnd-bulk';
        const records = Array.from({ length: 1005 }, (_, i) => complaint({ agency: bulk, createdAt: new Date(now.getTime() - (i + 1) * 60_000).toISOString() }));
        for (let i = 0; i < records.length; i += 100) await storage.submit(records.slice(i, i + 100) as never[], { now });
        for (const f of ['json', 'xml'] as const) {
          const reply = await request(v2(`requests.${f}?jurisdiction_id=${bulk}`));
          assert.equal(reply.status, 200);
          const list = f === 'json' ? reply.body : readXmlList(reply.text, 'service_requests', 'request');
          assert.equal(list.length, 1000, f);
          assert.equal(list[0].requested_datetime, records[0]!['createdAt']);
          assert.equal(list[999].requested_datetime, records[999]!['createdAt']);
          valid(schemas.requests, list, `1,000 requests (${f})`);
          assert.ok(!reply.text.includes('Hồ sơ của tôi'), 'no description');
        }
      });
    });
  });
}
