/**
 * What a chart shows, worked out from report rows without chart.js: the caption, the summary a
 * screen reader hears, the notes, the equivalent data table, and the series to draw. Every number
 * is a field of a `report()` row, formatted by `format.ts`; nothing is computed here.
 */
import type { GroupField, ReportRow } from '../../../analytics/index.js';
import { COMPLAINT_CATEGORIES } from '../../../core/record.js';
import { standardText, type StandardDefinition } from '../../../core/standard-text.js';
import {
  formatInteger,
  formatInterval,
  formatPercent,
  formatPeriod,
  formatShare,
  rowLabel,
  sharedPeriod,
  varyingParts,
  type Labels,
} from '../shared/format.js';
import type { ChartKind, DashboardMessages } from '../shared/messages.js';
import type { QuestionSet } from '../../../core/question-sets.js';
import {
  answerValues,
  answeredSets,
  favourable,
  questionIds,
  questionSetDefinition,
  questionText,
  valueLabels,
  type AnswerWords,
} from '../shared/questions.js';

/** How a bar is drawn: meets the target, below it, too few ratings to say, or no value. */
export type BarStatus = 'meets' | 'below' | 'low' | 'none';

/** One row of the data table: a header cell, then the cells. */
export interface TableRow {
  header: string;
  cells: string[];
  /** Marked in the table (small sample, below target). */
  flagged?: boolean;
}

export interface TableModel {
  /** Column headers; the first is the row headers' column. */
  head: string[];
  rows: TableRow[];
}

/** Bars of a rate against a target, one per label (satisfaction, on time, standards). */
export interface RateSeries {
  type: 'rates';
  horizontal: boolean;
  labels: string[];
  /** One dataset per row for standards of several rows; one dataset otherwise. */
  datasets: Array<{
    name: string;
    values: Array<number | null>;
    intervals: Array<readonly [number, number] | null>;
    status: BarStatus[];
    valueLabels: string[];
  }>;
  target: number;
  /** Bars marked as `below` are hatched (standards), rather than only recoloured. */
  hatchBelow: boolean;
}

/** A line per group over periods with a confidence band (trend). */
export interface TrendSeries {
  type: 'trend';
  labels: string[];
  lines: Array<{ name: string; values: Array<number | null>; low: Array<number | null>; high: Array<number | null>; lowSample: boolean[] }>;
  target: number;
}

/** Stacked counts per category (complaints) or per answer (questions). */
export interface StackSeries {
  type: 'stack';
  /** Bars along the vertical axis (long labels: questions); default only past 16 bars. */
  horizontal?: boolean;
  labels: string[];
  stacks: Array<{ id: string; name: string; values: number[] }>;
  totals: number[];
}

export interface ChartModel {
  kind: ChartKind;
  caption: string;
  /** What the canvas says to a screen reader (its accessible name). */
  summary: string;
  notes: string[];
  table: TableModel;
  /** Null when there is nothing to draw (the table still says so). */
  series: RateSeries | TrendSeries | StackSeries | null;
  /** Why nothing is drawn. */
  nothing: string | null;
  /** The rows shown, exactly: what the CSV export writes. */
  rows: readonly ReportRow[];
}

export interface ModelOptions {
  targets: { satisfaction: number; onTime: number };
  confidence: number;
  minSample: number;
  labels: Labels;
  standards: readonly StandardDefinition[];
  locale: string;
  /** Group fields filtered to one value: left out of labels. */
  hidden: readonly GroupField[];
  caption?: string | undefined;
  /** `questions`: the set to show (default the most answered in the rows). */
  questions?: string | undefined;
  /** `questions`: an agency's own set, to name its questions and answers. */
  questionSet?: QuestionSet | null | undefined;
  /** `questions`: the element's scale labels and yes / no. */
  words?: AnswerWords | undefined;
}

function verdict(meets: boolean | null, t: DashboardMessages): string {
  return meets === null ? '—' : meets ? t.meetsTarget : t.belowTarget;
}

