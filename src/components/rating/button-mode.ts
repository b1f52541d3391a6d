import { html, type TemplateResult } from 'lit';
import { css } from '../shared/css.js';
import { dialogStyles } from '../shared/dialog.styles.js';

/** What the dialog needs from its `<svc-rating mode="button">`. */
export interface ButtonModeHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The thank-you is shown (the button then opens a fresh form). */
  readonly thanked: boolean;
  startOver(): void;
}

/** The dialog; on paper, no button that opens it. */
export const styles = [
  dialogStyles,
  css`
    @media print {
      .open {
        display: none;
      }
    }
  `,
];

const dialogOf = (host: ButtonModeHost) => host.renderRoot.querySelector('dialog');

/**
 * `<svc-rating mode="button">`: a button that opens the rating in a modal dialog (Escape closes
 * it, focus returns to the button). A part of its own: only a page with a button-mode rating
 * loads it.
 */
export function buttonMode(host: ButtonModeHost, t: { openRating: string; close: string }, body: TemplateResult): TemplateResult {
  const open = () => {
    if (host.thanked) host.startOver();
    dialogOf(host)?.showModal();
  };
  return html`<div class="root" part="base" data-mode="button">
    <button type="button" class="button open" part="open-button" aria-haspopup="dialog" @click=${open}>${t.openRating}</button>
    <dialog part="dialog" aria-labelledby="dialog-title" @close=${() => host.renderRoot.querySelector<HTMLElement>('.open')?.focus()}>
      <div class="dialog-head">
        <h2 id="dialog-title">${t.openRating}</h2>
        <button type="button" class="close" @click=${() => dialogOf(host)?.close()} aria-label=${t.close}><span aria-hidden="true">×</span></button>
      </div>
      ${body}
    </dialog>
  </div>`;
}

/** Under the thank-you in the dialog: a button that closes it. */
export function closeButton(host: ButtonModeHost, t: { close: string }): TemplateResult {
  return html`<button type="button" class="button secondary" @click=${() => dialogOf(host)?.close()}>${t.close}</button>`;
}
