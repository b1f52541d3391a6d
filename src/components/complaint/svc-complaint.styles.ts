import { css } from '../shared/css.js';
import { baseStyles } from '../shared/base.styles.js';
import { formStyles } from '../shared/form.styles.js';

export const complaintStyles = [
  baseStyles,
  formStyles,
  css`
    form {
      display: grid;
      gap: 20px;
    }
    .category-options {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-block-start: 8px;
    }
    .option span {
      min-height: 44px;
    }
    .count.over {
      color: var(--_error);
      font-weight: 700;
    }
    .notice {
      padding: 8px 12px;
      border-inline-start: 4px solid var(--_primary);
      background: var(--_subtle);
    }
    .picker {
      margin-block-start: 8px;
    }
    .file-input:focus-visible + .button {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
      box-shadow: 0 0 0 6px var(--_focus-halo);
    }
    .file-input:disabled + .button {
      opacity: 0.6;
      cursor: not-allowed;
    }
    .files {
      list-style: none;
      display: grid;
      gap: 6px;
      margin-block-start: 8px;
    }
    .files li {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 4px 4px 4px 12px;
      border: 1px solid #c9d3df;
      border-radius: var(--_radius);
    }
    .file-name {
      flex: 1;
      overflow-wrap: anywhere;
    }
    .button.small {
      min-height: 36px;
      min-width: 36px;
      padding: 0 10px;
      font-size: 1.25em;
      line-height: 1;
    }
    .contact {
      display: grid;
      gap: 8px;
      padding: 12px 16px;
      border: 1px solid #c9d3df;
      border-radius: var(--_radius);
    }
    .contact legend {
      padding-inline: 4px;
    }
    .check {
      display: flex;
      gap: 10px;
      align-items: flex-start;
      cursor: pointer;
    }
    .check input {
      flex: none;
      width: 24px;
      height: 24px;
      margin: 2px 0 0;
      accent-color: var(--_primary);
    }
    .contact-fields {
      display: grid;
      gap: 12px;
    }
    .honeypot {
      position: absolute;
      left: -10000px;
      width: 1px;
      height: 1px;
      overflow: hidden;
    }
    .done {
      display: grid;
      gap: 8px;
    }
    .done:focus {
      outline: none;
    }
    .done:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 4px;
    }
    .done-title {
      font-size: 1.25em;
      font-weight: 700;
      color: var(--_success);
    }
    .code-line {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 8px;
    }
    .code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 1.5em;
      letter-spacing: 0.08em;
      padding: 2px 10px;
      background: var(--_subtle);
      border: 1px solid #c9d3df;
      border-radius: 6px;
      overflow-wrap: anywhere;
      user-select: all;
    }
    .code.temporary {
      font-size: 1em;
      letter-spacing: 0;
    }
    .done-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
];
