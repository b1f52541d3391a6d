import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { emit } from '../../../core/events.js';
import { defineElement } from '../../shared/define.js';
import { SvcElement } from '../../shared/svc-element.js';
import { ApiError, InboxApi, type AuditEntry, type InboxComplaint, type InboxPage } from './api.js';
import { inboxMessages, type InboxMessages } from './messages.js';
import { inboxStyles } from './svc-complaint-inbox.styles.js';

export interface SvcComplaintUpdatedDetail {
  trackingCode: string;
  status: InboxComplaint['status'];
}

declare module '../../../core/events.js' {
  interface SvcEventMap {
    'svc-complaint-updated': SvcComplaintUpdatedDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'svc-complaint-updated': CustomEvent<SvcComplaintUpdatedDetail>;
  }
  interface HTMLElementTagNameMap {
    'svc-complaint-inbox': SvcComplaintInbox;
  }
}

type Tab = 'open' | 'received' | 'in_progress' | 'resolved' | 'rejected';
const TABS: readonly Tab[] = ['open', 'received', 'in_progress', 'resolved', 'rejected'];
const CATEGORIES = ['attitude', 'delay', 'fees', 'procedure', 'facilities', 'other'];
const DAY = 86_400_000;

type Load<T> = { state: 'idle' } | { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; unauthorized: boolean };

interface Detail {
  complaint: InboxComplaint;
  history: AuditEntry[];
  /** Object URLs of the attachments (revoked when the detail closes). */
  files: Array<{ name: string; type: string; url: string }>;
}

/** Which statuses a complaint may move to (CONTRACT §8), its own first. */
function nextStatuses(status: InboxComplaint['status']): Array<InboxComplaint['status']> {
  if (status === 'resolved' || status === 'rejected') return [status, 'in_progress'];
  return status === 'received' ? ['received', 'in_progress', 'resolved', 'rejected'] : ['in_progress', 'resolved', 'rejected'];
}

/**
 * The officials' complaint inbox: status tabs with counts (open ones first), overdue first with
 * the days left or late, filters and search, and a detail pane with the description, the
 * attachments (viewable and downloadable), the contact when consented, the history from the
 * audit log, and the form to answer, change the status, assign a unit and note. Reads and writes
 * the collector's officials' routes with a token that is a property only: it is never written
 * to an attribute, the DOM or storage.
 *
 * @summary Officials answer complaints.
 * @tag svc-complaint-inbox
 *
 * @fires svc-complaint-updated - A complaint was saved. `detail.trackingCode`, `detail.status`.
 *
 * @csspart base - The outer box.
 * @csspart list - The list of complaints.
 * @csspart detail - The detail pane.
 *
 * @cssproperty --svc-color-primary - Buttons and the current tab. Default #0a5299.
 * @cssproperty --svc-font-family - Font family. Default: inherited from the page.
 */
export class SvcComplaintInbox extends SvcElement {
  static override styles = inboxStyles;

  static override properties: PropertyDeclarations = {
    endpoint: {},
    tab: { state: true },
    page: { state: true },
    detail: { state: true },
    message: { state: true },
    saving: { state: true },
  };

  /** Collector base URL. */
  declare endpoint: string | undefined;

  declare private tab: Tab;
  declare private page: Load<InboxPage>;
  declare private detail: Load<Detail>;
  declare private message: { text: string; error: boolean } | undefined;
  declare private saving: boolean;
  /** Private field, no attribute, no reflection: the token lives only in this object. */
  #token: string | undefined;
  private filters = { q: '', unit: '', category: '', overdue: false };
  private listAbort: AbortController | undefined;
  private detailAbort: AbortController | undefined;
  private openedFrom: string | undefined;

  constructor() {
    super();
    this.tab = 'open';
    this.page = { state: 'idle' };
    this.detail = { state: 'idle' };
    this.message = undefined;
    this.saving = false;
  }

  /** The official's access token (viewer to read, handler to change). A property only. */
  get token(): string | undefined {
    return this.#token;
  }
  set token(value: string | undefined) {
    const next = typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    if (next === this.#token) return;
    this.#token = next;
    this.closeDetail(false);
    this.requestUpdate();
    if (this.isConnected) void this.loadList();
  }

  private get m(): InboxMessages {
    return inboxMessages(this.locale);
  }

  private get api(): InboxApi | undefined {
    const endpoint = (this.endpoint ?? '').trim();
    return endpoint && this.#token ? new InboxApi(endpoint, this.#token) : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.api && this.page.state === 'idle') void this.loadList();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listAbort?.abort();
    this.closeDetail(false);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('endpoint') && this.isConnected) void this.loadList();
  }

