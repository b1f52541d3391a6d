import { expect, fixture, html, waitUntil, aTimeout } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/rating.js';
import type { SvcRating } from '../../src/components/rating/svc-rating.js';
import { recordEvents } from '../support/browser.js';

// A fake collector at the edge of the network: window.fetch answers the invitation lookup, the
// kiosk's long poll and submissions from a script; everything else goes to the real fetch.
interface Fake {
  invitations: Record<string, { status: number; body?: unknown }>;
  armings: Array<{ status: number; body?: unknown }>;
  submissions: Array<Record<string, unknown>>;
  results: (record: Record<string, unknown>) => { status: string; error?: unknown };
  polls: string[];
  down: boolean;
}

const ENDPOINT = 'https://collector.example';
let fake: Fake;
const realFetch = window.fetch;

function installFake(): void {
  fake = { invitations: {}, armings: [], submissions: [], results: (record) => ({ status: 'accepted', id: record['id'] } as never), polls: [], down: false };
  window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(ENDPOINT)) return realFetch(input, init);
    if (fake.down) throw new TypeError('Failed to fetch');
    const path = url.slice(ENDPOINT.length);
    const json = (status: number, body?: unknown) =>
      new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const invitation = /^\/v1\/invitations\/([^/?]+)$/.exec(path);
    if (invitation) {
      const answer = fake.invitations[decodeURIComponent(invitation[1]!)] ?? { status: 404, body: { error: { code: 'not_found', message: 'x' } } };
      return json(answer.status, answer.body);
    }
    if (/^\/v1\/kiosks\/[^/]+\/next/.test(path)) {
      fake.polls.push(`${path} ${new Headers(init?.headers).get('authorization')}`);
      const answer = fake.armings.shift();
      if (!answer) {
        // Long poll: hold a little, then "nothing yet".
        await new Promise((resolve) => setTimeout(resolve, 50));
        return new Response(null, { status: 204 });
      }
      return json(answer.status, answer.body);
    }
    if (path === '/v1/submissions') {
      const body = JSON.parse(String(init?.body));
      const records: Array<Record<string, unknown>> = body.records ?? [body];
      fake.submissions.push(...records);
      return json(200, { results: records.map((record) => ({ id: record['id'], ...fake.results(record) })) });
    }
    return json(404, {});
  }) as typeof fetch;
}

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => shadow(el).textContent!.replace(/\s+/g, ' ');
const radios = (el: Element) => [...shadow(el).querySelectorAll<HTMLInputElement>('input[name="score"]')];
const open = (caseId = 'HS-001') => ({ status: 200, body: { status: 'open', agency: 'ubnd-q1', unit: 'mot-cua', service: '1.000046', caseId, expiresAt: '2099-01-01T00:00:00.000Z' } });
const later = () => new Date(Date.now() + 600_000).toISOString();

async function rate(el: SvcRating, score: number): Promise<void> {
  radios(el)[score - 1]!.click();
  await el.updateComplete;
  shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await el.updateComplete;
}

