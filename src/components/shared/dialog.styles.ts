import { css } from './css.js';

/** The modal dialog of `mode="button"` and of the standards' ratings. */
export const dialogStyles = css`
  dialog {
    width: min(640px, calc(100vw - 32px));
    max-height: calc(100vh - 32px);
    padding: 20px;
    border: 0;
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.35);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  .dialog-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 16px;
    margin-block-end: 12px;
  }
  .dialog-head h2 {
    font-size: 1.125em;
    font-weight: 700;
  }
  .close {
    min-width: 44px;
    min-height: 44px;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: transparent;
    font-size: 28px;
    line-height: 1;
    cursor: pointer;
  }
  .close:hover {
    border-color: var(--_border);
  }
`;
