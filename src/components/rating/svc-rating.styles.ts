import { css } from '../shared/css.js';
import { rootStyles } from '../shared/base.styles.js';
import { textAreaStyles } from '../shared/form.styles.js';

/**
 * What every `<svc-rating>` draws. The parts it loads for some pages bring the rules of their own
 * markup: the kiosk's sizes (kiosk-mode.ts), the dialog (button-mode.ts), the case and the
 * gates' screens (verified-view.ts), a question set (question-set-view.ts), a standard's row
 * (shared/standard-list.ts), the pills, fieldset and legend of the yes/no questions that both of
 * those draw (asking.styles.ts).
 */
export const ratingStyles = [
  rootStyles,
  textAreaStyles,
  css`
    .root {
      background: var(--_surface);
    }
    form {
      display: grid;
      gap: 20px;
      container-type: inline-size;
    }
    .question {
      font-size: 1.25em;
      font-weight: 700;
      line-height: 1.3;
      margin-block-end: 12px;
    }
    .sub-question {
      display: block;
      font-weight: 700;
      margin-block-end: 4px;
    }
    .choices {
      display: grid;
      grid-template-columns: repeat(5, minmax(0, 1fr));
      gap: 8px;
    }
    .choices[data-scale='3'] {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
    .choice {
      position: relative;
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 4px;
      cursor: pointer;
      text-align: center;
    }
    .choice input {
      position: absolute;
      opacity: 0;
      inset: 0;
      width: 100%;
      height: 100%;
      margin: 0;
      cursor: pointer;
    }
    .choice-face {
      display: flex;
      align-items: center;
      justify-content: center;
      width: 100%;
      min-height: 64px;
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      color: var(--_text);
      background: var(--_surface);
    }
    .choice-face[data-mood='low'] {
      color: var(--svc-color-low, #b3261e);
    }
    .choice-face[data-mood='mid'] {
      color: var(--svc-color-mid, #7a5200);
    }
    .choice-face[data-mood='high'] {
      color: var(--svc-color-high, #00703c);
    }
    .choice-label {
      font-size: 0.875em;
      line-height: 1.25;
    }
    .choice:hover .choice-face {
      background: var(--_subtle);
    }
    .choice input:checked + .choice-face {
      background: var(--_primary);
      border-color: var(--_primary);
      color: var(--_on-primary);
    }
    .choice input:checked ~ .choice-label {
      font-weight: 700;
    }
    .choice input:focus-visible + .choice-face {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
      box-shadow: 0 0 0 6px var(--_focus-halo);
    }
    .actions {
      display: flex;
      justify-content: flex-start;
    }
    .thanks {
      display: flex;
      gap: 16px;
      align-items: flex-start;
      color: var(--_text);
    }
    .thanks:focus {
      outline: none;
    }
    .thanks:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 4px;
    }
    .thanks-icon {
      color: var(--_success);
      flex: none;
    }
    .thanks-title {
      font-size: 1.25em;
      font-weight: 700;
    }
    .thanks .button {
      margin-block-start: 12px;
    }
    .warning {
      color: var(--_error);
      margin-block-start: 4px;
    }
    @container (max-width: 420px) {
      .choices {
        grid-template-columns: 1fr;
      }
      .choices[data-scale='3'] {
        grid-template-columns: 1fr;
      }
      .choice {
        flex-direction: row;
        text-align: start;
      }
      .choice-face {
        width: 64px;
        min-height: 48px;
        flex: none;
      }
    }
    @media print {
      .actions {
        display: none;
      }
    }
  `,
];
