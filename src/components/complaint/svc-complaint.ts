import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { complaintMessages, type ComplaintMessages } from '../../core/i18n/complaint.js';
import { lazyPart, type LazyPart } from '../../core/lazy.js';
import { EMAIL_PATTERN, LIMITS, PHONE_PATTERN } from '../../core/limits.js';
import { COMPLAINT_CATEGORIES, type Attachment, type ComplaintRecord } from '../../core/record.js';
import { standardText } from '../../core/standard-text.js';
import { defineElement } from '../shared/define.js';
import { errorSummary, focusErrorSummary, type FieldError } from '../shared/error-summary.js';
import { SvcSubmittingElement, useOpen311 } from '../shared/submitting-element.js';
import { formatBytes } from './format-bytes.js';
import { complaintStyles } from './svc-complaint.styles.js';

/** Reading, checking and re-encoding picked files: here before the form is drawn (files may be picked offline). */
const attachmentsPart = lazyPart(import.meta, 'attachments', () => import('./attachments.js'));

/** A category an agency offers: an id and its name per language. */
export interface ComplaintCategory {
  id: string;
  vi: string;
  en: string;
  [locale: string]: string;
}


/** What a reload brings back. Contact details are never written to the device. */
interface ComplaintDraft {
  category: string;
  description: string;
  standard: string;
  attachments: Attachment[];
}

const MEGABYTES = LIMITS.attachmentBytes / 1024 / 1024;

/**
 * A citizen files a complaint in two minutes, from a phone, anonymously unless they agree to be
 * contacted, and gets a tracking code. The draft survives a reload; the complaint goes through
 * the same outbox as ratings, so it is delivered once even after going offline.
 *
 * @summary File a complaint (phản ánh) and get a tracking code.
 * @tag svc-complaint
 *
 * @fires svc-submit - Cancelable, before the record is stored. `detail.record` may be extended.
 * @fires svc-queued - The record is in the outbox. `detail.record`, `detail.persisted`.
 * @fires svc-sent - The collector acknowledged it. `detail.id`, `detail.trackingCode`.
 * @fires svc-error - `detail.code`: `validation` | `rejected` | `delivery-failed` | `storage-unavailable`.
 *
 * @csspart base - The outer box.
 * @csspart form - The form.
 * @csspart submit - The send button.
 * @csspart done - The panel with the tracking code.
 * @csspart tracking-code - The tracking code.
 *
 * @cssproperty --svc-color-primary - Buttons and chosen options. Default #0a5299.
 * @cssproperty --svc-color-error - Errors. Default #b3261e.
 * @cssproperty --svc-font-family - Font family. Default: inherited from the page.
 * @cssproperty --svc-font-size - Base font size. Default 16px.
 */
export class SvcComplaint extends SvcSubmittingElement<ComplaintMessages> {
  static override styles = complaintStyles;
  static override strings = complaintMessages;

  static override properties: PropertyDeclarations = {
    categories: {},
    transport: {},
    serviceCode: { attribute: 'service-code' },
    apiKey: { attribute: 'api-key' },
    jurisdictionId: { attribute: 'jurisdiction-id' },
    format: {},
    minFillSeconds: { attribute: 'min-fill-seconds' },
    draftKey: { attribute: 'draft-key' },
    view: { state: true },
    errors: { state: true },
    busy: { state: true },
    trackingCode: { state: true },
    delivered: { state: true },
    copyState: { state: true },
  };

  /**
   * The categories offered: a comma list of ids (attribute), or an array of ids or
   * `{ id, vi, en }` (property). Default: attitude, delay, fees, procedure, facilities, other.
   */
  declare categories: string | ReadonlyArray<string | ComplaintCategory> | undefined;
  /** `collector` (default) or `open311`: post to any Open311 GeoReport v2 endpoint instead. */
  declare transport: string;
  /** Open311: the `service_code` to file under (default: the chosen category). */
  declare serviceCode: string | undefined;
  /** Open311: the `api_key` the endpoint asks for. */
  declare apiKey: string | undefined;
  /** Open311: the `jurisdiction_id`. */
  declare jurisdictionId: string | undefined;
  /** Open311: `json` (default) posts to `requests.json`, `xml` to `requests.xml`. Either way an XML or JSON answer is read. */
  declare format: string | undefined;
  /** Seconds before which a submission waits (a bot check that never stops a person). At most 3. */
  declare minFillSeconds: number | string;
  /** Where the draft is kept; default: per agency, unit and page path. */
  declare draftKey: string | undefined;

