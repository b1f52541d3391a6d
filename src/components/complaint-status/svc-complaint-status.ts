import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { statusMessages, type StatusMessages } from '../../core/i18n/status.js';
import type { ComplaintStatus } from '../../core/record.js';
import '../rating/svc-rating.js';
import { defineElement } from '../shared/define.js';
import { SvcElement } from '../shared/svc-element.js';
import { statusStyles } from './svc-complaint-status.styles.js';

/** What `GET /v1/complaints/{trackingCode}` answers: no personal data, no description. */
export interface ComplaintStatusReply {
  trackingCode: string;
  status: ComplaintStatus;
  category: string;
  createdAt: string;
  updatedAt?: string | null;
  dueAt?: string | null;
  resolvedAt?: string | null;
  response?: string | null;
}

type Lookup =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'found'; reply: ComplaintStatusReply }
  | { state: 'not-found' }
  | { state: 'failed' };

/**
 * A citizen looks up a complaint by its tracking code and sees its status, its dates and the
 * agency's answer. The answer is shown as text, never as HTML. Once the complaint is resolved or
 * rejected, it asks "Ông/Bà có hài lòng với kết quả xử lý?" on the 3-point scale: a
 * `<svc-rating>` whose record carries `about: "complaint"` and the `trackingCode` (the collector
 * files it under the complaint's agency and unit, one per complaint).
 *
 * @summary Look up a complaint by tracking code.
 * @tag svc-complaint-status
 *
 * @csspart base - The outer box.
 * @csspart result - The complaint found.
 * @csspart response - The agency's answer.
 * @csspart handling - The rating of the handling, once the complaint is closed (an `<svc-rating>`).
 * @csspart handling-question - Its question.
 *
 * @cssproperty --svc-color-primary - Buttons. Default #0a5299.
 * @cssproperty --svc-font-family - Font family. Default: inherited from the page.
 */
export class SvcComplaintStatus extends SvcElement<StatusMessages> {
  static override styles = statusStyles;
  static override strings = statusMessages;

  static override properties: PropertyDeclarations = {
    endpoint: {},
    agency: {},
    trackingCode: { attribute: 'tracking-code' },
    lookup: { state: true },
    inputError: { state: true },
  };

  /** Collector base URL. */
  declare endpoint: string | undefined;
  /**
   * The agency of the page, sent with the rating of the handling; optional, since the collector
   * files that rating under the complaint's own agency and unit whatever the page says.
   */
  declare agency: string | undefined;
  /** A code to look up at once (e.g. from a link in the citizen's confirmation). */
  declare trackingCode: string | undefined;

  declare private lookup: Lookup;
  declare private inputError: boolean;
  private code = '';
  private request: AbortController | undefined;

