import { expect, fixture, html, oneEvent, waitUntil, aTimeout } from '@open-wc/testing';
import { sendKeys } from '../support/commands.js';
import '../../src/rating.js';
import type { SvcRating } from '../../src/components/rating/svc-rating.js';
import type { RatingRecord } from '../../src/core/record.js';
import { validateRecord } from '../../src/core/validate.js';
import { Outbox } from '../../src/core/outbox.js';
import { fakeCollector, recordEvents, storedCount, ISO_UTC, UUID_V4 } from '../support/browser.js';

const shadow = (el: Element) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector)!;
const radios = (el: Element) => [...shadow(el).querySelectorAll<HTMLInputElement>('input[name="score"]')];

async function choose(el: SvcRating, score: number) {
  radios(el)[score - 1]!.click();
  await el.updateComplete;
}

async function submit(el: SvcRating) {
  q<HTMLButtonElement>(el, 'button[type="submit"]').click();
  await el.updateComplete;
}

describe('<svc-rating>', () => {
  it('renders five labelled radios in a fieldset with a legend, in Vietnamese by default', async () => {
    const el = await fixture<SvcRating>(html`<svc-rating agency="a"></svc-rating>`);
    const legend = q(el, 'fieldset legend');
    expect(legend.textContent!.trim()).to.equal('Quý khách có hài lòng với dịch vụ không?');
    expect(radios(el)).to.have.length(5);
    const labels = [...shadow(el).querySelectorAll('.choice-label')].map((label) => label.textContent);
    expect(labels).to.deep.equal(['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng']);
    await expect(el).to.be.accessible();
  });

  it('speaks English from its own lang or an ancestor, with the one-stop-counter 3-point scale', async () => {
    const wrapper = await fixture(html`<div lang="en-GB"><svc-rating agency="a" scale="3"></svc-rating></div>`);
    const el = wrapper.querySelector('svc-rating')!;
    await el.updateComplete;
    const labels = [...shadow(el).querySelectorAll('.choice-label')].map((label) => label.textContent);
    expect(labels).to.deep.equal(['Dissatisfied', 'Satisfied', 'Very satisfied']);
    expect(q(el, 'button[type="submit"]').textContent!.trim()).to.equal('Send rating');
    el.setAttribute('lang', 'vi');
    await el.updateComplete;
    expect(q(el, 'button[type="submit"]').textContent!.trim()).to.equal('Gửi đánh giá');
    await expect(el).to.be.accessible();
  });

  it('is rated with the keyboard alone: Tab into the group, arrows choose, Enter submits', async () => {
    const el = await fixture<SvcRating>(html`<svc-rating agency="ubnd-hoan-kiem" unit="mot-cua" comment="off"></svc-rating>`);
    const events = recordEvents(el);
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(radios(el)[0]);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    expect(el.score).to.equal(4);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => events.some((event) => event.type === 'svc-queued'));
    const record = events.find((event) => event.type === 'svc-queued')!.detail.record as RatingRecord;
    expect(record.score).to.equal(4);
    expect(record.scale).to.equal(5);
  });

  it('submits with Space on the send button after choosing with arrows', async () => {
    const el = await fixture<SvcRating>(html`<svc-rating agency="a" scale="3"></svc-rating>`);
    const events = recordEvents(el);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowRight' });
    expect(el.score).to.equal(2);
    await sendKeys({ press: 'Tab' }); // the comment box
    expect(shadow(el).activeElement?.id).to.equal('comment');
    await sendKeys({ type: 'Nhanh gọn' });
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement?.classList.contains('submit')).to.equal(true);
    await sendKeys({ press: 'Space' });
    await waitUntil(() => events.some((event) => event.type === 'svc-queued'));
    const record = events.find((event) => event.type === 'svc-queued')!.detail.record as RatingRecord;
    expect(record).to.include({ score: 2, scale: 3, comment: 'Nhanh gọn' });
    expect(validateRecord(record).ok).to.equal(true);
  });

  it('fires svc-submit then svc-queued with the CONTRACT §4 record, and thanks without waiting on the network', async () => {
    const { endpoint, state } = await fakeCollector();
    const el = await fixture<SvcRating>(html`<svc-rating
      lang="en"
      endpoint=${endpoint}
      agency="ubnd-hoan-kiem"
      unit="mot-cua"
      service="1.001234"
      case-id="HS-0001"
      officer="nv-07"
      standards="greet,listen"
    ></svc-rating>`);
    const events = recordEvents(el);
    await choose(el, 5);
    const yes = shadow(el).querySelectorAll<HTMLInputElement>('.standard input')[0]!;
    yes.click(); // greet: yes; listen left unanswered
    const textarea = q<HTMLTextAreaElement>(el, 'textarea');
    textarea.value = '  Very helpful  ';
    textarea.dispatchEvent(new InputEvent('input'));
    await submit(el);
    await waitUntil(() => events.some((event) => event.type === 'svc-queued'));
    expect(events.map((event) => event.type).slice(0, 2)).to.deep.equal(['svc-submit', 'svc-queued']);
    const record = events[0]!.detail.record as RatingRecord;
    expect(record.id).to.match(UUID_V4);
    expect(record.createdAt).to.match(ISO_UTC);
    expect(Math.abs(Date.parse(record.createdAt) - Date.now())).to.be.below(10_000);
    expect(record).to.deep.include({
      kind: 'rating',
      agency: 'ubnd-hoan-kiem',
      unit: 'mot-cua',
      service: '1.001234',
      caseId: 'HS-0001',
      officer: 'nv-07',
      channel: 'online',
      locale: 'en',
      score: 5,
      scale: 5,
      comment: 'Very helpful',
      standards: { greet: true },
    });
    expect(record.page).to.equal(location.href.split(/[?#]/)[0]);
    expect(validateRecord(record)).to.deep.equal({ ok: true, record });
    expect(events[1]!.detail.persisted).to.equal(true);
    await waitUntil(() => shadow(el).querySelector('.thanks'));
    expect(q(el, '.thanks-title').textContent).to.equal('Thank you for your rating!');
    expect(shadow(el).activeElement).to.equal(q(el, '.thanks'));
    await expect(el).to.be.accessible();
    await waitUntil(() => events.some((event) => event.type === 'svc-sent'), 'svc-sent', { timeout: 8000 });
    expect(events.find((event) => event.type === 'svc-sent')!.detail).to.deep.equal({ id: record.id });
    const delivered = await storedCount(state, 1);
    expect(delivered.stored[0]!.id).to.equal(record.id);
    expect(delivered.requests[0]!.contentType).to.match(/^text\/plain/);
    await el.updateComplete;
    expect(q(el, '.thanks-status').textContent).to.equal('Your rating has reached the agency.');
    await expect(el).to.be.accessible();
  });

  it('while the record is being stored: the button says so, ignores a second press, and all is axe-clean', async () => {
    const el = await fixture<SvcRating>(html`<svc-rating agency="a" comment="off" lang="en"></svc-rating>`);
    const events = recordEvents(el);
    // Hold the storage step open to look at the page in between (IndexedDB is usually too fast).
    const add = Outbox.prototype.add;
    let release: () => void = () => {};
    Outbox.prototype.add = function held(this: Outbox, entry) {
      return new Promise<boolean>((resolve) => (release = () => resolve(add.call(this, entry))));
    };
    try {
      await choose(el, 5);
      await submit(el);
      await el.updateComplete;
      const button = q<HTMLButtonElement>(el, 'button[type="submit"]');
      expect(button.textContent!.trim()).to.equal('Saving…');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
      await submit(el);
      release();
      await waitUntil(() => shadow(el).querySelector('.thanks'));
    } finally {
      Outbox.prototype.add = add;
    }
    expect(events.filter((event) => event.type === 'svc-submit')).to.have.length(1);
    expect(events.filter((event) => event.type === 'svc-queued')).to.have.length(1);
  });

  it('lets host code add fields in svc-submit, or cancel it', async () => {
    const el = await fixture<SvcRating>(html`<svc-rating agency="a" comment="off"></svc-rating>`);
    el.addEventListener('svc-submit', (event) => {
      event.detail.record['campaign'] = 'q4-2026';
    }, { once: true });
    await choose(el, 3);
    await submit(el);
    const queued = await oneEvent(el, 'svc-queued');
    expect(queued.detail.record['campaign']).to.equal('q4-2026');

    const other = await fixture<SvcRating>(html`<svc-rating agency="a" comment="off"></svc-rating>`);
    const events = recordEvents(other);
    other.addEventListener('svc-submit', (event) => event.preventDefault());
    await choose(other, 3);
    await submit(other);
    await aTimeout(50);
    expect(events.map((event) => event.type)).to.deep.equal(['svc-submit']);
    expect(shadow(other).querySelector('.thanks')).to.equal(null);
  });

  it('refuses what host code adds in svc-submit when it breaks §4 (prototype keys, size)', async () => {
    const el = await fixture<SvcRating>(html`<svc-rating agency="a" comment="off"></svc-rating>`);
    const events = recordEvents(el);
    el.addEventListener('svc-submit', (event) => {
      event.detail.record['extra'] = JSON.parse('{"__proto__": {"polluted": true}}');
    }, { once: true });
    const original = console.error;
    console.error = () => {};
    try {
      await choose(el, 3);
      await submit(el);
      await waitUntil(() => events.some((event) => event.type === 'svc-error'));
    } finally {
      console.error = original;
    }
    expect(events.map((event) => event.type)).to.deep.equal(['svc-submit', 'svc-error']);
    expect(events[1]!.detail).to.include({ code: 'validation', field: 'extra.__proto__' });
    await el.updateComplete;
    expect(shadow(el).querySelector('.thanks')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('fires nothing when properties are set in code, and takes attribute strings as properties', async () => {
    const el = await fixture<SvcRating>(html`<svc-rating agency="a" comment="off"></svc-rating>`);
    const events = recordEvents(el);
    el.scale = '3';
    el.score = '2';
    el.standards = 'all';
    el.comment = 'required';
    await el.updateComplete;
    await aTimeout(20);
    expect(events).to.deep.equal([]);
    expect(radios(el)).to.have.length(3);
    expect(radios(el)[1]!.checked).to.equal(true);
    q<HTMLTextAreaElement>(el, 'textarea').value = 'ok';
    q<HTMLTextAreaElement>(el, 'textarea').dispatchEvent(new InputEvent('input'));
    await submit(el);
    const queued = await oneEvent(el, 'svc-queued');
    expect(queued.detail.record).to.include({ score: 2, scale: 3 });
    expect(validateRecord(queued.detail.record).ok).to.equal(true);
  });

  it('shows an error summary that takes focus and links to the field, axe-clean, in both languages', async () => {
    for (const lang of ['vi', 'en']) {
      const el = await fixture<SvcRating>(html`<svc-rating lang=${lang} agency="a" comment="required"></svc-rating>`);
      const events = recordEvents(el);
      await submit(el);
      await el.updateComplete;
      const summary = q(el, '.error-summary');
      expect(shadow(el).activeElement).to.equal(summary);
      const messages = [...summary.querySelectorAll('a')].map((link) => link.textContent);
      expect(messages).to.deep.equal(
        lang === 'vi' ? ['Vui lòng chọn mức độ hài lòng.', 'Vui lòng nhập góp ý.'] : ['Choose how satisfied you are.', 'Enter a comment.'],
      );
      expect(q(el, 'textarea').getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
      summary.querySelectorAll('a')[1]!.click();
      expect(shadow(el).activeElement?.id).to.equal('comment');
      expect(events).to.deep.equal([]);
    }
  });

  it('without agency: a configuration error for the author (console) and svc-error validation', async () => {
    const el = await fixture<SvcRating>(html`<svc-rating comment="off"></svc-rating>`);
    const events = recordEvents(el);
    const original = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => logged.push(args.join(' '));
    try {
      await choose(el, 4);
      await submit(el);
      await waitUntil(() => events.length > 0);
    } finally {
      console.error = original;
    }
    expect(events).to.have.length(1);
    expect(events[0]).to.deep.include({ type: 'svc-error' });
    expect(events[0]!.detail).to.include({ code: 'validation', field: 'agency' });
    expect(String(logged[0])).to.contain('agency');
    await el.updateComplete;
    expect(q(el, '.error-summary').textContent).to.contain('chưa được cài đặt');
    await expect(el).to.be.accessible();
  });

  it('is a form field under its name, and the form reset clears it', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><svc-rating name="satisfaction" agency="a"></svc-rating></form>`);
    const el = form.querySelector('svc-rating')!;
    await el.updateComplete;
    expect(new FormData(form).get('satisfaction')).to.equal(null);
    await choose(el, 4);
    expect(new FormData(form).get('satisfaction')).to.equal('4');
    el.score = 2;
    await el.updateComplete;
    expect(new FormData(form).get('satisfaction')).to.equal('2');
    form.reset();
    await el.updateComplete;
    expect(el.score).to.equal(null);
    expect(new FormData(form).get('satisfaction')).to.equal(null);
    expect(radios(el).some((radio) => radio.checked)).to.equal(false);
  });

  it('kiosk mode: large targets, channel kiosk, starts over after reset-after seconds and when idle', async () => {
    const el = await fixture<SvcRating>(html`<svc-rating mode="kiosk" agency="a" reset-after="1" min-interval="0" idle-after="1" comment="off"></svc-rating>`);
    const box = q(el, '.choice-face').getBoundingClientRect();
    expect(box.height).to.be.at.least(100);
    expect(box.width).to.be.at.least(24);
    await expect(el).to.be.accessible();
    await choose(el, 5);
    await submit(el);
    const queued = await oneEvent(el, 'svc-queued');
    expect(queued.detail.record.channel).to.equal('kiosk');
    await waitUntil(() => shadow(el).querySelector('.thanks'));
    expect(q(el, '.thanks').textContent).to.contain('Đánh giá mới');
    await expect(el).to.be.accessible();
    await waitUntil(() => shadow(el).querySelector('form') !== null, 'kiosk resets after the thank-you', { timeout: 3000 });
    expect(el.score).to.equal(null);
    await choose(el, 2);
    await waitUntil(() => el.score === null, 'kiosk clears idle half-filled input', { timeout: 3000 });
  });

  it('button mode: opens a modal dialog, Escape closes it and focus returns to the button', async () => {
    const el = await fixture<SvcRating>(html`<svc-rating mode="button" agency="a" lang="en"></svc-rating>`);
    const open = q<HTMLButtonElement>(el, '.open');
    expect(open.textContent!.trim()).to.equal('Rate this service');
    await expect(el).to.be.accessible();
    open.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = q<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    await waitUntil(() => shadow(el).activeElement === open, 'focus returns to the open button');
    open.click();
    await choose(el, 4);
    await submit(el);
    await oneEvent(el, 'svc-queued');
    await waitUntil(() => shadow(el).querySelector('dialog .thanks'));
    await expect(el).to.be.accessible();
  });

  it('takes the rules of what its parts draw from the parts: the kiosk, the dialog, a standard\'s row', async () => {
    const inline = await fixture<SvcRating>(html`<svc-rating agency="a"></svc-rating>`);
    const sheets = (el: Element) => shadow(el).adoptedStyleSheets.length;
    const own = sheets(inline);
    expect(getComputedStyle(q(inline, '.root')).fontSize).to.equal('16px');

    const kiosk = await fixture<SvcRating>(html`<svc-rating mode="kiosk" agency="a"></svc-rating>`);
    expect(getComputedStyle(q(kiosk, '.root')).fontSize).to.equal('22px');
    expect(q(kiosk, '.choice-face').getBoundingClientRect().height).to.be.at.least(120);
    expect(sheets(kiosk)).to.equal(own + 1);
    kiosk.requestUpdate();
    await kiosk.updateComplete;
    expect(sheets(kiosk), 'adopted once').to.equal(own + 1);

    const button = await fixture<SvcRating>(html`<svc-rating mode="button" agency="a"></svc-rating>`);
    const dialog = getComputedStyle(q(button, 'dialog'));
    expect(dialog.borderTopWidth).to.equal('0px');
    expect(dialog.boxShadow).to.not.equal('none');

    const asking = await fixture<SvcRating>(html`<svc-rating agency="a" standards="greet"></svc-rating>`);
    expect(getComputedStyle(q(asking, '.standard')).display).to.equal('flex');
    // Switched back to inline, the kiosk's rules match nothing.
    kiosk.mode = 'inline';
    await kiosk.updateComplete;
    expect(getComputedStyle(q(kiosk, '.root')).fontSize).to.equal('16px');
  });

  it('keeps targets at least 24×24 CSS px and shows a visible focus outline', async () => {
    const el = await fixture<SvcRating>(html`<svc-rating agency="a" standards="greet"></svc-rating>`);
    for (const selector of ['.choice-face', '.pill span', 'button[type="submit"]', 'textarea']) {
      const rect = q(el, selector).getBoundingClientRect();
      expect(rect.width, selector).to.be.at.least(24);
      expect(rect.height, selector).to.be.at.least(24);
    }
    await sendKeys({ press: 'Tab' });
    const faceStyle = getComputedStyle(q(el, '.choice-face'));
    expect(faceStyle.outlineStyle).to.equal('solid');
    expect(parseFloat(faceStyle.outlineWidth)).to.be.at.least(2);
  });

  it('looks the same under hostile host CSS (rem, * { all: unset }, big fonts)', async () => {
    const style = document.createElement('style');
    style.textContent = 'html { font-size: 40px } * { all: unset } button { display: none } svc-rating { font-size: 50px; line-height: 5 }';
    const el = await fixture<SvcRating>(html`<svc-rating agency="a"></svc-rating>`);
    const before = getComputedStyle(q(el, '.question')).fontSize;
    document.head.append(style);
    try {
      await el.updateComplete;
      expect(getComputedStyle(q(el, '.question')).fontSize).to.equal(before);
      expect(getComputedStyle(q(el, '.root')).fontSize).to.equal('16px');
      expect(getComputedStyle(q(el, 'button[type="submit"]')).display).to.not.equal('none');
    } finally {
      style.remove();
    }
  });
});
