import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/rating.js';
import type { SvcRating } from '../../src/components/rating/svc-rating.js';
import { Outbox } from '../../src/core/outbox.js';
import { KEEPALIVE_BYTES, MAX_BATCH_BYTES, MAX_BATCH_RECORDS, Transport, type TransportOptions } from '../../src/core/transport.js';
import { parseRetryAfter, request, REQUEST_TIMEOUT_MS, sendToCollector } from '../../src/core/delivery.js';
import { FakeClock } from '../support/fake-clock.js';
import { registerSender } from '../../src/core/transport.js';
import { open311Sender } from '../../src/core/open311.js';

// The Open311 sender, as the delivery part registers it on a page with <svc-complaint>.
registerSender('open311', open311Sender(request));
import type { ComplaintRecord, RatingRecord } from '../../src/core/record.js';
import { uuidV4 } from '../../src/core/uuid.js';
import { fakeCollector, recordEvents, storedCount, type ScriptStep } from '../support/browser.js';

let outboxes = 0;
const rating = (extra: Record<string, unknown> = {}): RatingRecord => ({
  id: uuidV4(),
  kind: 'rating',
  createdAt: new Date().toISOString(),
  agency: 'a',
  channel: 'online',
  locale: 'vi',
  score: 4,
  scale: 5,
  ...extra,
});

/**
 * A transport on its own outbox, a fake clock and jitter-free backoff (base 100 ms), talking to
 * a scripted fake collector; `sentAt` holds the clock's time of every request. The schedule is
 * checked on the clock, never against the wall clock.
 */
async function setup(script: ScriptStep[], options: Partial<TransportOptions> = {}) {
  const collector = await fakeCollector(script);
  const clock = new FakeClock();
  const sentAt: number[] = [];
  const outbox = new Outbox(`test-${Date.now()}-${outboxes++}`);
  const transport = new Transport({
    outbox,
    clock,
    baseDelayMs: 100,
    random: () => 1,
    lockName: `lock-${Date.now()}-${outboxes}`,
    fetch: (input, init) => {
      sentAt.push(clock.now());
      return fetch(input, init);
    },
    ...options,
  });
  const owner = new EventTarget();
  const events = recordEvents(owner);
  /** Lets the transport finish, then moves the clock to its next timer, until `done` (at most `steps` timers). */
  const run = async (done: () => boolean | Promise<boolean>, steps = 20) => {
    for (let step = 0; ; step++) {
      await transport.flush();
      if (await done()) return;
      const at = clock.nextAt();
      if (at === undefined || step >= steps) throw new Error(`not done after ${step} timers`);
      clock.advanceTo(at);
    }
  };
  const sent = () => events.some((event) => event.type === 'svc-sent');
  return { ...collector, clock, sentAt, outbox, transport, owner, events, run, sent };
}

const gaps = (times: number[]) => times.slice(1).map((at, index) => at - times[index]!);

