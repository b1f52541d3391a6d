import type { Dictionaries } from '../i18n.js';
import { lazyPart } from '../lazy.js';
import type { COMPLAINT_CATEGORIES } from '../record.js';

type ComplaintCategoryId = (typeof COMPLAINT_CATEGORIES)[number];

/**
 * Strings of `<svc-complaint>`. One module per language (`complaint-vi.ts`, `complaint-en.ts`), loaded when an element first speaks
 * it: a page loads only its own language, and only for the elements it shows. A key missing from
 * a dictionary is a type error, so `vi` and `en` stay complete.
 */
export interface ComplaintMessages {
  complaintIntro: string;
  categoryLegend: string;
  categoryNames: Record<ComplaintCategoryId, string>;
  descriptionLabel: string;
  descriptionHint: string;
  charactersLeft: (left: number) => string;
  charactersTooMany: (over: number) => string;
  standardLabel: string;
  standardNone: string;
  attachmentsLabel: string;
  attachmentsHint: (max: number, megabytes: number) => string;
  attachmentRemove: (name: string) => string;
  attachmentPreparing: string;
  chooseFiles: string;
  contactLegend: string;
  contactAnonymous: string;
  consentText: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  honeypotLabel: string;
  sendComplaint: string;
  sending: string;
  complaintThanks: string;
  trackingCodeLabel: string;
  trackingCodeTemporary: string;
  trackingCodeHint: string;
  copyCode: string;
  copied: string;
  copyManually: string;
  draftRestored: string;
  newComplaint: string;
  errorSummaryTitle: string;
  errorCategory: string;
  errorDescriptionShort: (min: number) => string;
  errorDescriptionLong: (max: number) => string;
  errorAttachmentType: (name: string) => string;
  errorAttachmentSize: (name: string, megabytes: number) => string;
  errorAttachmentCount: (max: number) => string;
  errorAttachmentUnreadable: (name: string) => string;
  errorContactMissing: string;
  errorEmail: string;
  errorPhone: string;
  errorNotConfigured: string;
  errorRejected: string;
}

export const complaintMessages: Dictionaries<ComplaintMessages> = {
  vi: lazyPart(import.meta, 'complaint strings (vi)', () => import('./complaint-vi.js').then((module) => module.vi)),
  en: lazyPart(import.meta, 'complaint strings (en)', () => import('./complaint-en.js').then((module) => module.en)),
};
