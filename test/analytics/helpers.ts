// Record builders shared by the analytics tests.
import type { CaseRecord, ComplaintRecord, RatingRecord } from '../../src/core/record.js';

let counter = 0;
/** A valid UUID v4 that is different on every call (deterministic, for readable failures). */
export function nextId(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function rating(score: number, scale: 3 | 5, extra: Partial<RatingRecord> = {}): RatingRecord {
  return {
    id: nextId(),
    kind: 'rating',
    createdAt: '2026-03-05T08:30:00.000Z',
    agency: 'ubnd-hoan-kiem',
    channel: 'counter',
    locale: 'vi',
    score,
    scale,
    ...extra,
  };
}

export function complaint(category: string, extra: Partial<ComplaintRecord> = {}): ComplaintRecord {
  return {
    id: nextId(),
    kind: 'complaint',
    createdAt: '2026-03-05T08:30:00.000Z',
    agency: 'ubnd-hoan-kiem',
    channel: 'online',
    locale: 'vi',
    category,
    description: 'Chờ quá lâu ở quầy một cửa.',
    ...extra,
  };
}

export function kase(receivedAt: string, dueAt: string, resolvedAt?: string, extra: Partial<CaseRecord> = {}): CaseRecord {
  const record: CaseRecord = { id: `HS-${nextId().slice(-6)}`, kind: 'case', agency: 'ubnd-hoan-kiem', receivedAt, dueAt, ...extra };
  if (resolvedAt !== undefined) record.resolvedAt = resolvedAt;
  return record;
}

/** Equal within `tolerance` (default 1e-4: the worked examples are given to four places). */
export function near(actual: number | null | undefined, expected: number, tolerance = 1e-4, label = ''): void {
  if (typeof actual !== 'number' || Math.abs(actual - expected) > tolerance) {
    throw new Error(`${label}expected ${expected} ± ${tolerance}, got ${actual}`);
  }
}
