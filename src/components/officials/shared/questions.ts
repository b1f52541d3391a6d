/**
 * The answers to a question set as report rows count them (`row.answers[set][question][value]`),
 * named for people: the question's text and each value's label in vi or en, from the built-in
 * sets' texts (`question-texts.ts`, the same wording `<svc-rating>` asks) or an agency's own
 * `questionSet`. Orders and names only; every count is the row's.
 */
import { isSatisfied } from '../../../core/record.js';
import { isBuiltInSet, type Question, type QuestionSet } from '../../../core/question-sets.js';
import { POINT_LABELS, builtInQuestionSet } from '../../rating/question-texts.js';
import type { ReportRow } from '../../../analytics/index.js';

/** The words a value label needs that are not the set's own (the element's scale labels, yes, no). */
export interface AnswerWords {
  lang: 'vi' | 'en';
  scoreLabels3: readonly string[];
  scoreLabels5: readonly string[];
  yes: string;
  no: string;
}

/** The definition of a set: an agency's own (when its id matches), a built-in one, or none. */
export function questionSetDefinition(id: string, own?: QuestionSet | null): QuestionSet | null {
  if (own && own.id === id) return own;
  return isBuiltInSet(id) ? builtInQuestionSet(id) : null;
}

/** The ids of the sets answered in `rows`, the most answered first (then by id). */
export function answeredSets(rows: readonly ReportRow[]): string[] {
  const totals = new Map<string, number>();
  for (const row of rows) {
    for (const [set, questions] of Object.entries(row.answers ?? {})) {
      let n = totals.get(set) ?? 0;
      for (const values of Object.values(questions)) for (const count of Object.values(values)) n += count;
      totals.set(set, n);
    }
  }
  return [...totals].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([set]) => set);
}

/** Question ids: the definition's order, then any other id the rows hold, sorted. */
export function questionIds(set: string, rows: readonly ReportRow[], definition: QuestionSet | null): string[] {
  const ids = definition ? definition.questions.map((question) => question.id) : [];
  const extra = new Set<string>();
  for (const row of rows) for (const id of Object.keys(row.answers?.[set] ?? {})) if (!ids.includes(id)) extra.add(id);
  return [...ids, ...[...extra].sort()];
}

/** The values a question may take, in their natural order (scale and points ascending, yes before no, options as defined). */
function definedValues(question: Question): string[] {
  switch (question.type) {
    case 'yesno':
      return ['true', 'false'];
    case 'scale3':
      return ['1', '2', '3'];
    case 'scale5':
      return ['1', '2', '3', '4', '5'];
    case 'points':
      return Array.from({ length: (question.max ?? 2) + 1 }, (_, points) => String(points));
    default:
      return (question.options ?? []).map((option) => option.id);
  }
}

/** Every value of the set's questions, in order: the defined ones, then any other the rows hold. */
export function answerValues(set: string, ids: readonly string[], rows: readonly ReportRow[], definition: QuestionSet | null): string[] {
  const values: string[] = [];
  const add = (value: string) => {
    if (!values.includes(value)) values.push(value);
  };
  for (const id of ids) {
    const question = definition?.questions.find((candidate) => candidate.id === id);
    if (question) definedValues(question).forEach(add);
  }
  const numeric = values.every((value) => /^\d+$/.test(value));
  if (numeric) values.sort((a, b) => Number(a) - Number(b));
  const extra = new Set<string>();
  for (const row of rows) for (const id of ids) for (const value of Object.keys(row.answers?.[set]?.[id] ?? {})) if (!values.includes(value)) extra.add(value);
  const rest = [...extra].sort((a, b) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  return [...values, ...rest];
}

/** A question's text in `lang`, or its id when the set is not known. */
export function questionText(id: string, definition: QuestionSet | null, lang: 'vi' | 'en'): string {
  const question = definition?.questions.find((candidate) => candidate.id === id);
  return question ? question[lang] : id;
}

/** How one question names one of its values ("4 – Hài lòng", "Tốt (2 điểm)", an option's text), or null when it has no word for it. */
function labelOf(question: Question, value: string, words: AnswerWords): string | null {
  const own = question.labels?.[words.lang];
  switch (question.type) {
    case 'yesno':
      return value === 'true' ? (own?.[0] ?? words.yes) : value === 'false' ? (own?.[1] ?? words.no) : null;
    case 'scale3':
    case 'scale5': {
      const labels = own ?? (question.type === 'scale3' ? words.scoreLabels3 : words.scoreLabels5);
      const label = labels[Number(value) - 1];
      return label ? `${value} – ${label}` : null;
    }
    case 'points':
      return own?.[Number(value)] ?? POINT_LABELS[words.lang][Number(value)] ?? null;
    default: {
      const option = question.options?.find((candidate) => candidate.id === value);
      return option ? option[words.lang] : null;
    }
  }
}

/**
 * The name of a value across the set's questions: the label they all give it (a scale's words, an
 * option's text), or the bare value when they differ (A-11's satisfaction and trust share 1–5 with
 * different words) or the set is not known.
 */
export function valueLabel(value: string, ids: readonly string[], definition: QuestionSet | null, words: AnswerWords): string {
  const labels = new Set<string>();
  for (const id of ids) {
    const question = definition?.questions.find((candidate) => candidate.id === id);
    const label = question ? labelOf(question, value, words) : null;
    if (label) labels.add(label);
  }
  if (labels.size === 1) return [...labels][0]!;
  if (value === 'true') return words.yes;
  if (value === 'false') return words.no;
  return value;
}

/**
 * The names of a set's values, as `valueLabel` gives them, with one more rule for the numbers: if
 * any score or point is left bare (its questions name it differently), all of them are, so a scale
 * never reads half in words and half in numbers.
 */
export function valueLabels(values: readonly string[], ids: readonly string[], definition: QuestionSet | null, words: AnswerWords): string[] {
  const names = values.map((value) => valueLabel(value, ids, definition, words));
  const numeric = values.map((value) => /^\d+$/.test(value));
  const bare = values.some((value, i) => numeric[i] && names[i] === value);
  return bare ? names.map((name, i) => (numeric[i] ? values[i]! : name)) : names;
}

/**
 * A question's answers that are favourable: a satisfied score (4–5 of 5, 2–3 of 3, as ratings
 * count), full points, yes. Null for questions with no such reading (choices, drivers) or an
 * unknown set. Reads the row's counts; used to find the weakest questions.
 */
export function favourable(question: Question | undefined, counts: Readonly<Record<string, number>>): { good: number; answers: number } | null {
  if (!question || question.type === 'choice' || question.type === 'multi') return null;
  let good = 0;
  let answers = 0;
  for (const [value, n] of Object.entries(counts)) {
    answers += n;
    if (question.type === 'yesno' ? value === 'true' : question.type === 'points' ? Number(value) === (question.max ?? 2) : isSatisfied(Number(value), question.type === 'scale3' ? 3 : 5)) {
      good += n;
    }
  }
  return { good, answers };
}
