import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Chart } from 'chart.js';
import { toCsv, type ReportRow } from '../../../analytics/index.js';
import { defineElement } from '../../shared/define.js';
import { SvcDataElement, emit } from '../shared/data-element.js';
import { yieldToMain } from '../shared/data.js';
import { fileName, saveBlob } from '../shared/download.js';
import { CHART_KINDS, type ChartKind } from '../shared/messages.js';
import { NARROW, chartConfig, chartHeight, type ChartTheme } from './chart-config.js';
import { loadChartJs } from './chart-loader.js';
import { chartModel, type ChartModel, type TableModel } from './chart-model.js';
import { chartStyles } from './svc-chart.styles.js';
import type { QuestionSet } from '../../../core/question-sets.js';
// The rating's own answer words (the questions chart names answers as the citizen saw them).
import { en as ratingEn } from '../../../core/i18n/rating-en.js';
import { vi as ratingVi } from '../../../core/i18n/rating-vi.js';

const CHART_VARS = ['text', 'muted', 'grid', 'meets', 'below', 'low', 'band', '1', '2', '3', '4', '5', '6', '7'] as const;

/** The same values in the same order. */
function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

/** A media query, or a stand-in where `matchMedia` is missing. */
function media(query: string): MediaQueryList | null {
  return typeof matchMedia === 'function' ? matchMedia(query) : null;
}

/**
 * One chart of the results, with its caption, an equivalent data table for screen readers (and
 * anyone: "show as table"), CSV export of exactly the rows shown and a PNG of the chart.
 * chart.js is loaded only when there is something to draw. Stands alone (its own `src`,
 * `records` or `summary`) or draws the `rows` a `<svc-dashboard>` gives it.
 *
 * @summary A chart of satisfaction, standards, trend, complaints, on-time rates or answers per question.
 * @tag svc-chart
 *
 * @fires svc-render - The chart is drawn (after its animation, if any), or shows that there is nothing to draw. `detail.kind`.
 * @fires svc-load - The rows are ready (standalone). `detail.rows`, `detail.records`, `detail.errors`, `detail.errorCount`, `detail.via`.
 * @fires svc-load-error - Nothing could be shown. `detail.kind` (`http` | `network` | `format` | `parse` | `config`), `detail.message`, `detail.status`, `detail.errors`.
 * @fires svc-progress - Loading a file: `detail.phase`, `detail.loaded`, `detail.total`, `detail.records`, `detail.via`.
 *
 * @csspart base - The outer box.
 * @csspart caption - The caption above the chart.
 * @csspart toolbar - The "show as table", CSV and PNG buttons.
 * @csspart canvas - The box the chart is drawn in.
 * @csspart table - The data table.
 * @csspart state - The loading, empty or error message.
 *
 * @cssproperty --svc-chart-meets - Bars that meet the target. Default #0a5299 (dark: #6fb1ff).
 * @cssproperty --svc-chart-below - Bars below the target. Default #b34700 (dark: #ffa154).
 * @cssproperty --svc-chart-low - Hatched small-sample bars. Default #5c5c5c (dark: #b8c0c9).
 * @cssproperty --svc-chart-1 - First of seven categorical colours (`--svc-chart-1` … `--svc-chart-7`); keep each at 3:1 against the surface.
 * @cssproperty --svc-chart-text - Text, whiskers and the target line on the chart.
 * @cssproperty --svc-chart-grid - Grid lines.
 * @cssproperty --svc-color-surface - Background (also painted into the PNG). Default #ffffff (dark: #151a21).
 * @cssproperty --svc-color-primary - Buttons. Default #0a5299.
 * @cssproperty --svc-font-family - Font family (also on the canvas). Default: inherited from the page.
 */
export class SvcChart extends SvcDataElement {
  static override styles = chartStyles;

  static override properties: PropertyDeclarations = {
    kind: { reflect: true },
    rows: { attribute: false },
    caption: {},
    showTable: { attribute: 'show-table', type: Boolean, reflect: true },
    questions: {},
    questionSet: { attribute: false },
  };

