/**
 * From counters to what officials are judged on: satisfaction and on-time rates with Wilson
 * intervals, flagged against the targets (CONTRACT §5).
 */
import { isSatisfied } from '../core/record.js';
import { parseInstant } from './period.js';
import { compareKeys, merge, type GroupKey, type Summary } from './summary.js';
import { wilsonWithZ, zForConfidence } from './wilson.js';

/** The targets officials are held to. */
export interface Targets {
  /** Share of satisfied citizens to reach; default 0.8. */
  satisfaction?: number;
  /** Share of dossiers resolved on time to reach; default 1. */
  onTime?: number;
}

/** How to turn a Summary into rows. */
export interface ReportOptions {
  /** Default `{ satisfaction: 0.8, onTime: 1 }`; a target is met when the rate is at least it. */
  targets?: Targets;
  /** Confidence level of the intervals, 0 < confidence < 1; default 0.95. */
  confidence?: number;
  /** Rows with fewer ratings are flagged `lowSample`; default 30. */
  minSample?: number;
  /**
   * The moment open cases are judged at (a Date, epoch milliseconds or an ISO 8601 instant);
   * default now. An open case whose `dueAt` is before it is late, otherwise pending.
   */
  asOf?: Date | number | string;
}

/** A standard's answers in a row. */
export interface StandardResult {
  yes: number;
  no: number;
  /** `yes / (yes + no)`, `null` when nobody answered. */
  rate: number | null;
}

/** One row of a report: a group in a period (CONTRACT §5). */
export interface ReportRow {
  /** Every `groupBy` field (`null` where the records have none) and `period` (`all` when not split). */
  key: GroupKey;
  /** Ratings counted. */
  ratings: number;
  /** Ratings with score ≥ 4 of 5, or ≥ 2 of 3. */
  satisfied: number;
  /** `satisfied / ratings`; `null` without ratings. */
  satisfactionRate: number | null;
  /** Wilson score interval of the satisfaction rate; `null` without ratings. */
  satisfactionCI: [number, number] | null;
  /** Ratings per scale, then per score, every score of a scale listed: `{ "3": { "1": 0, "2": 5, "3": 9 } }`. */
  scoreCounts: Record<string, Record<string, number>>;
  /** Per standard id. */
  standards: Record<string, StandardResult>;
  complaints: number;
  complaintsByCategory: Record<string, number>;
  /** All cases: on time + late + pending. */
  cases: number;
  /** Resolved at or before `dueAt`. */
  casesOnTime: number;
  /** Resolved after `dueAt`, or still open with `dueAt` before `asOf`. */
  casesLate: number;
  /** Still open and not yet due at `asOf`; left out of the on-time rate. */
  casesPending: number;
  /** `casesOnTime / (casesOnTime + casesLate)`; `null` when both are 0. */
  onTimeRate: number | null;
  /** Wilson score interval of the on-time rate; `null` when the rate is. */
  onTimeCI: [number, number] | null;
  /** `satisfactionRate ≥ targets.satisfaction`; `null` when the rate is `null`. */
  meetsSatisfactionTarget: boolean | null;
  /** `onTimeRate ≥ targets.onTime`; `null` when the rate is `null`. */
  meetsOnTimeTarget: boolean | null;
  /** `ratings < minSample`: too few ratings to read much into the rate. */
  lowSample: boolean;
  /** Ratings the collector verified (from an invitation, CONTRACT §7); part of `ratings`. */
  verifiedRatings: number;
  /** Verified ratings that are satisfied. */
  verifiedSatisfied: number;
  /** `verifiedSatisfied / verifiedRatings`; `null` without verified ratings. */
  verifiedSatisfactionRate: number | null;
  verifiedSatisfactionCI: [number, number] | null;
  /**
   * Ratings flagged by an official or marked suspect: left out of every other count and rate
   * unless the Summary was made with `includeFlagged`.
   */
  flaggedRatings: number;
  /** Ratings of a complaint's handling (`about: "complaint"`): not in `ratings`. */
  complaintRatings: number;
  /** Complaints closed (resolved or rejected) at or before `dueAt`. */
  complaintsOnTime: number;
  /** Complaints closed after `dueAt`, or open with `dueAt` before `asOf`. */
  complaintsLate: number;
  /** Open complaints not yet due at `asOf` (complaints without `dueAt` are in none of the three). */
  complaintsPending: number;
  /** `complaintsOnTime / (complaintsOnTime + complaintsLate)` (Decision 766's "PAKN xử lý đúng hạn"). */
  complaintOnTimeRate: number | null;
  complaintOnTimeCI: [number, number] | null;
  /** Complaints whose handling was rated unsatisfied. */
  complaintsDissatisfied: number;
  /** `(complaints − complaintsDissatisfied) / complaints`; `null` without complaints. */
  complaintSatisfactionRate: number | null;
  complaintSatisfactionCI: [number, number] | null;
  /** Cases with an unsatisfied verified rating or a complaint naming them (by agency and caseId). */
  casesDissatisfied: number;
  /** `(cases − casesDissatisfied) / cases` (Decision 766's "hài lòng tiếp nhận, giải quyết TTHC"). */
  dossierSatisfactionRate: number | null;
  dossierSatisfactionCI: [number, number] | null;
  /**
   * `verifiedRatings / cases` of the same group and period; `null` without cases. Not a share
   * (a rating and its case may fall in different periods), so it has no interval and may pass 1.
   */
  responseRate: number | null;
  /** Answers per question set, question and value (values nobody gave are not listed). */
  answers: Record<string, Record<string, Record<string, number>>>;
}

