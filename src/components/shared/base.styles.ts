import { css } from './css.js';

/**
 * What every element's shadow root starts from. The host page's styles must neither leak in
 * nor out: the root box sets its own font size, line height and colours in px (never rem,
 * which follows the host's root font size) and inherits only the font family.
 */
export const rootStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    --_primary: var(--svc-color-primary, #0a5299);
    --_on-primary: var(--svc-color-on-primary, #ffffff);
    --_text: var(--svc-color-text, #1b1b1b);
    --_muted: var(--svc-color-muted, #4a4a4a);
    --_surface: var(--svc-color-surface, #ffffff);
    --_subtle: var(--svc-color-subtle, #f3f6fa);
    --_border: var(--svc-color-border, #6b6b6b);
    --_error: var(--svc-color-error, #b3261e);
    --_success: var(--svc-color-success, #00703c);
    --_focus: var(--svc-color-focus, #1b1b1b);
    --_focus-halo: var(--svc-color-focus-halo, #ffdd00);
    --_radius: var(--svc-radius, 8px);
    --_font-size: var(--svc-font-size, 16px);
  }
  :host([hidden]) {
    display: none;
  }
  .root {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--svc-font-family, inherit);
    font-size: var(--_font-size);
    line-height: var(--svc-line-height, 1.5);
    color: var(--_text);
    text-align: start;
    -webkit-text-size-adjust: 100%;
  }
  /* The bordered box of the form elements (rating inline and kiosk, complaint, status). */
  .framed {
    background: var(--_surface);
    border: 1px solid var(--svc-color-frame, #c9d3df);
    border-radius: var(--_radius);
    padding: 20px;
  }
  .root *,
  .root *::before,
  .root *::after {
    box-sizing: border-box;
  }
  button,
  input,
  textarea,
  select {
    font: inherit;
    color: inherit;
    margin: 0;
  }
  h2,
  h3,
  p,
  ul,
  ol,
  fieldset,
  legend {
    margin: 0;
    padding: 0;
  }
  fieldset {
    border: 0;
    min-width: 0;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_focus-halo);
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 8px;
    min-height: 44px;
    min-width: 44px;
    padding: 8px 20px;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }
  .button.secondary {
    background: var(--_surface);
    color: var(--_primary);
  }
  .button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .error-summary {
    border: 4px solid var(--_error);
    border-radius: var(--_radius);
    padding: 12px 16px;
    margin-block-end: 16px;
    background: var(--_surface);
  }
  .error-summary h2 {
    font-size: 1.125em;
    font-weight: 700;
    margin-block-end: 4px;
  }
  .error-summary ul {
    list-style: none;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
    display: inline-block;
    min-height: 24px;
  }
  .field-error {
    color: var(--_error);
    font-weight: 600;
    margin-block: 4px;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9375em;
  }
  @media (prefers-reduced-motion: no-preference) {
    .button,
    .choice-face {
      transition: background-color 0.15s ease, color 0.15s ease, border-color 0.15s ease;
    }
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/** Text for screen readers only. */
export const visuallyHiddenStyles = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
`;

/** The root styles and visually hidden text: what the elements start from (`<svc-rating>` needs only the first). */
export const baseStyles = [rootStyles, visuallyHiddenStyles];
