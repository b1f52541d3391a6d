// What every submitting element must do (Material Web's createFormTests style): one suite, run
// against <svc-rating> and <svc-complaint> alike (test/components/submitting.test.ts).
import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { FeedbackRecord } from '../../src/core/record.js';
import { fakeCollector, recordEvents, storedCount } from './browser.js';

export interface SubmittingSubject {
  tag: 'svc-rating' | 'svc-complaint';
  /** Fills the form validly as a person would (clicks and typing), ready to send. */
  fill(el: HTMLElement): Promise<void>;
  /** Sets properties in code (a framework binding): this must fire nothing. */
  setInCode(el: HTMLElement): void;
  /** What `setInCode` shows up as in the record. */
  fromCode: Partial<FeedbackRecord>;
}

type Lit = HTMLElement & { updateComplete: Promise<unknown> };

const shadow = (el: HTMLElement) => el.shadowRoot!;

async function create(tag: string, attributes: Record<string, string>): Promise<Lit> {
  const container = await fixture<HTMLDivElement>('<div></div>');
  const el = document.createElement(tag) as Lit;
  for (const [name, value] of Object.entries({ 'min-fill-seconds': '0', comment: 'off', ...attributes })) el.setAttribute(name, value);
  if (tag === 'svc-complaint') el.setAttribute('draft-key', `suite-${Date.now()}-${Math.random()}`);
  container.append(el);
  await el.updateComplete;
  return el;
}

async function send(el: Lit): Promise<void> {
  shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await el.updateComplete;
}

export function submittingElementSuite(subject: SubmittingSubject): void {
  describe(`<${subject.tag}>: what every submitting element does`, () => {
    it('svc-submit is cancelable: cancelled, nothing is queued, nothing is sent', async () => {
      const { endpoint, state } = await fakeCollector();
      const el = await create(subject.tag, { agency: 'a', endpoint });
      const events = recordEvents(el);
      el.addEventListener('svc-submit', (event) => event.preventDefault());
      await subject.fill(el);
      await send(el);
      await el.updateComplete;
      expect(events.map((event) => event.type)).to.deep.equal(['svc-submit']);
      expect(shadow(el).querySelector('.thanks, .done')).to.equal(null);
      expect((await state()).requests).to.deep.equal([]);
    });

    it('fields host code adds in svc-submit are kept, in the queued record and at the collector', async () => {
      const { endpoint, state } = await fakeCollector();
      const el = await create(subject.tag, { agency: 'a', endpoint });
      const events = recordEvents(el);
      el.addEventListener('svc-submit', (event) => {
        (event as CustomEvent<{ record: FeedbackRecord }>).detail.record['campaign'] = { name: 'q4-2026', wave: 2 };
      });
      await subject.fill(el);
      await send(el);
      await waitUntil(() => events.some((event) => event.type === 'svc-queued'), 'queued', { timeout: 10_000 });
      const queued = events.find((event) => event.type === 'svc-queued')!.detail.record as FeedbackRecord;
      expect(queued['campaign']).to.deep.equal({ name: 'q4-2026', wave: 2 });
      const stored = (await storedCount(state, 1)).stored[0]!;
      expect(stored.id).to.equal(queued.id);
      expect(stored['campaign']).to.deep.equal({ name: 'q4-2026', wave: 2 });
    });

    it('without agency: a configuration error in the console and svc-error validation; nothing queued', async () => {
      const el = await create(subject.tag, {});
      const events = recordEvents(el);
      const logged: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => void logged.push(args.join(' '));
      try {
        await subject.fill(el);
        await send(el);
        await waitUntil(() => events.length > 0, 'an event', { timeout: 10_000 });
        await el.updateComplete;
      } finally {
        console.error = original;
      }
      expect(events.map((event) => [event.type, event.detail.code, event.detail.field])).to.deep.equal([['svc-error', 'validation', 'agency']]);
      expect(logged).to.have.length(1);
      expect(logged[0]).to.contain(`<${subject.tag}> needs an "agency" attribute`);
      expect(shadow(el).querySelector('.thanks, .done')).to.equal(null);
    });

    it('nothing fires for properties set in code; the record carries them', async () => {
      const el = await create(subject.tag, { agency: 'a' });
      const events = recordEvents(el);
      subject.setInCode(el);
      await el.updateComplete;
      expect(events).to.deep.equal([]);
      await subject.fill(el);
      await send(el);
      await waitUntil(() => events.some((event) => event.type === 'svc-queued'), 'queued', { timeout: 10_000 });
      expect(events.map((event) => event.type)).to.deep.equal(['svc-submit', 'svc-queued']);
      expect(events[1]!.detail.record).to.deep.include(subject.fromCode);
    });

    it('collector unreachable: queued and thanked at once, delivered once when it answers', async () => {
      // The first two attempts meet a dead collector (503); the citizen never waits for them.
      const { endpoint, state } = await fakeCollector([{ status: 503 }, { status: 503 }]);
      const el = await create(subject.tag, { agency: 'a', endpoint });
      const events = recordEvents(el);
      await subject.fill(el);
      await send(el);
      await waitUntil(() => shadow(el).querySelector('.thanks, .done'), 'thanked', { timeout: 10_000 });
      const queued = events.find((event) => event.type === 'svc-queued')!;
      expect(queued.detail.persisted).to.equal(true);
      expect(events.some((event) => event.type === 'svc-sent')).to.equal(false);
      await waitUntil(() => events.some((event) => event.type === 'svc-sent'), 'sent', { timeout: 15_000 });
      const result = await state();
      expect(result.requests.map((request) => request.status)).to.deep.equal([503, 503, 200]);
      expect(result.requests.every((request) => request.ids.length === 1 && request.ids[0] === queued.detail.record.id)).to.equal(true);
      expect(result.stored.map((record) => record.id)).to.deep.equal([queued.detail.record.id]);
      expect(events.filter((event) => event.type === 'svc-sent')).to.have.length(1);
    });
  });
}
