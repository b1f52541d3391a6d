/** Limits of CONTRACT §4, shared by the elements, the collector and analytics. */
export const LIMITS = Object.freeze({
  recordBytes: 16 * 1024,
  shortText: 200,
  caseId: 128,
  comment: 2000,
  descriptionMin: 10,
  descriptionMax: 4000,
  attachments: 3,
  attachmentBytes: 2 * 1024 * 1024,
  standardsAnswered: 64,
  nesting: 32,
});

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'] as const;

/** What an e-mail address and a phone number look like (the form and the validator agree). */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PHONE_PATTERN = /^\+?[0-9 ().-]{6,20}$/;
