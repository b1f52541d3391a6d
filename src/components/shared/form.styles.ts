import { css } from './css.js';
import { pillStyles } from './pill.styles.js';

export { pillStyles };

/** A text area and its count of characters left: a rating's comment, a complaint's description. */
export const textAreaStyles = css`
  .count {
    margin-block-start: 4px;
  }
  textarea {
    display: block;
    width: 100%;
    min-height: 88px;
    padding: 8px 12px;
    margin-block-start: 8px;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    resize: vertical;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_error);
  }
`;

/** One-line fields and selects, with their labels. */
export const fieldStyles = css`
  input[type='text'],
  input[type='email'],
  input[type='tel'],
  input[type='search'],
  select {
    display: block;
    width: 100%;
    min-height: 44px;
    padding: 6px 12px;
    margin-block-start: 4px;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .field {
    display: grid;
    gap: 2px;
  }
  .label {
    display: block;
    font-weight: 700;
  }
`;

/** Native form controls as the submitting elements draw them: pill radios, text areas, fields. */
export const formStyles = [pillStyles, textAreaStyles, fieldStyles];
