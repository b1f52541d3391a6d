import { css } from '../../shared/css.js';
import { baseStyles } from '../../shared/base.styles.js';
import { formStyles } from '../../shared/form.styles.js';

/** One column on a phone (360 px), list and detail side by side from 900 px. */
export const inboxStyles = [
  baseStyles,
  formStyles,
  css`
    .title {
      font-size: 1.25em;
      font-weight: 700;
      margin-block-end: 12px;
    }
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin-block-end: 12px;
    }
    .tab {
      min-height: 44px;
      padding: 6px 12px;
      border: 2px solid var(--_primary);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_primary);
      font: inherit;
      cursor: pointer;
    }
    .tab[aria-pressed='true'] {
      background: var(--_primary);
      color: var(--_on-primary);
      font-weight: 700;
    }
    .tab:focus-visible,
    .item:focus-visible,
    .link:focus-visible,
    #detail-title:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
      box-shadow: 0 0 0 6px var(--_focus-halo);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: end;
      margin-block-end: 12px;
    }
    .filters .field {
      flex: 1 1 140px;
      min-width: 0;
    }
    .filters .grow {
      flex: 2 1 200px;
    }
    .check {
      display: flex;
      align-items: center;
      gap: 8px;
      min-height: 44px;
    }
    .check input {
      width: 24px;
      height: 24px;
    }
    .panes {
      display: grid;
      gap: 16px;
    }
    @media (min-width: 900px) {
      .panes {
        grid-template-columns: minmax(260px, 2fr) 3fr;
        align-items: start;
      }
    }
    .items {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .item {
      display: grid;
      gap: 2px;
      width: 100%;
      text-align: start;
      padding: 10px 12px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      font: inherit;
      cursor: pointer;
    }
    .item[aria-current='true'] {
      border: 3px solid var(--_primary);
      background: var(--_subtle);
    }
    .code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      letter-spacing: 0.05em;
      font-weight: 700;
    }
    .meta,
    .excerpt {
      color: var(--_muted);
      overflow-wrap: anywhere;
    }
    .due {
      font-weight: 700;
      color: var(--_success);
    }
    .due[data-late='true'] {
      color: var(--_error);
    }
    .detail {
      border-block-start: 2px solid var(--svc-color-frame, #c9d3df);
      padding-block-start: 12px;
      min-width: 0;
    }
    @media (min-width: 900px) {
      .detail {
        border-block-start: 0;
        border-inline-start: 2px solid var(--svc-color-frame, #c9d3df);
        padding-block-start: 0;
        padding-inline-start: 16px;
      }
    }
    .detail-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 8px;
      align-items: center;
    }
    .result-title {
      font-size: 1.125em;
      font-weight: 700;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 12px;
      margin-block: 8px;
    }
    dt {
      font-weight: 700;
    }
    dd {
      margin: 0;
    }
    .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      margin-block: 4px 12px;
    }
    .files,
    .history {
      margin: 4px 0 12px;
      padding-inline-start: 20px;
      display: grid;
      gap: 6px;
    }
    .files li {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .photo {
      display: block;
      max-width: 100%;
      max-height: 240px;
      border-radius: var(--_radius);
    }
    .link {
      display: inline-flex;
      align-items: center;
      min-height: 24px;
      color: var(--_primary);
      text-decoration: underline;
    }
    .handle {
      display: grid;
      gap: 10px;
      margin-block-start: 12px;
      padding-block-start: 12px;
      border-block-start: 1px solid var(--svc-color-frame, #c9d3df);
    }
    .handle .button {
      justify-self: start;
    }
    .status-line:empty {
      display: none;
    }
  `,
];