  /** Loads the first page of the current tab and filters (overdue first: earliest due first). */
  private async loadList(append = false): Promise<void> {
    const api = this.api;
    if (!api) {
      this.page = { state: 'idle' };
      return;
    }
    this.listAbort?.abort();
    const controller = new AbortController();
    this.listAbort = controller;
    const query = new URLSearchParams({ status: this.tab, order: 'due' });
    if (this.filters.q) query.set('q', this.filters.q);
    if (this.filters.unit) query.set('unit', this.filters.unit);
    if (this.filters.category) query.set('category', this.filters.category);
    if (this.filters.overdue) query.set('overdue', 'true');
    const previous = this.page.state === 'done' ? this.page.value : undefined;
    if (append && previous?.next) query.set('cursor', previous.next);
    if (!append) this.page = { state: 'loading' };
    try {
      const value = await api.list(query, controller.signal);
      this.page = { state: 'done', value: append && previous ? { ...value, complaints: [...previous.complaints, ...value.complaints] } : value };
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this.page = { state: 'failed', unauthorized: error instanceof ApiError && (error.status === 401 || error.status === 403) };
    }
  }

  private async openDetail(complaint: InboxComplaint): Promise<void> {
    const api = this.api;
    if (!api) return;
    this.closeDetail(false);
    this.openedFrom = complaint.id;
    this.message = undefined;
    const controller = new AbortController();
    this.detailAbort = controller;
    this.detail = { state: 'loading' };
    try {
      const [whole, history] = await Promise.all([api.record(complaint.id, controller.signal), api.history(complaint.trackingCode, controller.signal)]);
      const files = (whole.attachments ?? []).map((file) => ({ name: file.name, type: file.type, url: objectUrl(file.data ?? '', file.type) }));
      this.detail = { state: 'done', value: { complaint: whole, history, files } };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus();
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      this.detail = { state: 'failed', unauthorized: error instanceof ApiError && (error.status === 401 || error.status === 403) };
    }
  }

