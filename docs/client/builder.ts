// The snippet builder: pick an element and its options (from the manifest), see it live in a
// frame that loads that element's bundle, copy the <script> + element snippet or the npm import.
import { loadElements, make, plain, type SiteElement } from './elements.js';

const form = document.getElementById('builder-form') as HTMLFormElement;
const select = document.getElementById('builder-element') as HTMLSelectElement;
const summary = document.getElementById('builder-summary')!;
const script = document.getElementById('builder-script') as HTMLInputElement;
const options = document.getElementById('builder-options') as HTMLFieldSetElement;
const frame = document.getElementById('builder-preview') as HTMLIFrameElement;
const snippet = document.querySelector('#builder-snippet code')!;
const npm = document.querySelector('#builder-npm code')!;

/** Values a newcomer would type first, so the preview can submit as soon as an endpoint is set. */
const STARTING_VALUES: Record<string, string> = { agency: 'ubnd-phuong-hoan-kiem', unit: 'mot-cua' };

const attributeValue = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
let scriptEdited = false;

/** One control per attribute: a checkbox, a list of the values the description names, or a text box. */
function control(attribute: SiteElement['attributes'][number]): HTMLElement {
  const id = `option-${attribute.name}`;
  const row = make('div', { class: 'option' });
  const hint = make('p', { class: 'hint', id: `${id}-hint` }, plain(attribute.description));
  let input: HTMLInputElement | HTMLSelectElement;
  if (attribute.boolean) {
    input = make('input', { type: 'checkbox', id, name: attribute.name, 'aria-describedby': hint.id });
    row.classList.add('option-check');
    row.append(input, make('label', { for: id }, attribute.name));
  } else if (attribute.choices.length) {
    input = make('select', { id, name: attribute.name, 'aria-describedby': hint.id });
    input.append(make('option', { value: '' }, attribute.default ? `(default: ${attribute.default})` : '(not set)'));
    for (const choice of attribute.choices) if (choice !== attribute.default) input.append(make('option', { value: choice }, choice));
    row.append(make('label', { for: id }, attribute.name), input);
  } else {
    input = make('input', { type: 'text', id, name: attribute.name, 'aria-describedby': hint.id, autocomplete: 'off', spellcheck: 'false' });
    if (attribute.name === 'endpoint') input.setAttribute('placeholder', 'https://feedback.your-agency.gov.vn');
    input.value = STARTING_VALUES[attribute.name] ?? '';
    row.append(make('label', { for: id }, attribute.name), input);
  }
  input.dataset['attribute'] = attribute.name;
  row.append(hint);
  return row;
}

/** The language option: not an attribute of the manifest's (every element has `lang`). */
function languageControl(): HTMLElement {
  const row = make('div', { class: 'option' });
  const input = make('select', { id: 'option-lang', name: 'lang', 'aria-describedby': 'option-lang-hint' });
  input.append(make('option', { value: '' }, '(the page\'s language, else vi)'), make('option', { value: 'vi' }, 'vi'), make('option', { value: 'en' }, 'en'));
  input.dataset['attribute'] = 'lang';
  row.append(make('label', { for: 'option-lang' }, 'lang'), input, make('p', { class: 'hint', id: 'option-lang-hint' }, 'Language: Vietnamese or English.'));
  return row;
}

/** The attributes chosen, in the form's order: [name, value] ('' for a boolean that is on). */
function chosen(): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const input of options.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-attribute]')) {
    const name = input.dataset['attribute']!;
    if (input instanceof HTMLInputElement && input.type === 'checkbox') {
      if (input.checked) pairs.push([name, '']);
    } else if (input.value.trim()) pairs.push([name, input.value.trim()]);
  }
  return pairs;
}

function markup(tag: string, pairs: Array<[string, string]>): string {
  const attributes = pairs.map(([name, value]) => (value === '' ? name : `${name}="${attributeValue(value)}"`));
  const inline = `<${tag}${attributes.map((attribute) => ` ${attribute}`).join('')}></${tag}>`;
  return inline.length <= 100 ? inline : `<${tag}\n${attributes.map((attribute) => `  ${attribute}`).join('\n')}\n></${tag}>`;
}

let current: SiteElement | undefined;

/** Puts the element, as configured, into the preview frame (the frame has loaded its bundle). */
function preview(pairs: Array<[string, string]>): void {
  const doc = frame.contentDocument;
  const main = doc?.getElementById('preview');
  if (!doc || !main || !current) return;
  for (const old of main.querySelectorAll(current.tag)) old.remove();
  const element = doc.createElement(current.tag);
  for (const [name, value] of pairs) element.setAttribute(name, value);
  main.append(element);
}

function update(): void {
  if (!current?.entry?.cdn) return;
  const pairs = chosen();
  snippet.textContent = `<script type="module" src="${attributeValue(script.value.trim())}"></script>\n${markup(current.tag, pairs)}\n`;
  npm.textContent = `// npm install service-feedback\nimport '${current.entry.npm}';\n\n// then, in your markup or template:\n// ${markup(current.tag, pairs).replace(/\n/g, '\n// ')}\n`;
  preview(pairs);
}

function choose(element: SiteElement): void {
  current = element;
  summary.textContent = plain(element.summary || element.description);
  if (!scriptEdited) script.value = new URL(`cdn/${element.entry!.cdn}`, document.baseURI).href;
  options.replaceChildren(make('legend', {}, `Options of <${element.tag}>`), ...element.attributes.map(control), languageControl());
  const src = `preview/${element.entry!.cdn!.replace(/\.js$/, '.html')}`;
  if (frame.getAttribute('src') !== src) {
    frame.addEventListener('load', update, { once: true });
    frame.setAttribute('src', src);
  } else update();
}

async function main(): Promise<void> {
  const elements = (await loadElements()).filter((element) => element.entry?.cdn);
  for (const element of elements) select.append(make('option', { value: element.tag }, `<${element.tag}>`));
  const wanted = new URLSearchParams(location.search).get('element');
  select.value = elements.some((element) => element.tag === wanted) ? wanted! : elements.some((element) => element.tag === 'svc-rating') ? 'svc-rating' : elements[0]!.tag;
  select.addEventListener('change', () => choose(elements.find((element) => element.tag === select.value)!));
  script.addEventListener('input', () => (scriptEdited = true));
  form.addEventListener('input', (event) => {
    if (event.target !== select) update();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  choose(elements.find((element) => element.tag === select.value)!);
  document.documentElement.dataset['builderReady'] = 'true';
}

void main();
