import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { standardText, type StandardDefinition } from '../../core/standard-text.js';

/** What the dialog needs from its `<svc-standards rate>`: its language and the shared attributes. */
export interface RateDialogHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly locale: string;
  readonly scale: number | string | undefined;
  readonly endpoint: string | undefined;
  readonly agency: string | undefined;
  readonly unit: string | undefined;
  readonly service: string | undefined;
  readonly caseId: string | undefined;
  readonly officer: string | undefined;
  readonly channel: string | undefined;
}

/**
 * The dialog of `<svc-standards rate>`: a `<svc-rating standards="<id>">` of the standard chosen,
 * with the notice's shared attributes. A part of its own: a notice without ratings never loads it.
 */
export function rateDialog(
  host: RateDialogHost,
  standard: StandardDefinition | undefined,
  /** The list in force, handed to the rating (an agency's own list names its standards). */
  list: readonly StandardDefinition[],
  t: { rateStandard: (standard: string) => string; rateStandardShort: string; close: string },
  onClose: () => void,
): TemplateResult {
  return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${onClose}>
    <div class="dialog-head">
      <h2 id="dialog-title">${standard ? t.rateStandard(standardText(standard, host.locale)) : t.rateStandardShort}</h2>
      <button type="button" class="close" aria-label=${t.close} @click=${() => host.renderRoot.querySelector('dialog')?.close()}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
    ${standard
      ? keyed(
          standard.id,
          html`<svc-rating
            standards=${standard.id}
            .standardDefinitions=${list}
            scale=${host.scale ?? 5}
            endpoint=${host.endpoint ?? nothing}
            agency=${host.agency ?? nothing}
            unit=${host.unit ?? nothing}
            service=${host.service ?? nothing}
            case-id=${host.caseId ?? nothing}
            officer=${host.officer ?? nothing}
            channel=${host.channel ?? nothing}
          ></svc-rating>`,
        )
      : nothing}
  </dialog>`;
}
