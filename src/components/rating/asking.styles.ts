import { css } from '../shared/css.js';
import { pillStyles } from '../shared/pill.styles.js';

/**
 * The yes/no questions after the score: the pills, the fieldset and the legend of each question,
 * which the standards part (shared/standard-list.ts) and the question part (question-set-view.ts)
 * both draw. A part of its own, which `<svc-rating>` loads with either of them: a rating that
 * asks no question loads none of it.
 */
export const styles = [
  pillStyles,
  css`
    .standards {
      display: grid;
      gap: 12px;
    }
    .standard-text {
      float: left;
      max-width: 100%;
    }
    .yes-no {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
];
