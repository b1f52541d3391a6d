// One axe loop over every state of every citizen element (test/support/examples.ts), in
// Vietnamese and English: each example must reach its state (or the loop fails) and be axe-clean.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { EXAMPLES, EXAMPLE_COMPLAINT, setupExample } from '../support/examples.js';
import { fakeCollector } from '../support/browser.js';

describe('examples: every element in every state is axe-clean, vi and en', () => {
  let endpoint = '';
  before(async () => {
    ({ endpoint } = await fakeCollector([], { [EXAMPLE_COMPLAINT.trackingCode]: EXAMPLE_COMPLAINT }));
  });

  it('lists every citizen element, each state once', () => {
    const elements = new Set(EXAMPLES.map((example) => example.element));
    expect([...elements].sort()).to.deep.equal(['svc-complaint', 'svc-complaint-status', 'svc-rating', 'svc-standards']);
    const keys = EXAMPLES.map((example) => `${example.element} ${example.state}`);
    expect(new Set(keys).size).to.equal(keys.length);
    expect(EXAMPLES.length).to.be.at.least(20);
  });

  for (const lang of ['vi', 'en']) {
    for (const example of EXAMPLES) {
      it(`${example.element}: ${example.state} (${lang})`, async () => {
        const container = await fixture<HTMLDivElement>(html`<div></div>`);
        const el = await setupExample(example, container, lang, endpoint);
        expect(el.shadowRoot!.querySelector(example.shows), example.shows).to.not.equal(null);
        await expect(el).to.be.accessible();
      });
    }
  }
});