/** Default targets: satisfaction above 80 %, every dossier on time. */
export const DEFAULT_TARGETS: Readonly<Required<Targets>> = Object.freeze({ satisfaction: 0.8, onTime: 1 });

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function checkShare(value: unknown, name: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new RangeError(`${name} must be a share between 0 and 1, such as 0.8; got ${JSON.stringify(value)}.`);
  }
  return value;
}

function instantOf(value: Date | number | string | undefined): number {
  if (value === undefined) return Date.now();
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? parseInstant(value) : value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(ms)) {
    throw new RangeError(`asOf must be a Date, epoch milliseconds or an ISO 8601 instant; got ${JSON.stringify(value)}.`);
  }
  return ms;
}

/**
 * The rows of CONTRACT §5, one per group and period of the Summary, sorted by key (groupBy
 * fields in order, `null` first, then period). Rates are `null` where their count is 0; periods
 * without records are not invented.
 *
 * @example report(summary, { targets: { satisfaction: 0.8 }, asOf: '2026-04-01T00:00:00Z' })
 * @throws RangeError for a confidence outside (0, 1), a target outside [0, 1], a negative
 *   minSample or an unreadable asOf; TypeError for an invalid Summary.
 */
export function report(summary: Summary, options: ReportOptions = {}): ReportRow[] {
  const satisfactionTarget = checkShare(options.targets?.satisfaction ?? DEFAULT_TARGETS.satisfaction, 'targets.satisfaction');
  const onTimeTarget = checkShare(options.targets?.onTime ?? DEFAULT_TARGETS.onTime, 'targets.onTime');
  const z = zForConfidence(options.confidence ?? 0.95);
  const minSample = options.minSample ?? 30;
  if (typeof minSample !== 'number' || !(minSample >= 0)) {
    throw new RangeError(`minSample must be a number ≥ 0; got ${JSON.stringify(minSample)}.`);
  }
  const asOf = instantOf(options.asOf);
  // merge() of one Summary checks every counter and puts the groups in canonical order.
  const checked = merge(summary);
  const groupBy = checked.groupBy;
  const rows = checked.groups.map(({ key, stats }): ReportRow => {
    let ratings = 0;
    let satisfied = 0;
    const scoreCounts: Record<string, Record<string, number>> = {};
    for (const scale of [3, 5] as const) {
      const byScore = stats.scores[String(scale)];
      if (!byScore) continue;
      const all: Record<string, number> = {};
      for (let score = 1; score <= scale; score++) {
        const n = byScore[String(score)] ?? 0;
        all[String(score)] = n;
        ratings += n;
        if (isSatisfied(score, scale)) satisfied += n;
      }
      scoreCounts[String(scale)] = all;
    }
    const standards: Record<string, StandardResult> = {};
    for (const id of Object.keys(stats.standards)) {
      const { yes, no } = stats.standards[id]!;
      setOwn(standards, id, { yes, no, rate: yes + no === 0 ? null : yes / (yes + no) });
    }
    const complaintsByCategory: Record<string, number> = {};
    let complaints = 0;
    for (const category of Object.keys(stats.complaintsByCategory)) {
      const n = stats.complaintsByCategory[category]!;
      setOwn(complaintsByCategory, category, n);
      complaints += n;
    }
    let overdue = 0;
    let pending = 0;
    for (const due of Object.keys(stats.casesOpenByDue)) {
      const n = stats.casesOpenByDue[due]!;
      if (parseInstant(due) < asOf) overdue += n;
      else pending += n;
    }
    let complaintsOverdue = 0;
    let complaintsPending = 0;
    for (const due of Object.keys(stats.complaintsOpenByDue)) {
      const n = stats.complaintsOpenByDue[due]!;
      if (parseInstant(due) < asOf) complaintsOverdue += n;
      else complaintsPending += n;
    }
    let verifiedRatings = 0;
    let verifiedSatisfied = 0;
    for (const scale of [3, 5] as const) {
      const byScore = stats.verifiedScores[String(scale)];
      if (!byScore) continue;
      for (const score of Object.keys(byScore)) {
        const n = byScore[score]!;
        verifiedRatings += n;
        if (isSatisfied(Number(score), scale)) verifiedSatisfied += n;
      }
    }
    const complaintsOnTime = stats.complaintsOnTime;
    const complaintsLate = stats.complaintsResolvedLate + complaintsOverdue;
    const complaintsDecided = complaintsOnTime + complaintsLate;
    const casesOnTime = stats.casesOnTime;
    const casesLate = stats.casesResolvedLate + overdue;
    const decided = casesOnTime + casesLate;
    const cases = decided + pending;
    // A hand-made Summary may claim more dissatisfied than there are: never more than all of them.
    const casesDissatisfied = Math.min(stats.casesDissatisfied, cases);
    const complaintsDissatisfied = Math.min(stats.complaintsDissatisfied, complaints);
    const satisfactionRate = ratings === 0 ? null : satisfied / ratings;
    const onTimeRate = decided === 0 ? null : casesOnTime / decided;
    return {
      key: { ...key },
      ratings,
      satisfied,
      satisfactionRate,
      satisfactionCI: wilsonWithZ(satisfied, ratings, z),
      scoreCounts,
      standards,
      complaints,
      complaintsByCategory,
      cases,
      casesOnTime,
      casesLate,
      casesPending: pending,
      onTimeRate,
      onTimeCI: wilsonWithZ(casesOnTime, decided, z),
      meetsSatisfactionTarget: satisfactionRate === null ? null : satisfactionRate >= satisfactionTarget,
      meetsOnTimeTarget: onTimeRate === null ? null : onTimeRate >= onTimeTarget,
      lowSample: ratings < minSample,
      verifiedRatings,
      verifiedSatisfied,
      verifiedSatisfactionRate: verifiedRatings === 0 ? null : verifiedSatisfied / verifiedRatings,
      verifiedSatisfactionCI: wilsonWithZ(verifiedSatisfied, verifiedRatings, z),
      flaggedRatings: stats.flaggedRatings,
      complaintRatings: stats.complaintRatings,
      complaintsOnTime,
      complaintsLate,
      complaintsPending,
      complaintOnTimeRate: complaintsDecided === 0 ? null : complaintsOnTime / complaintsDecided,
      complaintOnTimeCI: wilsonWithZ(complaintsOnTime, complaintsDecided, z),
      complaintsDissatisfied,
      complaintSatisfactionRate: complaints === 0 ? null : (complaints - complaintsDissatisfied) / complaints,
      complaintSatisfactionCI: wilsonWithZ(complaints - complaintsDissatisfied, complaints, z),
      casesDissatisfied,
      dossierSatisfactionRate: cases === 0 ? null : (cases - casesDissatisfied) / cases,
      dossierSatisfactionCI: wilsonWithZ(cases - casesDissatisfied, cases, z),
      responseRate: cases === 0 ? null : verifiedRatings / cases,
      // A copy: rows never share objects with the Summary they came from.
      answers: JSON.parse(JSON.stringify(stats.answers)) as ReportRow['answers'],
    };
  });
  return rows.sort((a, b) => compareKeys(a.key, b.key, groupBy));
}
