/** One service standard as an agency posts it: a stable id and its text in each language. */
export interface StandardDefinition {
  id: string;
  vi: string;
  en: string;
  /** Further languages an agency may add (`{ id, vi, en, fr: "…" }`). */
  [locale: string]: string;
}

/**
 * The text of a standard in a locale, falling back to Vietnamese, the language it is posted in.
 * A module of its own: elements draw standards with it without carrying the ten themselves
 * (`standards.ts` comes in a lazily loaded part, only where standards are shown).
 */
export function standardText(standard: StandardDefinition, locale: string): string {
  return standard[locale] ?? standard.vi;
}
