import { html, type TemplateResult } from 'lit';

// Whole <svg> elements: `html` parses them as SVG (Lit's `svg` tag is for fragments without one).

/**
 * A face for a point on the scale: the mouth bends from a frown (1) to a smile (top score).
 * Decorative: the label next to it carries the meaning.
 */
export function face(score: number, scale: number): TemplateResult {
  const mood = scale === 1 ? 0 : ((score - 1) / (scale - 1)) * 2 - 1;
  const mouthY = 16 - mood * 0.5;
  const bend = mouthY + mood * 3.5;
  return html`<svg viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round">
    <circle cx="12" cy="12" r="10" />
    <circle cx="8.5" cy="9.5" r="1.3" fill="currentColor" stroke="none" />
    <circle cx="15.5" cy="9.5" r="1.3" fill="currentColor" stroke="none" />
    <path d="M7.5 ${mouthY}Q12 ${bend} 16.5 ${mouthY}" />
  </svg>`;
}

/** A tick for the thank-you panel. */
export const tick = html`<svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">
  <circle cx="12" cy="12" r="11" fill="currentColor" />
  <path d="M6.5 12.5l3.5 3.5 7.5-8" fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;
