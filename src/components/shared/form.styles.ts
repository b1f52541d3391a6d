import { css } from './css.js';

/** Pill radios: a rating's yes/no questions, a complaint's categories. */
export const pillStyles = css`
  .pill {
    position: relative;
    display: inline-flex;
    cursor: pointer;
  }
  .pill input {
    position: absolute;
    opacity: 0;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    cursor: pointer;
  }
  .pill span {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 64px;
    min-height: 40px;
    padding: 4px 16px;
    border: 2px solid var(--_border);
    border-radius: 999px;
  }
  .pill input:checked + span {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
    font-weight: 700;
  }
  .pill input:focus-visible + span {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_focus-halo);
  }
`;

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
