/**
 * What `<svc-report>` shows, worked out from report rows without the DOM: for each unit of the
 * evaluated period its row and the same unit's row of the period before, the indicators of
 * CONTRACT §9 with the change between the two, the weakest standards and questions. Every rate
 * and interval is a field of a `report()` row; this file only picks rows, pairs them and takes
 * differences (the change) and the shares of counts a row holds (weakest questions, verified share).
 */
import { compareKeys, type GroupField, type ReportRow } from '../../../analytics/index.js';
import type { QuestionSet } from '../../../core/question-sets.js';
import type { StandardDefinition } from '../../../core/standards.js';
import { favourable, questionIds, questionSetDefinition } from '../shared/questions.js';

/** The indicators of a unit's page, in order. */
export const INDICATORS = [
  'satisfaction',
  'onTime',
  'dossierSatisfaction',
  'complaintOnTime',
  'complaintSatisfaction',
  'verifiedSatisfaction',
  'responseRate',
] as const;
export type IndicatorId = (typeof INDICATORS)[number];

/** One indicator of a unit in a period. */
export interface Indicator {
  id: IndicatorId;
  /** The row's rate (`null` where its count is 0). */
  rate: number | null;
  /** The row's Wilson interval (`null` for the response rate, which is not a share). */
  interval: readonly [number, number] | null;
  /** What the rate is made of: `part` of `whole` (satisfied of ratings, on time of decided dossiers…). */
  part: number;
  whole: number;
  /** The target it is judged against (satisfaction, on time), or null. */
  target: number | null;
  /** The row's verdict (`meetsSatisfactionTarget`, `meetsOnTimeTarget`), or null. */
  meets: boolean | null;
  /** The same rate of the previous period's row (null without one). */
  previous: number | null;
  /** `rate − previous`, in shares (0.032 is 3.2 percentage points); null when either is null. */
  change: number | null;
}

/** The rate, interval and its parts of an indicator in a row. */
function measure(row: ReportRow, id: IndicatorId): Pick<Indicator, 'rate' | 'interval' | 'part' | 'whole'> {
  switch (id) {
    case 'satisfaction':
      return { rate: row.satisfactionRate, interval: row.satisfactionCI, part: row.satisfied, whole: row.ratings };
    case 'onTime':
      return { rate: row.onTimeRate, interval: row.onTimeCI, part: row.casesOnTime, whole: row.casesOnTime + row.casesLate };
    case 'dossierSatisfaction':
      return { rate: row.dossierSatisfactionRate ?? null, interval: row.dossierSatisfactionCI ?? null, part: row.cases - (row.casesDissatisfied ?? 0), whole: row.cases };
    case 'complaintOnTime':
      return {
        rate: row.complaintOnTimeRate ?? null,
        interval: row.complaintOnTimeCI ?? null,
        part: row.complaintsOnTime ?? 0,
        whole: (row.complaintsOnTime ?? 0) + (row.complaintsLate ?? 0),
      };
    case 'complaintSatisfaction':
      return {
        rate: row.complaintSatisfactionRate ?? null,
        interval: row.complaintSatisfactionCI ?? null,
        part: row.complaints - (row.complaintsDissatisfied ?? 0),
        whole: row.complaints,
      };
    case 'verifiedSatisfaction':
      return { rate: row.verifiedSatisfactionRate ?? null, interval: row.verifiedSatisfactionCI ?? null, part: row.verifiedSatisfied ?? 0, whole: row.verifiedRatings ?? 0 };
    default:
      return { rate: row.responseRate ?? null, interval: null, part: row.verifiedRatings ?? 0, whole: row.cases };
  }
}

/** The indicators of `row`, with the change against `previous` (the same unit's row of the period before). */
export function indicators(row: ReportRow, previous: ReportRow | null, targets: { satisfaction: number; onTime: number }): Indicator[] {
  return INDICATORS.map((id) => {
    const now = measure(row, id);
    const before = previous ? measure(previous, id).rate : null;
    return {
      id,
      ...now,
      target: id === 'satisfaction' ? targets.satisfaction : id === 'onTime' ? targets.onTime : null,
      meets: id === 'satisfaction' ? row.meetsSatisfactionTarget : id === 'onTime' ? row.meetsOnTimeTarget : null,
      previous: before,
      change: now.rate === null || before === null ? null : now.rate - before,
    };
  });
}

