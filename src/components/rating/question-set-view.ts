import { html, nothing, type TemplateResult } from 'lit';
import { css } from '../shared/css.js';
import { isBuiltInSet, type Answer, type QuestionSet } from '../../core/question-sets.js';
import type { RatingRecord } from '../../core/record.js';
import { builtInQuestionSet, GRADE_LABELS, POINT_LABELS, pointsTotal, questionFields, SET_LEGEND, TOTAL_TEXT, tthc9Grade } from './question-texts.js';

export { answersProblem } from './question-texts.js';

/** A question of a set, its options (the yes/no pills, fieldset and legend are the element's), the total. */
export const styles = [
  css`
    .set-question {
      display: grid;
      gap: 8px;
      padding-block: 8px;
      border-block-start: 1px solid #d5dce5;
    }
    .options {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .points-total {
      font-weight: 700;
    }
  `,
];

/** What a question set needs from its `<svc-rating>`. */
export interface SetHost {
  /** A built-in set's id (`sipas`, `tthc-9`, `a11`), or `standards`. */
  readonly questions: string;
  /** An agency's own set: it wins over `questions` when it has the shape of one. */
  readonly questionSet: QuestionSet | undefined;
  readonly locale: 'vi' | 'en';
  /** The answers so far, by question id: setting it draws the element again. */
  setAnswers: Readonly<Record<string, Answer>>;
  /** The citizen touched the form (a kiosk counts its idle time from then). */
  touched(): void;
}

/** The set in force: the `questionSet` property when it has the shape of one, else the built-in set `questions` names. */
function activeSet(host: SetHost): QuestionSet | undefined {
  const own = host.questionSet;
  if (own && typeof own === 'object' && typeof own.id === 'string' && Array.isArray(own.questions)) return own;
  return isBuiltInSet(host.questions) ? builtInQuestionSet(host.questions) : undefined;
}

/**
 * The questions of the set in force after the score (CONTRACT §9), with the nine-index total;
 * nothing when no set is in force.
 */
export function setQuestions(
  host: SetHost,
  t: { scoreLabels3: readonly string[]; scoreLabels5: readonly string[]; yes: string; no: string },
): TemplateResult | typeof nothing {
  const set = activeSet(host);
  if (!set) return nothing;
  const lang = host.locale;
  const answers = host.setAnswers;
  const points = pointsTotal(set, answers);
  return html`<fieldset class="standards question-set" data-set=${set.id}>
    <legend class="sub-question">${SET_LEGEND[lang]}</legend>
    ${questionFields({
      html,
      set,
      answers,
      lang,
      scaleLabels3: t.scoreLabels3,
      scaleLabels5: t.scoreLabels5,
      yes: t.yes,
      no: t.no,
      pointLabels: POINT_LABELS[lang],
      onAnswer: (id, value) => {
        const next = { ...host.setAnswers };
        if (value === undefined) delete next[id];
        else next[id] = value;
        host.setAnswers = next;
        host.touched();
      },
    })}
    ${points && set.id === 'tthc-9'
      ? html`<p class="points-total" role="status">${TOTAL_TEXT[lang](points.total, points.max, GRADE_LABELS[lang][tthc9Grade(points.total)])}</p>`
      : nothing}
  </fieldset>`;
}

/** Adds the set in force to a record (even when the citizen skipped its questions), with the answers given. */
export function recordSet(host: SetHost, record: RatingRecord): void {
  const set = activeSet(host);
  if (!set) return;
  record.questionSet = set.id;
  if (Object.keys(host.setAnswers).length > 0) record.answers = { ...host.setAnswers };
}
