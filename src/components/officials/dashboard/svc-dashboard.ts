import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { toCsv, type GroupField, type ReportRow } from '../../../analytics/index.js';
import { defineElement } from '../../shared/define.js';
import '../chart/svc-chart.js';
import { SvcDataElement, emit } from '../shared/data-element.js';
import { fileName, saveBlob } from '../shared/download.js';
import { formatGroupValue, formatInteger, formatInterval, formatPercent, formatPeriod, formatShare } from '../shared/format.js';
import { league, type League, type LeagueColumn, type LeagueSort } from '../shared/league.js';
import { PeriodChoice } from '../shared/data.js';
import { leagueBodies } from '../shared/league-bodies.js';
import { CHART_KINDS, DASHBOARD_CHARTS, type ChartKind } from '../shared/messages.js';
import { dashboardStyles } from './svc-dashboard.styles.js';

/**
 * The officials' view: per period, the satisfaction rate against the target with its confidence
 * interval, the ten standards, the trend, complaints by subject and the on-time rate, each as a
 * chart with its data table, CSV and PNG; then a league table of groups ranked with confidence
 * in mind (small samples apart, never ranked). Every figure is a `report()` row.
 *
 * @summary Dashboard of satisfaction, standards, complaints and on-time rates.
 * @tag svc-dashboard
 *
 * @fires svc-ready - Every chart is drawn for the current data. `detail.charts`, `detail.rows`.
 * @fires svc-load - The rows are ready. `detail.rows`, `detail.records`, `detail.errors`, `detail.errorCount`, `detail.via` (`worker` | `main`).
 * @fires svc-load-error - Nothing could be shown. `detail.kind` (`http` | `network` | `format` | `parse` | `config`), `detail.message`, `detail.status`, `detail.errors`.
 * @fires svc-progress - Loading a file: `detail.phase` (`download` | `summarize`), `detail.loaded`, `detail.total`, `detail.records`, `detail.via`.
 * @fires svc-render - From each chart inside (retargeted to the dashboard). `detail.kind`.
 *
 * @csspart base - The outer box.
 * @csspart heading - The title.
 * @csspart period - The reporting period chooser.
 * @csspart chart - Each chart's card.
 * @csspart league - The league table section.
 * @csspart state - The loading, empty or error message.
 *
 * @cssproperty --svc-color-primary - Buttons and the progress bar. Default #0a5299 (dark: #8cc2ff).
 * @cssproperty --svc-color-surface - Background. Default #ffffff (dark: #151a21).
 * @cssproperty --svc-color-text - Text. Default #1b1b1b (dark: #e8ecf1).
 * @cssproperty --svc-color-card-border - Border of each chart's card. Default #c9d1db.
 * @cssproperty --svc-chart-meets - Bars that meet the target (see `<svc-chart>` for the others).
 * @cssproperty --svc-font-family - Font family. Default: inherited from the page.
 * @cssproperty --svc-font-size - Base font size. Default 16px.
 */
export class SvcDashboard extends SvcDataElement {
  static override styles = dashboardStyles;

  static override properties: PropertyDeclarations = {
    charts: {},
    heading: {},
    selectedPeriod: { attribute: 'selected-period' },
    sort: { state: true },
  };

  /** Which charts, in order: comma list of `satisfaction`, `trend`, `standards`, `on-time`, `complaints`, `questions` (default the first five). */
  declare charts: string | undefined;
  /** Replaces the title ("Kết quả đánh giá sự hài lòng"). */
  declare heading: string | undefined;
  /** The period the per-group charts, the standards and the league table show (a period key such as `2026-Q1`); default the latest. */
  declare selectedPeriod: string | undefined;

  declare private sort: LeagueSort;
  private waiting = new Set<string>();
  private readyFired = false;
  private chartRows = new Map<ChartKind, ReportRow[]>();

  constructor() {
    super();
    this.sort = { column: 'rank', descending: false };
    this.addEventListener('svc-render', (event) => this.chartRendered(event));
  }

