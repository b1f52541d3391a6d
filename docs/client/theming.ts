// The theming playground: a control per `--svc-*` property the elements document (the manifest's
// CSS properties), applied live to sample elements, with the WCAG AA contrast of every pair of
// colours drawn on each other checked as you type, and the CSS to copy.
import { checkContrast, parseColor } from './contrast.js';
import { loadElements, make, plain } from './elements.js';

interface Property {
  name: string;
  description: string;
  default: string;
  colour: boolean;
}

const preview = document.getElementById('theming-preview')!;
const colours = document.getElementById('theming-colours')!;
const other = document.getElementById('theming-other')!;
const summary = document.getElementById('contrast-summary')!;
const tbody = document.querySelector('#contrast-table tbody')!;
const css = document.querySelector('#theming-css code')!;
const probe = make('span', { hidden: '' });

/** Any CSS colour the browser knows, as `rgb(r, g, b)` (what the contrast check reads); '' if none. */
function resolveColour(value: string): string {
  if (!value) return '';
  probe.style.color = '';
  probe.style.color = value;
  if (!probe.style.color) return '';
  return getComputedStyle(probe).color;
}

const toHex = (value: string) => {
  const rgb = parseColor(resolveColour(value));
  return rgb ? `#${[rgb.r, rgb.g, rgb.b].map((channel) => channel.toString(16).padStart(2, '0')).join('')}` : '#000000';
};

let properties: Property[] = [];
const inputs = new Map<string, HTMLInputElement>();

function control(property: Property): HTMLElement {
  const id = `theme-${property.name.slice(2)}`;
  const row = make('div', { class: 'option' });
  const text = make('input', { type: 'text', id, name: property.name, 'aria-describedby': `${id}-hint`, autocomplete: 'off', spellcheck: 'false' });
  text.value = property.default;
  if (!property.default) text.setAttribute('placeholder', '(not set)');
  inputs.set(property.name, text);
  row.append(make('label', { for: id }, property.name));
  if (property.colour) {
    const picker = make('input', { type: 'color', id: `${id}-picker`, 'aria-label': `Pick ${property.name}` });
    picker.value = toHex(property.default || '#000000');
    picker.addEventListener('input', () => {
      text.value = picker.value;
      update();
    });
    text.addEventListener('change', () => {
      if (resolveColour(text.value)) picker.value = toHex(text.value);
    });
    row.classList.add('option-colour');
    row.append(make('span', { class: 'colour-pair' }), picker, text);
    row.querySelector('.colour-pair')!.append(picker, text);
  } else row.append(text);
  row.append(make('p', { class: 'hint', id: `${id}-hint` }, plain(property.description)));
  return row;
}

function update(): void {
  const values: Record<string, string> = {};
  const changed: string[] = [];
  for (const property of properties) {
    const value = inputs.get(property.name)!.value.trim();
    if (value) preview.style.setProperty(property.name, value);
    else preview.style.removeProperty(property.name);
    if (value !== property.default && value) changed.push(`  ${property.name}: ${value};`);
    // The contrast check reads what is drawn: the chosen value, else the default.
    const effective = value || property.default;
    if (property.colour && effective) values[property.name] = resolveColour(effective) || effective;
  }
  const results = checkContrast(values);
  const failing = results.filter((result) => result.passes === false);
  const unknown = results.filter((result) => result.passes === null);
  tbody.replaceChildren(
    ...results.map((result) => {
      const row = make('tr', { class: result.passes ? 'pass' : result.passes === false ? 'fail' : 'unknown' });
      const pair = make('th', { scope: 'row' }, `${result.what} `);
      pair.append(make('code', {}, `${result.foreground} on ${result.background}`));
      row.append(
        pair,
        make('td', {}, result.ratio === null ? '—' : `${(Math.floor(result.ratio * 100) / 100).toFixed(2)}:1`),
        make('td', {}, `${result.minimum}:1`),
        make('td', {}, result.passes ? '✔ Passes' : result.passes === false ? '✘ Fails' : '? Cannot check this colour'),
      );
      return row;
    }),
  );
  summary.className = failing.length ? 'warning' : 'ok';
  summary.textContent = failing.length
    ? `Warning: ${failing.length} of ${results.length} pairs fail WCAG AA contrast. Citizens with low vision cannot read them: change them before you ship.`
    : `All ${results.length - unknown.length} pairs pass WCAG AA contrast${unknown.length ? ` (${unknown.length} could not be checked)` : ''}.`;
  const warning = failing.length ? `/* Warning: fails WCAG AA contrast: ${failing.map((result) => `${result.foreground} on ${result.background}`).join(', ')} */\n` : '';
  css.textContent = changed.length ? `${warning}:root {\n${changed.join('\n')}\n}\n` : '/* The defaults: nothing to add. */\n';
  document.documentElement.dataset['contrastFailing'] = String(failing.length);
}

async function main(): Promise<void> {
  document.body.append(probe);
  const byName = new Map<string, Property>();
  for (const element of await loadElements()) {
    for (const property of element.cssProperties) {
      const known = byName.get(property.name);
      if (known && (known.default || !property.default)) continue;
      const colour = /-color-|^--svc-chart-/.test(property.name);
      byName.set(property.name, { name: property.name, description: property.description, default: property.default, colour });
    }
  }
  properties = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  colours.append(...properties.filter((property) => property.colour).map(control));
  other.append(...properties.filter((property) => !property.colour).map(control));
  document.getElementById('theming-form')!.addEventListener('input', update);
  document.getElementById('theming-reset')!.addEventListener('click', () => {
    for (const property of properties) inputs.get(property.name)!.value = property.default;
    for (const picker of document.querySelectorAll<HTMLInputElement>('input[type="color"]')) {
      const text = picker.nextElementSibling as HTMLInputElement;
      picker.value = toHex(text.value || '#000000');
    }
    update();
  });
  update();
  document.documentElement.dataset['themingReady'] = 'true';
}

void main();