/** The caption: the chart's title, what it is split by, and the one period it shows. */
function captionFor(kind: ChartKind, rows: readonly ReportRow[], options: ModelOptions, t: DashboardMessages): string {
  if (options.caption) return options.caption;
  const parts = varyingParts(rows, options.hidden);
  let caption = t.chartTitle[kind];
  if (kind === 'questions') {
    const set = options.questions || answeredSets(rows)[0];
    if (set) caption += `: ${t.questionSetName(set)}`;
  }
  if (parts.fields.length && rows.length > 1 && kind !== 'trend') caption += t.byGroup(parts.fields.map((field) => t.groupField[field]).join(', '));
  const period = sharedPeriod(rows);
  if (period && period !== 'all') caption += t.inPeriod(formatPeriod(period, t));
  return caption;
}

/** The first column's header: the varying group fields, or "Period". */
function labelHeader(rows: readonly ReportRow[], options: ModelOptions, t: DashboardMessages): string {
  const parts = varyingParts(rows, options.hidden);
  const names = parts.fields.map((field) => t.groupField[field]);
  if (parts.period || names.length === 0) names.push(t.period);
  return names.join(' · ');
}

function labelsOf(rows: readonly ReportRow[], options: ModelOptions, t: DashboardMessages): string[] {
  const parts = varyingParts(rows, options.hidden);
  return rows.map((row) => rowLabel(row, parts, t, options.labels));
}

function horizontalFor(rows: readonly ReportRow[], options: ModelOptions): boolean {
  const parts = varyingParts(rows, options.hidden);
  return (parts.fields.length > 0 && rows.length > 1) || rows.length > 16;
}

function bestAndWorst(labels: string[], values: Array<number | null>, t: DashboardMessages): { best: string | null; worst: string | null } {
  let best = -1;
  let worst = -1;
  values.forEach((value, i) => {
    if (value === null) return;
    if (best < 0 || value > values[best]!) best = i;
    if (worst < 0 || value < values[worst]!) worst = i;
  });
  if (best < 0 || values.filter((value) => value !== null).length < 2) return { best: null, worst: null };
  return { best: `${labels[best]} ${formatPercent(values[best], t)}`, worst: `${labels[worst]} ${formatPercent(values[worst], t)}` };
}

function satisfactionModel(rows: readonly ReportRow[], options: ModelOptions, t: DashboardMessages, caption: string): Omit<ChartModel, 'kind' | 'rows'> {
  const labels = labelsOf(rows, options, t);
  const target = formatShare(options.targets.satisfaction, t);
  const confidence = formatShare(options.confidence, t);
  const values = rows.map((row) => row.satisfactionRate);
  const status = rows.map((row): BarStatus => (row.satisfactionRate === null ? 'none' : row.lowSample ? 'low' : row.meetsSatisfactionTarget ? 'meets' : 'below'));
  const { best, worst } = bestAndWorst(labels, values, t);
  const notes = [t.noteRates(target, confidence)];
  if (rows.some((row) => row.lowSample && row.satisfactionRate !== null)) notes.push(t.noteLowSample(options.minSample));
  const anything = rows.some((row) => row.ratings > 0);
  return {
    caption,
    summary: anything
      ? t.summaryRates(rows.length, rows.filter((row) => row.meetsSatisfactionTarget === true).length, target, best, worst)
      : t.nothingRatings,
    notes,
    table: {
      head: [labelHeader(rows, options, t), t.ratings, t.satisfied, t.satisfactionRate, t.confidenceInterval(confidence), t.target(target), t.lowSampleShort],
      rows: rows.map((row, i) => ({
        header: labels[i]!,
        cells: [
          formatInteger(row.ratings, t),
          formatInteger(row.satisfied, t),
          formatPercent(row.satisfactionRate, t),
          formatInterval(row.satisfactionCI, t),
          verdict(row.meetsSatisfactionTarget, t),
          row.lowSample ? t.lowSample : '',
        ],
        flagged: row.lowSample,
      })),
    },
    series: anything
      ? {
          type: 'rates',
          horizontal: horizontalFor(rows, options),
          labels,
          datasets: [
            {
              name: t.satisfactionRate,
              values,
              intervals: rows.map((row) => row.satisfactionCI),
              status,
              valueLabels: rows.map((row) =>
                row.satisfactionRate === null ? '' : formatPercent(row.satisfactionRate, t) + (row.lowSample ? ` · ${t.lowSampleShort}` : ''),
              ),
            },
          ],
          target: options.targets.satisfaction,
          hatchBelow: false,
        }
      : null,
    nothing: anything ? null : t.nothingRatings,
  };
}

