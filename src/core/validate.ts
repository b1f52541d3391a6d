import {
  CHANNELS,
  type Attachment,
  type CaseRecord,
  type ComplaintRecord,
  type FeedbackRecord,
  type RatingRecord,
} from './record.js';
import { UUID_V4 } from './uuid.js';
import { answersProblem } from './question-sets.js';
import { ATTACHMENT_TYPES, EMAIL_PATTERN as EMAIL, LIMITS, PHONE_PATTERN as PHONE } from './limits.js';
import { isPlainObject, shapeProblem, type ValidationError } from './shape.js';

export { ATTACHMENT_TYPES, LIMITS } from './limits.js';
export { jsonBytes, shapeProblem, type ValidationError } from './shape.js';
export { sniffType } from './sniff.js';
import { sniffType } from './sniff.js';

export type Validation<T> = { ok: true; record: T } | { ok: false; error: ValidationError };

class Invalid extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Checks a record against CONTRACT §4: the single validator of the elements, the collector and
 * analytics. Returns the same object when valid (host-added fields kept), or the first problem.
 */
export function validateRecord(value: unknown): Validation<FeedbackRecord> {
  const problem = shapeProblem(value);
  if (problem) return { ok: false, error: problem };
  try {
    const record = value as Record<string, unknown>;
    checkCommon(record);
    switch (record['kind']) {
      case 'rating':
        checkRating(record);
        break;
      case 'complaint':
        checkComplaint(record);
        break;
      case 'case':
        checkCase(record);
        break;
      default:
        throw new Invalid('kind must be "rating", "complaint" or "case".', 'kind');
    }
    return { ok: true, record: record as unknown as FeedbackRecord };
  } catch (error) {
    if (error instanceof Invalid) {
      const failure: ValidationError = { code: 'validation', message: error.message };
      if (error.field !== undefined) failure.field = error.field;
      return { ok: false, error: failure };
    }
    throw error;
  }
}

// Rules of the common fields, made once (every record of a file is checked against them).
const CASE_ID_RULE: TextRule = { required: true, max: LIMITS.caseId };
const REQUIRED_RULE: TextRule = { required: true };
const PAGE_RULE: TextRule = { max: 2048 };
const OPTIONAL_LINES = ['unit', 'service', 'caseId', 'officer'];

function checkCommon(record: Record<string, unknown>): void {
  const isCase = record['kind'] === 'case';
  if (isCase) {
    line(record, 'id', CASE_ID_RULE);
  } else if (typeof record['id'] !== 'string' || !UUID_V4.test(record['id'])) {
    throw new Invalid('id must be a UUID v4.', 'id');
  }
  if (!isCase || record['createdAt'] !== undefined) utcInstant(record, 'createdAt');
  line(record, 'agency', REQUIRED_RULE);
  for (const field of OPTIONAL_LINES) line(record, field);
  if (!isCase || record['channel'] !== undefined) {
    if (!CHANNELS.includes(record['channel'] as never)) {
      throw new Invalid(`channel must be one of ${CHANNELS.join(', ')}.`, 'channel');
    }
  }
  if (!isCase || record['locale'] !== undefined) {
    if (typeof record['locale'] !== 'string' || !LOCALE.test(record['locale'])) {
      throw new Invalid('locale must be a language tag such as "vi" or "en".', 'locale');
    }
  }
  line(record, 'page', PAGE_RULE);
}

function checkRating(record: Record<string, unknown>): asserts record is RatingRecord {
  const scale = record['scale'];
  if (scale !== 3 && scale !== 5) throw new Invalid('scale must be 3 or 5.', 'scale');
  const score = record['score'];
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > scale) {
    throw new Invalid(`score must be a whole number from 1 to ${scale}.`, 'score');
  }
  const standards = record['standards'];
  if (standards !== undefined) {
    if (!isPlainObject(standards)) throw new Invalid('standards must be an object of { id: true | false }.', 'standards');
    // Keys, not entries: no [id, answer] pair made per answer.
    const ids = Object.keys(standards);
    if (ids.length > LIMITS.standardsAnswered) throw new Invalid('Too many standards answered.', 'standards');
    for (const id of ids) {
      if (!TOKEN.test(id)) throw new Invalid(`"${id}" is not a standard id.`, `standards.${id}`);
      if (typeof standards[id] !== 'boolean') throw new Invalid('Each standard answer must be true or false.', `standards.${id}`);
    }
  }
  text(record, 'comment', { max: LIMITS.comment });
  checkAnswers(record);
}