/**
 * The period before a period key: `2026-Q1` → `2025-Q4`, `2026` → `2025`, `2026-03` → `2026-02`;
 * null for `all`, weeks and days (the evaluation is quarterly or yearly; months come for free).
 */
export function previousPeriod(period: string): string | null {
  let match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (match) {
    const year = Number(match[1]);
    const quarter = Number(match[2]);
    return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
  }
  match = /^(\d{4})-(\d{2})$/.exec(period);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  }
  if (/^\d{4}$/.test(period)) return String(Number(period) - 1);
  return null;
}

/** A standard among the weakest of a unit. */
export interface WeakStandard {
  id: string;
  name: string;
  yes: number;
  no: number;
  rate: number;
}

/** A question among the weakest of a unit: `good` favourable answers of `answers`. */
export interface WeakQuestion {
  set: string;
  id: string;
  good: number;
  answers: number;
  share: number;
}

/** The `count` standards kept least often (the row's `rate`, lowest first; those nobody answered left out). */
export function weakestStandards(row: ReportRow, list: readonly StandardDefinition[], locale: string, count = 3): WeakStandard[] {
  const order = list.map((standard) => standard.id);
  const position = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return Object.entries(row.standards)
    .filter(([, result]) => result.rate !== null)
    .map(([id, result]) => {
      const standard = list.find((candidate) => candidate.id === id);
      const name = standard ? (locale === 'en' ? standard.en : standard.vi) : id;
      return { id, name, yes: result.yes, no: result.no, rate: result.rate! };
    })
    .sort((a, b) => a.rate - b.rate || position(a.id) - position(b.id) || (a.id < b.id ? -1 : 1))
    .slice(0, count);
}

/**
 * The `count` questions with the lowest share of favourable answers (a satisfied score, full
 * points, yes), over every set the row answers; choices and drivers have no such reading and are
 * left out.
 */
export function weakestQuestions(row: ReportRow, own: QuestionSet | null, count = 3): WeakQuestion[] {
  const found: WeakQuestion[] = [];
  for (const set of Object.keys(row.answers ?? {}).sort()) {
    const definition = questionSetDefinition(set, own);
    if (!definition) continue;
    for (const id of questionIds(set, [row], definition)) {
      const result = favourable(
        definition.questions.find((question) => question.id === id),
        row.answers[set]?.[id] ?? {},
      );
      if (result && result.answers > 0) found.push({ set, id, good: result.good, answers: result.answers, share: result.good / result.answers });
    }
  }
  return found.sort((a, b) => a.share - b.share || b.answers - a.answers).slice(0, count);
}

/** A unit's page: its row, the previous period's row and what the page shows of them. */
export interface UnitPage {
  row: ReportRow;
  previous: ReportRow | null;
  indicators: Indicator[];
  standards: WeakStandard[];
  questions: WeakQuestion[];
}

/** The key of a row without its period: the group it belongs to. */
export function groupKey(row: ReportRow, groupBy: readonly GroupField[]): string {
  return JSON.stringify(groupBy.map((field) => row.key[field] ?? null));
}

export interface ReportModelOptions {
  targets: { satisfaction: number; onTime: number };
  standards: readonly StandardDefinition[];
  locale: string;
  questionSet: QuestionSet | null;
}

/** The unit pages of `period`, in key order (the order of `report()`'s rows). */
export function unitPages(rows: readonly ReportRow[], groupBy: readonly GroupField[], period: string, options: ReportModelOptions): UnitPage[] {
  const before = previousPeriod(period);
  const previousByGroup = new Map<string, ReportRow>();
  if (before) for (const row of rows) if (row.key.period === before) previousByGroup.set(groupKey(row, groupBy), row);
  return rows
    .filter((row) => row.key.period === period)
    .sort((a, b) => compareKeys(a.key, b.key, groupBy))
    .map((row) => {
      const previous = previousByGroup.get(groupKey(row, groupBy)) ?? null;
      return {
        row,
        previous,
        indicators: indicators(row, previous, options.targets),
        standards: weakestStandards(row, options.standards, options.locale),
        questions: weakestQuestions(row, options.questionSet),
      };
    });
}
