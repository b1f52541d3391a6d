// A fixture worked out by hand for every indicator of CONTRACT §9 (the arithmetic is written next to
// each figure). Shared by the analytics test and the collector suite (SQL must give the same).
import type { FeedbackRecord } from '../../src/core/record.js';

export const FIXTURE_WINDOW = { from: '2031-01-01T00:00:00.000Z', to: '2032-01-01T00:00:00.000Z' };
export const FIXTURE_AS_OF = '2031-04-15T00:00:00.000Z';
const agency = 'so-fixture';
const unit = 'mot-cua';
let n = 0;
const uuid = () => `00000000-0000-4000-8000-0000000031${String(++n).padStart(2, '0')}`;
const rating = (score: number, extra: Record<string, unknown> = {}, scale = 5): FeedbackRecord =>
  ({ id: uuid(), kind: 'rating', agency, unit, channel: 'counter', locale: 'vi', createdAt: '2031-02-10T03:00:00.000Z', scale, score, ...extra }) as FeedbackRecord;
const complaint = (extra: Record<string, unknown>): FeedbackRecord =>
  ({ id: uuid(), kind: 'complaint', agency, unit, channel: 'online', locale: 'vi', createdAt: '2031-02-01T03:00:00.000Z', category: 'delay', description: 'Hồ sơ chậm quá hạn hẹn.', ...extra }) as FeedbackRecord;
const kase = (id: string, dueAt: string, resolvedAt?: string): FeedbackRecord =>
  ({ id, kind: 'case', agency, unit, receivedAt: '2031-02-01T01:00:00.000Z', dueAt, ...(resolvedAt ? { resolvedAt } : {}) }) as FeedbackRecord;

export const FIXTURE: FeedbackRecord[] = [
  // Ratings of the service (Q1 unless said).
  rating(5, { verified: true, caseId: 'C1', questionSet: 'sipas', answers: { access: 5, procedure: 4 } }), // r1 verified, satisfied
  rating(2, { verified: true, caseId: 'C2' }), // r2 verified, unsatisfied → C2 dissatisfied
  rating(1, { verified: true, caseId: 'C3', flag: { reason: 'test', at: '2031-02-11T00:00:00.000Z' } }, 3), // r3 flagged
  rating(1, { verified: false, caseId: 'C4' }), // r4 unverified: counted, but names no case
  rating(4, { questionSet: 'sipas', answers: { access: 2 } }), // r5 satisfied
  rating(5, { suspect: 'burst', questionSet: 'sipas', answers: { access: 1 } }), // r6 suspect
  rating(1, { about: 'complaint', trackingCode: 'K1', verified: true }, 3), // r7 handling of K1: unsatisfied
  rating(3, { about: 'complaint', trackingCode: 'K2', verified: true }, 3), // r8 handling of K2: satisfied
  rating(2, { verified: true, caseId: 'C5', createdAt: '2031-04-02T03:00:00.000Z' }, 3), // r9 Q2, satisfied on scale 3
  rating(1, { verified: true, caseId: 'C5', createdAt: '2031-04-03T03:00:00.000Z' }), // r10 Q2, unsatisfied → C5 (a Q1 case)
  // Complaints (Q1), due 2031-02-11.
  complaint({ trackingCode: 'K1', status: 'resolved', dueAt: '2031-02-11T03:00:00.000Z', resolvedAt: '2031-02-09T00:00:00.000Z', caseId: 'C6' }), // on time; names C6
  complaint({ trackingCode: 'K2', status: 'rejected', dueAt: '2031-02-11T03:00:00.000Z', resolvedAt: '2031-02-12T00:00:00.000Z' }), // closed late
  complaint({ trackingCode: 'K3', status: 'received', dueAt: '2031-02-11T03:00:00.000Z' }), // open, due before asOf → late
  complaint({ trackingCode: 'K4', status: 'in_progress', dueAt: '2031-05-01T03:00:00.000Z' }), // open, due after asOf → pending
  // Cases (Q1).
  kase('C1', '2031-02-20T00:00:00.000Z', '2031-02-09T00:00:00.000Z'), // on time
  kase('C2', '2031-02-05T00:00:00.000Z', '2031-02-09T00:00:00.000Z'), // late
  kase('C3', '2031-02-20T00:00:00.000Z', '2031-02-09T00:00:00.000Z'), // on time
  kase('C4', '2031-02-20T00:00:00.000Z', '2031-02-09T00:00:00.000Z'), // on time
  kase('C5', '2031-05-01T00:00:00.000Z'), // open, not yet due → pending
  kase('C6', '2031-02-20T00:00:00.000Z', '2031-02-09T00:00:00.000Z'), // on time
  kase('C7', '2031-03-01T00:00:00.000Z'), // open, overdue → late
  kase('C8', '2031-02-20T00:00:00.000Z', '2031-02-20T00:00:00.000Z'), // resolved at dueAt → on time
];

/** Report rows of FIXTURE, by quarter in UTC, at FIXTURE_AS_OF: the hand-computed figures. */
export const FIXTURE_EXPECTED = {
  Q1: {
    // r1, r2, r4, r5 (r3 and r6 flagged, r7 and r8 rate complaint handling, r9 and r10 are Q2).
    ratings: 4,
    satisfied: 2, // r1 (5), r5 (4)
    satisfactionRate: 2 / 4,
    verifiedRatings: 2, // r1, r2
    verifiedSatisfied: 1, // r1
    verifiedSatisfactionRate: 1 / 2,
    flaggedRatings: 2, // r3, r6
    complaintRatings: 2, // r7, r8
    complaints: 4,
    complaintsOnTime: 1, // K1
    complaintsLate: 2, // K2 closed after dueAt + K3 open past dueAt at asOf
    complaintsPending: 1, // K4
    complaintOnTimeRate: 1 / 3, // 1 / (1 + 2)
    complaintsDissatisfied: 1, // K1 (r7 unsatisfied); K2's r8 is satisfied
    complaintSatisfactionRate: (4 - 1) / 4,
    cases: 8,
    casesOnTime: 5, // C1, C3, C4, C6, C8
    casesLate: 2, // C2, C7
    casesPending: 1, // C5
    // C2 (r2), C6 (complaint K1), C5 (r10, a verified unsatisfied rating in Q2: the case counts in its own quarter).
    // Not C3 (its rating is flagged), not C4 (its rating is not verified).
    casesDissatisfied: 3,
    dossierSatisfactionRate: (8 - 3) / 8,
    responseRate: 2 / 8, // verified ratings of Q1 / cases of Q1
    answers: { sipas: { access: { '2': 1, '5': 1 }, procedure: { '4': 1 } } }, // r1, r5 (r6 is suspect)
  },
  Q2: {
    ratings: 2, // r9, r10
    satisfied: 1, // r9 (2 of 3)
    verifiedRatings: 2,
    cases: 0,
    responseRate: null, // no cases in Q2
    dossierSatisfactionRate: null,
  },
  /** With includeFlagged: r3 (verified, 1 of 3) and r6 (5) count; C3 becomes dissatisfied. */
  Q1Flagged: {
    ratings: 6,
    satisfied: 3, // r1, r5, r6
    verifiedRatings: 3, // r1, r2, r3
    flaggedRatings: 2,
    casesDissatisfied: 4, // C2, C3, C5, C6
    dossierSatisfactionRate: (8 - 4) / 8,
    answers: { sipas: { access: { '1': 1, '2': 1, '5': 1 }, procedure: { '4': 1 } } },
  },
} as const;