describe('delivery', () => {
  it('500 then success: delivered once, with the same id, one base delay later', async () => {
    const { endpoint, state, transport, owner, events, outbox, run, sent, sentAt } = await setup([{ status: 500 }]);
    const record = rating();
    expect(await transport.queue(record, endpoint, owner)).to.equal(true);
    await run(sent);
    const result = await state();
    expect(result.requests.map((request) => request.ids)).to.deep.equal([[record.id], [record.id]]);
    expect(result.requests.map((request) => request.status)).to.deep.equal([500, 200]);
    expect(gaps(sentAt)).to.deep.equal([100]);
    expect(result.stored.map((stored) => stored.id)).to.deep.equal([record.id]);
    expect(events.filter((event) => event.type === 'svc-sent')).to.have.length(1);
    expect(await outbox.list()).to.deep.equal([]);
    transport.stop();
  });

  it('lost acknowledgement (stored, then 500): the retry carries the same id and is stored once', async () => {
    const { endpoint, state, transport, owner, events, outbox, run, sent } = await setup([{ status: 500, store: true }]);
    const record = rating();
    await transport.queue(record, endpoint, owner);
    await run(sent);
    const result = await state();
    expect(result.requests.map((request) => request.ids)).to.deep.equal([[record.id], [record.id]]);
    expect(result.stored.map((stored) => stored.id)).to.deep.equal([record.id]);
    expect(events.filter((event) => event.type === 'svc-sent').map((event) => event.detail.id)).to.deep.equal([record.id]);
    expect(await outbox.list()).to.have.length(0);
    transport.stop();
  });

  it('400: svc-error rejected, the record kept aside and not resent', async () => {
    const { endpoint, state, transport, owner, events, outbox, clock } = await setup([{ status: 400 }]);
    const record = rating();
    await transport.queue(record, endpoint, owner);
    await transport.flush();
    expect(events[0]!.detail).to.deep.equal({ code: 'rejected', message: 'Scripted refusal.', field: 'score', id: record.id });
    expect((await outbox.rejected()).map((entry) => entry.record.id)).to.deep.equal([record.id]);
    expect(await outbox.list()).to.deep.equal([]);
    await transport.flush({ force: true });
    expect(clock.pending()).to.deep.equal([]);
    expect((await state()).requests).to.have.length(1);
    transport.stop();
  });

  it('a batch refused as a whole (400) is split: each record is tried alone', async () => {
    const { endpoint, state, transport, owner, events, outbox } = await setup([]);
    const good = rating();
    const other = rating();
    // Put both in the outbox before any flush runs, so they travel in one batch.
    for (const record of [good, other]) {
      await outbox.add({ record, endpoint, transport: 'collector', queuedAt: Date.now(), attempts: 0, nextAttemptAt: 0 });
    }
    await fetch(`${endpoint}/__reset`, { method: 'POST', body: JSON.stringify({ script: [{ status: 400 }] }) });
    (transport as any).owners.set(good.id, () => owner);
    (transport as any).owners.set(other.id, () => owner);
    await transport.flush();
    const result = await state();
    expect(result.requests.map((request) => request.ids)).to.deep.equal([[good.id, other.id], [good.id], [other.id]]);
    expect(result.stored.map((record) => record.id)).to.have.members([good.id, other.id]);
    expect(events.filter((event) => event.type === 'svc-sent')).to.have.length(2);
    transport.stop();
  });

  it('a record rejected inside a batch is set aside; the others of that batch are delivered', async () => {
    const { endpoint, state, transport, owner, events, outbox } = await setup([]);
    const good = rating();
    const bad = rating();
    for (const record of [good, bad]) {
      await outbox.add({ record, endpoint, transport: 'collector', queuedAt: Date.now(), attempts: 0, nextAttemptAt: 0 });
    }
    await fetch(`${endpoint}/__reset`, { method: 'POST', body: JSON.stringify({ script: [{ status: 200, rejectIds: [bad.id] }] }) });
    (transport as any).owners.set(good.id, () => owner);
    (transport as any).owners.set(bad.id, () => owner);
    await transport.flush();
    const result = await state();
    // One request carried both; the collector's 200 reply rejected one of them.
    expect(result.requests.map((request) => request.ids)).to.deep.equal([[good.id, bad.id]]);
    expect(result.stored.map((record) => record.id)).to.deep.equal([good.id]);
    expect(events.map((event) => [event.type, event.detail.id])).to.have.deep.members([
      ['svc-sent', good.id],
      ['svc-error', bad.id],
    ]);
    expect((await outbox.rejected()).map((entry) => entry.record.id)).to.deep.equal([bad.id]);
    expect(await outbox.list()).to.deep.equal([]);
    await transport.flush({ force: true });
    expect((await state()).requests).to.have.length(1);
    transport.stop();
  });

  it('per-record rejection in a 200 reply sets that record aside', async () => {
    const { endpoint, transport, owner, events, outbox } = await setup([{ status: 200, reject: true }]);
    const record = rating();
    await transport.queue(record, endpoint, owner);
    await transport.flush();
    expect(events.map((event) => event.detail.code)).to.deep.equal(['rejected']);
    expect((await outbox.rejected())[0]!.reason).to.equal('Scripted rejection.');
    transport.stop();
  });

  it('429 with Retry-After: nothing goes before that time, not even forced or for a new record', async () => {
    const { endpoint, state, transport, owner, run, sentAt, clock, events } = await setup([{ status: 429, retryAfter: 1 }]);
    const first = rating();
    await transport.queue(first, endpoint, owner);
    await transport.flush();
    const start = sentAt[0]!;
    expect(clock.pending()).to.deep.equal([start + 1000]);
    clock.advance(999);
    const second = rating();
    await transport.queue(second, endpoint, owner);
    await transport.flush({ force: true });
    expect((await state()).requests).to.have.length(1);
    await run(() => events.filter((event) => event.type === 'svc-sent').length === 2);
    expect(sentAt).to.deep.equal([start, start + 1000]);
    expect((await state()).requests[1]!.ids).to.deep.equal([first.id, second.id]);
    transport.stop();
  });

  it('a collector answering nothing: delays double from the base up to maxDelayMs; delivery-failed is said once', async () => {
    const failures = Array.from({ length: 6 }, () => ({ status: 503 }));
    const { endpoint, transport, owner, events, outbox, run, sent, sentAt } = await setup(failures, { reportFailureAfter: 3, maxDelayMs: 1000 });
    await transport.queue(rating(), endpoint, owner);
    await run(sent);
    // base 100 ms × 2^(n−1), jitter fixed at its maximum, capped at 1 s.
    expect(gaps(sentAt)).to.deep.equal([100, 200, 400, 800, 1000, 1000]);
    const failed = events.filter((event) => event.type === 'svc-error');
    expect(failed.map((event) => event.detail.code)).to.deep.equal(['delivery-failed']);
    expect(await outbox.list()).to.deep.equal([]);
    transport.stop();
  });

  it('a flaky collector (it acknowledged something lately) is retried at most answeringMaxDelayMs apart; silent longer, the backoff grows again', async () => {
    const script = [{ status: 200 }, ...Array.from({ length: 6 }, () => ({ status: 503 }))];
    const { endpoint, transport, owner, events, run, sentAt } = await setup(script, { answeringMaxDelayMs: 300, answeringWindowMs: 1000 });
    await transport.queue(rating(), endpoint, owner);
    await transport.flush();
    await transport.queue(rating(), endpoint, owner);
    await run(() => events.filter((event) => event.type === 'svc-sent').length === 2);
    // Acknowledged at t0; failures at t0, +100, +300, +600, +900 (within 1 s of the answer: capped at 300),
    // then +1200 is over 1 s since the answer: 100 × 2^5.
    expect(gaps(sentAt)).to.deep.equal([0, 100, 200, 300, 300, 300, 3200]);
    transport.stop();
  });

  it('after an acknowledgement the rest of the queue follows at once, not on each record\'s own backoff', async () => {
    const failures = Array.from({ length: 4 }, () => ({ status: 503 }));
    const { endpoint, state, transport, owner, events, clock, run, sentAt } = await setup(failures);
    const old = rating();
    await transport.queue(old, endpoint, owner);
    await run(() => sentAt.length === 4);
    // The old record now waits 800 ms. A new one arrives; the collector answers it…
    expect(clock.pending()).to.deep.equal([sentAt[3]! + 800]);
    const fresh = rating();
    const now = clock.now();
    await transport.queue(fresh, endpoint, owner);
    await transport.flush();
    // …and the old one went with it, at the same moment, without waiting out its backoff.
    expect(sentAt.slice(4)).to.deep.equal([now]);
    expect((await state()).requests[4]!.ids).to.deep.equal([old.id, fresh.id]);
    expect(events.filter((event) => event.type === 'svc-sent').map((event) => event.detail.id)).to.deep.equal([old.id, fresh.id]);
    expect(clock.pending()).to.deep.equal([]);
    transport.stop();
  });

  it('batches hold at most 25 records and 512 KB; a bigger backlog goes in several requests, in order', async () => {
    const { endpoint, state, transport, outbox } = await setup([]);
    const small = Array.from({ length: 60 }, () => rating());
    // 100 KB each: five fit in 512 KB (the validator's 16 KB is the collector's business, not the batcher's).
    const big = Array.from({ length: 7 }, () => rating({ note: 'x'.repeat(100 * 1024) }));
    let queuedAt = 1;
    for (const record of [...small, ...big]) {
      await outbox.add({ record, endpoint, transport: 'collector', queuedAt: queuedAt++, attempts: 0, nextAttemptAt: 0 });
    }
    await transport.flush();
    const requests = (await state()).requests;
    // 60 small ones: 25, 25, then 10 with as many big ones as fit (5 × 100 KB), then the last 2.
    expect(requests.map((request) => request.ids.length)).to.deep.equal([MAX_BATCH_RECORDS, MAX_BATCH_RECORDS, 15, 2]);
    expect(requests.flatMap((request) => request.ids)).to.deep.equal([...small, ...big].map((record) => record.id));
    const sizeOf = new Map([...small, ...big].map((record) => [record.id, JSON.stringify(record).length]));
    const bytes = requests.map((request) => request.ids.reduce((sum, id) => sum + sizeOf.get(id)!, 0));
    expect(Math.max(...bytes)).to.be.at.most(MAX_BATCH_BYTES);
    // …and the next big record would not have fitted into the third request.
    expect(bytes[2]! + sizeOf.get(big[5]!.id)!).to.be.greaterThan(MAX_BATCH_BYTES);
    expect(MAX_BATCH_BYTES).to.equal(512 * 1024);
    expect(await outbox.list()).to.deep.equal([]);
    transport.stop();
  });

  it('requests go as text/plain with credentials "omit", and are aborted after 30 s without an answer', async () => {
    const clock = new FakeClock();
    const seen: RequestInit[] = [];
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        seen.push(init!);
        init!.signal!.addEventListener('abort', () => reject(new DOMException('The request was aborted.', 'AbortError')));
      });
    const outcome = sendToCollector('http://collector.invalid', [rating()], { fetch: hanging, clock });
    expect(seen).to.have.length(1);
    expect(seen[0]!.credentials).to.equal('omit');
    expect(seen[0]!.keepalive).to.equal(false);
    expect((seen[0]!.headers as Record<string, string>)['Content-Type']).to.equal('text/plain;charset=UTF-8');
    expect(REQUEST_TIMEOUT_MS).to.equal(30_000);
    expect(clock.pending()).to.deep.equal([clock.now() + 30_000]);
    clock.advance(29_999);
    expect(seen[0]!.signal!.aborted).to.equal(false);
    clock.advance(1);
    expect(seen[0]!.signal!.aborted).to.equal(true);
    expect(await outcome).to.deep.include({ type: 'retry' });
    expect(clock.pending()).to.deep.equal([]);
  });

  it('pagehide hands what fits in 60 KB to a keepalive request; the records stay queued until acknowledged', async () => {
    const clock = new FakeClock();
    const calls: Array<{ ids: string[]; init: RequestInit }> = [];
    let answer = 503;
    const network: typeof fetch = async (_url, init) => {
      const body = JSON.parse(String(init!.body));
      calls.push({ ids: (body.records ?? [body]).map((record: { id: string }) => record.id), init: init! });
      return new Response('{}', { status: answer });
    };
    const outbox = new Outbox(`test-pagehide-${Date.now()}`);
    const transport = new Transport({ outbox, clock, fetch: network, lockName: `lock-pagehide-${Date.now()}` });
    // 25 KB each: two fit under the keepalive cap, three do not.
    const records = Array.from({ length: 3 }, () => rating({ note: 'y'.repeat(25 * 1024) }));
    for (const record of records) {
      await transport.queue(record, 'http://collector.invalid', new EventTarget());
      clock.advance(1);
    }
    transport.start();
    await transport.flush();
    const before = calls.length;
    expect(calls.every((call) => call.init.keepalive === false)).to.equal(true);
    answer = 200;
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    const keepalive = calls.slice(before);
    expect(keepalive.map((call) => call.ids)).to.deep.equal([records.slice(0, 2).map((record) => record.id)]);
    expect(keepalive[0]!.init.keepalive).to.equal(true);
    expect(keepalive[0]!.init.credentials).to.equal('omit');
    expect(String(keepalive[0]!.init.body).length).to.be.at.most(KEEPALIVE_BYTES);
    // The reply of a keepalive request may never be read: the records wait for the next page life.
    expect((await outbox.list()).map((entry) => entry.record.id)).to.deep.equal(records.map((record) => record.id));
    transport.stop();
  });

  it('one tab sends at a time: a second transport on the same outbox waits for the lock, then finds nothing to send', async () => {
    const name = `test-tabs-${Date.now()}`;
    const lockName = `lock-tabs-${Date.now()}`;
    const requests: string[][] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const network: typeof fetch = async (_url, init) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const body = JSON.parse(String(init!.body));
      const ids: string[] = (body.records ?? [body]).map((record: { id: string }) => record.id);
      requests.push(ids);
      await held;
      inFlight--;
      return new Response(JSON.stringify({ results: ids.map((id) => ({ id, status: 'accepted' })) }), { status: 200 });
    };
    const tabA = new Transport({ outbox: new Outbox(name), clock: new FakeClock(), fetch: network, lockName });
    const tabB = new Transport({ outbox: new Outbox(name), clock: new FakeClock(), fetch: network, lockName });
    const records = Array.from({ length: 3 }, () => rating());
    const outbox = new Outbox(name);
    // Distinct queue times: Firefox's clock is coarse, and equal times would leave the order to the ids.
    const queuedAt = Date.now();
    for (const [index, record] of records.entries()) {
      await outbox.add({ record, endpoint: 'http://collector.invalid', transport: 'collector', queuedAt: queuedAt + index, attempts: 0, nextAttemptAt: 0 });
    }
    const a = tabA.flush({ force: true });
    await waitUntil(() => requests.length === 1, 'tab A sending');
    const b = tabB.flush({ force: true });
    await waitUntil(async () => (await navigator.locks.query()).pending!.some((lock) => lock.name === lockName), 'tab B waiting for the lock');
    expect(requests).to.have.length(1);
    release();
    await Promise.all([a, b]);
    expect(requests).to.deep.equal([records.map((record) => record.id)]);
    expect(mostInFlight).to.equal(1);
    expect(await outbox.list()).to.deep.equal([]);
    tabA.stop();
    tabB.stop();
  });

  it('Open311: contact details only with consent, name split into first and last; a 5xx is retried, then filed once', async () => {
    const { endpoint, state, transport, owner, events, run, sent } = await setup([{ status: 503 }]);
    const base = { id: uuidV4(), kind: 'complaint', createdAt: new Date().toISOString(), agency: 'a', channel: 'online', locale: 'vi', category: 'fees', description: 'Thu phí cao hơn mức niêm yết.' } as const;
    const withContact = {
      ...base,
      contact: { name: 'Nguyễn Văn An', email: 'an@example.vn', phone: '0912 345 678', consent: true, consentText: 'Tôi đồng ý', consentAt: new Date().toISOString() },
    } as ComplaintRecord;
    const anonymous = { ...base, id: uuidV4() } as ComplaintRecord;
    await transport.queue(withContact, `${endpoint}/open311`, owner, { transport: 'open311', open311: { serviceCode: 'fees', jurisdictionId: 'hcm' } });
    await run(sent);
    await transport.queue(anonymous, `${endpoint}/open311`, owner, { transport: 'open311' });
    await run(() => events.filter((event) => event.type === 'svc-sent').length === 2);
    const { open311 } = await state();
    // The first attempt met a 503 and was retried; each complaint was filed once after that.
    expect(open311.map((request) => request.form['attribute[svc_id]'])).to.deep.equal([withContact.id, withContact.id, anonymous.id]);
    expect(open311[1]!.form).to.deep.include({
      service_code: 'fees',
      jurisdiction_id: 'hcm',
      email: 'an@example.vn',
      phone: '0912 345 678',
      first_name: 'Nguyễn',
      last_name: 'Văn An',
    });
    expect(Object.keys(open311[2]!.form).sort()).to.deep.equal(['attribute[svc_id]', 'description', 'service_code']);
    expect(events.filter((event) => event.type === 'svc-sent').map((event) => event.detail)).to.deep.equal([
      { id: withContact.id, trackingCode: 'REQ-2' },
      { id: anonymous.id, trackingCode: 'REQ-3' },
    ]);
    transport.stop();
  });

  it('an element gone from the page has its svc-sent dispatched on document', async () => {
    const { endpoint, transport, run } = await setup([{ status: 500 }]);
    const owner = document.createElement('div');
    document.body.append(owner);
    const onOwner = recordEvents(owner);
    const onDocument = recordEvents(document);
    const record = rating();
    await transport.queue(record, endpoint, owner);
    owner.remove();
    await run(() => onDocument.some((event) => event.type === 'svc-sent' && event.detail.id === record.id));
    expect(onOwner).to.deep.equal([]);
    transport.stop();
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).to.equal(3000);
    expect(parseRetryAfter(new Date(1_000_000 + 5000).toUTCString(), 1_000_000)).to.be.within(4000, 5000);
    expect(parseRetryAfter('999999')).to.equal(3_600_000);
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });

  it('storage refused: the element still submits, says so, and reports storage-unavailable', async () => {
    const { endpoint, state } = await fakeCollector();
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function refuse() {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
    const warn = console.warn;
    console.warn = () => {};
    try {
      const el = await fixture<SvcRating>(html`<svc-rating agency="a" comment="off" endpoint=${endpoint} lang="en"></svc-rating>`);
      const events = recordEvents(el);
      el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="score"]')[4]!.click();
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => events.some((event) => event.type === 'svc-sent'), 'svc-sent', { timeout: 5000 });
      const queued = events.find((event) => event.type === 'svc-queued')!;
      expect(queued.detail.persisted).to.equal(false);
      const error = events.find((event) => event.type === 'svc-error')!;
      expect(error.detail.code).to.equal('storage-unavailable');
      expect((await storedCount(state, 1)).stored[0]!.id).to.equal(queued.detail.record.id);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.warning')!.textContent).to.contain('does not allow storage');
      await expect(el).to.be.accessible();
    } finally {
      IDBObjectStore.prototype.put = put;
      console.warn = warn;
    }
  });

  it('element level: a lost acknowledgement is retried with the same id and stored once', async () => {
    const { endpoint, state } = await fakeCollector([{ status: 500, store: true }]);
    const el = await fixture<SvcRating>(html`<svc-rating agency="a" comment="off" endpoint=${endpoint}></svc-rating>`);
    const events = recordEvents(el);
    el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="score"]')[3]!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => events.some((event) => event.type === 'svc-sent'), 'svc-sent', { timeout: 8000 });
    const result = await state();
    const id = events.find((event) => event.type === 'svc-queued')!.detail.record.id;
    expect(result.requests.map((request) => request.ids)).to.deep.equal([[id], [id]]);
    expect(result.stored.map((record) => record.id)).to.deep.equal([id]);
  });
});
