import { expect, fixture, html, waitUntil, aTimeout } from '@open-wc/testing';
import '../../src/rating.js';
import type { SvcRating } from '../../src/components/rating/svc-rating.js';
import { Outbox } from '../../src/core/outbox.js';
import { Transport } from '../../src/core/transport.js';
import { parseRetryAfter } from '../../src/core/delivery.js';
import type { RatingRecord } from '../../src/core/record.js';
import { uuidV4 } from '../../src/core/uuid.js';
import { fakeCollector, recordEvents, storedCount, type ScriptStep } from '../support/browser.js';

let outboxes = 0;
const rating = (): RatingRecord => ({
  id: uuidV4(),
  kind: 'rating',
  createdAt: new Date().toISOString(),
  agency: 'a',
  channel: 'online',
  locale: 'vi',
  score: 4,
  scale: 5,
});

/** A transport on its own outbox with short, jitter-free backoff, and an owner that hears its events. */
async function setup(script: ScriptStep[], options: { reportFailureAfter?: number } = {}) {
  const collector = await fakeCollector(script);
  const outbox = new Outbox(`test-${Date.now()}-${outboxes++}`);
  const transport = new Transport({ outbox, baseDelayMs: 100, random: () => 1, lockName: `lock-${outboxes}`, ...options });
  const owner = new EventTarget();
  const events = recordEvents(owner);
  return { ...collector, outbox, transport, owner, events };
}

describe('delivery', () => {
  it('500 then success: delivered once, with the same id', async () => {
    const { endpoint, state, transport, owner, events, outbox } = await setup([{ status: 500 }]);
    const record = rating();
    expect(await transport.queue(record, endpoint, owner)).to.equal(true);
    await waitUntil(() => events.some((event) => event.type === 'svc-sent'), 'svc-sent', { timeout: 5000 });
    const result = await state();
    expect(result.requests.map((request) => request.ids)).to.deep.equal([[record.id], [record.id]]);
    expect(result.requests.map((request) => request.status)).to.deep.equal([500, 200]);
    expect(result.stored.map((stored) => stored.id)).to.deep.equal([record.id]);
    expect(events.filter((event) => event.type === 'svc-sent')).to.have.length(1);
    expect(await outbox.list()).to.deep.equal([]);
    transport.stop();
  });

  it('lost acknowledgement (stored, then 500): the retry carries the same id and is stored once', async () => {
    const { endpoint, state, transport, owner, events, outbox } = await setup([{ status: 500, store: true }]);
    const record = rating();
    await transport.queue(record, endpoint, owner);
    await waitUntil(() => events.some((event) => event.type === 'svc-sent'), 'svc-sent', { timeout: 5000 });
    const result = await state();
    expect(result.requests).to.have.length(2);
    expect(result.requests[1]!.ids).to.deep.equal([record.id]);
    expect(result.stored).to.have.length(1);
    expect(await outbox.list()).to.have.length(0);
    transport.stop();
  });

  it('400: svc-error rejected, the record kept aside and not resent', async () => {
    const { endpoint, state, transport, owner, events, outbox } = await setup([{ status: 400 }]);
    const record = rating();
    await transport.queue(record, endpoint, owner);
    await waitUntil(() => events.some((event) => event.type === 'svc-error'), 'svc-error', { timeout: 5000 });
    expect(events[0]!.detail).to.deep.equal({ code: 'rejected', message: 'Scripted refusal.', field: 'score', id: record.id });
    expect((await outbox.rejected()).map((entry) => entry.record.id)).to.deep.equal([record.id]);
    expect(await outbox.list()).to.deep.equal([]);
    await transport.flush({ force: true });
    await aTimeout(300);
    expect((await state()).requests).to.have.length(1);
    transport.stop();
  });

  it('a record rejected inside a batch is set aside; the others are delivered', async () => {
    const { endpoint, state, transport, owner, events, outbox } = await setup([]);
    const good = rating();
    const bad = rating();
    // Queue both before any flush runs, so they travel in one batch.
    for (const record of [good, bad]) {
      await outbox.add({ record, endpoint, transport: 'collector', queuedAt: Date.now(), attempts: 0, nextAttemptAt: 0 });
    }
    await fetch(`${endpoint}/__reset`, { method: 'POST', body: JSON.stringify({ script: [{ status: 400 }] }) });
    (transport as any).owners.set(good.id, () => owner);
    (transport as any).owners.set(bad.id, () => owner);
    await transport.flush();
    // The batch is refused as a whole (400): each record is then tried alone.
    const result = await state();
    expect(result.requests.map((request) => request.ids.length)).to.deep.equal([2, 1, 1]);
    expect(result.stored.map((record) => record.id)).to.have.members([good.id, bad.id]);
    expect(events.filter((event) => event.type === 'svc-sent')).to.have.length(2);
    transport.stop();
  });

  it('per-record rejection in a 200 reply sets that record aside', async () => {
    const { endpoint, transport, owner, events, outbox } = await setup([{ status: 200, reject: true }]);
    const record = rating();
    await transport.queue(record, endpoint, owner);
    await waitUntil(() => events.some((event) => event.type === 'svc-error'), 'svc-error', { timeout: 5000 });
    expect(events[0]!.detail.code).to.equal('rejected');
    expect((await outbox.rejected())[0]!.reason).to.equal('Scripted rejection.');
    transport.stop();
  });

  it('429 with Retry-After waits at least that long', async () => {
    const { endpoint, state, transport, owner, events } = await setup([{ status: 429, retryAfter: 1 }]);
    await transport.queue(rating(), endpoint, owner);
    await waitUntil(() => events.some((event) => event.type === 'svc-sent'), 'svc-sent', { timeout: 5000 });
    const [first, second] = (await state()).requests;
    expect(second!.at - first!.at).to.be.at.least(950);
    transport.stop();
  });

  it('retries with growing delays and reports delivery-failed once, keeping the record', async () => {
    const failures = Array.from({ length: 4 }, () => ({ status: 503 }));
    const { endpoint, state, transport, owner, events, outbox } = await setup(failures, { reportFailureAfter: 3 });
    await transport.queue(rating(), endpoint, owner);
    await waitUntil(() => events.some((event) => event.type === 'svc-sent'), 'svc-sent', { timeout: 8000 });
    const times = (await state()).requests.map((request) => request.at);
    const gaps = times.slice(1).map((at, index) => at - times[index]!);
    // base 100 ms × 2^(n−1), jitter fixed at its maximum: 100, 200, 400, 800
    expect(gaps[0]).to.be.within(80, 400);
    expect(gaps[3]).to.be.at.least(700);
    expect(gaps[3]).to.be.greaterThan(gaps[1]!);
    const failed = events.filter((event) => event.type === 'svc-error');
    expect(failed).to.have.length(1);
    expect(failed[0]!.detail.code).to.equal('delivery-failed');
    expect(await outbox.list()).to.deep.equal([]);
    transport.stop();
  });

  it('an element gone from the page has its svc-sent dispatched on document', async () => {
    const { endpoint, transport } = await setup([{ status: 500 }]);
    const owner = document.createElement('div');
    document.body.append(owner);
    const onDocument = recordEvents(document);
    const record = rating();
    await transport.queue(record, endpoint, owner);
    owner.remove();
    await waitUntil(() => onDocument.some((event) => event.type === 'svc-sent' && event.detail.id === record.id), 'on document', { timeout: 5000 });
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