  protected override get needsOverall(): boolean {
    return true;
  }

  private get kinds(): ChartKind[] {
    if (!this.charts) return [...DASHBOARD_CHARTS];
    const wanted = String(this.charts)
      .split(',')
      .map((kind) => kind.trim())
      .filter((kind): kind is ChartKind => (CHART_KINDS as readonly string[]).includes(kind));
    return [...new Set(wanted)];
  }

  /** Group fields the rows are split by (filtered fields aside). */
  private get groupFields(): GroupField[] {
    const view = this.data.view;
    if (!view) return [];
    const filtered = new Set<string>([this.unit ? 'unit' : '', this.service ? 'service' : ''].filter(Boolean));
    return view.groupBy.filter((field) => !filtered.has(field));
  }

  private readonly periodChoice = new PeriodChoice();

  /** The periods of the rows, in order (worked out once per set of rows). */
  private get periods(): string[] {
    return this.periodChoice.periods(this.data.view?.rows);
  }

  /** The period shown by the per-group views. */
  get shownPeriod(): string | null {
    return this.periodChoice.shown(this.data.view?.rows, this.selectedPeriod);
  }

  /** The rows of each chart, exactly as drawn. */
  rowsFor(kind: ChartKind): ReportRow[] {
    return this.chartRows.get(kind) ?? this.pickRows(kind);
  }

  /**
   * Keeps each chart's rows array unless its rows changed, so that a chart redraws only for new
   * rows; `svc-ready` then waits for exactly the charts that redraw.
   */
  private refreshChartRows(): void {
    const next = new Map<ChartKind, ReportRow[]>();
    const changed: ChartKind[] = [];
    if (this.data.status === 'ready' && this.data.view) {
      for (const kind of this.kinds) {
        const rows = this.pickRows(kind);
        const old = this.chartRows.get(kind);
        if (old && old.length === rows.length && old.every((row, i) => row === rows[i])) next.set(kind, old);
        else {
          next.set(kind, rows);
          changed.push(kind);
        }
      }
    }
    this.chartRows = next;
    if (changed.length) {
      this.waiting = new Set(changed);
      this.readyFired = false;
    }
  }

  private pickRows(kind: ChartKind): ReportRow[] {
    const view = this.data.view;
    if (!view) return [];
    const period = this.shownPeriod;
    const grouped = this.groupFields.length > 0;
    const current = grouped ? view.rows.filter((row) => row.key.period === period) : view.rows;
    switch (kind) {
      case 'trend':
      case 'complaints':
        return view.overall;
      case 'standards':
      case 'questions':
        return view.overall.filter((row) => row.key.period === period);
      default:
        return current;
    }
  }

  /** The league table's rows, ranked and ordered as shown. */
  get leagueRows(): League {
    const grouped = this.groupFields.length > 0;
    const period = this.shownPeriod;
    const rows = this.data.view ? (grouped ? this.data.view.rows.filter((row) => row.key.period === period) : this.data.view.rows) : [];
    return league(rows, this.data.view?.groupBy ?? [], this.sort);
  }

  // In update, not willUpdate: the loader (a controller) has applied new targets by then.
  protected override update(changed: PropertyValues): void {
    this.refreshChartRows();
    super.update(changed);
  }

  private chartRendered(event: Event): void {
    const chart = event.composedPath()[0] as HTMLElement & { kind?: string };
    if (chart === this || !this.renderRoot.contains(chart)) return;
    this.waiting.delete(chart.kind ?? '');
    if (this.waiting.size === 0 && !this.readyFired && this.data.status === 'ready') {
      this.readyFired = true;
      emit(this, 'svc-ready', { charts: this.kinds.length, rows: this.data.view?.rows.length ?? 0 });
    }
  }

  /** The CSV of the league table as shown (`toCsv` of its report rows, in order, with a BOM). */
  leagueCsv(): string {
    const { ranked, apart } = this.leagueRows;
    return toCsv([...ranked.map(({ row }) => row), ...apart], { bom: true });
  }

