// Every state of every citizen element, listed once as plain data (GOV.UK Frontend's "examples
// as data"): what to render and the steps a person takes to get there. One axe loop runs them all
// (test/components/examples.test.ts) in Vietnamese and English; a docs site can import the same
// list and `setupExample` to show them. Plain JSON-like data: no functions, no templates.
// The officials' elements (dashboard, chart) keep their own state lists in their tests.

/** What a person does, in order. Selectors are inside the element's shadow root. */
export type Step =
  /** Clicks the first match (a radio, a checkbox, a button). */
  | { click: string }
  /** Types into a text field (sets its value and fires `input`). */
  | { type: [selector: string, text: string] }
  /** Waits until the selector matches. */
  | { waitFor: string };

export interface Example {
  /** The element's tag. */
  element: 'svc-rating' | 'svc-complaint' | 'svc-complaint-status' | 'svc-standards';
  /** The state's name, unique per element. */
  state: string;
  /** Attributes as written in HTML; `{endpoint}` is replaced by the collector the setup is given. */
  attributes: Record<string, string>;
  steps?: Step[];
  /** A selector that matches only once the state is reached (inside the shadow root). */
  shows: string;
}

const rating = { agency: 'demo', unit: 'counter-1' };

export const EXAMPLES: readonly Example[] = [
  { element: 'svc-rating', state: 'empty', attributes: rating, shows: 'fieldset legend' },
  { element: 'svc-rating', state: 'three-point scale', attributes: { ...rating, scale: '3' }, shows: 'input[name="score"][value="3"]' },
  {
    element: 'svc-rating',
    state: 'standards asked, comment required',
    attributes: { ...rating, standards: 'all', comment: 'required' },
    shows: 'textarea',
  },
  {
    element: 'svc-rating',
    state: 'error summary',
    attributes: { ...rating, comment: 'required' },
    steps: [{ click: 'button[type="submit"]' }, { waitFor: '.error-summary' }],
    shows: '.error-summary a',
  },
  {
    element: 'svc-rating',
    state: 'thanks',
    attributes: { ...rating, comment: 'off' },
    steps: [{ click: 'input[name="score"][value="4"]' }, { click: 'button[type="submit"]' }, { waitFor: '.thanks' }],
    shows: '.thanks-title',
  },
  { element: 'svc-rating', state: 'kiosk', attributes: { ...rating, mode: 'kiosk', scale: '3' }, shows: '[data-mode="kiosk"] fieldset' },
  { element: 'svc-rating', state: 'button, closed', attributes: { ...rating, mode: 'button' }, shows: 'button.open' },
  {
    element: 'svc-rating',
    state: 'button, dialog open',
    attributes: { ...rating, mode: 'button' },
    steps: [{ click: 'button.open' }, { waitFor: 'dialog[open] fieldset' }],
    shows: 'dialog[open]',
  },
  { element: 'svc-complaint', state: 'empty', attributes: { agency: 'demo', 'min-fill-seconds': '0' }, shows: '#description' },
  {
    element: 'svc-complaint',
    state: 'error summary',
    attributes: { agency: 'demo', 'min-fill-seconds': '0' },
    steps: [{ click: 'button[type="submit"]' }, { waitFor: '.error-summary' }],
    shows: '.error-summary a',
  },
  {
    element: 'svc-complaint',
    state: 'consent given, contact fields',
    attributes: { agency: 'demo', 'min-fill-seconds': '0' },
    steps: [{ click: '#consent' }, { waitFor: '#contact-email' }],
    shows: '#contact-phone',
  },
  {
    element: 'svc-complaint',
    state: 'contact missing',
    attributes: { agency: 'demo', 'min-fill-seconds': '0' },
    steps: [
      { click: '#category-delay' },
      { type: ['#description', 'Tôi phải chờ ba tiếng ở quầy số 3.'] },
      { click: '#consent' },
      { click: 'button[type="submit"]' },
      { waitFor: '.error-summary' },
    ],
    shows: '#contact-email[aria-invalid="true"]',
  },
  {
    element: 'svc-complaint',
    state: 'done, temporary code',
    attributes: { agency: 'demo', 'min-fill-seconds': '0' },
    steps: [
      { click: '#category-fees' },
      { type: ['#description', 'Thu phí sao y cao hơn mức niêm yết.'] },
      { click: 'button[type="submit"]' },
      { waitFor: '.done' },
    ],
    shows: '.code.temporary',
  },
  { element: 'svc-complaint-status', state: 'idle', attributes: { endpoint: '{endpoint}' }, shows: '#code' },
  {
    element: 'svc-complaint-status',
    state: 'no code typed',
    attributes: { endpoint: '{endpoint}' },
    steps: [{ click: 'button[type="submit"]' }, { waitFor: '#code-error' }],
    shows: '#code[aria-invalid="true"]',
  },
  {
    element: 'svc-complaint-status',
    state: 'not found',
    attributes: { endpoint: '{endpoint}' },
    steps: [{ type: ['#code', 'ZZZZZZZZZZ'] }, { click: 'button[type="submit"]' }, { waitFor: '.outcome .field-error' }],
    shows: '.outcome .field-error',
  },
  {
    element: 'svc-complaint-status',
    state: 'found, answered',
    attributes: { endpoint: '{endpoint}', 'tracking-code': 'EXAMPLE001' },
    steps: [{ waitFor: '.result' }],
    shows: '.result .response',
  },
  { element: 'svc-standards', state: 'poster', attributes: {}, shows: '.item' },
  { element: 'svc-standards', state: 'poster, numbered, bilingual', attributes: { numbered: '', bilingual: '' }, shows: '.item' },
  { element: 'svc-standards', state: 'list', attributes: { variant: 'list' }, shows: '.item' },
  { element: 'svc-standards', state: 'banner', attributes: { variant: 'banner' }, shows: '.item' },
  { element: 'svc-standards', state: 'with rate buttons', attributes: { rate: '', agency: 'demo' }, shows: '.rate-button' },
];

