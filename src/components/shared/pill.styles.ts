import { css } from './css.js';

/**
 * Pill radios: a rating's yes/no questions, a complaint's categories. A module of their own: the
 * rating loads them with its questions (rating/asking.styles.ts), not with every rating.
 */
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
