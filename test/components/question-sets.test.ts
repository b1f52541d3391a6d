// <svc-rating questions="…">: each built-in question set renders axe-clean, vi and en, on scale 3 and
// 5, is answered with the keyboard alone, and a record with an answer out of range is refused.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '../support/commands.js';
import '../../src/rating.js';
import type { SvcRating } from '../../src/components/rating/svc-rating.js';
import type { RatingRecord } from '../../src/core/record.js';
import { validateRecord } from '../../src/core/validate.js';
import { recordEvents } from '../support/browser.js';

const shadow = (el: Element) => el.shadowRoot!;
const loaded = (el: SvcRating) => waitUntil(() => shadow(el).querySelector('.question-set') !== null, 'the set renders', { timeout: 10_000 });

describe('<svc-rating> question sets', function () {
  // The first test loads the texts module and axe: slow on a busy machine.
  this.timeout(60_000);
  for (const set of ['sipas', 'tthc-9', 'a11'] as const) {
    for (const lang of ['vi', 'en'] as const) {
      for (const scale of [5, 3]) {
        it(`${set} renders axe-clean in ${lang}, scale ${scale}`, async () => {
          const el = await fixture<SvcRating>(html`<svc-rating agency="a" lang=${lang} scale=${scale} questions=${set}></svc-rating>`);
          await loaded(el);
          const questions = shadow(el).querySelectorAll('.set-question');
          expect(questions.length).to.equal(set === 'sipas' ? 5 : set === 'tthc-9' ? 9 : 4);
          const legend = questions[0]!.querySelector('legend')!.textContent!;
          if (set === 'sipas') expect(legend).to.contain(lang === 'vi' ? 'Tiếp cận dịch vụ' : 'Access to the service');
          await expect(el).to.be.accessible();
        });
      }
    }
  }

  it('records questionSet and answers; tthc-9 shows the 18-point total and grade as it is answered', async () => {
    const el = await fixture<SvcRating>(html`<svc-rating agency="a" questions="tthc-9" comment="off"></svc-rating>`);
    await loaded(el);
    const events = recordEvents(el);
    // Good (2 points) on every index but the first (Poor, 0): 16 of 18.
    const groups = [...shadow(el).querySelectorAll('.set-question')];
    groups.forEach((group, index) => group.querySelectorAll<HTMLInputElement>('input')[index === 0 ? 0 : 2]!.click());
    await el.updateComplete;
    expect(shadow(el).querySelector('.points-total')!.textContent).to.contain('16/18').and.contain('Tốt');
    shadow(el).querySelectorAll<HTMLInputElement>('input[name="score"]')[3]!.click();
    shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => events.some((event) => event.type === 'svc-queued'));
    const record = events.find((event) => event.type === 'svc-queued')!.detail.record as RatingRecord;
    expect(record.questionSet).to.equal('tthc-9');
    expect(record.answers!['total-time']).to.equal(0);
    expect(record.answers!['response']).to.equal(2);
    expect(Object.keys(record.answers!)).to.have.length(9);
    expect(validateRecord(record).ok).to.equal(true);
  });

  it('is answered with the keyboard alone: arrows within a question, Space ticks a driver', async () => {
    const el = await fixture<SvcRating>(html`<svc-rating agency="a" questions="a11" comment="off" lang="en"></svc-rating>`);
    await loaded(el);
    const events = recordEvents(el);
    await sendKeys({ press: 'Tab' }); // the score
    await sendKeys({ press: 'ArrowRight' }); // 2
    await sendKeys({ press: 'Tab' }); // satisfaction
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' }); // the first arrow checks 2, the second 3
    await sendKeys({ press: 'Tab' }); // trust
    // Native radios: WebKit does not wrap from the first option to the last, so walk right to 5.
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Tab' }); // positive: first option
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    // Through the remaining options and the negative list to the send button.
    for (let i = 0; i < 10; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => events.some((event) => event.type === 'svc-queued'));
    const record = events.find((event) => event.type === 'svc-queued')!.detail.record as RatingRecord;
    expect(record.questionSet).to.equal('a11');
    expect(record.answers).to.deep.equal({ satisfaction: 3, trust: 5, positive: ['effectiveness', 'ease'] });
  });

  it('an answer out of range is refused by the element: svc-error validation, nothing queued', async () => {
    const el = await fixture<SvcRating>(html`<svc-rating agency="a" questions="sipas" comment="off"></svc-rating>`);
    await loaded(el);
    const events = recordEvents(el);
    el.addEventListener('svc-submit', (event) => {
      event.detail.record.answers = { access: 9 };
    });
    shadow(el).querySelectorAll<HTMLInputElement>('input[name="score"]')[4]!.click();
    shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => events.some((event) => event.type === 'svc-error'));
    const error = events.find((event) => event.type === 'svc-error')!.detail;
    expect(error.code).to.equal('validation');
    expect(error.field).to.equal('answers.access');
    expect(events.some((event) => event.type === 'svc-queued')).to.equal(false);
  });

  it('takes an agency\u2019s own set from the questionSet property', async () => {
    const el = await fixture<SvcRating>(html`<svc-rating agency="a" comment="off"></svc-rating>`);
    el.questionSet = {
      id: 'phieu-rieng',
      questions: [
        { id: 'clean', type: 'yesno', vi: 'Nơi làm việc sạch sẽ?', en: 'Was the office clean?' },
        { id: 'channel', type: 'choice', vi: 'Ông/Bà biết dịch vụ qua đâu?', en: 'How did you hear of the service?', options: [{ id: 'web', vi: 'Trang web', en: 'Website' }, { id: 'friend', vi: 'Người quen', en: 'A friend' }] },
      ],
    };
    await loaded(el);
    const events = recordEvents(el);
    const groups = [...shadow(el).querySelectorAll('.set-question')];
    groups[0]!.querySelectorAll<HTMLInputElement>('input')[0]!.click();
    groups[1]!.querySelectorAll<HTMLInputElement>('input')[1]!.click();
    await expect(el).to.be.accessible();
    shadow(el).querySelectorAll<HTMLInputElement>('input[name="score"]')[4]!.click();
    shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => events.some((event) => event.type === 'svc-queued'));
    const record = events.find((event) => event.type === 'svc-queued')!.detail.record as RatingRecord;
    expect(record).to.deep.include({ questionSet: 'phieu-rieng', answers: { clean: true, channel: 'friend' } });
  });
});
