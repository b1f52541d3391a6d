import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { toCsv, type ReportRow } from '../../../analytics/index.js';
import type { QuestionSet } from '../../../core/question-sets.js';
import { defineElement } from '../../shared/define.js';
import { SvcDataElement } from '../shared/data-element.js';
import type { ViewOptions } from '../shared/data.js';
import { fileName, saveBlob } from '../shared/download.js';
import { formatGroupValue, formatInteger, formatInterval, formatPercent, formatPeriod, formatShare } from '../shared/format.js';
import { league, type League } from '../shared/league.js';
import { PeriodChoice } from '../shared/data.js';
import { leagueBodies } from '../shared/league-bodies.js';
import { questionSetDefinition, questionText } from '../shared/questions.js';
import { reportMessages, type ReportMessages } from './messages.js';
import { previousPeriod, unitPages, type Indicator, type UnitPage } from './report-model.js';
import { reportStyles } from './svc-report.styles.js';

const RANK_ORDER = { column: 'rank', descending: false } as const;

/**
 * The quarterly or yearly evaluation of each unit (CONTRACT §9): per unit, satisfaction against
 * the target and dossiers on time against 100 %, each with its Wilson interval, the Decision 766
 * figures, complaints, the weakest standards and questions, the change since the previous period
 * and the verified share; then a league table of the units. Printed, the league table takes the
 * first A4 page and each unit one page of its own. Loads like `<svc-dashboard>` (a collector's
 * `/v1/summary`, a records file, records or a Summary); every figure is a `report()` row.
 *
 * @summary Quarterly or yearly evaluation of each unit, one A4 page per unit, with a league table.
 * @tag svc-report
 *
 * @fires svc-load - The rows are ready. `detail.rows`, `detail.records`, `detail.errors`, `detail.errorCount`, `detail.via` (`worker` | `main`).
 * @fires svc-load-error - Nothing could be shown. `detail.kind` (`http` | `network` | `format` | `parse` | `config`), `detail.message`, `detail.status`, `detail.errors`.
 * @fires svc-progress - Loading a file: `detail.phase` (`download` | `summarize`), `detail.loaded`, `detail.total`, `detail.records`, `detail.via`.
 *
 * @csspart base - The outer box.
 * @csspart heading - The title.
 * @csspart toolbar - The period chooser, the CSV and print buttons (never printed).
 * @csspart league - The league table's page.
 * @csspart unit - Each unit's page.
 * @csspart state - The loading, empty or error message.
 *
 * @cssproperty --svc-color-primary - Buttons and the progress bar. Default #0a5299 (dark: #8cc2ff).
 * @cssproperty --svc-color-surface - Background. Default #ffffff (dark: #151a21); printed white.
 * @cssproperty --svc-color-text - Text. Default #1b1b1b (dark: #e8ecf1); printed near-black.
 * @cssproperty --svc-color-card-border - Border of each unit's card on screen. Default #c9d1db.
 * @cssproperty --svc-font-family - Font family. Default: inherited from the page.
 * @cssproperty --svc-font-size - Base font size on screen. Default 16px (printed: 9.5pt).
 */
export class SvcReport extends SvcDataElement {
  static override styles = reportStyles;

  static override properties: PropertyDeclarations = {
    heading: {},
    selectedPeriod: { attribute: 'selected-period' },
    questionSet: { attribute: false },
  };

  /** Replaces the title ("Báo cáo đánh giá định kỳ"). */
  declare heading: string | undefined;
  /** The period evaluated (a period key such as `2026-Q3` or `2026`); default the latest in the data. */
  declare selectedPeriod: string | undefined;
  /** An agency's own question set (as `<svc-rating>` takes it), to name its questions among the weakest. */
  declare questionSet: QuestionSet | undefined;

  protected get r(): ReportMessages {
    return reportMessages(this.locale);
  }

  /**
   * As `<svc-dashboard>`, except for two defaults: rows per unit (`group-by="unit"`) and per
   * quarter (`period="quarter"`; `period="year"` for the yearly evaluation).
   */
  /** Each unit's page names its weakest standards (the ten, or the agency's list). */
  protected override get usesStandards(): boolean {
    return true;
  }