  private closeDetail(returnFocus: boolean): void {
    this.detailAbort?.abort();
    if (this.detail?.state === 'done') for (const file of this.detail.value.files) URL.revokeObjectURL(file.url);
    this.detail = { state: 'idle' };
    if (returnFocus && this.openedFrom) {
      const id = this.openedFrom;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus());
    }
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const api = this.api;
    if (!api || this.detail.state !== 'done' || this.saving) return;
    const current = this.detail.value.complaint;
    const form = new FormData(event.target as HTMLFormElement);
    const patch: Record<string, unknown> = { ifUpdatedAt: current.updatedAt };
    const text = (name: string) => String(form.get(name) ?? '');
    if (text('status') !== current.status) patch['status'] = text('status');
    if (text('response') !== (current.response ?? '')) patch['response'] = text('response') || null;
    if (text('assignedUnit').trim() !== (current.assignedUnit ?? '')) patch['assignedUnit'] = text('assignedUnit').trim() || null;
    if (text('internalNote') !== (current.internalNote ?? '')) patch['internalNote'] = text('internalNote') || null;
    if (Object.keys(patch).length === 1) {
      this.message = { text: this.m.saved, error: false };
      return;
    }
    this.saving = true;
    try {
      const saved = await api.update(current.trackingCode, patch);
      emit(this, 'svc-complaint-updated', { trackingCode: saved.trackingCode, status: saved.status });
      await this.openDetail(current);
      this.message = { text: this.m.saved, error: false };
      void this.loadList();
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      if (code === 'stale') await this.openDetail(current);
      this.message = { text: code === 'stale' ? this.m.stale : code === 'invalid_transition' || code === 'forbidden' ? this.m.notAllowed : this.m.saveFailed, error: true };
    } finally {
      this.saving = false;
    }
  }

  private chooseTab(tab: Tab): void {
    if (tab === this.tab) return;
    this.tab = tab;
    this.closeDetail(false);
    void this.loadList();
  }

  private applyFilters(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.filters = {
      q: String(form.get('q') ?? '').trim(),
      unit: String(form.get('unit') ?? '').trim(),
      category: String(form.get('category') ?? ''),
      overdue: form.get('overdue') === 'on',
    };
    this.closeDetail(false);
    void this.loadList();
  }

  private date(value: string | undefined): string {
    if (!value) return '—';
    return new Intl.DateTimeFormat(this.locale === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
  }

  /** "3 days left" / "2 days late" for an open complaint; nothing for a closed one. */
  private dueText(complaint: InboxComplaint): { text: string; late: boolean } | undefined {
    if (complaint.status === 'resolved' || complaint.status === 'rejected') return undefined;
    const left = Date.parse(complaint.dueAt) - Date.now();
    const days = Math.ceil(Math.abs(left) / DAY);
    if (left < 0) return { text: this.m.daysLate(Math.max(1, Math.floor(-left / DAY) || 1)), late: true };
    return { text: days <= 1 && left < DAY ? this.m.dueToday : this.m.daysLeft(days), late: false };
  }

  override render(): TemplateResult {
    const m = this.m;
    return html`<div class="root framed" part="base">
      <h2 class="title">${m.title}</h2>
      ${this.api ? this.renderInbox() : html`<p class="hint">${m.needsSetup}</p>`}
    </div>`;
  }

  private renderInbox(): TemplateResult {
    const m = this.m;
    const counts = this.page.state === 'done' ? this.page.value.counts : undefined;
    const count = (tab: Tab) => (counts ? (tab === 'open' ? counts.received + counts.in_progress : counts[tab]) : undefined);
    return html`
      <div class="tabs" role="group" aria-label=${m.tabsLabel}>
        ${TABS.map(
          (tab) => html`<button type="button" class="tab" aria-pressed=${tab === this.tab ? 'true' : 'false'} @click=${() => this.chooseTab(tab)}>
            ${count(tab) !== undefined ? `${m.tabs[tab]} (${count(tab)})` : m.tabs[tab]}
          </button>`,
        )}
      </div>
      <form class="filters" role="search" aria-label=${m.filtersLabel} @submit=${this.applyFilters}>
        <div class="field grow"><label class="label" for="q">${m.searchLabel}</label><input id="q" name="q" type="search" .value=${this.filters.q} /></div>
        <div class="field"><label class="label" for="unit">${m.unitLabel}</label><input id="unit" name="unit" type="text" .value=${this.filters.unit} /></div>
        <div class="field">
          <label class="label" for="category">${m.categoryLabel}</label>
          <select id="category" name="category">
            <option value="" ?selected=${this.filters.category === ''}>${m.anyCategory}</option>
            ${CATEGORIES.map((id) => html`<option value=${id} ?selected=${this.filters.category === id}>${m.categoryNames[id]}</option>`)}
          </select>
        </div>
        <label class="check"><input name="overdue" type="checkbox" .checked=${this.filters.overdue} /> ${m.overdueOnly}</label>
        <button class="button" type="submit">${m.apply}</button>
      </form>
      <div class="panes">
        <section class="list" part="list" aria-labelledby="list-title" aria-busy=${this.page.state === 'loading' ? 'true' : 'false'}>
          <h3 id="list-title" class="visually-hidden">${m.listLabel}</h3>
          ${this.renderList()}
        </section>
        ${this.detail.state === 'idle' ? nothing : html`<section class="detail" part="detail" aria-labelledby="detail-title">${this.renderDetail()}</section>`}
      </div>
      <p class="status-line" role="status">${this.message?.error === false ? this.message.text : ''}</p>
    `;
  }

  private renderList(): TemplateResult {
    const m = this.m;
    const page = this.page;
    if (page.state === 'loading' || page.state === 'idle') return html`<p class="hint">${m.loading}</p>`;
    if (page.state === 'failed') return html`<p class="field-error">${page.unauthorized ? m.unauthorized : m.failed}</p>`;
    if (page.value.complaints.length === 0) return html`<p class="hint">${m.empty}</p>`;
    return html`<ul class="items">
        ${page.value.complaints.map((complaint) => {
          const due = this.dueText(complaint);
          const selected = this.detail.state !== 'idle' && this.openedFrom === complaint.id;
          return html`<li>
            <button type="button" class="item" data-id=${complaint.id} aria-current=${selected ? 'true' : 'false'} @click=${() => this.openDetail(complaint)}>
              <span class="code">${complaint.trackingCode}</span>
              <span class="meta">${m.categoryNames[complaint.category] ?? complaint.category} · ${m.statusNames[complaint.status] ?? complaint.status}</span>
              ${due ? html`<span class="due" data-late=${due.late ? 'true' : 'false'}>${due.text}</span>` : nothing}
              <span class="excerpt">${complaint.description.slice(0, 120)}</span>
            </button>
          </li>`;
        })}
      </ul>
      ${page.value.next ? html`<button type="button" class="button secondary" @click=${() => this.loadList(true)}>${m.more}</button>` : nothing}`;
  }

  private renderDetail(): TemplateResult {
    const m = this.m;
    const detail = this.detail;
    if (detail.state === 'loading' || detail.state === 'idle') return html`<h3 id="detail-title" class="result-title" tabindex="-1">${m.detailLabel}</h3><p class="hint">${m.loading}</p>`;
    if (detail.state === 'failed') {
      return html`<h3 id="detail-title" class="result-title" tabindex="-1">${m.detailLabel}</h3><p class="field-error">${detail.unauthorized ? m.unauthorized : m.failed}</p>`;
    }
    const { complaint, history, files } = detail.value;
    const contact = complaint.contact;
    const due = this.dueText(complaint);
    return html`
      <div class="detail-head">
        <h3 id="detail-title" class="result-title" tabindex="-1">${m.detailLabel}: <span class="code">${complaint.trackingCode}</span></h3>
        <button type="button" class="button secondary" @click=${() => this.closeDetail(true)}>${m.close}</button>
      </div>
      <dl>
        <dt>${m.status}</dt><dd>${m.statusNames[complaint.status] ?? complaint.status}</dd>
        <dt>${m.categoryLabel}</dt><dd>${m.categoryNames[complaint.category] ?? complaint.category}</dd>
        <dt>${m.received}</dt><dd>${this.date(complaint.createdAt)}</dd>
        <dt>${m.due}</dt><dd>${this.date(complaint.dueAt)}${due ? html` (<span class="due" data-late=${due.late ? 'true' : 'false'}>${due.text}</span>)` : nothing}</dd>
      </dl>
      <h4 class="label">${m.description}</h4>
      <p class="text">${complaint.description}</p>
      ${files.length > 0
        ? html`<h4 class="label">${m.attachments}</h4>
            <ul class="files">
              ${files.map(
                (file) => html`<li>
                  ${file.type.startsWith('image/') ? html`<img class="photo" src=${file.url} alt=${file.name} />` : nothing}
                  <span>${file.name}</span>
                  <a class="link" href=${file.url} target="_blank" rel="noopener">${m.view}<span class="visually-hidden"> ${file.name}</span></a>
                  <a class="link" href=${file.url} download=${file.name}>${m.download}<span class="visually-hidden"> ${file.name}</span></a>
                </li>`,
              )}
            </ul>`
        : nothing}
      <h4 class="label">${m.contact}</h4>
      ${contact && (contact.name || contact.email || contact.phone)
        ? html`<p class="text">${[contact.name, contact.email, contact.phone].filter(Boolean).join(' · ')}</p>`
        : html`<p class="hint">${m.noContact}</p>`}
      <h4 class="label">${m.history}</h4>
      ${history.length === 0
        ? html`<p class="hint">${m.noHistory}</p>`
        : html`<ol class="history">
            ${history.map((entry) => html`<li>${this.date(entry.at)} — ${entry.label}: ${m.actions[entry.action] ?? entry.action}${this.change(entry)}</li>`)}
          </ol>`}
      <form class="handle" @submit=${this.save} aria-labelledby="handle-title">
        <h4 id="handle-title" class="label">${m.handle}</h4>
        <div class="field">
          <label class="label" for="status">${m.status}</label>
          <select id="status" name="status">
            ${nextStatuses(complaint.status).map((status) => html`<option value=${status} ?selected=${status === complaint.status}>${m.statusNames[status]}</option>`)}
          </select>
        </div>
        <div class="field"><label class="label" for="response">${m.response}</label><textarea id="response" name="response" maxlength="4000" .value=${complaint.response ?? ''}></textarea></div>
        <div class="field"><label class="label" for="assignedUnit">${m.assignedUnit}</label><input id="assignedUnit" name="assignedUnit" type="text" maxlength="200" .value=${complaint.assignedUnit ?? ''} /></div>
        <div class="field"><label class="label" for="internalNote">${m.internalNote}</label><textarea id="internalNote" name="internalNote" maxlength="4000" .value=${complaint.internalNote ?? ''}></textarea></div>
        ${this.message?.error ? html`<p class="field-error" role="alert">${this.message.text}</p>` : nothing}
        <button class="button" type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>${m.save}</button>
      </form>
    `;
  }

  /** What an update changed, in a few words (status; the texts are shown in the form). */
  private change(entry: AuditEntry): string {
    const before = entry.before?.['status'];
    const after = entry.after?.['status'];
    return typeof before === 'string' && typeof after === 'string' && before !== after ? ` (${this.m.statusNames[before] ?? before} → ${this.m.statusNames[after] ?? after})` : '';
  }
}

/** An attachment's base64 data as an object URL (blob:), viewable and downloadable under a strict CSP. */
function objectUrl(base64: string, type: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return URL.createObjectURL(new Blob([bytes], { type }));
}

defineElement('svc-complaint-inbox', SvcComplaintInbox);
