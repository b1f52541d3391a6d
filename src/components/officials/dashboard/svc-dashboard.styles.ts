import { css } from '../../shared/css.js';
import { baseStyles } from '../../shared/base.styles.js';
import { dataStyles, pageStyles } from '../shared/data.styles.js';

export const dashboardStyles = [
  baseStyles,
  dataStyles,
  pageStyles,
  css`
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      justify-content: space-between;
      gap: 12px 24px;
    }
    h2 {
      font-size: 1.5em;
      font-weight: 800;
      line-height: 1.25;
    }
    h3 {
      font-size: 1.1875em;
      font-weight: 700;
      margin: 0;
    }
    .meta {
      color: var(--_muted);
      font-size: 0.9375em;
      margin-block-start: 4px;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 440px), 1fr));
      grid-auto-flow: row dense;
      gap: 20px;
    }
    .card {
      border: 1px solid var(--_card-border);
      border-radius: var(--_radius);
      padding: 16px;
      min-width: 0;
      background: var(--_surface);
    }
    .card.wide {
      grid-column: 1 / -1;
    }
    .league {
      display: grid;
      gap: 10px;
    }
    @media (max-width: 600px) {
      .root {
        padding: 12px 8px;
      }
      .card {
        padding: 10px 8px;
      }
      h2 {
        font-size: 1.3125em;
      }
    }
    .league-table {
      /* On a phone the table scrolls sideways rather than squeezing names letter by letter. */
      min-width: 720px;
    }
    .league-table th[scope='row'] {
      min-width: 11em;
    }
    .league .intro {
      color: var(--_muted);
      font-size: 0.9375em;
      max-width: 80ch;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    th .sort {
      all: unset;
      box-sizing: border-box;
      display: inline-flex;
      align-items: end;
      justify-content: inherit;
      gap: 4px;
      min-height: 24px;
      min-width: 24px;
      cursor: pointer;
      font-weight: 700;
      text-align: inherit;
      text-decoration: underline;
      text-decoration-thickness: 1px;
      text-underline-offset: 3px;
    }
    th .sort:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
      box-shadow: 0 0 0 6px var(--_focus-halo);
    }
    .arrow {
      font-size: 0.8em;
      text-decoration: none;
      display: inline-block;
      min-width: 1em;
    }
    tbody.apart th.group-head {
      text-align: start;
      font-weight: 700;
      background: var(--_subtle);
      padding-block: 8px;
    }
    tbody.apart td,
    tbody.apart th[scope='row'] {
      color: var(--_muted);
    }
    .badge {
      display: inline-block;
      font-size: 0.8125em;
      font-weight: 600;
      padding: 0 6px;
      border: 1px solid currentColor;
      border-radius: 4px;
      white-space: nowrap;
    }
  `,
];
