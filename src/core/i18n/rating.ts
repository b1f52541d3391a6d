import type { Dictionaries } from '../i18n.js';
import { lazyPart } from '../lazy.js';

/**
 * Strings of `<svc-rating>`. One module per language (`rating-vi.ts`, `rating-en.ts`), loaded when an element first speaks
 * it: a page loads only its own language, and only for the elements it shows. A key missing from
 * a dictionary is a type error, so `vi` and `en` stay complete.
 */
export interface RatingMessages {
  ratingQuestion: string;
  scoreLabels5: readonly [string, string, string, string, string];
  scoreLabels3: readonly [string, string, string];
  standardsLegend: string;
  yes: string;
  no: string;
  commentOptional: string;
  commentRequired: string;
  commentHint: string;
  charactersLeft: (left: number) => string;
  send: string;
  sending: string;
  thanks: string;
  thanksQueuedOffline: string;
  thanksSent: string;
  kioskResetIn: (seconds: number) => string;
  startOver: string;
  openRating: string;
  close: string;
  errorSummaryTitle: string;
  errorChooseScore: string;
  errorCommentRequired: string;
  errorCommentTooLong: (max: number) => string;
  errorNotConfigured: string;
  errorRejected: string;
  errorNotKept: string;
}

export const ratingMessages: Dictionaries<RatingMessages> = {
  vi: lazyPart(import.meta, 'rating strings (vi)', () => import('./rating-vi.js').then((module) => module.vi)),
  en: lazyPart(import.meta, 'rating strings (en)', () => import('./rating-en.js').then((module) => module.en)),
};
