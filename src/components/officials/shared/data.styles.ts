import { css, unsafeCSS } from 'lit';

/**
 * Dark colours: the same roles as the light tokens of `baseStyles`, each overridable. Applied
 * with `theme="dark"`, or with `prefers-color-scheme: dark` unless `theme="light"`.
 */
const dark = unsafeCSS(`
  --_text: var(--svc-color-text-dark, #e8ecf1);
  --_muted: var(--svc-color-muted-dark, #b4bcc6);
  --_surface: var(--svc-color-surface-dark, #151a21);
  --_subtle: var(--svc-color-subtle-dark, #1f262f);
  --_border: var(--svc-color-border-dark, #8b96a3);
  --_primary: var(--svc-color-primary-dark, #8cc2ff);
  --_on-primary: var(--svc-color-on-primary-dark, #0b1624);
  --_error: var(--svc-color-error-dark, #ff9a8f);
  --_warning: var(--svc-color-warning-dark, #ffc46b);
  --_focus: var(--svc-color-focus-dark, #ffffff);
  --_chart-text: var(--svc-chart-text-dark, #e8ecf1);
  --_chart-muted: var(--svc-chart-muted-dark, #aab3bd);
  --_chart-grid: var(--svc-chart-grid-dark, #39424d);
  --_chart-meets: var(--svc-chart-meets-dark, #6fb1ff);
  --_chart-below: var(--svc-chart-below-dark, #ffa154);
  --_chart-low: var(--svc-chart-low-dark, #b8c0c9);
  --_chart-band: var(--svc-chart-band-dark, rgb(111 177 255 / 0.22));
  --_chart-1: var(--svc-chart-1-dark, #6fb1ff);
  --_chart-2: var(--svc-chart-2-dark, #ffa154);
  --_chart-3: var(--svc-chart-3-dark, #5fd39b);
  --_chart-4: var(--svc-chart-4-dark, #c9a2ff);
  --_chart-5: var(--svc-chart-5-dark, #ff8f8f);
  --_chart-6: var(--svc-chart-6-dark, #4fd0e0);
  --_chart-7: var(--svc-chart-7-dark, #e6d06a);
  color-scheme: dark;
`);

/** What `<svc-dashboard>` and `<svc-chart>` share: colours (light and dark) and the loading, empty and error states. */
export const dataStyles = css`
  :host {
    --_warning: var(--svc-color-warning, #8a5300);
    --_chart-text: var(--svc-chart-text, #1b1b1b);
    --_chart-muted: var(--svc-chart-muted, #5c5c5c);
    --_chart-grid: var(--svc-chart-grid, #d9dee4);
    --_chart-meets: var(--svc-chart-meets, #0a5299);
    --_chart-below: var(--svc-chart-below, #b34700);
    --_chart-low: var(--svc-chart-low, #5c5c5c);
    --_chart-band: var(--svc-chart-band, rgb(10 82 153 / 0.16));
    --_chart-1: var(--svc-chart-1, #0a5299);
    --_chart-2: var(--svc-chart-2, #b34700);
    --_chart-3: var(--svc-chart-3, #00703c);
    --_chart-4: var(--svc-chart-4, #6b3fa0);
    --_chart-5: var(--svc-chart-5, #b3261e);
    --_chart-6: var(--svc-chart-6, #00677a);
    --_chart-7: var(--svc-chart-7, #6b5a00);
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  .root {
    background: var(--_surface);
    color: var(--_text);
  }
  .state {
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: 16px 20px;
    background: var(--_subtle);
    display: grid;
    gap: 8px;
  }
  .state.error {
    border-color: var(--_error);
    border-width: 4px;
    background: var(--_surface);
  }
  .state.warning {
    border-color: var(--_warning);
    border-width: 3px;
    background: var(--_surface);
  }
  .state-title {
    font-weight: 700;
    font-size: 1.0625em;
  }
  .state ul {
    margin: 0;
    padding-inline-start: 20px;
  }
  .state .details {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .state .button {
    justify-self: start;
  }
  progress {
    width: 100%;
    height: 14px;
    accent-color: var(--_primary);
  }
  .progress-figures {
    color: var(--_muted);
    font-size: 0.9375em;
    font-variant-numeric: tabular-nums;
  }
  .button {
    min-height: 40px;
    padding: 6px 14px;
    font-size: 0.9375em;
  }
  .button.secondary {
    border-color: var(--_primary);
  }
  .button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .button:hover {
    text-decoration: underline;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9375em;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: 6px;
  }
  th,
  td {
    border-bottom: 1px solid var(--_border);
    padding: 6px 8px;
    text-align: end;
    vertical-align: top;
  }
  th[scope='row'],
  th.text,
  td.text {
    text-align: start;
  }
  thead th {
    border-bottom-width: 2px;
    vertical-align: bottom;
  }
  tr.flagged th,
  tr.flagged td {
    background: var(--_subtle);
  }
  .table-scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  .table-scroll:focus-visible {
    outline-offset: 0;
  }
`;

/** The page of a dashboard or report: its card borders (light and dark), the grid of its sections, its period select. */
export const pageStyles = css`
    :host {
      --_card-border: var(--svc-color-card-border, #c9d1db);
    }
    :host([theme='dark']) {
      --_card-border: var(--svc-color-card-border-dark, #3a4450);
    }
    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        --_card-border: var(--svc-color-card-border-dark, #3a4450);
      }
    }
    .root {
      display: grid;
      gap: 20px;
      padding: 20px;
      border-radius: var(--_radius);
    }
    .period-select {
      display: grid;
      gap: 4px;
      font-weight: 600;
    }
    select {
      font: inherit;
      min-height: 44px;
      min-width: 12em;
      padding: 6px 10px;
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
    }
`;
