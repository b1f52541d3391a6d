import { css } from '../shared/css.js';
import { baseStyles } from '../shared/base.styles.js';
import { formStyles } from '../shared/form.styles.js';

export const statusStyles = [
  baseStyles,
  formStyles,
  css`
    .title {
      font-size: 1.25em;
      font-weight: 700;
      margin-block-end: 12px;
    }
    .row {
      display: flex;
      gap: 8px;
      align-items: stretch;
    }
    .row input {
      flex: 1;
      margin: 0;
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      letter-spacing: 0.05em;
    }
    .outcome {
      margin-block-start: 16px;
    }
    .result-title {
      font-size: 1.125em;
      font-weight: 700;
      margin-block-end: 8px;
    }
    .code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      letter-spacing: 0.05em;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
      margin: 0 0 16px;
    }
    dt {
      font-weight: 700;
    }
    dd {
      margin: 0;
    }
    .status {
      display: inline-block;
      padding: 0 10px;
      border-radius: 999px;
      border: 2px solid currentColor;
      font-weight: 700;
    }
    .status[data-status='resolved'] {
      color: var(--_success);
    }
    .status[data-status='rejected'] {
      color: var(--_error);
    }
    .status[data-status='received'],
    .status[data-status='in_progress'] {
      color: var(--_primary);
    }
    .response {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin-block-start: 4px;
      padding: 12px 16px;
      background: var(--_subtle);
      border-radius: var(--_radius);
    }
  `,
];
