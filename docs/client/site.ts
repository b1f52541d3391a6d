// Every page of the site: copy buttons, the examples' language switch, and the setup of each live
// example (the examples are data, docs/examples.ts: the same list drives the tests' axe loop).
import { EXAMPLES } from '../examples.js';
import { copyText } from './copy.js';

/** Buttons with `data-copy="<id>"` copy the text of that element and say so. */
function wireCopyButtons(): void {
  document.addEventListener('click', async (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-copy]');
    if (!button) return;
    const source = document.getElementById(button.dataset['copy']!);
    if (!source) return;
    const label = button.dataset['label'] ?? button.textContent ?? '';
    button.dataset['label'] = label;
    const copied = await copyText(source.textContent ?? '');
    button.textContent = copied ? 'Copied' : 'Select and copy by hand';
    setTimeout(() => (button.textContent = label), 2000);
  });
}

/** The vi/en switch of an element page sets `lang` on every live example. */
function wireLanguageSwitch(): void {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('.lang-switch button[data-lang]')];
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const lang = button.dataset['lang']!;
      for (const other of buttons) other.setAttribute('aria-pressed', String(other === button));
      for (const live of document.querySelectorAll<HTMLElement>('.example-live')) {
        live.lang = lang;
        // The elements follow their own lang and <html lang>; set it on each so they re-render.
        for (const element of live.querySelectorAll('*')) if (element.localName.startsWith('svc-')) element.setAttribute('lang', lang);
      }
    });
  }
}

/** Runs each live example's setup once its element is defined; marks the example ready (tests wait on it). */
async function setUpExamples(): Promise<void> {
  const lives = [...document.querySelectorAll<HTMLElement>('.example-live[data-example]')];
  await Promise.all(
    lives.map(async (live) => {
      const example = EXAMPLES.find((candidate) => candidate.id === live.dataset['example']);
      const tag = example?.tag ?? live.dataset['example']!.split('/')[0]!;
      const element = live.querySelector<HTMLElement>(tag);
      try {
        await customElements.whenDefined(tag);
        if (element && example?.setup) await example.setup(element);
        live.dataset['ready'] = 'true';
      } catch (error) {
        live.dataset['ready'] = 'failed';
        console.error(`example ${live.dataset['example']}:`, error);
      }
    }),
  );
  // A setup may move focus into its example (the error summary takes focus): the reader starts at
  // the top of the page (or at the anchor they followed), not inside an example.
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (active instanceof HTMLElement && active !== document.body) active.blur();
  if (!location.hash) window.scrollTo(0, 0);
  document.documentElement.dataset['examplesReady'] = 'true';
}

wireCopyButtons();
wireLanguageSwitch();
void setUpExamples();