/** The complaint the `found, answered` example looks up (a collector's GET /v1/complaints reply). */
export const EXAMPLE_COMPLAINT = {
  trackingCode: 'EXAMPLE001',
  status: 'resolved',
  category: 'fees',
  createdAt: '2026-03-05T08:30:00.000Z',
  updatedAt: '2026-03-07T10:00:00.000Z',
  dueAt: '2026-03-15T08:30:00.000Z',
  resolvedAt: '2026-03-07T10:00:00.000Z',
  response: 'Đã hoàn lại phần thu thừa. — The overcharge was refunded.',
};

/**
 * Renders an example into `container` in `lang` and plays its steps; resolves with the element
 * once `shows` matches (throws if it never does, so a broken example cannot pass unseen).
 */
export async function setupExample(example: Example, container: HTMLElement, lang: string, endpoint = ''): Promise<HTMLElement> {
  const el = document.createElement(example.element);
  el.setAttribute('lang', lang);
  for (const [name, value] of Object.entries(example.attributes)) el.setAttribute(name, value.replace('{endpoint}', endpoint));
  // Drafts are per key: keep examples from restoring each other's.
  if (example.element === 'svc-complaint') el.setAttribute('draft-key', `example-${example.state}-${lang}-${Math.random()}`);
  container.append(el);
  const root = () => el.shadowRoot!;
  await until(() => Boolean(el.shadowRoot?.childElementCount), `<${example.element}> rendered`);
  for (const step of example.steps ?? []) {
    await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
    if ('click' in step) {
      await until(() => Boolean(root().querySelector(step.click)), step.click);
      root().querySelector<HTMLElement>(step.click)!.click();
    } else if ('type' in step) {
      const field = root().querySelector<HTMLInputElement | HTMLTextAreaElement>(step.type[0])!;
      field.value = step.type[1];
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    } else {
      await until(() => Boolean(root().querySelector(step.waitFor)), step.waitFor);
    }
  }
  await until(() => Boolean(root().querySelector(example.shows)), `${example.element} "${example.state}" showing ${example.shows}`);
  await (el as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  return el;
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`example never reached: ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
