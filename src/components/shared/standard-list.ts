import { html, nothing, type TemplateResult } from 'lit';
import { css } from './css.js';
import { parseStandardDefinitions, standardText, TEN_STANDARDS, type StandardDefinition } from '../../core/standards.js';

/**
 * The standards part of the elements: the list of standards an element shows — the agency's own
 * (`standardDefinitions`, or fetched from `standards-src`) when valid, else the ten — and the
 * yes/no questions a rating asks about them. Loaded with the ten themselves, only by elements
 * that show standards (`SvcElement.usesStandards`).
 */

/**
 * A row of the yes/no questions on standards (the pills, fieldset and legend are the rating's own
 * rules, which its question sets share). Only a rating draws these rows; the other elements that
 * load this part adopt a rule that matches nothing of theirs.
 */
export const styles = [
  css`
    .standard {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
      padding-block: 8px;
      border-block-start: 1px solid #d5dce5;
    }
  `,
];

/** What the part needs from its element. */
export interface StandardsHost {
  readonly localName: string;
  readonly standardDefinitions: unknown;
  readonly standardsSrc: string | undefined;
  /** Set when the agency's list could not be used and the ten are shown instead. */
  standardsFailed: boolean;
  requestUpdate(): void;
}

interface State {
  /** The list fetched from `standards-src`, when it could be used. */
  fetched?: readonly StandardDefinition[];
  /** The last `standardDefinitions` value checked, and its list: checked once per value, not on every render. */
  checked?: { input: unknown; list: readonly StandardDefinition[] };
}

const states = new WeakMap<StandardsHost, State>();
const stateOf = (host: StandardsHost): State => {
  let state = states.get(host);
  if (!state) states.set(host, (state = {}));
  return state;
};

function report(host: StandardsHost, error: unknown): void {
  if (!host.standardsFailed) console.error(`[service-feedback] <${host.localName}>: the standards list cannot be used:`, error);
  host.standardsFailed = true;
}

/** The standards in force for an element. */
export function standardsOf(host: StandardsHost): readonly StandardDefinition[] {
  const state = stateOf(host);
  const definitions = host.standardDefinitions;
  if (definitions === undefined || definitions === null) return state.fetched ?? TEN_STANDARDS;
  if (state.checked?.input !== definitions) {
    let list: readonly StandardDefinition[];
    try {
      list = parseStandardDefinitions(typeof definitions === 'string' ? JSON.parse(definitions) : definitions);
    } catch (error) {
      report(host, error);
      list = TEN_STANDARDS;
    }
    state.checked = { input: definitions, list };
  }
  return state.checked.list;
}

/** Fetches and checks an agency's list (`standards-src`), then draws the element again. */
export async function fetchStandards(host: StandardsHost, url: string): Promise<void> {
  const state = stateOf(host);
  try {
    const response = await fetch(new URL(url, document.baseURI), { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const list = parseStandardDefinitions(await response.json());
    if (url !== host.standardsSrc) return;
    state.fetched = list;
    host.standardsFailed = false;
  } catch (error) {
    state.fetched = undefined;
    report(host, error);
  }
  host.requestUpdate();
}

/** What a rating's yes/no questions on standards need from it. */
export interface AskingHost extends StandardsHost {
  /** The standards asked about: `all`, or a comma list of ids. */
  readonly standards: string;
  readonly locale: string;
  /** The answers so far, by standard id (`true`: the standard was kept). */
  standardAnswers: Readonly<Record<string, boolean>>;
  /** The citizen touched the form (a kiosk counts its idle time from then). */
  touched(): void;
}

/** The standards a rating asks about, in the order of the list in force (unknown ids left out). */
function askedOf(host: AskingHost): readonly StandardDefinition[] {
  const wanted = (host.standards ?? '').trim();
  if (wanted === '') return [];
  const list = standardsOf(host);
  if (wanted === 'all') return list;
  return wanted
    .split(',')
    .map((id) => list.find((standard) => standard.id === id.trim()))
    .filter((standard): standard is StandardDefinition => standard !== undefined);
}

/** A yes/no question per standard asked (`<svc-rating standards>`), numbered when more than one. */
export function standardQuestions(host: AskingHost, t: { standardsLegend: string; yes: string; no: string }): TemplateResult | typeof nothing {
  const asked = askedOf(host);
  if (asked.length === 0) return nothing;
  const pick = (id: string, kept: boolean) => {
    host.standardAnswers = { ...host.standardAnswers, [id]: kept };
    host.touched();
  };
  return html`<fieldset class="standards">
    <legend class="sub-question">${t.standardsLegend}</legend>
    ${asked.map((standard, index) => {
      const answer = host.standardAnswers[standard.id];
      return html`<fieldset class="standard">
        <legend class="standard-text">${asked.length > 1 ? `${index + 1}. ` : ''}${standardText(standard, host.locale)}</legend>
        <div class="yes-no">
          <label class="pill"><input type="radio" name=${`std-${standard.id}`} .checked=${answer === true} @change=${() => pick(standard.id, true)} /><span>${t.yes}</span></label>
          <label class="pill"><input type="radio" name=${`std-${standard.id}`} .checked=${answer === false} @change=${() => pick(standard.id, false)} /><span>${t.no}</span></label>
        </div>
      </fieldset>`;
    })}
  </fieldset>`;
}

/** The answers to the standards asked, as a rating records them (CONTRACT §4 `standards`), or undefined when none. */
export function standardsAnswered(host: AskingHost): Record<string, boolean> | undefined {
  const answered = askedOf(host).filter((standard) => standard.id in host.standardAnswers);
  return answered.length > 0 ? Object.fromEntries(answered.map((standard) => [standard.id, host.standardAnswers[standard.id]!])) : undefined;
}
