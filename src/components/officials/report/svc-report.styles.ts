import { css } from '../../shared/css.js';
import { baseStyles } from '../../shared/base.styles.js';
import { dataStyles, pageStyles } from '../shared/data.styles.js';

/**
 * On screen: the toolbar, the league table and a card per unit, each table scrolling sideways on
 * a phone. Printed: A4, no buttons, the league table on the first page and each unit on a page of
 * its own (`break-after: page`), in dark ink on white whatever the screen theme.
 */
export const reportStyles = [
  baseStyles,
  dataStyles,
  pageStyles,
  css`
    h2 {
      font-size: 1.5em;
      font-weight: 800;
      line-height: 1.25;
    }
    h3 {
      font-size: 1.1875em;
      font-weight: 700;
      line-height: 1.3;
      margin: 0;
    }
    h4 {
      font-size: 1em;
      font-weight: 700;
      margin: 0;
    }
    .meta,
    .intro,
    .hint {
      color: var(--_muted);
      font-size: 0.9375em;
    }
    .meta {
      margin-block-start: 4px;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 12px 20px;
    }
    .toolbar .hint {
      flex-basis: 100%;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .page {
      display: grid;
      gap: 12px;
      min-width: 0;
    }
    .unit {
      border: 1px solid var(--_card-border);
      border-radius: var(--_radius);
      padding: 16px;
      background: var(--_surface);
    }
    .note {
      font-weight: 600;
      border-inline-start: 4px solid var(--_warning);
      padding-inline-start: 10px;
    }
    .league-table {
      /* On a phone the tables scroll sideways rather than squeezing names letter by letter. */
      min-width: 900px;
    }
    .indicators {
      min-width: 640px;
    }
    .league-table th[scope='row'] {
      min-width: 10em;
    }
    .indicators th[scope='row'] {
      min-width: 14em;
    }
    .basis {
      display: block;
      font-weight: 400;
      color: var(--_muted);
      font-size: 0.875em;
    }
    td.result {
      font-weight: 700;
    }
    tbody.apart th.group-head {
      text-align: start;
      font-weight: 700;
      background: var(--_subtle);
      padding-block: 8px;
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 16em), 1fr));
      gap: 8px 20px;
      margin: 0;
    }
    .fact dt {
      color: var(--_muted);
      font-size: 0.875em;
    }
    .fact dd {
      margin: 0;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .weakest {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 20em), 1fr));
      gap: 12px 20px;
    }
    .weakest > div {
      display: grid;
      gap: 6px;
      align-content: start;
      min-width: 0;
    }
    @media (max-width: 600px) {
      .root {
        padding: 12px 8px;
      }
      .unit {
        padding: 10px 8px;
      }
      h2 {
        font-size: 1.3125em;
      }
    }
    @page {
      size: A4;
      margin: 12mm;
    }
    @media print {
      .root {
        --_text: #000000;
        --_muted: #333333;
        --_surface: #ffffff;
        --_subtle: #eeeeee;
        --_border: #555555;
        --_card-border: #999999;
        --_warning: #8a5300;
        color-scheme: light;
        display: block;
        padding: 0;
        font-size: 9.5pt;
        background: #ffffff;
        color: #000000;
      }
      .toolbar,
      button,
      select,
      .state .button {
        display: none !important;
      }
      .head {
        margin-block-end: 8pt;
      }
      h2 {
        font-size: 15pt;
      }
      h3 {
        font-size: 12.5pt;
      }
      .page {
        display: block;
        break-after: page;
        break-inside: auto;
      }
      .page:last-child {
        break-after: auto;
      }
      .page > * + * {
        margin-block-start: 6pt;
      }
      .unit {
        border: 0;
        border-radius: 0;
        padding: 0;
      }
      .table-scroll {
        overflow: visible;
      }
      .league-table,
      .indicators {
        min-width: 0;
      }
      th,
      td {
        padding: 2pt 4pt;
      }
      .basis {
        font-size: 7.5pt;
      }
      tr {
        break-inside: avoid;
      }
      /* A unit's page stays within one sheet even with the host page's margins around it. */
      .facts {
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 4pt 12pt;
      }
      .weakest {
        grid-template-columns: minmax(0, 1fr);
        gap: 6pt;
      }
    }
  `,
];
