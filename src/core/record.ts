/** What a record is about. */
export type RecordKind = 'rating' | 'complaint' | 'case';

/** How the citizen reached the service. */
export type Channel = 'online' | 'kiosk' | 'counter' | 'phone' | 'other';
export const CHANNELS: readonly Channel[] = ['online', 'kiosk', 'counter', 'phone', 'other'];

/** Rating scales: 5 (very dissatisfied … very satisfied) or the one-stop-counter 3. */
export type Scale = 3 | 5;

/** Complaint categories every element offers; agencies may add their own. */
export const COMPLAINT_CATEGORIES = ['attitude', 'delay', 'fees', 'procedure', 'facilities', 'other'] as const;

/** A complaint's life on the collector. */
export type ComplaintStatus = 'received' | 'in_progress' | 'resolved' | 'rejected';
export const COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['received', 'in_progress', 'resolved', 'rejected'];

/** Fields every record has (CONTRACT §4). Fields a host page adds are kept as they are. */
export interface BaseRecord extends CommonFields {
  channel: Channel;
  /** The resolved language of the element, `vi`, `en`, … */
  locale: string;
  /** ISO 8601 instant in UTC. */
  createdAt: string;
}

/** The fields all three kinds share, without the ones a case may leave out. */
export interface CommonFields {
  /** UUID v4 made in the browser (any unique string ≤ 128 characters for cases): the idempotency key. */
  id: string;
  kind: RecordKind;
  agency: string;
  unit?: string;
  /** Procedure code. */
  service?: string;
  /** Dossier or receipt number. */
  caseId?: string;
  officer?: string;
  /** The page URL without query string or fragment. */
  page?: string;
  [extra: string]: unknown;
}

export interface RatingRecord extends BaseRecord {
  kind: 'rating';
  /** Integer from 1 to `scale`. */
  score: number;
  scale: Scale;
  /** Answered standards only: `true` when the citizen says the standard was kept. */
  standards?: Record<string, boolean>;
  comment?: string;
  /** The question set answered (`sipas`, `tthc-9`, `a11` or an agency's own id), CONTRACT §9. */
  questionSet?: string;
  /** Answers to the set's questions: `{ questionId: true | 2 | "ease" | ["ease", "employee"] }`. */
  answers?: Record<string, boolean | number | string | string[]>;
}

export interface ComplaintContact {
  name?: string;
  email?: string;
  phone?: string;
  consent: true;
  consentText: string;
  consentAt: string;
}

export interface Attachment {
  name: string;
  type: string;
  size: number;
  /** Base64 of the bytes. */
  data: string;
}

export interface ComplaintRecord extends BaseRecord {
  kind: 'complaint';
  category: string;
  description: string;
  standard?: string;
  contact?: ComplaintContact;
  attachments?: Attachment[];
  /** Set by the collector. */
  trackingCode?: string;
  status?: ComplaintStatus;
  dueAt?: string;
  resolvedAt?: string;
  response?: string;
}

/** An administrative dossier imported by officials: the input of the on-time rate. */
export interface CaseRecord extends CommonFields {
  kind: 'case';
  createdAt?: string;
  channel?: Channel;
  locale?: string;
  receivedAt: string;
  dueAt: string;
  resolvedAt?: string;
}

export type FeedbackRecord = RatingRecord | ComplaintRecord | CaseRecord;

/** A satisfied rating: `score >= 4` on scale 5, `score >= 2` on scale 3. */
export function isSatisfied(score: number, scale: Scale): boolean {
  return scale === 3 ? score >= 2 : score >= 4;
}

/** The page address as records carry it: no query string, no fragment (they can hold personal data). */
export function pageWithoutQuery(href: string): string {
  const cut = href.search(/[?#]/);
  return cut === -1 ? href : href.slice(0, cut);
}