/** `questionSet` and `answers` (CONTRACT §9): the rules live with the sets, so the element applies the same. */
function checkAnswers(record: Record<string, unknown>): void {
  const problem = answersProblem(record);
  if (problem) throw new Invalid(problem.message, problem.field);
}

function checkComplaint(record: Record<string, unknown>): asserts record is ComplaintRecord {
  if (typeof record['category'] !== 'string' || !TOKEN.test(record['category'])) {
    throw new Invalid('category must be a category id such as "attitude".', 'category');
  }
  text(record, 'description', { required: true, min: LIMITS.descriptionMin, max: LIMITS.descriptionMax });
  if (record['standard'] !== undefined && (typeof record['standard'] !== 'string' || !TOKEN.test(record['standard']))) {
    throw new Invalid('standard must be a standard id such as "listen".', 'standard');
  }
  if (record['contact'] !== undefined) checkContact(record['contact']);
  if (record['attachments'] !== undefined) checkAttachments(record['attachments']);
  text(record, 'response', { max: LIMITS.descriptionMax });
}

function checkContact(contact: unknown): void {
  if (!isPlainObject(contact)) throw new Invalid('contact must be an object.', 'contact');
  if (contact['consent'] !== true) {
    throw new Invalid('Contact details need the citizen\'s explicit consent.', 'contact.consent');
  }
  text(contact, 'consentText', { required: true, max: 1000 }, 'contact.');
  utcInstant(contact, 'consentAt', 'contact.');
  line(contact, 'name', {}, 'contact.');
  line(contact, 'email', { max: 254, pattern: EMAIL, hint: 'an e-mail address' }, 'contact.');
  line(contact, 'phone', { max: 20, pattern: PHONE, hint: 'a phone number' }, 'contact.');
  if (contact['name'] === undefined && contact['email'] === undefined && contact['phone'] === undefined) {
    throw new Invalid('contact needs a name, an e-mail address or a phone number.', 'contact');
  }
}

function checkAttachments(attachments: unknown): void {
  if (!Array.isArray(attachments)) throw new Invalid('attachments must be a list.', 'attachments');
  if (attachments.length > LIMITS.attachments) {
    throw new Invalid(`At most ${LIMITS.attachments} attachments.`, 'attachments');
  }
  attachments.forEach((item: unknown, index) => {
    const prefix = `attachments[${index}].`;
    if (!isPlainObject(item)) throw new Invalid('Each attachment must be an object.', `attachments[${index}]`);
    line(item, 'name', { required: true }, prefix);
    const attachment = item as unknown as Attachment;
    if (!ATTACHMENT_TYPES.includes(attachment.type as never)) {
      throw new Invalid('Attachments must be JPEG, PNG, WebP or GIF images, or PDF files.', `${prefix}type`);
    }
    const { size, data } = attachment;
    if (!Number.isInteger(size) || size < 1 || size > LIMITS.attachmentBytes) {
      throw new Invalid(`An attachment may be at most ${LIMITS.attachmentBytes / 1024 / 1024} MB.`, `${prefix}size`);
    }
    if (typeof data !== 'string' || data.length !== Math.ceil(size / 3) * 4 || !BASE64.test(data)) {
      throw new Invalid('Attachment data must be the base64 of exactly `size` bytes.', `${prefix}data`);
    }
    if (sniffType(data) !== attachment.type) {
      throw new Invalid(`The file's content is not ${attachment.type}.`, `${prefix}type`);
    }
  });
}

function checkCase(record: Record<string, unknown>): asserts record is CaseRecord {
  instant(record, 'receivedAt', true);
  instant(record, 'dueAt', true);
  instant(record, 'resolvedAt', false);
}

interface TextRule {
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
  hint?: string;
}

const NO_RULE: TextRule = {};

