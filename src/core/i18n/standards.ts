import type { Dictionaries } from '../i18n.js';
import { lazyPart } from '../lazy.js';

/**
 * Strings of `<svc-standards>`. One module per language (`standards-vi.ts`, `standards-en.ts`), loaded when an element first speaks
 * it: a page loads only its own language, and only for the elements it shows. A key missing from
 * a dictionary is a type error, so `vi` and `en` stay complete.
 */
export interface StandardsMessages {
  standardsTitle: string;
  standardsIntro: string;
  standardsLoadFailed: string;
  rateStandard: (standard: string) => string;
  rateStandardShort: string;
  close: string;
}

export const standardsMessages: Dictionaries<StandardsMessages> = {
  vi: lazyPart(import.meta, 'standards strings (vi)', () => import('./standards-vi.js').then((module) => module.vi)),
  en: lazyPart(import.meta, 'standards strings (en)', () => import('./standards-en.js').then((module) => module.en)),
};