  private downloadLeague(): void {
    saveBlob(new Blob([this.leagueCsv()], { type: 'text/csv;charset=utf-8' }), `${fileName('svc-league', this.shownPeriod ?? '')}.csv`);
  }

  private onPeriod(event: Event): void {
    this.selectedPeriod = (event.target as HTMLSelectElement).value;
  }

  private sortBy(column: LeagueColumn): void {
    const numeric = column === 'ratings' || column === 'satisfaction' || column === 'complaints' || column === 'onTime';
    this.sort = this.sort.column === column ? { column, descending: !this.sort.descending } : { column, descending: numeric };
  }

  private renderMeta(): TemplateResult | typeof nothing {
    if (!this.data.view || !this.data.loaded) return nothing;
    const d = this.d;
    const parts: string[] = [];
    const fields = this.groupFields;
    if (fields.length) parts.push(d.byGroup(fields.map((field) => d.groupField[field]).join(', ')).trim());
    const periodKind = this.data.view.rows[0]?.key.period;
    if (periodKind) {
      const kind = periodKind === 'all' ? 'all' : /-Q/.test(periodKind) ? 'quarter' : /-W/.test(periodKind) ? 'week' : /^\d{4}-\d{2}-\d{2}$/.test(periodKind) ? 'day' : /^\d{4}-\d{2}$/.test(periodKind) ? 'month' : 'year';
      parts.push(d.periodNames[kind]);
    }
    if (this.data.loaded.type === 'summary' && this.data.loaded.records !== undefined) parts.push(d.recordsRead(formatInteger(this.data.loaded.records, d)));
    if (this.data.loaded.type === 'rows' && this.src) parts.push(d.sourceCollector);
    if (this.unit) parts.push(`${d.groupField.unit}: ${formatGroupValue('unit', this.unit, d, this.labelMap)}`);
    if (this.service) parts.push(`${d.groupField.service}: ${formatGroupValue('service', this.service, d, this.labelMap)}`);
    return html`<p class="meta">${parts.join(' · ')}</p>`;
  }

  private renderPeriodChooser(): TemplateResult | typeof nothing {
    const periods = this.periods;
    if (periods.length < 2) return nothing;
    const d = this.d;
    const shown = this.shownPeriod;
    return html`<label class="period-select" part="period">
      ${d.choosePeriod}
      <select @change=${this.onPeriod}>
        ${[...periods].reverse().map((period) => html`<option value=${period} ?selected=${period === shown}>${formatPeriod(period, d)}</option>`)}
      </select>
    </label>`;
  }

  private renderCharts(): TemplateResult {
    const grouped = this.groupFields.length > 0;
    return html`<div class="grid">
      ${repeat(
        this.kinds,
        (kind) => kind,
        (kind) => {
          const wide = (grouped && (kind === 'satisfaction' || kind === 'on-time')) || kind === 'standards' || kind === 'questions';
          return html`<div class=${wide ? 'card wide' : 'card'} part="chart">
            <svc-chart
              kind=${kind}
              .rows=${this.rowsFor(kind)}
              .labels=${this.labels}
              .standardDefinitions=${this.standardDefinitions}
              theme=${this.theme ?? nothing}
              target=${this.target ?? nothing}
              on-time-target=${this.onTimeTarget ?? nothing}
              min-sample=${this.minSample ?? nothing}
              confidence=${this.confidence ?? nothing}
              unit=${this.unit ?? nothing}
              service=${this.service ?? nothing}
            ></svc-chart>
          </div>`;
        },
      )}
    </div>`;
  }

  /** The options in force (the defaults when an attribute is wrong: the error state says so). */
  private safeOptions(): { targets: { satisfaction: number }; minSample: number; confidence: number } {
    try {
      return this.viewOptions();
    } catch {
      return { targets: { satisfaction: 0.8 }, minSample: 30, confidence: 0.95 };
    }
  }

