import { html, nothing, type TemplateResult } from 'lit';
import { css } from '../shared/css.js';
import type { Answer, QuestionSet } from '../../core/question-sets.js';
import { GRADE_LABELS, POINT_LABELS, pointsTotal, questionFields, SET_LEGEND, TOTAL_TEXT, tthc9Grade } from './question-texts.js';

export { answersProblem, builtInQuestionSet } from './question-texts.js';

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

/** What a set's fieldset needs from its `<svc-rating>`. */
export interface QuestionSetContext {
  set: QuestionSet;
  answers: Readonly<Record<string, Answer>>;
  lang: 'vi' | 'en';
  /** The element's own labels of its 3- and 5-point scales, yes and no. */
  t: { scoreLabels3: readonly string[]; scoreLabels5: readonly string[]; yes: string; no: string };
  onAnswer(id: string, value: Answer | undefined): void;
}

/**
 * The questions of a set after the score (CONTRACT §9), with the nine-index total. The lazily
 * loaded part of `<svc-rating>` that only a rating asking a set fetches (with the texts).
 */
export function questionSetView({ set, answers, lang, t, onAnswer }: QuestionSetContext): TemplateResult {
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
      onAnswer,
    })}
    ${points && set.id === 'tthc-9'
      ? html`<p class="points-total" role="status">${TOTAL_TEXT[lang](points.total, points.max, GRADE_LABELS[lang][tthc9Grade(points.total)])}</p>`
      : nothing}
  </fieldset>`;
}