  /** `satisfaction` (default) | `standards` | `trend` | `complaints` | `on-time` | `questions` (answers per question and value of a question set). */
  declare kind: string;
  /** Report rows to draw as they are (a `<svc-dashboard>` sets these); takes precedence over `src`, `records` and `summary`. */
  declare rows: readonly ReportRow[] | undefined;
  /** Replaces the caption worked out from the kind and the rows. */
  declare caption: string | undefined;
  /** Shows the data table under the chart (the "show as table" button toggles it). */
  declare showTable: boolean;
  /** `kind="questions"`: the question set to show (`sipas`, `tthc-9`, `a11` or an agency's own id); default the set most answered in the rows. */
  declare questions: string | undefined;
  /** `kind="questions"`: an agency's own set (`{ id, questions: [{ id, vi, en, type, options? }] }`, as `<svc-rating>` takes it), to name its questions and answers. */
  declare questionSet: QuestionSet | undefined;

  private chart: Chart | undefined;
  private model: ChartModel | null = null;
  private modelInputs: unknown[] = [];
  private drawKey: unknown[] = [];
  private drawToken = 0;
  private renderedToken = -1;
  private chartFailed = false;
  private themeVersion = 0;
  private readonly motionQuery = media('(prefers-reduced-motion: reduce)');
  private readonly schemeQuery = media('(prefers-color-scheme: dark)');
  private readonly onMedia = () => {
    this.themeVersion++;
    this.requestUpdate();
  };
  private narrowDrawn: boolean | undefined;
  private readonly resizeObserver =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => {
          // A phone turned, a column collapsed: redraw when the box crosses the phone width.
          if (this.chart && this.narrowDrawn !== undefined && this.narrowDrawn !== this.isNarrow()) this.onMedia();
        })
      : undefined;

  constructor() {
    super();
    this.kind = 'satisfaction';
    this.showTable = false;
  }

  protected override get givenRows(): readonly ReportRow[] | undefined {
    return this.rows;
  }

  private get resolvedKind(): ChartKind {
    return (CHART_KINDS as readonly string[]).includes(this.kind) ? (this.kind as ChartKind) : 'satisfaction';
  }

  /** The standards chart names the standards (the ten, or the agency's list). */
  protected override get usesStandards(): boolean {
    return this.resolvedKind === 'standards';
  }

  /** What the chart shows (null until there are rows). */
  get chartModel(): ChartModel | null {
    return this.model;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.motionQuery?.addEventListener('change', this.onMedia);
    this.schemeQuery?.addEventListener('change', this.onMedia);
    this.resizeObserver?.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.motionQuery?.removeEventListener('change', this.onMedia);
    this.schemeQuery?.removeEventListener('change', this.onMedia);
    this.resizeObserver?.disconnect();
    this.chart?.destroy();
    this.chart = undefined;
    this.drawKey = [];
  }

  // In update, not willUpdate: the loader (a controller) has applied new targets by then.
  protected override update(changed: PropertyValues): void {
    this.model = this.computeModel();
    super.update(changed);
  }

  private computeModel(): ChartModel | null {
    if (this.data.status !== 'ready' || !this.data.view) return null;
    let options;
    try {
      options = this.viewOptions();
    } catch {
      return null;
    }
    const hidden = Object.keys(options.filter) as Array<'unit' | 'service'>;
    const inputs = [
      this.data.view.rows,
      this.resolvedKind,
      this.locale,
      this.caption,
      this.labels,
      this.standardList,
      options.targets.satisfaction,
      options.targets.onTime,
      options.confidence,
      options.minSample,
      this.questions,
      this.questionSet,
    ];
    const words = this.locale === 'en' ? ratingEn : ratingVi;
    if (this.model && sameList(inputs, this.modelInputs)) return this.model;
    this.modelInputs = inputs;
    return chartModel(
      this.resolvedKind,
      this.data.view.rows,
      {
        targets: options.targets,
        confidence: options.confidence,
        minSample: options.minSample,
        labels: this.labelMap,
        standards: this.standardList,
        locale: this.locale,
        hidden,
        caption: this.caption,
        questions: this.questions ? String(this.questions) : undefined,
        questionSet: this.questionSet ?? null,
        words: { lang: this.locale === 'en' ? 'en' : 'vi', scoreLabels3: words.scoreLabels3, scoreLabels5: words.scoreLabels5, yes: words.yes, no: words.no },
      },
      this.d,
    );
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The height goes through the CSSOM: a style="…" attribute is refused under style-src
    // 'self' (Lit's styleMap writes the attribute on its first render).
    const box = this.renderRoot.querySelector<HTMLElement>('.canvas-box');
    if (box && this.model) box.style.setProperty('height', `${chartHeight(this.model, this.isNarrow())}px`);
    const key = [this.model, this.theme, this.themeVersion];
    if (!sameList(key, this.drawKey)) {
      this.drawKey = key;
      void this.draw();
    }
  }

  /** Colours and type from the element's CSS custom properties (light or dark). */
  private readTheme(): ChartTheme {
    const style = getComputedStyle(this);
    const value = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const root = this.renderRoot.querySelector('.root');
    const chart = Object.fromEntries(CHART_VARS.map((name) => [name, value(`--_chart-${name}`, '#0a5299')])) as Record<(typeof CHART_VARS)[number], string>;
    return {
      text: chart.text,
      muted: chart.muted,
      grid: chart.grid,
      surface: value('--_surface', '#ffffff'),
      meets: chart.meets,
      below: chart.below,
      lowSample: chart.low,
      band: chart.band,
      series: [chart['1'], chart['2'], chart['3'], chart['4'], chart['5'], chart['6'], chart['7']],
      fontFamily: (root ? getComputedStyle(root).fontFamily : style.fontFamily) || 'system-ui, sans-serif',
      reducedMotion: this.motionQuery?.matches ?? false,
      narrow: this.isNarrow(),
    };
  }

  private isNarrow(): boolean {
    const box = this.renderRoot.querySelector<HTMLElement>('.canvas-box');
    return (box?.clientWidth ?? this.clientWidth) < NARROW;
  }

  private async draw(): Promise<void> {
    const token = ++this.drawToken;
    const model = this.model;
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas');
    if (!model || !model.series || !canvas) {
      this.chart?.destroy();
      this.chart = undefined;
      // Nothing to draw (the message and the table say so): that is this chart's final look.
      if (model) this.rendered(token);
      return;
    }
    let Chart;
    try {
      Chart = await loadChartJs();
    } catch (error) {
      console.error('[service-feedback] chart.js could not be loaded:', error);
      this.chartFailed = true;
      this.requestUpdate();
      return;
    }
    // Drawing (a layout read and the first frame) in a task of its own, too.
    await yieldToMain();
    if (token !== this.drawToken || !this.isConnected) return;
    const theme = this.readTheme();
    this.narrowDrawn = theme.narrow;
    let options;
    try {
      options = this.viewOptions();
    } catch {
      return;
    }
    const config = chartConfig(model, theme, this.d, { confidence: options.confidence, onComplete: () => this.rendered(token) });
    this.chart?.destroy();
    this.chart = undefined;
    const current = this.renderRoot.querySelector<HTMLCanvasElement>('canvas');
    if (!config || !current) return;
    try {
      this.chart = new Chart(current, config);
      this.chartFailed = false;
    } catch (error) {
      console.error('[service-feedback] the chart could not be drawn:', error);
      this.chartFailed = true;
      this.requestUpdate();
      return;
    }
    if (theme.reducedMotion) this.rendered(token);
  }

  private rendered(token: number): void {
    if (token !== this.drawToken || this.renderedToken === token) return;
    this.renderedToken = token;
    emit(this, 'svc-render', { kind: this.resolvedKind });
  }

  /** The CSV of exactly the rows shown (`toCsv` of the report rows, with a BOM for Excel). */
  csv(): string {
    return toCsv(this.model?.rows ?? [], { bom: true });
  }

  private baseName(): string {
    return fileName('svc', this.resolvedKind, this.model?.caption ?? '');
  }

  /** Downloads the CSV of the rows shown. */
  downloadCsv(): void {
    saveBlob(new Blob([this.csv()], { type: 'text/csv;charset=utf-8' }), `${this.baseName()}.csv`);
  }

  /** The chart as a PNG with its caption on top (null before it is drawn). */
  async png(): Promise<Blob | null> {
    const chart = this.chart;
    const model = this.model;
    if (!chart || !model) return null;
    const source = chart.canvas;
    const ratio = source.width / Math.max(1, source.clientWidth || source.width);
    const theme = this.readTheme();
    const band = Math.round(44 * ratio);
    const out = document.createElement('canvas');
    out.width = source.width;
    out.height = source.height + band;
    const ctx = out.getContext('2d');
    if (!ctx) return null;
    ctx.fillStyle = theme.surface;
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.fillStyle = theme.text;
    ctx.font = `700 ${Math.round(17 * ratio)}px ${theme.fontFamily}`;
    ctx.textBaseline = 'middle';
    ctx.fillText(model.caption, Math.round(8 * ratio), band / 2, out.width - 16 * ratio);
    ctx.drawImage(source, 0, band);
    return new Promise((resolve) => out.toBlob((blob) => resolve(blob), 'image/png'));
  }

  /** Downloads the PNG of the chart. */
  async downloadPng(): Promise<void> {
    const blob = await this.png();
    if (blob) saveBlob(blob, `${this.baseName()}.png`);
  }

  private toggleTable(): void {
    this.showTable = !this.showTable;
  }

  private renderTable(model: ChartModel, table: TableModel): TemplateResult {
    const d = this.d;
    return html`<div
      class=${this.showTable ? 'table-box table-scroll' : 'table-box visually-hidden'}
      part="table"
      tabindex=${this.showTable ? '0' : '-1'}
      role="region"
      aria-label=${d.dataTableCaption(model.caption)}
    >
      <table>
        <caption>${d.dataTableCaption(model.caption)}</caption>
        <thead>
          <tr>
            ${table.head.map((cell, i) => html`<th scope="col" class=${i === 0 ? 'text' : ''}>${cell}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${table.rows.map(
            (row) => html`<tr class=${row.flagged ? 'flagged' : ''}>
              <th scope="row">${row.header}</th>
              ${row.cells.map((cell) => html`<td>${cell}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderFigure(model: ChartModel): TemplateResult {
    const d = this.d;
    return html`<figure>
      <figcaption id="caption" part="caption">${model.caption}</figcaption>
      ${model.notes.length ? html`<p class="notes">${model.notes.join(' ')}</p>` : nothing}
      <div class="toolbar" part="toolbar" role="group" aria-label=${d.chartActions(model.caption)}>
        <button type="button" class="button secondary toggle" aria-pressed=${this.showTable ? 'true' : 'false'} @click=${this.toggleTable}>
          ${d.showTable}
        </button>
        <button type="button" class="button secondary csv" @click=${this.downloadCsv}>${d.downloadCsv}</button>
        ${model.series ? html`<button type="button" class="button secondary png" @click=${this.downloadPng}>${d.downloadPng}</button>` : nothing}
      </div>
      ${model.series
        ? html`<div class="canvas-box" part="canvas">
            <canvas role="img" aria-label=${d.chartLabel(model.caption, model.summary)}></canvas>
          </div>`
        : html`<p class="nothing">${model.nothing ?? d.summaryNothing}</p>`}
      ${this.chartFailed ? html`<p class="notes" role="status">${d.chartFailed}</p>` : nothing}
      ${this.renderTable(model, model.table)}
    </figure>`;
  }

  override render(): TemplateResult {
    const state = this.data.renderState();
    return html`<div class="root" part="base">
      ${state !== nothing ? state : nothing} ${this.data.renderWarnings()} ${this.model ? this.renderFigure(this.model) : nothing}
    </div>`;
  }
}

defineElement('svc-chart', SvcChart);

declare global {
  interface HTMLElementTagNameMap {
    'svc-chart': SvcChart;
  }
}