  private sortHeader(column: LeagueColumn, label: string, text = false): TemplateResult {
    const active = this.sort.column === column;
    const ariaSort = active ? (this.sort.descending ? 'descending' : 'ascending') : nothing;
    return html`<th scope="col" class=${text ? 'text' : ''} aria-sort=${ariaSort}>
      <button type="button" class="sort" @click=${() => this.sortBy(column)}>
        ${label}<span class="arrow" aria-hidden="true">${active ? (this.sort.descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>`;
  }

  private renderLeague(): TemplateResult {
    const d = this.d;
    const fields = this.groupFields;
    const { ranked, apart } = this.leagueRows;
    const period = this.shownPeriod;
    const grouped = fields.length > 0;
    const options = this.safeOptions();
    const target = formatShare(options.targets.satisfaction, d);
    const confidence = formatShare(options.confidence, d);
    const columns = 1 + (grouped ? fields.length : 1) + 6;
    const labels = this.labelMap;
    const caption = d.leagueTitle + (grouped && period && period !== 'all' ? d.inPeriod(formatPeriod(period, d)) : '');
    const cells = (row: ReportRow, rank: number | null) => html`
      <td>${rank ?? '—'}</td>
      ${grouped
        ? fields.map((field, i) =>
            i === 0
              ? html`<th scope="row" class="text">${formatGroupValue(field, row.key[field], d, labels)}</th>`
              : html`<td class="text">${formatGroupValue(field, row.key[field], d, labels)}</td>`,
          )
        : html`<th scope="row" class="text">${formatPeriod(row.key.period, d)}</th>`}
      <td>${formatInteger(row.ratings, d)}</td>
      <td>${formatPercent(row.satisfactionRate, d)}</td>
      <td>${formatInterval(row.satisfactionCI, d)}</td>
      <td>${row.meetsSatisfactionTarget === null ? '—' : row.meetsSatisfactionTarget ? d.meetsTarget : d.belowTarget}</td>
      <td>${formatInteger(row.complaints, d)}</td>
      <td>${formatPercent(row.onTimeRate, d)}</td>
    `;
    return html`<section class="league" part="league">
      <h3 id="league-title">${caption}</h3>
      <p class="intro">${d.leagueIntro(options.minSample)}</p>
      <div class="toolbar">
        <button type="button" class="button secondary csv" @click=${this.downloadLeague} aria-describedby="league-title">${d.downloadCsv}</button>
      </div>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="league-title">
        <table class="league-table">
          <caption class="visually-hidden">${caption}</caption>
          <thead>
            <tr>
              ${this.sortHeader('rank', d.rank)}
              ${grouped
                ? fields.map((field, i) => (i === 0 ? this.sortHeader('group', d.groupField[field], true) : html`<th scope="col" class="text">${d.groupField[field]}</th>`))
                : this.sortHeader('period', d.period, true)}
              ${this.sortHeader('ratings', d.ratings)} ${this.sortHeader('satisfaction', d.satisfactionRate)}
              <th scope="col">${d.confidenceInterval(confidence)}</th>
              <th scope="col">${d.target(target)}</th>
              ${this.sortHeader('complaints', d.complaints)} ${this.sortHeader('onTime', d.onTimeRate)}
            </tr>
          </thead>
          ${leagueBodies({ ranked, apart }, columns, d.lowSampleGroup, cells)}
        </table>
      </div>
    </section>`;
  }

  override render(): TemplateResult {
    const d = this.d;
    const ready = this.data.status === 'ready' && this.data.view;
    return html`<div class="root" part="base">
      <div class="head">
        <div>
          <h2 part="heading">${this.heading ?? d.dashboardTitle}</h2>
          ${ready ? this.renderMeta() : nothing}
        </div>
        ${ready ? this.renderPeriodChooser() : nothing}
      </div>
      ${this.data.renderState()} ${this.data.renderWarnings()} ${ready ? this.renderCharts() : nothing} ${ready ? this.renderLeague() : nothing}
    </div>`;
  }
}

defineElement('svc-dashboard', SvcDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'svc-dashboard': SvcDashboard;
  }
}