function onTimeModel(rows: readonly ReportRow[], options: ModelOptions, t: DashboardMessages, caption: string): Omit<ChartModel, 'kind' | 'rows'> {
  const labels = labelsOf(rows, options, t);
  const target = formatShare(options.targets.onTime, t);
  const confidence = formatShare(options.confidence, t);
  const values = rows.map((row) => row.onTimeRate);
  const { best, worst } = bestAndWorst(labels, values, t);
  const anything = rows.some((row) => row.cases > 0);
  const drawable = rows.some((row) => row.onTimeRate !== null);
  return {
    caption,
    summary: anything
      ? t.summaryRates(rows.length, rows.filter((row) => row.meetsOnTimeTarget === true).length, target, best, worst)
      : t.nothingCases,
    notes: [t.noteOnTime(target)],
    table: {
      head: [labelHeader(rows, options, t), t.cases, t.onTime, t.late, t.pending, t.onTimeRate, t.confidenceInterval(confidence), t.target(target)],
      rows: rows.map((row, i) => ({
        header: labels[i]!,
        cells: [
          formatInteger(row.cases, t),
          formatInteger(row.casesOnTime, t),
          formatInteger(row.casesLate, t),
          formatInteger(row.casesPending, t),
          formatPercent(row.onTimeRate, t),
          formatInterval(row.onTimeCI, t),
          verdict(row.meetsOnTimeTarget, t),
        ],
        flagged: row.meetsOnTimeTarget === false,
      })),
    },
    series: drawable
      ? {
          type: 'rates',
          horizontal: horizontalFor(rows, options),
          labels,
          datasets: [
            {
              name: t.onTimeRate,
              values,
              intervals: rows.map((row) => row.onTimeCI),
              status: rows.map((row): BarStatus => (row.onTimeRate === null ? 'none' : row.meetsOnTimeTarget ? 'meets' : 'below')),
              valueLabels: rows.map((row) => (row.onTimeRate === null ? '' : t.onTimeValue(formatPercent(row.onTimeRate, t), formatInteger(row.casesLate, t)))),
            },
          ],
          target: options.targets.onTime,
          hatchBelow: false,
        }
      : null,
    nothing: drawable ? null : t.nothingCases,
  };
}

function trendModel(rows: readonly ReportRow[], options: ModelOptions, t: DashboardMessages, caption: string): Omit<ChartModel, 'kind' | 'rows'> {
  const base = satisfactionModel(rows, options, t, caption);
  const periods = [...new Set(rows.map((row) => row.key.period))].sort();
  const parts = varyingParts(rows, options.hidden);
  const groupParts = { fields: rows.length > 1 ? parts.fields : [], period: false };
  const groups = new Map<string, Map<string, ReportRow>>();
  for (const row of rows) {
    const name = groupParts.fields.length ? rowLabel(row, groupParts, t, options.labels) : t.satisfactionRate;
    let byPeriod = groups.get(name);
    if (!byPeriod) groups.set(name, (byPeriod = new Map()));
    byPeriod.set(row.key.period, row);
  }
  const lines = [...groups].map(([name, byPeriod]) => ({
    name,
    values: periods.map((period) => byPeriod.get(period)?.satisfactionRate ?? null),
    low: periods.map((period) => byPeriod.get(period)?.satisfactionCI?.[0] ?? null),
    high: periods.map((period) => byPeriod.get(period)?.satisfactionCI?.[1] ?? null),
    lowSample: periods.map((period) => byPeriod.get(period)?.lowSample ?? false),
  }));
  const labels = periods.map((period) => formatPeriod(period, t));
  const first = lines[0];
  const valued = first ? first.values.map((value, i) => [labels[i]!, value] as const).filter(([, value]) => value !== null) : [];
  const summary =
    valued.length > 0 && lines.length === 1
      ? t.summaryTrend(
          periods.length,
          `${valued[0]![0]} ${formatPercent(valued[0]![1], t)}`,
          `${valued[valued.length - 1]![0]} ${formatPercent(valued[valued.length - 1]![1], t)}`,
        )
      : base.summary;
  return {
    ...base,
    summary: base.series ? summary : base.summary,
    notes: [t.noteTrend(formatShare(options.targets.satisfaction, t), formatShare(options.confidence, t))],
    series: base.series ? { type: 'trend', labels, lines, target: options.targets.satisfaction } : null,
  };
}