  declare private view: 'form' | 'done';
  declare private errors: FieldError[];
  declare private busy: boolean;
  declare private trackingCode: string;
  declare private delivered: boolean;
  declare private copyState: '' | 'copied' | 'manual';

  private category = '';
  private description = '';
  private standard = '';
  private attachments: Attachment[] = [];
  private attachmentErrors: string[] = [];
  private preparing = 0;
  private consent = false;
  private contact = { name: '', email: '', phone: '' };
  private honeypot = '';
  private restored = false;
  private startedAt = Date.now();
  private recordId: string | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private announcedCount = '';

  constructor() {
    super();
    this.transport = 'collector';
    this.minFillSeconds = 3;
    this.view = 'form';
    this.errors = [];
    this.busy = false;
    this.trackingCode = '';
    this.delivered = false;
    this.copyState = '';
    this.addEventListener('svc-sent', (event) => {
      if (event.detail.id !== this.recordId) return;
      if (event.detail.trackingCode) this.trackingCode = event.detail.trackingCode;
      this.delivered = true;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A page that files complaints delivers Open311 ones too (also those an earlier page left).
    useOpen311();
    this.startedAt = Date.now();
    void this.restoreDraft();
  }

  protected override get partsShown(): LazyPart<unknown>[] {
    return [...super.partsShown, attachmentsPart];
  }

  /** The complaint form always offers the list of standards. */
  protected override get usesStandards(): boolean {
    return true;
  }

  /** The categories offered, with their names in the element's language. */
  private get categoryList(): Array<{ id: string; name: string }> {
    const value = this.categories;
    const items = typeof value === 'string' ? value.split(',').map((id) => id.trim()).filter(Boolean) : value ?? COMPLAINT_CATEGORIES;
    const names: Record<string, string> = this.t.categoryNames;
    return items.map((item) =>
      typeof item === 'string' ? { id: item, name: names[item] ?? item } : { id: item.id, name: item[this.locale] ?? item.vi },
    );
  }

  private get storageKey(): string {
    return this.draftKey || `complaint:${this.agency ?? ''}:${this.unit ?? ''}:${location.pathname}`;
  }

  private async restoreDraft(): Promise<void> {
    const draft = await (await this.delivery()).loadDraft<ComplaintDraft>(this.storageKey);
    if (!draft || this.view !== 'form' || this.description !== '' || this.category !== '') return;
    this.category = draft.category ?? '';
    this.description = draft.description ?? '';
    this.standard = draft.standard ?? '';
    this.attachments = Array.isArray(draft.attachments) ? draft.attachments : [];
    this.restored = this.category !== '' || this.description !== '' || this.attachments.length > 0;
    this.requestUpdate();
  }

  /** Keeps the draft a moment after the last change (never contact details). */
  private changed(): void {
    this.requestUpdate();
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      const draft: ComplaintDraft = {
        category: this.category,
        description: this.description,
        standard: this.standard,
        attachments: this.attachments,
      };
      void this.delivery().then(({ saveDraft }) => saveDraft(this.storageKey, draft));
    }, 300);
  }

  private async onFiles(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    const t = this.t;
    const problems: string[] = [];
    const room = LIMITS.attachments - this.attachments.length;
    if (files.length > room) problems.push(t.errorAttachmentCount(LIMITS.attachments));
    this.preparing += Math.min(files.length, room);
    this.requestUpdate();
    const reader = await attachmentsPart.ready();
    for (const file of files.slice(0, Math.max(room, 0))) {
      const prepared = await reader.prepareAttachment(file);
      this.preparing -= 1;
      if ('problem' in prepared) {
        const name = file.name.slice(0, 80);
        problems.push(
          prepared.problem === 'type'
            ? t.errorAttachmentType(name)
            : prepared.problem === 'size'
              ? t.errorAttachmentSize(name, MEGABYTES)
              : t.errorAttachmentUnreadable(name),
        );
      } else {
        this.attachments = [...this.attachments, prepared];
      }
    }
    this.attachmentErrors = problems;
    this.changed();
  }

  private removeAttachment(index: number): void {
    this.attachments = this.attachments.filter((_, at) => at !== index);
    this.attachmentErrors = [];
    this.changed();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#attachments')?.focus());
  }