describe('<svc-rating> verified ratings', () => {
  beforeEach(() => {
    installFake();
    sessionStorage.clear();
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  describe('invitation', () => {
    it('looks the invitation up first and shows the dossier, procedure and unit, linked to the dossier', async () => {
      fake.invitations['ABCDE12345'] = open('HS-2026-0042');
      const el = await fixture<SvcRating>(html`<svc-rating endpoint=${ENDPOINT} invitation="ABCDE12345" comment="off"></svc-rating>`);
      await waitUntil(() => shadow(el).querySelector('.case dl'), 'the case is shown');
      expect(text(el)).to.contain('Đánh giá này được gắn với hồ sơ của Ông/Bà');
      expect([...shadow(el).querySelectorAll('.case dd')].map((dd) => dd.textContent)).to.deep.equal(['HS-2026-0042', '1.000046', 'mot-cua']);
      await expect(el).to.be.accessible();
      // No agency attribute: the invitation names it; the record carries the code.
      const events = recordEvents(el);
      await rate(el, 4);
      await waitUntil(() => fake.submissions.length === 1, 'the rating is sent');
      expect(fake.submissions[0]).to.include({ invitation: 'ABCDE12345', agency: 'ubnd-q1', score: 4 });
      await waitUntil(() => events.some((event) => event.type === 'svc-sent'));
    });

    it('a used, expired or unknown invitation shows a clear message instead of the form (vi and en)', async () => {
      fake.invitations['USED000001'] = { status: 200, body: { status: 'used', agency: 'a', caseId: 'x', expiresAt: later() } };
      fake.invitations['EXPD000001'] = { status: 200, body: { status: 'expired', agency: 'a', caseId: 'x', expiresAt: later() } };
      fake.invitations['REVK000001'] = { status: 200, body: { status: 'revoked', agency: 'a', caseId: 'x', expiresAt: later() } };
      const cases: Array<[string, string, string]> = [
        ['USED000001', 'vi', 'Hồ sơ này đã được đánh giá'],
        ['EXPD000001', 'en', 'This rating code has expired.'],
        ['REVK000001', 'vi', 'Mã đánh giá không đúng'],
        ['NOPE000001', 'en', 'This rating code is not valid'],
      ];
      for (const [code, lang, message] of cases) {
        const el = await fixture<SvcRating>(html`<svc-rating endpoint=${ENDPOINT} agency="a" invitation=${code} lang=${lang}></svc-rating>`);
        await waitUntil(() => text(el).includes(message), `${code}: ${message}`);
        expect(shadow(el).querySelector('form')).to.equal(null);
        await expect(el).to.be.accessible();
      }
    });

    it('takes ?svc-invite= from the page URL when the attribute is absent', async () => {
      const before = location.href;
      history.replaceState(null, '', `${location.pathname}?svc-invite=PAGE000001`);
      try {
        fake.invitations['PAGE000001'] = open('HS-PAGE');
        const el = await fixture<SvcRating>(html`<svc-rating endpoint=${ENDPOINT}></svc-rating>`);
        await waitUntil(() => text(el).includes('HS-PAGE'));
      } finally {
        history.replaceState(null, '', before);
      }
    });

    it('offline: rates and queues with the code; a later refusal is svc-error rejected with its reason, told on the page', async () => {
      fake.down = true;
      fake.results = () => ({ status: 'rejected', error: { code: 'invitation_used', message: 'used', field: 'invitation' } });
      const el = await fixture<SvcRating>(html`<svc-rating endpoint=${ENDPOINT} agency="ubnd-q1" invitation="OFFL000001" comment="off"></svc-rating>`);
      await waitUntil(() => radios(el).length === 5, 'the form is shown when the lookup cannot be made');
      const events = recordEvents(el);
      await rate(el, 5);
      await waitUntil(() => shadow(el).querySelector('.thanks'));
      fake.down = false;
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => events.some((event) => event.type === 'svc-error'), 'the refusal arrives', { timeout: 8000 });
      const error = events.find((event) => event.type === 'svc-error')!.detail;
      expect(error).to.include({ code: 'rejected', reason: 'invitation_used' });
      await waitUntil(() => text(el).includes('hồ sơ này đã được đánh giá trước đó'));
      await expect(el).to.be.accessible();
    });

    it('is keyboard operable with the case shown', async () => {
      fake.invitations['KEYS000001'] = open();
      const el = await fixture<SvcRating>(html`<svc-rating endpoint=${ENDPOINT} invitation="KEYS000001" comment="off"></svc-rating>`);
      await waitUntil(() => radios(el).length === 5 && shadow(el).querySelector('.case dl'));
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => fake.submissions.length === 1);
      expect(fake.submissions[0]).to.include({ score: 2, invitation: 'KEYS000001' });
    });
  });

  describe('armed kiosk', () => {
    const arming = (armingId: number, code: string, caseId = `HS-${armingId}`) => ({
      status: 200,
      body: { armingId, code, agency: 'ubnd-q1', unit: 'mot-cua', service: '2.001', caseId, expiresAt: later() },
    });

    it('waits unarmed (no form), shows the form when armed, submits with the invitation and kioskId, then waits again', async () => {
      const el = await fixture<SvcRating>(
        html`<svc-rating mode="kiosk" endpoint=${ENDPOINT} agency="ubnd-q1" kiosk-id="quay-1" kiosk-key="k-secret-0123456789abcdef" require-arming comment="off" reset-after="1"></svc-rating>`,
      );
      await waitUntil(() => text(el).includes('Mời Ông/Bà đánh giá sau khi được phục vụ'));
      expect(shadow(el).querySelector('form')).to.equal(null);
      await expect(el).to.be.accessible();
      expect(fake.polls[0]).to.equal('/v1/kiosks/quay-1/next?after=0&wait=25 Kiosk k-secret-0123456789abcdef');
      fake.armings.push(arming(7, 'ARMD000007', 'HS-K-7'));
      await waitUntil(() => radios(el).length === 5, 'armed: the form', { timeout: 4000 });
      expect(text(el)).to.contain('HS-K-7');
      await expect(el).to.be.accessible();
      await rate(el, 5);
      await waitUntil(() => fake.submissions.length === 1);
      expect(fake.submissions[0]).to.include({ invitation: 'ARMD000007', kioskId: 'quay-1', channel: 'kiosk', score: 5 });
      // Waits again, polling after the spent arming.
      await waitUntil(() => text(el).includes('Mời Ông/Bà đánh giá'), 'waiting again', { timeout: 4000 });
      expect(shadow(el).querySelector('form')).to.equal(null);
      expect(fake.polls.some((poll) => poll.includes('after=7'))).to.equal(true);
    });

    it('an arming received before a reload is kept (sessionStorage): a new element shows the form without polling', async () => {
      fake.armings.push(arming(9, 'ARMD000009'));
      const first = await fixture<SvcRating>(
        html`<svc-rating mode="kiosk" endpoint=${ENDPOINT} agency="a" kiosk-id="quay-2" kiosk-key="k-secret-0123456789abcdef" require-arming></svc-rating>`,
      );
      await waitUntil(() => radios(first).length === 5);
      first.remove();
      fake.down = true;
      const again = await fixture<SvcRating>(
        html`<svc-rating mode="kiosk" endpoint=${ENDPOINT} agency="a" kiosk-id="quay-2" kiosk-key="k-secret-0123456789abcdef" require-arming comment="off"></svc-rating>`,
      );
      await waitUntil(() => radios(again).length === 5, 'the arming survived');
      expect(text(again)).to.contain('HS-9');
      await rate(again, 3);
      await waitUntil(() => shadow(again).querySelector('.thanks'));
    });

    it('a network drop while waiting: "reconnecting", then polls again and takes the arming', async () => {
      fake.down = true;
      const el = await fixture<SvcRating>(
        html`<svc-rating mode="kiosk" endpoint=${ENDPOINT} agency="a" kiosk-id="quay-3" kiosk-key="k-secret-0123456789abcdef" require-arming></svc-rating>`,
      );
      await waitUntil(() => text(el).includes('Đang kết nối lại'), 'reconnecting is shown');
      await expect(el).to.be.accessible();
      fake.down = false;
      fake.armings.push(arming(11, 'ARMD000011'));
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => radios(el).length === 5, 'armed after the drop', { timeout: 5000 });
      expect(text(el)).not.to.contain('Đang kết nối lại');
    });

    it('a wrong key says so to the officer instead of the form', async () => {
      fake.armings.push({ status: 401, body: { error: { code: 'unauthorized', message: 'x' } } });
      const el = await fixture<SvcRating>(
        html`<svc-rating mode="kiosk" endpoint=${ENDPOINT} agency="a" kiosk-id="quay-4" kiosk-key="wrong-key-0123456789" require-arming lang="en"></svc-rating>`,
      );
      await waitUntil(() => text(el).includes('This rating tablet is not registered'));
      expect(shadow(el).querySelector('form')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('an unarmed kiosk (no require-arming) ignores presses within min-interval of its last rating; records carry kioskId', async () => {
      const el = await fixture<SvcRating>(
        html`<svc-rating mode="kiosk" agency="a" kiosk-id="quay-5" min-interval="1" comment="off" reset-after="30"></svc-rating>`,
      );
      const events = recordEvents(el);
      await rate(el, 5);
      await waitUntil(() => events.some((event) => event.type === 'svc-queued'));
      expect(events.find((event) => event.type === 'svc-queued')!.detail.record.kioskId).to.equal('quay-5');
      el.startOver();
      await el.updateComplete;
      await rate(el, 1);
      await aTimeout(100);
      expect(events.filter((event) => event.type === 'svc-queued')).to.have.length(1);
      await aTimeout(1000);
      shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await waitUntil(() => events.filter((event) => event.type === 'svc-queued').length === 2);
    });

    it('an unarmed kiosk keeps its thank-you at least min-interval, whatever reset-after says; min-interval="0" turns it off', async () => {
      const el = await fixture<SvcRating>(html`<svc-rating mode="kiosk" agency="a" min-interval="2" comment="off" reset-after="1"></svc-rating>`);
      await rate(el, 4);
      await waitUntil(() => shadow(el).querySelector('[part~="thanks"]') !== null);
      expect(text(el)).to.match(/\b2\b/);
      await aTimeout(1300);
      expect(shadow(el).querySelector('[part~="thanks"]'), 'still thanking after reset-after').to.not.equal(null);
      await waitUntil(() => shadow(el).querySelector('form') !== null, 'the form again after min-interval', { timeout: 3000 });
      const quick = await fixture<SvcRating>(html`<svc-rating mode="kiosk" agency="a" min-interval="0" comment="off" reset-after="1"></svc-rating>`);
      const events = recordEvents(quick);
      await rate(quick, 4);
      await waitUntil(() => events.some((event) => event.type === 'svc-queued'));
      quick.startOver();
      await quick.updateComplete;
      await rate(quick, 2);
      await waitUntil(() => events.filter((event) => event.type === 'svc-queued').length === 2, 'a second rating at once');
    });
  });
});
