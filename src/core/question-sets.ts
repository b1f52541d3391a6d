/**
 * Question sets (CONTRACT §9): the structure of each built-in set — question ids, answer types and
 * options — shared by `<svc-rating>`, the validator and the collector. The texts (vi, en) live in
 * `src/components/rating/question-texts.ts`, loaded only by a rating that asks a set, so they never
 * weigh on the base rating bundle.
 *
 * Sources:
 * - `sipas`: SIPAS, Bộ Nội vụ, Decision 2640/QĐ-BNV (10 Oct 2017): the five factors of satisfaction
 *   with public administrative services, each rated on 5 points.
 * - `tthc-9`: the nine indices of the sheet provincial one-stop systems use to assess how a dossier
 *   was handled (Decree 61/2018/NĐ-CP on the one-stop mechanism and Circular 01/2018/TT-VPCP),
 *   0, 1 or 2 points each, 18 in all.
 * - `a11`: US OMB Circular A-11 §280 (customer experience): overall satisfaction on 5 points,
 *   trust on 5 points, and the positive and negative drivers (effectiveness, ease, efficiency,
 *   transparency, humanity, employee helpfulness).
 */

/** How a question is answered. `points` is a whole number from 0 to `max` (default 2). */
export type QuestionType = 'yesno' | 'scale3' | 'scale5' | 'choice' | 'multi' | 'points';

/** One question: its id in `answers`, its type, the texts, and the options of a choice. */
export interface Question {
  id: string;
  type: QuestionType;
  vi: string;
  en: string;
  /** Option ids of `choice` and `multi` (with their texts), or nothing. */
  options?: ReadonlyArray<{ id: string; vi: string; en: string }>;
  /** Highest score of a `points` question; default 2. */
  max?: number;
  /** Labels of the answers in order (scale 1…n, points 0…max, yes and no), when not the element's own. */
  labels?: { vi: readonly string[]; en: readonly string[] };
}

/** A set of questions (`questionSet` property of `<svc-rating>`). */
export interface QuestionSet {
  id: string;
  questions: readonly Question[];
}

/** An answer as a record carries it. */
export type Answer = boolean | number | string | string[];

/** The ids of the built-in sets (`standards` is the yes/no list of the ten standards, not a set). */
export const QUESTION_SET_IDS = ['sipas', 'tthc-9', 'a11'] as const;
export type QuestionSetId = (typeof QUESTION_SET_IDS)[number];

/** The structure of a built-in set: question id → type (and options), without texts. */
export interface QuestionShape {
  id: string;
  type: QuestionType;
  options?: readonly string[];
  max?: number;
}

const A11_DRIVERS = ['effectiveness', 'ease', 'efficiency', 'transparency', 'humanity', 'employee'] as const;

/** Built-in sets, without their texts: what the validator checks answers against. */
export const QUESTION_SHAPES: Readonly<Record<QuestionSetId, readonly QuestionShape[]>> = Object.freeze({
  sipas: ['access', 'procedure', 'officer', 'result', 'feedback'].map((id) => ({ id, type: 'scale5' as const })),
  'tthc-9': ['total-time', 'unit-time', 'agencies', 'contacts', 'publicity', 'conduct', 'online', 'fees', 'response'].map((id) => ({
    id,
    type: 'points' as const,
    max: 2,
  })),
  a11: [
    { id: 'satisfaction', type: 'scale5' as const },
    { id: 'trust', type: 'scale5' as const },
    { id: 'positive', type: 'multi' as const, options: A11_DRIVERS },
    { id: 'negative', type: 'multi' as const, options: A11_DRIVERS },
  ],
});

export function isBuiltInSet(id: unknown): id is QuestionSetId {
  return typeof id === 'string' && (QUESTION_SET_IDS as readonly string[]).includes(id);
}

/**
 * Why an answer does not fit its question, or undefined when it does. Used by the validator (and so
 * by the element before it queues, and by the collector on ingest).
 */
