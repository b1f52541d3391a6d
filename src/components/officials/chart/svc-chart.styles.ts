import { css } from '../../shared/css.js';
import { baseStyles } from '../../shared/base.styles.js';
import { dataStyles } from '../shared/data.styles.js';

export const chartStyles = [
  baseStyles,
  dataStyles,
  css`
    :host {
      min-width: 0;
    }
    .root {
      padding: 0;
    }
    figure {
      margin: 0;
      display: grid;
      gap: 8px;
      min-width: 0;
    }
    figcaption {
      font-size: 1.125em;
      font-weight: 700;
      line-height: 1.35;
    }
    .notes {
      color: var(--_muted);
      font-size: 0.875em;
      margin: 0;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .canvas-box {
      position: relative;
      width: 100%;
      min-width: 0;
    }
    canvas {
      display: block;
    }
    .nothing {
      padding: 12px 16px;
      border: 2px dashed var(--_border);
      border-radius: var(--_radius);
      color: var(--_muted);
    }
    .table-box:not(.visually-hidden) {
      margin-block-start: 4px;
    }
  `,
];
