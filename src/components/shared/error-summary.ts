import { html, nothing, type TemplateResult } from 'lit';

/** A problem with one field: `target` is the id of the control the summary links to. */
export interface FieldError {
  target: string;
  field: string;
  message: string;
}

/**
 * The GOV.UK error summary: a titled list at the top of the form whose links move focus to each
 * field. The caller focuses `.error-summary` after a failed submit; `role="alert"` announces it.
 */
export function errorSummary(root: ParentNode, title: string, errors: readonly FieldError[]): TemplateResult | typeof nothing {
  if (errors.length === 0) return nothing;
  const focus = (event: Event, target: string) => {
    event.preventDefault();
    root.querySelector<HTMLElement>(`#${target}`)?.focus();
  };
  return html`<div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-title">
    <h2 id="error-title">${title}</h2>
    <ul>
      ${errors.map((error) => html`<li><a href=${`#${error.target}`} @click=${(event: Event) => focus(event, error.target)}>${error.message}</a></li>`)}
    </ul>
  </div>`;
}

/** After a failed submit: let the summary render, then take focus to it. */
export async function focusErrorSummary(element: { updateComplete: Promise<unknown>; renderRoot: ParentNode }): Promise<void> {
  await element.updateComplete;
  element.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
}
