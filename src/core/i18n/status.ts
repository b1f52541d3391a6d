import type { Dictionaries } from '../i18n.js';
import { lazyPart } from '../lazy.js';
import type { COMPLAINT_CATEGORIES } from '../record.js';

type ComplaintCategoryId = (typeof COMPLAINT_CATEGORIES)[number];

/**
 * Strings of `<svc-complaint-status>`. One module per language (`status-vi.ts`, `status-en.ts`), loaded when an element first speaks
 * it: a page loads only its own language, and only for the elements it shows. A key missing from
 * a dictionary is a type error, so `vi` and `en` stay complete.
 */
export interface StatusMessages {
  statusTitle: string;
  trackingCodeLabel: string;
  statusCodeHint: string;
  statusEnterCode: string;
  statusLookup: string;
  statusLoading: string;
  statusNotFound: string;
  statusFailed: string;
  statusLabel: string;
  statusNames: Record<string, string>;
  categoryLabel: string;
  categoryNames: Record<ComplaintCategoryId, string>;
  createdLabel: string;
  updatedLabel: string;
  dueLabel: string;
  resolvedLabel: string;
  responseLabel: string;
  noResponse: string;
  /** Asked once a complaint is resolved or rejected (Decision 766/QĐ-TTg counts it). */
  handlingQuestion: string;
}

export const statusMessages: Dictionaries<StatusMessages> = {
  vi: lazyPart(import.meta, 'complaint-status strings (vi)', () => import('./status-vi.js').then((module) => module.vi)),
  en: lazyPart(import.meta, 'complaint-status strings (en)', () => import('./status-en.js').then((module) => module.en)),
};
