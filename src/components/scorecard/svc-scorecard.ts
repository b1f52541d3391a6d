import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { css } from '../shared/css.js';
import { defineElement } from '../shared/define.js';
import { scorecardMessages, type ScorecardMessages } from './messages.js';

/** The figures of one row of `/v1/summary` the scorecard shows (a subset of analytics' ReportRow). */
export interface ScorecardRow {
  key: { agency?: string | null; unit?: string | null; period: string };
  ratings: number;
  satisfactionRate: number | null;
  satisfactionCI: [number, number] | null;
  lowSample: boolean;
  casesOnTime: number;
  casesLate: number;
  onTimeRate: number | null;
  complaintsOnTime?: number;
  complaintsLate?: number;
  complaintOnTimeRate?: number | null;
  verifiedRatings?: number;
}

type Status = 'idle' | 'loading' | 'ready' | 'error';

/** The `lang` of the element or of its closest ancestor, crossing shadow roots. */
function inheritedLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return (node.getAttribute('lang') ?? '').toLowerCase().startsWith('en') ? 'en' : 'vi';
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return 'vi';
}

/** The quarter key (`2026-Q1`) of an instant on the wall clock of a time zone. */
export function quarterOf(when: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(when);
  const year = parts.find((part) => part.type === 'year')!.value;
  const month = Number(parts.find((part) => part.type === 'month')!.value);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

/**
 * For citizens: how one agency or unit served them this quarter, in four figures from the
 * collector's `GET /v1/summary` — satisfaction, dossiers on time, complaints answered on time, and
 * the share of ratings tied to a served dossier. With too few ratings it says so instead of a rate.
 *
 * @summary An agency's or unit's quarter in a few figures (CONTRACT §9).
 * @tag svc-scorecard
 *
 * @csspart base - The outer box.
 * @csspart figure - Each figure.
 *
 * @cssproperty --svc-color-primary - Figures. Default #0a5299.
 * @cssproperty --svc-color-text - Text. Default #1b1b1b.
 * @cssproperty --svc-color-surface - Background. Default #ffffff.
 * @cssproperty --svc-font-family - Font family. Default: inherited from the page.
 * @cssproperty --svc-font-size - Base font size. Default 16px.
 */
export class SvcScorecard extends LitElement {
  static override properties: PropertyDeclarations = {
    endpoint: {},
    agency: {},
    unit: {},
    quarter: {},
    timeZone: { attribute: 'time-zone' },
    target: {},
    minSample: { attribute: 'min-sample' },
    sample: { type: Boolean },
    rows: { attribute: false },
    status: { state: true },
  };

  /** Collector base URL; the figures come from its `/v1/summary`. */
  declare endpoint: string | undefined;
  /** The agency (required). */
  declare agency: string | undefined;
  /** One unit of the agency; absent: the whole agency. */
  declare unit: string | undefined;
  /** `2026-Q1`; default the current quarter in `time-zone`. */
  declare quarter: string | undefined;
  /** IANA zone the quarter is cut in; default Asia/Ho_Chi_Minh. */
  declare timeZone: string;
  /** Satisfaction target, a share; default 0.8. */
  declare target: number | string;
  /** Fewer ratings than this: "too few ratings" instead of a rate; default 30. */
  declare minSample: number | string;
  /** Marks the figures as sample data (the demo's sample dataset). */
  declare sample: boolean;
  /** Report rows to show instead of fetching (e.g. from a file). */
  declare rows: readonly ScorecardRow[] | undefined;

  declare private status: Status;
  private fetched: readonly ScorecardRow[] | undefined;
  private controller: AbortController | undefined;

  constructor() {
    super();
    this.timeZone = 'Asia/Ho_Chi_Minh';
    this.target = 0.8;
    this.minSample = 30;
    this.sample = false;
    this.status = 'idle';
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  private get period(): string {
    return this.quarter && /^\d{4}-Q[1-4]$/.test(this.quarter) ? this.quarter : quarterOf(new Date(), this.timeZone || 'Asia/Ho_Chi_Minh');
  }

  private get minimum(): number {
    const n = Number(this.minSample);
    return Number.isFinite(n) && n >= 0 ? n : 30;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const inputs = ['endpoint', 'agency', 'unit', 'quarter', 'timeZone', 'minSample'];
    if (this.rows === undefined && this.endpoint && this.agency && inputs.some((name) => changed.has(name))) void this.load();
  }

  /** The summary of every unit (or agency) by quarter: the public `/v1/summary`, nothing else. */
  private async load(): Promise<void> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.status = 'loading';
    const params = new URLSearchParams({
      groupBy: this.unit ? 'agency,unit' : 'agency',
      period: 'quarter',
      timeZone: this.timeZone || 'Asia/Ho_Chi_Minh',
      minSample: String(this.minimum),
      target: String(this.target),
    });
    try {
      const response = await fetch(`${this.endpoint!.replace(/\/+$/, '')}/v1/summary?${params}`, { signal: controller.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const rows = (await response.json()) as ScorecardRow[];
      if (controller.signal.aborted) return;
      this.fetched = rows;
      this.status = 'ready';
    } catch (error) {
      if (controller.signal.aborted) return;
      console.error('[service-feedback] <svc-scorecard>: the summary could not be loaded:', error);
      this.status = 'error';
    }
  }

  /** The row of this agency (and unit) in this quarter, or undefined. */
  private get row(): ScorecardRow | undefined {
    const rows = this.rows ?? this.fetched ?? [];
    const period = this.period;
    return rows.find(
      (row) => row.key.period === period && (row.key.agency ?? null) === (this.agency ?? null) && (!this.unit || (row.key.unit ?? null) === this.unit),
    );
  }

  override render(): TemplateResult {
    const locale = inheritedLang(this);
    const t = scorecardMessages(locale);
    const [year, q] = this.period.split('-Q');
    const periodLabel = locale === 'en' ? `Q${q} ${year}` : `quý ${q}/${year}`;
    const name = this.unit ? `${this.unit} · ${this.agency ?? ''}` : (this.agency ?? '');
    let body: TemplateResult;
    if (this.rows === undefined && this.status === 'loading') body = html`<p role="status">${t.loading}</p>`;
    else if (this.rows === undefined && this.status === 'error') body = html`<p class="problem" role="alert">${t.failed}</p>`;
    else {
      const row = this.row;
      body = row ? this.renderFigures(row, t, locale) : html`<p>${t.noData}</p>`;
    }
    return html`<section class="root" part="base" aria-labelledby="title" lang=${locale}>
      <h2 id="title">${t.title(periodLabel)}</h2>
      <p class="name">${name}</p>
      ${this.sample ? html`<p class="sample"><strong>${t.sample}</strong></p>` : nothing} ${body}
    </section>`;
  }

  private renderFigures(row: ScorecardRow, t: ScorecardMessages, locale: string): TemplateResult {
    const percent = new Intl.NumberFormat(locale === 'en' ? 'en' : 'vi', { style: 'percent', maximumFractionDigits: 0 });
    const share = (value: number | null | undefined) => (value === null || value === undefined ? '—' : percent.format(value));
    const target = Number(this.target);
    const tooFew = row.lowSample || row.ratings < this.minimum;
    const satisfaction = tooFew
      ? html`<p class="too-few">${t.tooFew(row.ratings, this.minimum)}</p>`
      : html`<p class="value">${share(row.satisfactionRate)}</p>
          <p class="detail">${t.ofRatings(row.ratings)}</p>
          ${row.satisfactionCI ? html`<p class="detail">${t.interval(share(row.satisfactionCI[0]), share(row.satisfactionCI[1]))}</p>` : nothing}
          ${row.satisfactionRate !== null && Number.isFinite(target)
            ? html`<p class="detail">${t.target(percent.format(target))} — ${row.satisfactionRate >= target ? t.meets : t.below}</p>`
            : nothing}`;
    const cases = row.casesOnTime + row.casesLate;
    const complaints = (row.complaintsOnTime ?? 0) + (row.complaintsLate ?? 0);
    const verified = row.verifiedRatings ?? 0;
    return html`<dl class="figures">
      <div class="figure" part="figure" data-figure="satisfaction"><dt>${t.satisfaction}</dt><dd>${satisfaction}</dd></div>
      <div class="figure" part="figure" data-figure="on-time">
        <dt>${t.onTime}</dt>
        <dd><p class="value">${share(row.onTimeRate)}</p><p class="detail">${t.ofCases(cases)}</p></dd>
      </div>
      <div class="figure" part="figure" data-figure="complaints-on-time">
        <dt>${t.complaintsOnTime}</dt>
        <dd><p class="value">${share(row.complaintOnTimeRate)}</p><p class="detail">${t.ofComplaints(complaints)}</p></dd>
      </div>
      <div class="figure" part="figure" data-figure="verified">
        <dt>${t.verifiedShare}</dt>
        <dd>
          <p class="value">${row.ratings === 0 ? '—' : percent.format(verified / row.ratings)}</p>
          <p class="detail">${t.ofRatings(row.ratings)}</p>
          <p class="detail">${t.verifiedNote}</p>
        </dd>
      </div>
    </dl>`;
  }

  static override styles = css`
    :host {
      display: block;
      --_primary: var(--svc-color-primary, #0a5299);
      --_text: var(--svc-color-text, #1b1b1b);
      --_surface: var(--svc-color-surface, #ffffff);
    }
    :host([hidden]) {
      display: none;
    }
    .root {
      all: initial;
      display: block;
      box-sizing: border-box;
      font-family: var(--svc-font-family, inherit);
      font-size: var(--svc-font-size, 16px);
      line-height: 1.5;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid #6b6b6b;
      border-radius: 8px;
      padding: 16px;
    }
    h2 {
      font-size: 1.25em;
      margin: 0;
    }
    p {
      margin: 0;
    }
    .name {
      margin-block-end: 12px;
    }
    .sample {
      padding: 4px 8px;
      margin-block-end: 12px;
      background: #fff4ce;
      border-inline-start: 4px solid #7a5200;
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(180px, 1fr));
      gap: 16px;
      margin: 0;
    }
    .figure dt {
      font-weight: 700;
    }
    .figure dd {
      margin: 0;
    }
    .value {
      font-size: 2em;
      font-weight: 700;
      color: var(--_primary);
      line-height: 1.2;
    }
    .detail {
      font-size: 0.875em;
    }
    .problem {
      color: #b3261e;
    }
  `;
}

defineElement('svc-scorecard', SvcScorecard);

declare global {
  interface HTMLElementTagNameMap {
    'svc-scorecard': SvcScorecard;
  }
}