/** A one-line field: no control characters at all; at most LIMITS.shortText unless the rule says. */
function line(owner: Record<string, unknown>, key: string, rule: TextRule = NO_RULE, prefix = ''): void {
  checkText(owner, key, rule, prefix, CONTROL_IN_LINE, LIMITS.shortText);
}

/** Free text: line breaks and tabs allowed, other control characters not. */
function text(owner: Record<string, unknown>, key: string, rule: TextRule, prefix = ''): void {
  checkText(owner, key, rule, prefix, CONTROL_IN_TEXT);
}

/**
 * The field name is put together (`prefix + key`) only when a rule fails: reading a file checks
 * millions of fields that pass.
 */
function checkText(owner: Record<string, unknown>, key: string, rule: TextRule, prefix: string, control: RegExp, defaultMax?: number): void {
  const value = owner[key];
  if (value === undefined) {
    if (rule.required) throw new Invalid(`${prefix + key} is required.`, prefix + key);
    return;
  }
  const field = prefix + key;
  if (typeof value !== 'string') throw new Invalid(`${field} must be text.`, field);
  if (rule.required || rule.min !== undefined) {
    const trimmed = value.trim();
    if (rule.required && trimmed === '') throw new Invalid(`${field} is required.`, field);
    if (rule.min !== undefined && trimmed.length < rule.min) {
      throw new Invalid(`${field} needs at least ${rule.min} characters.`, field);
    }
  }
  const max = rule.max ?? defaultMax;
  if (max !== undefined && value.length > max) {
    throw new Invalid(`${field} may have at most ${max} characters.`, field);
  }
  if (control.test(value)) throw new Invalid(`${field} contains control characters.`, field);
  if (rule.pattern && !rule.pattern.test(value)) throw new Invalid(`${field} must be ${rule.hint}.`, field);
}

function utcInstant(owner: Record<string, unknown>, key: string, prefix = ''): void {
  const value = owner[key];
  const field = prefix + key;
  if (typeof value !== 'string' || !ISO_UTC.test(value) || !isRealDate(value)) {
    throw new Invalid(`${field} must be an ISO 8601 time in UTC, such as 2026-03-05T08:30:00.000Z.`, field);
  }
}

function instant(owner: Record<string, unknown>, key: string, required: boolean): void {
  const value = owner[key];
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || !isRealDate(value)) {
    throw new Invalid(`${key} must be an ISO 8601 instant, such as 2026-03-05T08:30:00Z.`, key);
  }
}

/** Instants stores can hold: years 0001–9999 in UTC (PostgreSQL refuses year 0 and five-digit years). */
const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/** The digit at `at` of a text whose pattern has a digit there. */
function digitAt(value: string, at: number): number {
  return value.charCodeAt(at) - 48;
}

/**
 * A real calendar date and clock time (Date.parse would roll 2026-02-30 over to March), within
 * years 0001–9999. The patterns above guarantee digits at these places: read them without
 * slicing. An instant in UTC is decided from its digits alone (the same answers as Date.parse,
 * checked by test/fuzz/validator.test.ts; Date.parse cost more than the rest of the check when
 * reading files); only an offset, which can move the instant out of range, needs Date.parse.
 */
function isRealDate(value: string): boolean {
  const year = digitAt(value, 0) * 1000 + digitAt(value, 1) * 100 + digitAt(value, 2) * 10 + digitAt(value, 3);
  const month = digitAt(value, 5) * 10 + digitAt(value, 6);
  const day = digitAt(value, 8) * 10 + digitAt(value, 9);
  const hours = digitAt(value, 11) * 10 + digitAt(value, 12);
  const minutes = digitAt(value, 14) * 10 + digitAt(value, 15);
  // Seconds may be left out of an instant (08:30Z, 08:30+07:00).
  const seconds = value.charCodeAt(16) === 58 /* : */ ? digitAt(value, 17) * 10 + digitAt(value, 18) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (hours > 23 || minutes > 59 || seconds > 59) return false;
  if (value.charCodeAt(value.length - 1) === 90 /* Z */) return year >= 1;
  const time = Date.parse(value);
  return time >= EARLIEST && time <= LATEST; // NaN (an offset of +25:00) fails both
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
