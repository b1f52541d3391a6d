import type { LazyPart } from './lazy.js';

/**
 * Languages every element speaks completely. Each element's strings are typed dictionaries per
 * language in `src/core/i18n/<element>.ts` (a missing key is a type error), one module per
 * language, loaded when an element first speaks it (see `SvcElement`).
 */
export const LOCALES = ['vi', 'en'] as const;

export type Locale = (typeof LOCALES)[number];

/** An element's strings: one lazily loaded module per language. */
export type Dictionaries<M> = Record<Locale, LazyPart<M>>;

/**
 * The locale an element speaks for a `lang` value: `vi` when none is given (the default of
 * CONTRACT §3); English for any other language we have no dictionary for, as the more widely read.
 */
export function resolveLocale(lang: string | null | undefined): Locale {
  const primary = (lang ?? '').trim().toLowerCase().split('-')[0] ?? '';
  if (primary === '') return 'vi';
  return primary === 'vi' ? 'vi' : 'en';
}