  override viewOptions(): ViewOptions {
    const options = super.viewOptions();
    return { ...options, groupBy: options.groupBy ?? ['unit'], period: options.period ?? 'quarter' };
  }

  private readonly periodChoice = new PeriodChoice();

  /** The periods of the rows, oldest first. */
  private get periods(): string[] {
    return this.periodChoice.periods(this.data.view?.rows);
  }

  /** The period evaluated: `selected-period` when the data has it, else the latest. */
  get shownPeriod(): string | null {
    return this.periodChoice.shown(this.data.view?.rows, this.selectedPeriod);
  }

  /** The targets in force (the defaults when an attribute is wrong: the error state says so). */
  private safeOptions(): Pick<ViewOptions, 'targets' | 'minSample' | 'confidence'> {
    try {
      return this.viewOptions();
    } catch {
      return { targets: { satisfaction: 0.8, onTime: 1 }, minSample: 30, confidence: 0.95 };
    }
  }

  private pagesOf: { key: unknown[]; pages: UnitPage[] } = { key: [], pages: [] };

  /** Each unit's page of the evaluated period, in the rows' key order. */
  get unitPages(): UnitPage[] {
    const view = this.data.view;
    const period = this.shownPeriod;
    if (!view || !period) return [];
    const targets = this.safeOptions().targets;
    const key = [view.rows, period, targets.satisfaction, targets.onTime, this.standardList, this.locale, this.questionSet];
    if (key.length !== this.pagesOf.key.length || key.some((value, i) => !Object.is(value, this.pagesOf.key[i]))) {
      this.pagesOf = {
        key,
        pages: unitPages(view.rows, view.groupBy, period, { targets, standards: this.standardList, locale: this.locale, questionSet: this.questionSet ?? null }),
      };
    }
    return this.pagesOf.pages;
  }

  /** The league table of the evaluated period: ranked by the lower bound of the satisfaction interval, small samples apart. */
  get leagueRows(): League {
    return league(
      this.unitPages.map((page) => page.row),
      this.data.view?.groupBy ?? [],
      RANK_ORDER,
    );
  }

  /** The CSV of the evaluated period: `toCsv` of its report rows in the league's order (ranked, then small samples), with a BOM. */
  csv(): string {
    const { ranked, apart } = this.leagueRows;
    return toCsv([...ranked.map(({ row }) => row), ...apart], { bom: true });
  }

  /** Downloads the CSV. */
  downloadCsv(): void {
    saveBlob(new Blob([this.csv()], { type: 'text/csv;charset=utf-8' }), `${fileName('svc-report', this.shownPeriod ?? '')}.csv`);
  }

  private print(): void {
    window.print();
  }

  private onPeriod(event: Event): void {
    this.selectedPeriod = (event.target as HTMLSelectElement).value;
  }

  // -------------------------------------------------------------------------------------------
  // View

  private groupName(row: ReportRow): string {
    const fields = this.data.view?.groupBy ?? [];
    const d = this.d;
    const labels = this.labelMap;
    if (!fields.length) return formatPeriod(row.key.period, d);
    return fields.map((field) => formatGroupValue(field, row.key[field], d, labels)).join(' · ');
  }