  constructor() {
    super();
    this.lookup = { state: 'idle' };
    this.inputError = false;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('trackingCode') && this.trackingCode) {
      this.code = String(this.trackingCode).trim();
      void this.find(this.code);
    }
  }

  private async find(code: string): Promise<void> {
    this.request?.abort();
    const endpoint = (this.endpoint ?? '').trim();
    if (!code || !endpoint) return;
    const controller = new AbortController();
    this.request = controller;
    this.lookup = { state: 'loading' };
    try {
      const base = new URL(endpoint, document.baseURI).href.replace(/\/+$/, '');
      const response = await fetch(`${base}/v1/complaints/${encodeURIComponent(code)}`, {
        credentials: 'omit',
        signal: controller.signal,
        headers: { Accept: 'application/json' },
      });
      if (response.status === 404) this.lookup = { state: 'not-found' };
      else if (!response.ok) this.lookup = { state: 'failed' };
      else this.lookup = { state: 'found', reply: (await response.json()) as ComplaintStatusReply };
    } catch (error) {
      if ((error as Error).name !== 'AbortError') this.lookup = { state: 'failed' };
    }
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    this.inputError = this.code === '';
    if (this.inputError) {
      this.renderRoot.querySelector<HTMLInputElement>('#code')?.focus();
      return;
    }
    void this.find(this.code);
  }

  private date(value: string | null | undefined): string {
    if (!value) return '—';
    const time = new Date(value);
    if (Number.isNaN(time.getTime())) return '—';
    return new Intl.DateTimeFormat(this.locale === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(time);
  }

  override render(): TemplateResult {
    const t = this.t;
    return html`<div class="root framed" part="base">
      <form role="search" novalidate @submit=${this.onSubmit} aria-labelledby="title">
        <h2 id="title" class="title">${t.statusTitle}</h2>
        <label class="label" for="code">${t.trackingCodeLabel}</label>
        <p id="code-hint" class="hint">${t.statusCodeHint}</p>
        ${this.inputError ? html`<p id="code-error" class="field-error">${t.statusEnterCode}</p>` : nothing}
        <div class="row">
          <input
            id="code"
            type="search"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            aria-invalid=${this.inputError ? 'true' : 'false'}
            aria-describedby=${this.inputError ? 'code-error code-hint' : 'code-hint'}
            .value=${this.code}
            @input=${(event: InputEvent) => (this.code = (event.target as HTMLInputElement).value.trim())}
          />
          <button class="button" type="submit">${t.statusLookup}</button>
        </div>
      </form>
      <div class="outcome" aria-live="polite" aria-busy=${this.lookup.state === 'loading' ? 'true' : 'false'}>${this.renderOutcome()}</div>
    </div>`;
  }

  private renderOutcome(): TemplateResult | typeof nothing {
    const t = this.t;
    const lookup = this.lookup;
    switch (lookup.state) {
      case 'loading':
        return html`<p class="hint">${t.statusLoading}</p>`;
      case 'not-found':
        return html`<p class="field-error">${t.statusNotFound}</p>`;
      case 'failed':
        return html`<p class="field-error">${t.statusFailed}</p>`;
      case 'found': {
        const reply = lookup.reply;
        const categories: Record<string, string> = t.categoryNames;
        return html`<section class="result" part="result" aria-labelledby="result-title">
          <h3 id="result-title" class="result-title">${t.trackingCodeLabel}: <span class="code">${reply.trackingCode}</span></h3>
          <dl>
            <dt>${t.statusLabel}</dt>
            <dd><span class="status" data-status=${reply.status}>${t.statusNames[reply.status] ?? reply.status}</span></dd>
            <dt>${t.categoryLabel}</dt>
            <dd>${categories[reply.category] ?? reply.category}</dd>
            <dt>${t.createdLabel}</dt>
            <dd>${this.date(reply.createdAt)}</dd>
            <dt>${t.updatedLabel}</dt>
            <dd>${this.date(reply.updatedAt)}</dd>
            <dt>${t.dueLabel}</dt>
            <dd>${this.date(reply.dueAt)}</dd>
            ${reply.resolvedAt ? html`<dt>${t.resolvedLabel}</dt><dd>${this.date(reply.resolvedAt)}</dd>` : nothing}
          </dl>
          <h4 class="label">${t.responseLabel}</h4>
          <p class="response" part="response">${reply.response ? reply.response : t.noResponse}</p>
          ${reply.status === 'resolved' || reply.status === 'rejected' ? this.renderHandlingRating(reply.trackingCode) : nothing}
        </section>`;
      }
      default:
        return nothing;
    }
  }

  /** The rating of the handling: the agency's answer is in, so the citizen is asked once. */
  private renderHandlingRating(trackingCode: string): TemplateResult {
    const addComplaint = (event: CustomEvent<{ record: Record<string, unknown> }>) => {
      event.detail.record['about'] = 'complaint';
      event.detail.record['trackingCode'] = trackingCode;
    };
    return html`<svc-rating
      class="handling"
      part="handling"
      exportparts="legend: handling-question"
      scale="3"
      lang=${this.locale}
      .question=${this.t.handlingQuestion}
      endpoint=${this.endpoint ?? ''}
      agency=${(this.agency ?? '').trim() || 'complaint'}
      @svc-submit=${addComplaint}
    ></svc-rating>`;
  }
}

defineElement('svc-complaint-status', SvcComplaintStatus);

declare global {
  interface HTMLElementTagNameMap {
    'svc-complaint-status': SvcComplaintStatus;
  }
}
