import { createHash } from 'node:crypto';
import type { FeedbackRecord } from '../../core/record.js';
import { parseInstant } from '../../analytics/period.js';
import type { Queryable } from '../storage/types.js';
import type { CaseFields } from './invitations.js';
import * as SQL from './sql.js';

/** Fields only the collector sets on a stored rating: whatever a client sent for them is dropped. */
export const COLLECTOR_RATING_FIELDS = ['verified', 'suspect', 'flag'] as const;

/** What the submit path needs to know about one request, for the verified-rating rules. */
export interface IngestContext {
  /** The client's address (hashed before it is stored), for burst marks of ratings without `kioskId`. */
  source?: string;
  /** Ratings of one source closer together than this are marked `suspect: "burst"`; 0 = off. */
  burstSeconds?: number;
  /** The collector itself verified these ratings (a closed complaint's tracking code, CONTRACT §8). */
  verified?: boolean;
}

/**
 * A rating as the collector stores it: the client's collector-only fields dropped, `verified`
 * false (true only when the collector verified it itself), the invitation code gone. Other kinds
 * pass unchanged.
 */
export function prepareRating(record: FeedbackRecord, verified = false): FeedbackRecord {
  if (record.kind !== 'rating') return record;
  const copy: Record<string, unknown> = { ...record };
  for (const field of COLLECTOR_RATING_FIELDS) delete copy[field];
  delete copy['invitation'];
  copy['verified'] = verified;
  return copy as unknown as FeedbackRecord;
}

/** The rating with its invitation's case fields (they win; an absent one is removed) and `verified: true`. */
export function verifiedRating(record: FeedbackRecord, fields: CaseFields): FeedbackRecord {
  const copy: Record<string, unknown> = { ...record };
  for (const name of ['unit', 'service', 'officer', 'caseId'] as const) delete copy[name];
  Object.assign(copy, fields, { verified: true });
  return copy as unknown as FeedbackRecord;
}

/** The key of a rating's source: its kiosk, else the client's address (hashed: the table keeps no address). */
function sourceOf(record: FeedbackRecord, address: string | undefined): string | undefined {
  const kiosk = (record as Record<string, unknown>)['kioskId'];
  if (typeof kiosk === 'string' && kiosk !== '') return `kiosk:${kiosk}`;
  if (address === undefined) return undefined;
  return `addr:${createHash('sha256').update(`svc-source:${address}`).digest('hex').slice(0, 32)}`;
}

/**
 * Marks `suspect: "burst"` on ratings that come sooner than `burstSeconds` after the previous
 * rating of their source. A rating's instant is its `createdAt`, capped at the collector's clock:
 * a kiosk that was offline sends its queue in one burst, but the ratings were made minutes apart;
 * a client cannot date a rating in the future to escape. One statement per source and request.
 */
export async function markBursts(db: Queryable, records: FeedbackRecord[], { source, burstSeconds = 0 }: IngestContext, now: Date): Promise<FeedbackRecord[]> {
  if (burstSeconds <= 0) return records;
  const groups = new Map<string, Array<{ index: number; at: number }>>();
  records.forEach((record, index) => {
    if (record.kind !== 'rating') return;
    const key = sourceOf(record, source);
    if (key === undefined) return;
    const created = parseInstant(String(record.createdAt));
    const at = Math.min(Number.isNaN(created) ? now.getTime() : created, now.getTime());
    const group = groups.get(key);
    if (group) group.push({ index, at });
    else groups.set(key, [{ index, at }]);
  });
  const out = [...records];
  const windowMs = burstSeconds * 1000;
  // One row per source ever seen would grow without end: now and then (about one request in a
  // thousand, on any instance) the rows too old to mark anything are dropped.
  if (groups.size > 0 && Math.random() < 0.001) await db.query(SQL.PRUNE_SOURCES, [new Date(now.getTime() - windowMs - 3_600_000).toISOString()]);
  for (const [key, group] of groups) {
    group.sort((a, b) => a.at - b.at);
    const last = group[group.length - 1]!;
    const [row] = await db.query(SQL.TOUCH_SOURCE, [key, new Date(last.at).toISOString()]);
    const stored = row?.['prev_at'];
    let previous = stored === null || stored === undefined ? undefined : new Date(stored as string | Date).getTime();
    for (const { index, at } of group) {
      if (previous !== undefined && Math.abs(at - previous) < windowMs) out[index] = { ...out[index]!, suspect: 'burst' } as FeedbackRecord;
      previous = at;
    }
  }
  return out;
}
