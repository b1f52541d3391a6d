import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import { sendKeys } from '../support/commands.js';
import '../../src/standards.js';
import type { SvcStandards } from '../../src/components/standards/svc-standards.js';
import type { SvcRating } from '../../src/components/rating/svc-rating.js';
import { fakeCollector, storedCount } from '../support/browser.js';

// CONTRACT §2, copied by hand: the element must show exactly these.
const VI = [
  'Khách đến, được chào hỏi',
  'Khách ở, luôn tươi cười',
  'Khách hỏi, được tư vấn',
  'Khách yêu cầu, phải tận tâm',
  'Khách cần, được thông báo',
  'Khách vội, giải quyết nhanh',
  'Khách chờ, được xin lỗi',
  'Khách phàn nàn, phải lắng nghe',
  'Khách nhờ, luôn chu đáo',
  'Khách về, được hài lòng',
];
const EN = [
  'When you arrive, you are greeted',
  'While you are here, we always smile',
  'When you ask, you are advised',
  'When you make a request, we serve it wholeheartedly',
  'When you need to know, you are informed',
  'When you are in a hurry, we resolve it quickly',
  'When you have to wait, we apologise',
  'When you complain, we listen',
  'When you ask for help, we are always thoughtful',
  'When you leave, you are satisfied',
];

const texts = (el: Element, selector: string) =>
  [...el.shadowRoot!.querySelectorAll(selector)].map((node) => node.textContent!.trim());

describe('<svc-standards>', () => {
  it('shows the exact ten standards in Vietnamese by default, and in English', async () => {
    const vi = await fixture<SvcStandards>(html`<svc-standards></svc-standards>`);
    expect(texts(vi, '.text')).to.deep.equal(VI);
    expect(texts(vi, '.heading')).to.deep.equal(['Mười tiêu chuẩn phục vụ']);
    const en = await fixture<SvcStandards>(html`<svc-standards lang="en"></svc-standards>`);
    expect(texts(en, '.text')).to.deep.equal(EN);
  });

  it('bilingual shows the other language under each standard, marked with its lang', async () => {
    const el = await fixture<SvcStandards>(html`<svc-standards bilingual numbered></svc-standards>`);
    expect(texts(el, '.text')).to.deep.equal(VI);
    expect(texts(el, '.text-other')).to.deep.equal(EN);
    expect(el.shadowRoot!.querySelector('.text-other')!.getAttribute('lang')).to.equal('en');
    expect(texts(el, '.number')).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(el.shadowRoot!.querySelector('ol')).to.exist;
    const en = await fixture<SvcStandards>(html`<svc-standards lang="en" bilingual></svc-standards>`);
    expect(texts(en, '.text-other')).to.deep.equal(VI);
    expect(en.shadowRoot!.querySelector('ul')).to.exist;
  });

  for (const variant of ['poster', 'list', 'banner']) {
    for (const lang of ['vi', 'en']) {
      it(`${variant} (${lang}) is axe-clean, numbered or not, with rate buttons`, async () => {
        const el = await fixture<SvcStandards>(html`<svc-standards variant=${variant} lang=${lang} numbered bilingual rate agency="a"></svc-standards>`);
        await expect(el).to.be.accessible();
        const plain = await fixture<SvcStandards>(html`<svc-standards variant=${variant} lang=${lang}></svc-standards>`);
        await expect(plain).to.be.accessible();
        for (const button of el.shadowRoot!.querySelectorAll('.rate-button')) {
          const rect = button.getBoundingClientRect();
          expect(rect.width).to.be.at.least(24);
          expect(rect.height).to.be.at.least(24);
        }
      });
    }
  }

  it('boolean properties take their attribute string forms ("" is on, "false" is off)', async () => {
    const el = await fixture<SvcStandards>(html`<svc-standards></svc-standards>`);
    el.numbered = '';
    el.bilingual = 'false';
    el.rate = 'true';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('.number')).to.have.length(10);
    expect(el.shadowRoot!.querySelector('.text-other')).to.equal(null);
    expect(el.shadowRoot!.querySelectorAll('.rate-button')).to.have.length(10);
    expect(el.hasAttribute('bilingual')).to.equal(false);
    expect(el.hasAttribute('rate')).to.equal(true);
    el.numbered = 'false';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.number')).to.equal(null);
    expect(el.hasAttribute('numbered')).to.equal(false);
  });

  it('takes an agency list from standardDefinitions and from standards-src', async () => {
    const own = [{ id: 'queue', vi: 'Không để khách chờ quá 15 phút', en: 'No wait longer than 15 minutes' }];
    const el = await fixture<SvcStandards>(html`<svc-standards .standardDefinitions=${own}></svc-standards>`);
    expect(texts(el, '.text')).to.deep.equal(['Không để khách chờ quá 15 phút']);
    const blob = URL.createObjectURL(new Blob([JSON.stringify(own)], { type: 'application/json' }));
    const fromUrl = await fixture<SvcStandards>(html`<svc-standards lang="en" standards-src=${blob}></svc-standards>`);
    await waitUntil(() => texts(fromUrl, '.text')[0] === 'No wait longer than 15 minutes', 'loaded list');
    const error = console.error;
    console.error = () => {};
    try {
      const broken = await fixture<SvcStandards>(html`<svc-standards standards-src="/no-such-list.json"></svc-standards>`);
      await waitUntil(() => broken.shadowRoot!.querySelector('.warning'), 'warning shown');
      expect(texts(broken, '.text')).to.deep.equal(VI);
      await expect(broken).to.be.accessible();
    } finally {
      console.error = error;
    }
  });

  it('rate: a standard opens a rating of it, whose record carries the score and {id: boolean}', async () => {
    const { endpoint, state } = await fakeCollector();
    const el = await fixture<SvcStandards>(html`<svc-standards rate lang="en" agency="ubnd" unit="mot-cua" endpoint=${endpoint}></svc-standards>`);
    const buttons = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.rate-button');
    expect(buttons[7]!.getAttribute('aria-label')).to.equal('Rate this standard: When you complain, we listen');
    buttons[7]!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    const rating = dialog.querySelector<SvcRating>('svc-rating')!;
    await rating.updateComplete;
    expect(rating.getAttribute('standards')).to.equal('listen');
    await expect(el).to.be.accessible();
    rating.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="score"]')[1]!.click();
    rating.shadowRoot!.querySelectorAll<HTMLInputElement>('.standard input')[1]!.click(); // "No"
    await rating.updateComplete;
    rating.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const queued = await oneEvent(el, 'svc-queued');
    expect(queued.detail.record).to.deep.include({ score: 2, standards: { listen: false }, agency: 'ubnd', unit: 'mot-cua', locale: 'en' });
    expect((await storedCount(state, 1)).stored[0]!.id).to.equal(queued.detail.record.id);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    await waitUntil(() => el.shadowRoot!.activeElement === buttons[7], 'focus back on the rate button');
  });
});
