import { parseStandardDefinitions, TEN_STANDARDS, type StandardDefinition } from '../../core/standards.js';

/**
 * The list of standards an element shows — the agency's own (`standardDefinitions`, or fetched
 * from `standards-src`) when valid, else the ten — in a lazily loaded part with the ten
 * themselves, loaded only by elements that show standards (`SvcElement.usesStandards`).
 */
export interface StandardsState {
  /** The list fetched from `standards-src`, when it could be used. */
  fetched?: readonly StandardDefinition[];
  /** The last `standardDefinitions` value checked, and its list: checked once per value, not on every render. */
  checked?: { input: unknown; list: readonly StandardDefinition[] };
}

/** The standards in force for an element's state and `standardDefinitions` value. */
export function currentList(state: StandardsState, definitions: unknown, report: (error: unknown) => void): readonly StandardDefinition[] {
  if (definitions === undefined || definitions === null) return state.fetched ?? TEN_STANDARDS;
  if (state.checked?.input !== definitions) {
    let list: readonly StandardDefinition[];
    try {
      list = parseStandardDefinitions(typeof definitions === 'string' ? JSON.parse(definitions) : definitions);
    } catch (error) {
      report(error);
      list = TEN_STANDARDS;
    }
    state.checked = { input: definitions, list };
  }
  return state.checked.list;
}

/** Fetches and checks an agency's list (`standards-src`); throws what is wrong with it. */
export async function fetchList(url: string): Promise<readonly StandardDefinition[]> {
  const response = await fetch(new URL(url, document.baseURI), { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return parseStandardDefinitions(await response.json());
}