/** Standard ids in the agency's order, then any other id the data holds. */
function standardIds(rows: readonly ReportRow[], list: readonly StandardDefinition[]): string[] {
  const ids = list.map((standard) => standard.id);
  const extra = new Set<string>();
  for (const row of rows) for (const id of Object.keys(row.standards)) if (!ids.includes(id)) extra.add(id);
  return [...ids, ...[...extra].sort()];
}

function standardsModel(rows: readonly ReportRow[], options: ModelOptions, t: DashboardMessages, caption: string): Omit<ChartModel, 'kind' | 'rows'> {
  const ids = standardIds(rows, options.standards);
  const names = ids.map((id) => {
    const standard = options.standards.find((item) => item.id === id);
    return standard ? standardText(standard, options.locale) : id;
  });
  const target = options.targets.satisfaction;
  const targetText = formatShare(target, t);
  const rowNames = labelsOf(rows, options, t);
  const several = rows.length > 1;
  const tableRows: TableRow[] = [];
  ids.forEach((id, i) => {
    rows.forEach((row, r) => {
      const result = row.standards[id];
      const rate = result?.rate ?? null;
      tableRows.push({
        header: several ? `${names[i]} · ${rowNames[r]}` : names[i]!,
        cells: [
          formatInteger(result?.yes ?? 0, t),
          formatInteger(result?.no ?? 0, t),
          formatPercent(rate, t),
          rate === null ? '—' : rate >= target ? t.meetsTarget : t.belowTarget,
        ],
        flagged: rate !== null && rate < target,
      });
    });
  });
  const failing = ids.filter((id) => rows.some((row) => (row.standards[id]?.rate ?? 1) < target)).map((id) => names[ids.indexOf(id)]!);
  const anything = rows.some((row) => Object.values(row.standards).some((result) => result.yes + result.no > 0));
  return {
    caption,
    summary: anything ? t.summaryStandards(ids.length, failing) : t.summaryNothing,
    notes: [t.noteStandards(targetText)],
    table: { head: [several ? `${t.standard} · ${labelHeader(rows, options, t)}` : t.standard, t.keptYes, t.keptNo, t.keptRate, t.target(targetText)], rows: tableRows },
    series: anything
      ? {
          type: 'rates',
          horizontal: true,
          labels: names,
          datasets: rows.map((row, r) => ({
            name: several ? rowNames[r]! : t.keptRate,
            values: ids.map((id) => row.standards[id]?.rate ?? null),
            intervals: ids.map(() => null),
            status: ids.map((id): BarStatus => {
              const rate = row.standards[id]?.rate ?? null;
              return rate === null ? 'none' : rate >= target ? 'meets' : 'below';
            }),
            valueLabels: ids.map((id) => {
              const rate = row.standards[id]?.rate ?? null;
              return rate === null ? '' : formatPercent(rate, t) + (rate < target ? ` · ${t.failing.toLocaleLowerCase(options.locale)}` : '');
            }),
          })),
          target,
          hatchBelow: true,
        }
      : null,
    nothing: anything ? null : t.summaryNothing,
  };
}

/** Category ids: the six of CONTRACT §3 in order, then the agency's own, sorted. */
function categoryIds(rows: readonly ReportRow[]): string[] {
  const present = new Set<string>();
  for (const row of rows) for (const [id, n] of Object.entries(row.complaintsByCategory)) if (n > 0) present.add(id);
  const known = COMPLAINT_CATEGORIES.filter((id) => present.has(id));
  const other = [...present].filter((id) => !(COMPLAINT_CATEGORIES as readonly string[]).includes(id)).sort();
  return [...known, ...other];
}