  private validate(): FieldError[] {
    const t = this.t;
    const errors: FieldError[] = [];
    if (!this.categoryList.some((category) => category.id === this.category)) {
      errors.push({ target: `category-${this.categoryList[0]?.id ?? ''}`, field: 'category', message: t.errorCategory });
    }
    const description = this.description.trim();
    if (description.length < LIMITS.descriptionMin) {
      errors.push({ target: 'description', field: 'description', message: t.errorDescriptionShort(LIMITS.descriptionMin) });
    } else if (this.description.length > LIMITS.descriptionMax) {
      errors.push({ target: 'description', field: 'description', message: t.errorDescriptionLong(LIMITS.descriptionMax) });
    }
    if (this.consent) {
      const email = this.contact.email.trim();
      const phone = this.contact.phone.trim();
      if (!email && !phone) errors.push({ target: 'contact-email', field: 'contact', message: t.errorContactMissing });
      if (email && !EMAIL_PATTERN.test(email)) errors.push({ target: 'contact-email', field: 'contact.email', message: t.errorEmail });
      if (phone && !PHONE_PATTERN.test(phone)) errors.push({ target: 'contact-phone', field: 'contact.phone', message: t.errorPhone });
    }
    return errors;
  }

  private buildRecord(): ComplaintRecord {
    const record: ComplaintRecord = {
      ...this.commonFields('complaint'),
      kind: 'complaint',
      category: this.category,
      description: this.description.trim(),
    };
    if (this.standard) record.standard = this.standard;
    if (this.consent) {
      // Only with the tick: the consent text the citizen saw and the time they gave it.
      const contact = { consent: true as const, consentText: this.t.consentText, consentAt: new Date().toISOString() };
      const name = this.contact.name.trim();
      const email = this.contact.email.trim();
      const phone = this.contact.phone.trim();
      record.contact = { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}), ...contact };
    }
    if (this.attachments.length > 0) record.attachments = this.attachments;
    return record;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const errors = this.validate();
    this.errors = errors;
    if (errors.length > 0) {
      await focusErrorSummary(this);
      return;
    }
    this.busy = true;
    try {
      // A bot fills the form in a blink: make it wait the floor out (a person never notices).
      const floor = Math.min(3, Math.max(0, Number(this.minFillSeconds) || 0)) * 1000;
      const wait = this.startedAt + floor - Date.now();
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
      while (this.preparing > 0) await new Promise((done) => setTimeout(done, 50));
      const record = this.buildRecord();
      if (this.honeypot !== '') {
        // A filled hidden field is a bot: it is thanked like anyone, and nothing is sent.
        this.finish(record.id, false);
        return;
      }
      const options = this.transport === 'open311'
        ? { transport: 'open311' as const, open311: pick({ serviceCode: this.serviceCode, apiKey: this.apiKey, jurisdictionId: this.jurisdictionId, format: this.format === 'xml' ? 'xml' : undefined }) }
        : { transport: 'collector' as const };
      const result = await this.queueRecord(record, options);
      if (result.status === 'invalid') {
        const message = result.field === 'agency' ? this.t.errorNotConfigured : `${this.t.errorRejected} (${result.message})`;
        this.errors = [{ target: 'description', field: result.field ?? 'record', message }];
        await focusErrorSummary(this);
      } else if (result.status === 'queued') {
        await (await this.delivery()).clearDraft(this.storageKey);
        this.finish(record.id, true);
      }
    } finally {
      this.busy = false;
    }
  }

  private finish(id: string, real: boolean): void {
    clearTimeout(this.saveTimer);
    this.recordId = real ? id : undefined;
    this.trackingCode = id;
    this.delivered = !real;
    this.view = 'done';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.done')?.focus());
  }

  /** Clears the form for another complaint. */
  startOver(): void {
    this.category = '';
    this.description = '';
    this.standard = '';
    this.attachments = [];
    this.attachmentErrors = [];
    this.consent = false;
    this.contact = { name: '', email: '', phone: '' };
    this.honeypot = '';
    this.restored = false;
    this.errors = [];
    this.copyState = '';
    this.trackingCode = '';
    this.recordId = undefined;
    this.startedAt = Date.now();
    this.view = 'form';
  }

  private async copyCode(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.trackingCode);
      this.copyState = 'copied';
    } catch {
      // No clipboard API outside secure contexts: select the code for the citizen to copy.
      const code = this.renderRoot.querySelector('.code');
      const selection = getSelection();
      if (code && selection) selection.selectAllChildren(code);
      this.copyState = 'manual';
    }
  }

  /** Tells screen readers the remaining characters once typing pauses, not on every key. */
  private announceCount(text: string): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.announcedCount = text;
      this.requestUpdate();
    }, 1000);
  }

  override render(): TemplateResult {
    return html`<div class="root framed" part="base">${this.view === 'done' ? this.renderDone() : this.renderForm()}</div>`;
  }

  private renderForm(): TemplateResult {
    const t = this.t;
    const error = (field: string) => this.errors.find((candidate) => candidate.field === field || candidate.field.startsWith(`${field}.`));
    const categoryError = error('category');
    const descriptionError = error('description');
    const left = LIMITS.descriptionMax - this.description.length;
    const countText = left >= 0 ? t.charactersLeft(left) : t.charactersTooMany(-left);
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      ${errorSummary(this.renderRoot, this.t.errorSummaryTitle, this.errors)}
      ${this.restored ? html`<p class="notice" role="status">${t.draftRestored}</p>` : nothing}
      <p class="hint">${t.complaintIntro}</p>
      <fieldset class="categories" aria-describedby=${categoryError ? 'category-error' : nothing}>
        <legend class="label">${t.categoryLegend}</legend>
        ${categoryError ? html`<p id="category-error" class="field-error">${categoryError.message}</p>` : nothing}
        <div class="category-options">
          ${this.categoryList.map(
            (category) => html`<label class="pill option">
              <input
                type="radio"
                name="category"
                id=${`category-${category.id}`}
                .value=${category.id}
                .checked=${this.category === category.id}
                @change=${() => {
                  this.category = category.id;
                  this.changed();
                }}
              /><span>${category.name}</span>
            </label>`,
          )}
        </div>
      </fieldset>

      <div class="field">
        <label class="label" for="description">${t.descriptionLabel}</label>
        <p id="description-hint" class="hint">${t.descriptionHint}</p>
        ${descriptionError ? html`<p id="description-error" class="field-error">${descriptionError.message}</p>` : nothing}
        <textarea
          id="description"
          rows="6"
          aria-invalid=${descriptionError ? 'true' : 'false'}
          aria-describedby=${descriptionError ? 'description-error description-hint' : 'description-hint'}
          .value=${this.description}
          @input=${(event: InputEvent) => {
            this.description = (event.target as HTMLTextAreaElement).value;
            const remaining = LIMITS.descriptionMax - this.description.length;
            this.announceCount(remaining >= 0 ? t.charactersLeft(remaining) : t.charactersTooMany(-remaining));
            this.changed();
          }}
        ></textarea>
        <p class="hint count ${left < 0 ? 'over' : ''}" aria-hidden="true">${countText}</p>
        <p class="visually-hidden" aria-live="polite">${this.announcedCount}</p>
      </div>

      <div class="field">
        <label class="label" for="standard">${t.standardLabel}</label>
        <select
          id="standard"
          .value=${this.standard}
          @change=${(event: Event) => {
            this.standard = (event.target as HTMLSelectElement).value;
            this.changed();
          }}
        >
          <option value="" ?selected=${this.standard === ''}>${t.standardNone}</option>
          ${this.standardList.map(
            (standard, index) => html`<option value=${standard.id} ?selected=${this.standard === standard.id}>
              ${index + 1}. ${standardText(standard, this.locale)}
            </option>`,
          )}
        </select>
      </div>

      ${this.renderAttachments()} ${this.renderContact()}

      <div class="honeypot" aria-hidden="true">
        <label for="website">${t.honeypotLabel}</label>
        <input
          id="website"
          name="website"
          type="text"
          tabindex="-1"
          autocomplete="off"
          .value=${this.honeypot}
          @input=${(event: InputEvent) => (this.honeypot = (event.target as HTMLInputElement).value)}
        />
      </div>

      <div class="actions">
        <button type="submit" class="button submit" part="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
          ${this.busy ? t.sending : t.sendComplaint}
        </button>
      </div>
    </form>`;
  }

  private renderAttachments(): TemplateResult {
    const t = this.t;
    const full = this.attachments.length >= LIMITS.attachments;
    return html`<div class="field">
      <label class="label" for="attachments">${t.attachmentsLabel}</label>
      <p id="attachments-hint" class="hint">${t.attachmentsHint(LIMITS.attachments, MEGABYTES)}</p>
      ${this.attachmentErrors.length
        ? html`<div id="attachments-error" class="field-error" role="alert">
            ${this.attachmentErrors.map((message) => html`<p>${message}</p>`)}
          </div>`
        : nothing}
      <div class="picker">
        <input
          id="attachments"
          class="visually-hidden file-input"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,image/gif,application/pdf"
          ?disabled=${full}
          aria-describedby=${this.attachmentErrors.length ? 'attachments-error attachments-hint' : 'attachments-hint'}
          @change=${this.onFiles}
        />
        <label for="attachments" class="button secondary">${t.chooseFiles}</label>
      </div>
      ${this.preparing > 0 ? html`<p class="hint" role="status">${t.attachmentPreparing}</p>` : nothing}
      ${this.attachments.length
        ? html`<ul class="files">
            ${this.attachments.map(
              (attachment, index) => html`<li>
                <span class="file-name">${attachment.name}</span>
                <span class="hint">${formatBytes(attachment.size, this.locale)}</span>
                <button type="button" class="button secondary small" @click=${() => this.removeAttachment(index)} aria-label=${t.attachmentRemove(attachment.name)}>
                  ×
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  private renderContact(): TemplateResult {
    const t = this.t;
    const emailError = this.errors.find((candidate) => candidate.field === 'contact.email' || candidate.field === 'contact');
    const phoneError = this.errors.find((candidate) => candidate.field === 'contact.phone');
    const input = (id: 'name' | 'email' | 'phone', label: string, type: string, autocomplete: string, problem?: FieldError) =>
      html`<div class="field">
        <label class="label" for=${`contact-${id}`}>${label}</label>
        ${problem ? html`<p id=${`contact-${id}-error`} class="field-error">${problem.message}</p>` : nothing}
        <input
          id=${`contact-${id}`}
          type=${type}
          autocomplete=${autocomplete}
          inputmode=${type === 'tel' ? 'tel' : type === 'email' ? 'email' : nothing}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${problem ? `contact-${id}-error` : nothing}
          .value=${this.contact[id]}
          @input=${(event: InputEvent) => {
            this.contact = { ...this.contact, [id]: (event.target as HTMLInputElement).value };
          }}
        />
      </div>`;
    return html`<fieldset class="contact">
      <legend class="label">${t.contactLegend}</legend>
      <p class="hint">${t.contactAnonymous}</p>
      <label class="check">
        <input
          type="checkbox"
          id="consent"
          .checked=${this.consent}
          @change=${(event: Event) => {
            this.consent = (event.target as HTMLInputElement).checked;
            // Without the tick nothing of the contact is kept, not even in memory.
            if (!this.consent) this.contact = { name: '', email: '', phone: '' };
            this.errors = this.errors.filter((candidate) => !candidate.field.startsWith('contact'));
            this.requestUpdate();
          }}
        />
        <span>${t.consentText}</span>
      </label>
      ${this.consent
        ? html`<div class="contact-fields">
            ${input('name', t.contactName, 'text', 'name')} ${input('email', t.contactEmail, 'email', 'email', emailError)}
            ${input('phone', t.contactPhone, 'tel', 'tel', phoneError)}
          </div>`
        : nothing}
    </fieldset>`;
  }

  private renderDone(): TemplateResult {
    const t = this.t;
    const temporary = !this.delivered;
    return html`<div class="done" part="done" tabindex="-1" aria-labelledby="done-title">
      <h2 id="done-title" class="done-title">${t.complaintThanks}</h2>
      <p class="code-line">
        <span class="label">${t.trackingCodeLabel}:</span>
        <strong class="code ${temporary ? 'temporary' : ''}" part="tracking-code" data-code=${this.trackingCode}>${this.trackingCode}</strong>
      </p>
      <div role="status">${temporary ? html`<p class="hint">${t.trackingCodeTemporary}</p>` : nothing}</div>
      <p class="hint">${t.trackingCodeHint}</p>
      <div class="done-actions">
        <button type="button" class="button secondary" @click=${this.copyCode}>${t.copyCode}</button>
        <button type="button" class="button secondary" @click=${this.startOver}>${t.newComplaint}</button>
      </div>
      <p class="copy-state" role="status">${this.copyState === 'copied' ? t.copied : this.copyState === 'manual' ? t.copyManually : ''}</p>
    </div>`;
  }
}

/** Leaves out the settings that are not set. */
function pick<T extends Record<string, string | undefined>>(values: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value)) as { [K in keyof T]?: string };
}

defineElement('svc-complaint', SvcComplaint);

declare global {
  interface HTMLElementTagNameMap {
    'svc-complaint': SvcComplaint;
  }
}
