import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '../support/commands.js';
import '../../src/complaint.js';
import type { SvcComplaintStatus } from '../../src/components/complaint-status/svc-complaint-status.js';
import { fakeCollector, storedCount } from '../support/browser.js';

const root = (el: Element) => el.shadowRoot!;
const XSS = '<img src=x onerror="window.__xssStatus=1">Đã xử lý <b>xong</b>';

describe('<svc-complaint-status>', () => {
  it('looks a code up with the keyboard and shows status, dates and the response as text', async () => {
    const { endpoint } = await fakeCollector([], {
      K7M2Q9XR4T: {
        trackingCode: 'K7M2Q9XR4T',
        status: 'resolved',
        category: 'delay',
        createdAt: '2026-11-02T02:15:00.000Z',
        updatedAt: '2026-11-05T08:00:00.000Z',
        dueAt: '2026-11-12T02:15:00.000Z',
        resolvedAt: '2026-11-05T08:00:00.000Z',
        response: XSS,
      },
    });
    const el = await fixture<SvcComplaintStatus>(html`<svc-complaint-status endpoint=${endpoint}></svc-complaint-status>`);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('code');
    await sendKeys({ type: 'K7M2Q9XR4T' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('.result'), 'result', { timeout: 5000 });
    const text = root(el).querySelector('.result')!.textContent!;
    expect(text).to.contain('Đã giải quyết');
    expect(text).to.contain('Chậm trễ, trễ hẹn');
    expect(root(el).querySelector('.response')!.textContent).to.equal(XSS);
    expect(root(el).querySelector('.response img, .response b')).to.equal(null);
    expect((window as unknown as { __xssStatus?: number }).__xssStatus).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('looks up the tracking-code attribute at once; not found, failures and an empty code are explained', async () => {
    const { endpoint } = await fakeCollector([{ status: 503 }]);
    const failed = await fixture<SvcComplaintStatus>(html`<svc-complaint-status lang="en" endpoint=${endpoint} tracking-code="AAAA"></svc-complaint-status>`);
    await waitUntil(() => root(failed).querySelector('.field-error'), 'failure shown', { timeout: 5000 });
    expect(root(failed).querySelector('.field-error')!.textContent).to.contain('Could not check right now');
    await expect(failed).to.be.accessible();
    const missing = await fixture<SvcComplaintStatus>(html`<svc-complaint-status lang="en" endpoint=${endpoint} tracking-code="NOPE"></svc-complaint-status>`);
    await waitUntil(() => root(missing).querySelector('.field-error'), 'not found shown', { timeout: 5000 });
    expect(root(missing).querySelector('.field-error')!.textContent).to.contain('No complaint has this code');
    const empty = await fixture<SvcComplaintStatus>(html`<svc-complaint-status lang="en" endpoint=${endpoint}></svc-complaint-status>`);
    root(empty).querySelector<HTMLButtonElement>('button')!.click();
    await empty.updateComplete;
    expect(root(empty).querySelector('#code-error')!.textContent).to.equal('Enter your tracking code.');
    expect(root(empty).activeElement?.id).to.equal('code');
    await expect(empty).to.be.accessible();
  });

  it('asks once the complaint is closed: "Ông/Bà có hài lòng với kết quả xử lý?" on 3 points, sent with about and the tracking code', async () => {
    const reply = (status: string) => ({ trackingCode: 'K7M2Q9XR4T', status, category: 'delay', createdAt: '2026-11-02T02:15:00.000Z', dueAt: '2026-11-12T02:15:00.000Z', response: 'Đã xử lý.' });
    const open = await fakeCollector([], { K7M2Q9XR4T: reply('in_progress') });
    const pending = await fixture<SvcComplaintStatus>(html`<svc-complaint-status endpoint=${open.endpoint} tracking-code="K7M2Q9XR4T"></svc-complaint-status>`);
    await waitUntil(() => root(pending).querySelector('.result'), 'result', { timeout: 5000 });
    expect(root(pending).querySelector('svc-rating'), 'not asked while open').to.equal(null);

    const { endpoint, state } = await fakeCollector([], { K7M2Q9XR4T: reply('resolved') });
    const el = await fixture<SvcComplaintStatus>(html`<svc-complaint-status endpoint=${endpoint} agency="ubnd-hoan-kiem" tracking-code="K7M2Q9XR4T"></svc-complaint-status>`);
    await waitUntil(() => root(el).querySelector('svc-rating'), 'asked once resolved', { timeout: 5000 });
    const rating = root(el).querySelector('svc-rating')!;
    await rating.updateComplete;
    expect(rating.shadowRoot!.querySelector('legend')!.textContent!.trim()).to.equal('Ông/Bà có hài lòng với kết quả xử lý?');
    const radios = [...rating.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="score"]')];
    expect(radios).to.have.length(3);
    await expect(el).to.be.accessible();
    radios[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    rating.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { stored } = await storedCount(state, 1);
    const record = stored[0] as unknown as Record<string, unknown>;
    expect(record['kind']).to.equal('rating');
    expect(record['scale']).to.equal(3);
    expect(record['about']).to.equal('complaint');
    expect(record['trackingCode']).to.equal('K7M2Q9XR4T');
    await expect(el).to.be.accessible();

    const english = await fixture<SvcComplaintStatus>(html`<svc-complaint-status lang="en" endpoint=${endpoint} tracking-code="K7M2Q9XR4T"></svc-complaint-status>`);
    await waitUntil(() => root(english).querySelector('svc-rating'), 'asked', { timeout: 5000 });
    const question = root(english).querySelector('svc-rating')!;
    await question.updateComplete;
    expect(question.shadowRoot!.querySelector('legend')!.textContent!.trim()).to.equal('Are you satisfied with how your complaint was handled?');
  });
});
