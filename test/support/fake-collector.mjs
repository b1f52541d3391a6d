// A scripted stand-in for a collector at the edge of the browser tests: it answers
// POST /fake/<name>/v1/submissions as CONTRACT §6 does, or as the test's script says
// (500s, lost acknowledgements, 400, 429 + Retry-After), and reports what it received.
// Scripts: POST /fake/<name>/__reset { script: [{ status, store, reject, rejectIds, retryAfter }] }
// (`reject` rejects every record of the request, `rejectIds` only those ids, inside a 200 reply)
// State:   GET  /fake/<name>/__state → { stored: [records], requests: [{ ids, status, at }] }
// Also: GET /fake/<name>/v1/complaints/<code> from the reset's `complaints` map, and an Open311
// GeoReport v2 endpoint at POST /fake/<name>/open311/requests.json or .xml (form encoded; answers in
// the extension's format), and one that answers only XML at /fake/<name>/open311-xml-only/requests.*.

import XmlBuilder from 'fast-xml-builder';

const collectors = new Map();
const xmlBuilder = new XmlBuilder({ ignoreAttributes: false, format: true });

function collector(name) {
  if (!collectors.has(name)) collectors.set(name, { script: [], stored: new Map(), requests: [], complaints: {}, open311: [] });
  return collectors.get(name);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Expose-Headers': 'Retry-After',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** Handles a request if it is for a fake collector; resolves whether it did. */
export async function handleFakeCollector(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const match = /^\/fake\/([\w-]+)\/(.*)$/.exec(url.pathname);
  if (!match) return false;
  const [, name, route] = match;
  const state = collector(name);
  if (req.method === 'OPTIONS') {
    send(res, 204, {});
    return true;
  }
  if (route === '__reset') {
    const body = JSON.parse((await readBody(req)) || '{}');
    collectors.set(name, { script: body.script ?? [], stored: new Map(), requests: [], complaints: body.complaints ?? {}, open311: [] });
    send(res, 200, { ok: true });
    return true;
  }
  if (route === '__state') {
    send(res, 200, { stored: [...state.stored.values()], requests: state.requests, open311: state.open311 });
    return true;
  }
  const complaint = /^v1\/complaints\/([^/]+)$/.exec(route);
  if (complaint && req.method === 'GET') {
    const code = decodeURIComponent(complaint[1]);
    const step = state.script.shift();
    if (step && step.status !== 200) send(res, step.status, { error: { code: 'unavailable', message: 'Scripted failure.' } });
    else if (state.complaints[code]) send(res, 200, state.complaints[code]);
    else send(res, 404, { error: { code: 'not_found', message: 'No complaint has this code.' } });
    return true;
  }
  const open311 = /^(open311|open311-xml-only)\/requests\.(json|xml)$/.exec(route);
  if (open311 && req.method === 'POST') {
    const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
    state.open311.push({ form, contentType: req.headers['content-type'], path: route });
    const step = state.script.shift() ?? { status: 200 };
    // `open311-xml-only` speaks XML whatever the extension, as many 311 servers do.
    const xml = open311[2] === 'xml' || open311[1] === 'open311-xml-only';
    const reply =
      step.status === 200
        ? { service_requests: { request: [{ service_request_id: `${xml ? 'XML' : 'REQ'}-${state.open311.length}`, service_notice: '' }] } }
        : { errors: { error: [{ code: step.status, description: 'Scripted Open311 error.' }] } };
    if (!xml) send(res, step.status, step.status === 200 ? reply.service_requests.request : reply.errors.error);
    else {
      res.writeHead(step.status, { 'Content-Type': 'text/xml; charset=utf-8', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' });
      res.end(xmlBuilder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...reply }));
    }
    return true;
  }
  if (route === 'v1/submissions' && req.method === 'POST') {
    const text = await readBody(req);
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      send(res, 400, { error: { code: 'invalid_json', message: 'Body is not JSON.' } });
      return true;
    }
    const records = Array.isArray(body.records) ? body.records : [body];
    const step = state.script.shift() ?? { status: 200, store: true };
    state.requests.push({ ids: records.map((r) => r.id), status: step.status, at: Date.now(), contentType: req.headers['content-type'] });
    const results = records.map((record) => {
      if (step.reject || step.rejectIds?.includes(record.id)) {
        return { id: record.id, status: 'rejected', error: { code: 'validation', message: 'Scripted rejection.', field: 'score' } };
      }
      const duplicate = state.stored.has(record.id);
      if (step.store !== false && !duplicate) state.stored.set(record.id, record);
      const trackingCode = record.kind === 'complaint' ? `TC${record.id.slice(0, 8).toUpperCase()}` : undefined;
      return { id: record.id, status: duplicate ? 'duplicate' : 'accepted', ...(trackingCode ? { trackingCode } : {}) };
    });
    if (step.status === 200) send(res, 200, { results });
    else if (step.status >= 400 && step.status < 500 && step.status !== 408 && step.status !== 429) {
      send(res, step.status, { error: { code: 'validation', message: 'Scripted refusal.', field: 'score' } });
    } else {
      send(res, step.status, { error: { code: 'unavailable', message: 'Scripted failure.' } }, step.retryAfter ? { 'Retry-After': String(step.retryAfter) } : {});
    }
    return true;
  }
  send(res, 404, { error: { code: 'not_found', message: 'No such fake route.' } });
  return true;
}

/** The same, as a @web/dev-server (Koa) middleware. */
export function fakeCollectorMiddleware() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/fake/')) return next();
    ctx.respond = false;
    await handleFakeCollector(ctx.req, ctx.res);
  };
}
