import { html, nothing, type TemplateResult } from 'lit';
import { css } from '../shared/css.js';
import type { VerifiedMessages } from '../../core/i18n-verified.js';

/** The case above the question, and the gates' screens (a code being checked, a kiosk waiting). */
export const styles = [
  css`
    .case {
      border-inline-start: 4px solid var(--_primary);
      padding-inline-start: 12px;
    }
    .case dt {
      display: inline;
      font-weight: 700;
    }
    .case dt::after {
      content: ': ';
    }
    .case dd {
      display: inline;
      margin: 0;
    }
    .gate-message {
      padding-block: 16px;
    }
  `,
];

/** The case a verified rating is about, as the citizen sees it above the question. */
export function caseSummary(t: VerifiedMessages, info: { unit?: string; service?: string; caseId?: string | null }): TemplateResult {
  const rows: Array<[string, string]> = [];
  if (info.caseId) rows.push([t.dossier, info.caseId]);
  if (info.service) rows.push([t.service, info.service]);
  if (info.unit) rows.push([t.unit, info.unit]);
  return html`<div class="case" part="case">
    <p>${t.linkedIntro}</p>
    ${rows.length > 0
      ? html`<dl>
          ${rows.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`)}
        </dl>`
      : nothing}
  </div>`;
}

/** The citizen's words for a later refusal of an invitation, or undefined for other refusals. */
export function refusalText(t: VerifiedMessages, reason: string | undefined): string | undefined {
  return reason?.startsWith('invitation_') ? t.refusedLater(reason) : undefined;
}
