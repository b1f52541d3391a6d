import { css } from '../shared/css.js';
import { baseStyles } from '../shared/base.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';

export const standardsStyles = [
  baseStyles,
  dialogStyles,
  css`
    :host {
      --_accent: var(--svc-color-accent, #c8102e);
    }
    .root {
      background: var(--_surface);
    }
    .head {
      display: grid;
      gap: 2px;
    }
    .heading {
      font-size: 1.375em;
      font-weight: 800;
      line-height: 1.25;
    }
    .heading-other {
      color: var(--_muted);
      font-size: 1em;
    }
    .intro {
      margin-block: 8px 12px;
      color: var(--_muted);
    }
    .warning {
      color: var(--_error);
      margin-block-end: 8px;
    }
    .items {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .item {
      display: flex;
      align-items: center;
      gap: 12px;
      padding-block: 8px;
    }
    .number {
      flex: none;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 36px;
      height: 36px;
      border-radius: 50%;
      background: var(--_primary);
      color: var(--_on-primary);
      font-weight: 800;
    }
    .texts {
      flex: 1;
      display: grid;
    }
    .text {
      font-weight: 600;
    }
    .text-other {
      color: var(--_muted);
      font-size: 0.9375em;
    }
    .rate-button {
      flex: none;
      min-height: 40px;
      min-width: 44px;
      padding: 4px 14px;
      border: 2px solid var(--_primary);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_primary);
      font-weight: 600;
      cursor: pointer;
    }
    .rate-button:hover {
      background: var(--_subtle);
    }

    /* poster: the notice a counter pins up (one A4 page in print) */
    .root[data-variant='poster'] {
      border: 3px solid var(--_primary);
      border-radius: var(--_radius);
      overflow: hidden;
      max-width: 794px;
    }
    .root[data-variant='poster'] .head {
      background: var(--_primary);
      color: var(--_on-primary);
      padding: 24px 28px 20px;
      border-block-end: 6px solid var(--_accent);
      text-align: center;
    }
    .root[data-variant='poster'] .heading {
      font-size: 2em;
      text-transform: uppercase;
      letter-spacing: 0.02em;
    }
    .root[data-variant='poster'] .heading-other {
      color: var(--_on-primary);
      font-size: 1.125em;
    }
    .root[data-variant='poster'] .intro {
      padding-inline: 28px;
      margin-block: 16px 4px;
      text-align: center;
      font-size: 1.0625em;
    }
    .root[data-variant='poster'] .items {
      padding: 4px 28px 24px;
    }
    .root[data-variant='poster'] .item {
      padding-block: 10px;
      border-block-end: 1px solid #d5dce5;
    }
    .root[data-variant='poster'] .item:last-child {
      border-block-end: 0;
    }
    .root[data-variant='poster'] .text {
      font-size: 1.25em;
    }
    .root[data-variant='poster'] .number {
      width: 44px;
      height: 44px;
      font-size: 1.25em;
    }
    .root[data-variant='poster'] .warning {
      padding-inline: 28px;
    }

    /* list: plain, for a page's body text */
    .root[data-variant='list'] {
      padding: 16px 20px;
      border: 1px solid var(--svc-color-frame, #c9d3df);
      border-radius: var(--_radius);
    }
    .root[data-variant='list'] .item {
      border-block-end: 1px solid #d5dce5;
    }
    .root[data-variant='list'] ul.items .item::before {
      content: '';
      flex: none;
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: var(--_primary);
    }

    /* banner: a compact strip across a page */
    .root[data-variant='banner'] {
      background: var(--_subtle);
      border-block: 4px solid var(--_primary);
      padding: 12px 16px;
    }
    .root[data-variant='banner'] .heading {
      font-size: 1.0625em;
      margin-block-end: 8px;
    }
    .root[data-variant='banner'] .items {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .root[data-variant='banner'] .item {
      padding: 4px 12px 4px 4px;
      background: var(--_surface);
      border: 1px solid #c9d3df;
      border-radius: 999px;
      gap: 8px;
      font-size: 0.9375em;
    }
    .root[data-variant='banner'] ul.items .item {
      padding-inline-start: 12px;
    }
    .root[data-variant='banner'] .number {
      width: 28px;
      height: 28px;
      font-size: 0.875em;
    }
    .root[data-variant='banner'] .rate-button {
      min-height: 28px;
      padding: 0 10px;
    }

    @media print {
      .rate-button {
        display: none;
      }
      .root[data-variant='poster'] .item {
        padding-block: 13px;
      }
      .root[data-variant='poster'] .text {
        font-size: 1.375em;
      }
      .root[data-variant='poster'] {
        max-width: none;
        break-inside: avoid;
        -webkit-print-color-adjust: exact;
        print-color-adjust: exact;
      }
    }
  `,
];