  private change(change: number | null, hasPrevious: boolean): string {
    const r = this.r;
    if (!hasPrevious) return '—';
    if (change === null) return '—';
    const points = Math.round(change * 1000) / 10;
    if (points === 0) return r.unchanged;
    const signed = new Intl.NumberFormat(this.d.numberLocale, { signDisplay: 'always', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(points);
    return r.points(signed);
  }

  private renderToolbar(): TemplateResult {
    const d = this.d;
    const r = this.r;
    const periods = this.periods;
    const shown = this.shownPeriod;
    return html`<div class="toolbar" part="toolbar">
      ${periods.length > 1
        ? html`<label class="period-select">
            ${d.choosePeriod}
            <select @change=${this.onPeriod}>
              ${[...periods].reverse().map((period) => html`<option value=${period} ?selected=${period === shown}>${formatPeriod(period, d)}</option>`)}
            </select>
          </label>`
        : nothing}
      <div class="buttons">
        <button type="button" class="button secondary csv" @click=${this.downloadCsv} aria-describedby="csv-what">${d.downloadCsv}</button>
        <span id="csv-what" class="visually-hidden">${r.csvDescription(formatPeriod(shown ?? '', d))}</span>
        <button type="button" class="button secondary print" @click=${this.print} aria-describedby="print-hint">${r.print}</button>
      </div>
      <p class="hint" id="print-hint">${r.printHint}</p>
    </div>`;
  }

  private renderLeague(): TemplateResult {
    const d = this.d;
    const r = this.r;
    const period = this.shownPeriod ?? '';
    const options = this.safeOptions();
    const confidence = formatShare(options.confidence, d);
    const target = formatShare(options.targets.satisfaction, d);
    const { ranked, apart } = this.leagueRows;
    const pages = new Map(this.unitPages.map((page) => [page.row, page]));
    const fields = this.data.view?.groupBy ?? [];
    const columns = 11;
    const cells = (row: ReportRow, rank: number | null) => {
      const page = pages.get(row)!;
      const satisfaction = page.indicators[0]!;
      return html`<td>${rank ?? '—'}</td>
        <th scope="row" class="text">${this.groupName(row)}</th>
        <td>${formatInteger(row.ratings, d)}</td>
        <td>${formatPercent(row.satisfactionRate, d)}</td>
        <td>${formatInterval(row.satisfactionCI, d)}</td>
        <td>${row.meetsSatisfactionTarget === null ? '—' : row.meetsSatisfactionTarget ? d.meetsTarget : d.belowTarget}</td>
        <td>${this.change(satisfaction.change, page.previous !== null)}</td>
        <td>${formatPercent(row.onTimeRate, d)}</td>
        <td>${formatPercent(row.dossierSatisfactionRate, d)}</td>
        <td>${formatInteger(row.complaints, d)}</td>
        <td>${row.ratings === 0 ? '—' : formatPercent(row.verifiedRatings / row.ratings, d)}</td>`;
    };
    const title = r.leagueTitle(formatPeriod(period, d));
    return html`<section class="page league" part="league">
      <h3 id="league-title">${title}</h3>
      <p class="intro">${d.leagueIntro(options.minSample)}</p>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="league-title">
        <table class="league-table">
          <caption class="visually-hidden">${title}</caption>
          <thead>
            <tr>
              <th scope="col">${d.rank}</th>
              <th scope="col" class="text">${fields.length ? fields.map((field) => d.groupField[field]).join(' · ') : d.period}</th>
              <th scope="col">${d.ratings}</th>
              <th scope="col">${d.satisfactionRate}</th>
              <th scope="col">${d.confidenceInterval(confidence)}</th>
              <th scope="col">${d.target(target)}</th>
              <th scope="col">${r.leagueChange}</th>
              <th scope="col">${d.onTimeRate}</th>
              <th scope="col">${r.leagueDossier}</th>
              <th scope="col">${d.complaints}</th>
              <th scope="col">${r.leagueVerified}</th>
            </tr>
          </thead>
          ${leagueBodies({ ranked, apart }, columns, d.lowSampleGroup, cells)}
        </table>
      </div>
    </section>`;
  }

  private renderIndicator(indicator: Indicator, hasPrevious: boolean): TemplateResult {
    const d = this.d;
    const r = this.r;
    return html`<tr data-indicator=${indicator.id} class=${indicator.meets === false ? 'flagged' : ''}>
      <th scope="row" class="text">
        <span class="name">${r.indicator[indicator.id]}</span>
        <span class="basis">${r.basis[indicator.id](formatInteger(indicator.part, d), formatInteger(indicator.whole, d))}</span>
      </th>
      <td class="result">${formatPercent(indicator.rate, d)}</td>
      <td>${formatInterval(indicator.interval, d)}</td>
      <td>${indicator.target === null ? '—' : formatShare(indicator.target, d)}</td>
      <td>${indicator.meets === null ? '—' : indicator.meets ? d.meetsTarget : d.belowTarget}</td>
      <td>${hasPrevious ? formatPercent(indicator.previous, d) : '—'}</td>
      <td>${this.change(indicator.change, hasPrevious)}</td>
    </tr>`;
  }

  private renderCategories(row: ReportRow): TemplateResult | typeof nothing {
    const d = this.d;
    const entries = Object.entries(row.complaintsByCategory).filter(([, n]) => n > 0);
    if (!entries.length) return nothing;
    return html`<div class="fact">
      <dt>${this.r.byCategory}</dt>
      <dd>${entries.map(([id, n]) => `${Object.prototype.hasOwnProperty.call(d.category, id) ? d.category[id] : id}: ${formatInteger(n, d)}`).join(' · ')}</dd>
    </div>`;
  }

  private renderWeakest(page: UnitPage, name: string, index: number): TemplateResult {
    const d = this.d;
    const r = this.r;
    const lang = this.locale === 'en' ? 'en' : 'vi';
    const own = this.questionSet ?? null;
    // One set (the usual case): named once in the heading; several: each question says its set.
    const sets = [...new Set(page.questions.map((question) => question.set))];
    return html`<div class="weakest">
      <div>
        <h4 id=${`unit-${index}-standards`}>${r.weakestStandards}</h4>
        ${page.standards.length
          ? html`<table aria-labelledby=${`unit-${index}-standards`}>
              <caption class="visually-hidden">${r.weakestStandardsCaption(name)}</caption>
              <thead>
                <tr>
                  <th scope="col" class="text">${d.standard}</th>
                  <th scope="col">${d.keptYes}</th>
                  <th scope="col">${d.keptNo}</th>
                  <th scope="col">${d.keptRate}</th>
                </tr>
              </thead>
              <tbody>
                ${page.standards.map(
                  (standard) => html`<tr data-standard=${standard.id}>
                    <th scope="row" class="text">${standard.name}</th>
                    <td>${formatInteger(standard.yes, d)}</td>
                    <td>${formatInteger(standard.no, d)}</td>
                    <td>${formatPercent(standard.rate, d)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p class="hint">${r.noStandards}</p>`}
      </div>
      ${page.questions.length
        ? html`<div>
            <h4 id=${`unit-${index}-questions`}>${r.weakestQuestions}${sets.length === 1 ? ` — ${d.questionSetName(sets[0]!)}` : ''}</h4>
            <table aria-labelledby=${`unit-${index}-questions`}>
              <caption class="visually-hidden">${r.weakestQuestionsCaption(name)}</caption>
              <thead>
                <tr>
                  <th scope="col" class="text">${d.question}</th>
                  <th scope="col">${r.goodAnswers}</th>
                  <th scope="col">${r.answers}</th>
                  <th scope="col">${r.goodShare}</th>
                </tr>
              </thead>
              <tbody>
                ${page.questions.map(
                  (question) => html`<tr data-question=${`${question.set}/${question.id}`}>
                    <th scope="row" class="text">
                      ${questionText(question.id, questionSetDefinition(question.set, own), lang)}
                      ${sets.length > 1 ? html`<span class="basis">${d.questionSetName(question.set)}</span>` : nothing}
                    </th>
                    <td>${formatInteger(question.good, d)}</td>
                    <td>${formatInteger(question.answers, d)}</td>
                    <td>${formatPercent(question.share, d)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : nothing}
    </div>`;
  }

  private renderUnit(page: UnitPage, index: number): TemplateResult {
    const d = this.d;
    const r = this.r;
    const { row, previous } = page;
    const name = this.groupName(row);
    const period = formatPeriod(row.key.period, d);
    const before = previousPeriod(row.key.period);
    const options = this.safeOptions();
    const confidence = formatShare(options.confidence, d);
    const verified = row.verifiedRatings ?? 0;
    const id = `unit-${index}-title`;
    return html`<section class="page unit" part="unit" aria-labelledby=${id} data-key=${JSON.stringify(row.key)}>
      <h3 id=${id}>${r.unitTitle(name, period)}</h3>
      ${row.lowSample ? html`<p class="note">${r.lowSampleNote(options.minSample)}</p>` : nothing}
      ${previous ? nothing : html`<p class="hint">${r.noPrevious}${before ? ` (${formatPeriod(before, d)})` : ''}.</p>`}
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby=${`unit-${index}-indicators`}>
        <table class="indicators">
          <caption class="visually-hidden" id=${`unit-${index}-indicators`}>${r.indicatorsCaption(name)}</caption>
          <thead>
            <tr>
              <th scope="col" class="text">${r.columnIndicator}</th>
              <th scope="col">${r.columnResult}</th>
              <th scope="col">${d.confidenceInterval(confidence)}</th>
              <th scope="col">${r.columnTarget}</th>
              <th scope="col">${r.columnVerdict}</th>
              <th scope="col">${r.columnPrevious(before ? formatPeriod(before, d) : '—')}</th>
              <th scope="col">${r.columnChange}</th>
            </tr>
          </thead>
          <tbody>
            ${page.indicators.map((indicator) => this.renderIndicator(indicator, previous !== null))}
          </tbody>
        </table>
      </div>
      <h4>${r.counts}</h4>
      <dl class="facts">
        <div class="fact" data-fact="ratings">
          <dt>${r.ratingsCount}</dt>
          <dd>${formatInteger(row.ratings, d)}</dd>
        </div>
        <div class="fact" data-fact="verified">
          <dt>${r.verifiedShare}</dt>
          <dd>${r.ofWhole(formatInteger(verified, d), formatInteger(row.ratings, d), row.ratings === 0 ? '—' : formatPercent(verified / row.ratings, d))}</dd>
        </div>
        <div class="fact" data-fact="flagged">
          <dt>${r.flagged}</dt>
          <dd>${formatInteger(row.flaggedRatings ?? 0, d)}</dd>
        </div>
        <div class="fact" data-fact="complaints">
          <dt>${r.complaintsCount}</dt>
          <dd>
            ${formatInteger(row.complaints, d)}
            (${r.complaintsDetail(formatInteger(row.complaintsOnTime ?? 0, d), formatInteger(row.complaintsLate ?? 0, d), formatInteger(row.complaintsPending ?? 0, d))})
          </dd>
        </div>
        <div class="fact" data-fact="cases">
          <dt>${r.casesCount}</dt>
          <dd>${formatInteger(row.cases, d)} (${r.casesDetail(formatInteger(row.casesOnTime, d), formatInteger(row.casesLate, d), formatInteger(row.casesPending, d))})</dd>
        </div>
        ${this.renderCategories(row)}
      </dl>
      ${this.renderWeakest(page, name, index)}
    </section>`;
  }

  override render(): TemplateResult {
    const d = this.d;
    const r = this.r;
    const ready = this.data.status === 'ready' && this.data.view;
    const period = ready ? this.shownPeriod : null;
    const pages = ready ? this.unitPages : [];
    const kind = period ? (/-Q/.test(period) ? 'quarter' : /^\d{4}$/.test(period) ? 'year' : /^\d{4}-\d{2}$/.test(period) ? 'month' : 'all') : 'all';
    return html`<div class="root" part="base">
      <div class="head">
        <h2 part="heading">${this.heading ?? (period ? r.titleFor(formatPeriod(period, d)) : r.title)}</h2>
        ${ready ? html`<p class="meta">${r.meta(pages.length, d.periodNames[kind])}</p>` : nothing}
      </div>
      ${ready ? this.renderToolbar() : nothing} ${this.data.renderState()} ${this.data.renderWarnings()} ${ready ? this.renderLeague() : nothing}
      ${ready ? pages.map((page, index) => this.renderUnit(page, index)) : nothing}
    </div>`;
  }
}

defineElement('svc-report', SvcReport);

declare global {
  interface HTMLElementTagNameMap {
    'svc-report': SvcReport;
  }
}