export function answerProblem(shape: QuestionShape, value: unknown): string | undefined {
  const { type } = shape;
  if (type === 'yesno') return typeof value === 'boolean' ? undefined : 'must be true or false';
  if (type === 'choice' || type === 'multi') {
    const options = shape.options ?? [];
    const list = type === 'multi' ? value : [value];
    return Array.isArray(list) && list.every((item) => options.includes(item)) && new Set(list).size === list.length
      ? undefined
      : `must be ${type === 'multi' ? 'a list of distinct options' : 'one'} of ${options.join(', ')}`;
  }
  // scale3, scale5, points: a whole number in a range.
  const low = type === 'points' ? 0 : 1;
  const high = type === 'points' ? (shape.max ?? 2) : type === 'scale3' ? 3 : 5;
  return Number.isInteger(value) && (value as number) >= low && (value as number) <= high ? undefined : `must be a whole number from ${low} to ${high}`;
}

/** The shape of a question of a full set (texts dropped). */
export function shapeOf(question: Question): QuestionShape {
  const shape: QuestionShape = { id: question.id, type: question.type };
  if (question.options) shape.options = question.options.map((option) => option.id);
  if (question.max !== undefined) shape.max = question.max;
  return shape;
}

/** The nine-index sheet's total: the sum of its points, of 18. */
export function tthc9Total(answers: Readonly<Record<string, unknown>>): number {
  let total = 0;
  for (const { id } of QUESTION_SHAPES['tthc-9']) {
    const points = answers[id];
    if (typeof points === 'number' && Number.isInteger(points)) total += points;
  }
  return total;
}

/**
 * The grade of a nine-index total: `good` from 15 of 18, `average` from 9, `poor` below. (This
 * package's banding, five sixths and one half of the points; a province with other bands shows its
 * own from the total.)
 */
export function tthc9Grade(total: number): 'good' | 'average' | 'poor' {
  return total >= 15 ? 'good' : total >= 9 ? 'average' : 'poor';
}

const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
const CONTROL = /[\u0000-\u001F\u007F]/;
/** As many answers as standards a record may carry. */
const MAX_ANSWERS = 64;

function plainAnswer(value: unknown): boolean {
  const shortText = (item: unknown) => typeof item === 'string' && item.length <= 200 && !CONTROL.test(item);
  if (typeof value === 'boolean' || Number.isSafeInteger(value) || shortText(value)) return true;
  return Array.isArray(value) && value.length <= MAX_ANSWERS && value.every(shortText);
}

/**
 * What is wrong with a rating's `questionSet` and `answers`, with the field at fault, or undefined.
 * Answers to a built-in set must be questions of that set with values of their type (a score out
 * of range is refused); answers to an agency's own set must at least be plain values. The shared
 * validator (so the collector) and `<svc-rating>` both apply it.
 */
export function answersProblem(record: Readonly<Record<string, unknown>>): { message: string; field: string } | undefined {
  const set = record['questionSet'];
  if (set !== undefined && (typeof set !== 'string' || !TOKEN.test(set))) {
    return { message: 'questionSet must be a set id such as "sipas".', field: 'questionSet' };
  }
  const answers = record['answers'];
  if (answers === undefined) return undefined;
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
    return { message: 'answers must be an object of { questionId: answer }.', field: 'answers' };
  }
  if (set === undefined) return { message: 'answers need the questionSet they answer.', field: 'questionSet' };
  const entries = Object.entries(answers);
  if (entries.length > MAX_ANSWERS) return { message: 'Too many answers.', field: 'answers' };
  const shapes = isBuiltInSet(set) ? QUESTION_SHAPES[set] : undefined;
  for (const [id, value] of entries) {
    const field = `answers.${id}`;
    if (!TOKEN.test(id)) return { message: `"${id}" is not a question id.`, field };
    if (shapes) {
      const shape = shapes.find((question) => question.id === id);
      if (!shape) return { message: `"${id}" is not a question of ${set}.`, field };
      const problem = answerProblem(shape, value);
      if (problem) return { message: `The answer to ${id} ${problem}.`, field };
    } else if (!plainAnswer(value)) {
      return { message: 'An answer must be true or false, a whole number, a short text or a list of short texts.', field };
    }
  }
  return undefined;
}