function complaintsModel(rows: readonly ReportRow[], options: ModelOptions, t: DashboardMessages, caption: string): Omit<ChartModel, 'kind' | 'rows'> {
  const labels = labelsOf(rows, options, t);
  const ids = categoryIds(rows);
  const names = ids.map((id) => (Object.prototype.hasOwnProperty.call(t.category, id) ? t.category[id]! : id));
  const anything = rows.some((row) => row.complaints > 0);
  const last = rows[rows.length - 1];
  let top: string | null = null;
  if (last) {
    let most = 0;
    ids.forEach((id, i) => {
      const n = last.complaintsByCategory[id] ?? 0;
      if (n > most) {
        most = n;
        top = names[i]!;
      }
    });
  }
  return {
    caption,
    summary: anything && last ? t.summaryComplaints(labels[labels.length - 1]!, last.complaints, top) : t.nothingComplaints,
    notes: anything ? [t.noteComplaints] : [],
    table: {
      head: [labelHeader(rows, options, t), ...names, t.total],
      rows: rows.map((row, i) => ({
        header: labels[i]!,
        cells: [...ids.map((id) => formatInteger(row.complaintsByCategory[id] ?? 0, t)), formatInteger(row.complaints, t)],
      })),
    },
    series: anything
      ? {
          type: 'stack',
          labels,
          stacks: ids.map((id, i) => ({ id, name: names[i]!, values: rows.map((row) => row.complaintsByCategory[id] ?? 0) })),
          totals: rows.map((row) => row.complaints),
        }
      : null,
    nothing: anything ? null : t.nothingComplaints,
  };
}

const ENGLISH_WORDS: AnswerWords = { lang: 'en', scoreLabels3: ['1', '2', '3'], scoreLabels5: ['1', '2', '3', '4', '5'], yes: 'yes', no: 'no' };

/**
 * Answers per question and value of one question set (`row.answers`): a horizontal bar per
 * question (per question and group when several rows), stacked by answer, and the same counts in
 * the table with each question's total.
 */
function questionsModel(rows: readonly ReportRow[], options: ModelOptions, t: DashboardMessages, caption: string): Omit<ChartModel, 'kind' | 'rows'> {
  const words = options.words ?? ENGLISH_WORDS;
  const set = options.questions || answeredSets(rows)[0] || '';
  const definition = set ? questionSetDefinition(set, options.questionSet) : null;
  const ids = set ? questionIds(set, rows, definition) : [];
  const values = set ? answerValues(set, ids, rows, definition) : [];
  const names = valueLabels(values, ids, definition, words);
  const rowNames = labelsOf(rows, options, t);
  const several = rows.length > 1;
  const labels: string[] = [];
  const tableRows: TableRow[] = [];
  const counts: number[][] = values.map(() => []);
  const totals: number[] = [];
  let answers = 0;
  let weakest: { text: string; share: number } | null = null;
  for (const id of ids) {
    const text = questionText(id, definition, words.lang);
    rows.forEach((row, r) => {
      const given = row.answers?.[set]?.[id] ?? {};
      const label = several ? `${text} · ${rowNames[r]}` : text;
      let total = 0;
      values.forEach((value, v) => {
        const n = given[value] ?? 0;
        counts[v]!.push(n);
        total += n;
      });
      labels.push(label);
      totals.push(total);
      answers += total;
      tableRows.push({ header: label, cells: [...values.map((value) => formatInteger(given[value] ?? 0, t)), formatInteger(total, t)] });
      const good = favourable(definition?.questions.find((question) => question.id === id), given);
      if (good && good.answers > 0 && (!weakest || good.good / good.answers < weakest.share)) weakest = { text: label, share: good.good / good.answers };
    });
  }
  const anything = answers > 0;
  const lowest = weakest as { text: string; share: number } | null;
  return {
    caption,
    summary: anything ? t.summaryQuestions(ids.length, formatInteger(answers, t), lowest ? `${lowest.text} ${formatPercent(lowest.share, t)}` : null) : t.nothingAnswers,
    notes: anything ? [t.noteQuestions] : [],
    table: { head: [several ? `${t.question} · ${labelHeader(rows, options, t)}` : t.question, ...names, t.total], rows: tableRows },
    series: anything
      ? {
          type: 'stack',
          horizontal: true,
          labels,
          stacks: values.map((value, v) => ({ id: value, name: names[v]!, values: counts[v]! })),
          totals,
        }
      : null,
    nothing: anything ? null : t.nothingAnswers,
  };
}

/** Everything a chart of `kind` shows for `rows`. */
export function chartModel(kind: ChartKind, rows: readonly ReportRow[], options: ModelOptions, t: DashboardMessages): ChartModel {
  const caption = captionFor(kind, rows, options, t);
  const build =
    kind === 'standards'
      ? standardsModel
      : kind === 'trend'
        ? trendModel
        : kind === 'complaints'
          ? complaintsModel
          : kind === 'on-time'
            ? onTimeModel
            : kind === 'questions'
              ? questionsModel
              : satisfactionModel;
  return { kind, rows, ...build(rows, options, t, caption) };
}
