// The submitting elements' shared promises, one suite run against each (test/support/submitting-suite.ts).
import '../../src/rating.js';
import '../../src/complaint.js';
import { submittingElementSuite } from '../support/submitting-suite.js';

const shadow = (el: HTMLElement) => el.shadowRoot!;

submittingElementSuite({
  tag: 'svc-rating',
  async fill(el) {
    shadow(el).querySelector<HTMLInputElement>('input[name="score"][value="4"]')!.click();
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  },
  setInCode(el) {
    Object.assign(el, { unit: 'counter-2', service: 'birth-registration', caseId: 'HS-0042', channel: 'counter' });
  },
  fromCode: { unit: 'counter-2', service: 'birth-registration', caseId: 'HS-0042', channel: 'counter' },
});

submittingElementSuite({
  tag: 'svc-complaint',
  async fill(el) {
    shadow(el).querySelector<HTMLInputElement>('#category-delay')!.click();
    const description = shadow(el).querySelector<HTMLTextAreaElement>('#description')!;
    description.value = 'Tôi phải chờ ba tiếng ở quầy số 3 mà không ai giải thích.';
    description.dispatchEvent(new InputEvent('input'));
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  },
  setInCode(el) {
    Object.assign(el, { unit: 'counter-2', service: 'birth-registration', caseId: 'HS-0042', channel: 'phone' });
  },
  fromCode: { unit: 'counter-2', service: 'birth-registration', caseId: 'HS-0042', channel: 'phone' },
});
