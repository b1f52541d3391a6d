import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { GroupField, ParseError, ReportRow, Summary } from '../../../analytics/index.js';
import type { FeedbackRecord } from '../../../core/record.js';
import { emit } from '../../../core/events.js';
import { SvcElement } from '../../shared/svc-element.js';
import {
  LoadError,
  WORKER_THRESHOLD,
  defaultWorkerUrl,
  yieldToMain,
  deriveFine,
  deriveOverall,
  deriveRows,
  load,
  parseGroupBy,
  parsePeriod,
  parseShare,
  type Loaded,
  type Progress,
  type Sources,
  type ViewOptions,
} from './data.js';
import { formatBytes, formatInteger, type Labels } from './format.js';
import { dashboardMessages, type DashboardMessages } from './messages.js';

/** `svc-progress`: loading a file or records; `loaded`/`total` in bytes or records. */
export type SvcProgressDetail = Progress;
/** `svc-load`: the rows are ready. */
export interface SvcLoadDetail {
  rows: ReportRow[];
  /** Records read (files, `records`); undefined for rows and summaries. */
  records: number | undefined;
  /** The first rows of the file that could not be read, and how many there were. */
  errors: ParseError[];
  errorCount: number;
  /** Where a file was summarised. */
  via: 'worker' | 'main' | undefined;
}
/** `svc-load-error`: nothing could be shown. */
export interface SvcLoadErrorDetail {
  kind: LoadError['kind'];
  message: string;
  status?: number;
  errors?: ParseError[];
}
/** `svc-render` (from `<svc-chart>`): the chart is drawn. */
export interface SvcRenderDetail {
  kind: string;
}
/** `svc-ready` (from `<svc-dashboard>`): every chart is drawn. */
export interface SvcReadyDetail {
  charts: number;
  rows: number;
}

// The dashboard's events join the library's one typed map, dispatched by the one `emit`.
declare module '../../../core/events.js' {
  interface SvcEventMap {
    'svc-progress': SvcProgressDetail;
    'svc-load': SvcLoadDetail;
    'svc-load-error': SvcLoadErrorDetail;
    'svc-render': SvcRenderDetail;
    'svc-ready': SvcReadyDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'svc-progress': CustomEvent<SvcProgressDetail>;
    'svc-load': CustomEvent<SvcLoadDetail>;
    'svc-load-error': CustomEvent<SvcLoadErrorDetail>;
    'svc-render': CustomEvent<SvcRenderDetail>;
    'svc-ready': CustomEvent<SvcReadyDetail>;
  }
}

export { emit } from '../../../core/events.js';

export type Status = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

/** Properties whose change means loading again. */
const RELOAD = ['src', 'records', 'summary', 'file', 'rows', 'groupBy', 'period', 'timeZone', 'unit', 'service', 'asOf', 'workerSrc'];
/** Properties whose change only re-judges the rows. */
const REJUDGE = ['target', 'onTimeTarget', 'minSample', 'confidence'];

/**
 * What `<svc-dashboard>` and `<svc-chart>` share: the data sources (`src`, `records`, `summary`,
 * `file`), how rows are cut (`group-by`, `period`, `time-zone`, filters) and judged (`target`,
 * `on-time-target`, `min-sample`, `confidence`, `as-of`), the theme, and the loading, empty and
 * error states.
 */
export class SvcDataElement extends SvcElement {
  static override properties: PropertyDeclarations = {
    src: {},
    records: { attribute: false },
    summary: { attribute: false },
    file: { attribute: false },
    groupBy: { attribute: 'group-by' },
    period: {},
    timeZone: { attribute: 'time-zone' },
    target: {},
    onTimeTarget: { attribute: 'on-time-target' },
    minSample: { attribute: 'min-sample' },
    confidence: {},
    asOf: { attribute: 'as-of' },
    unit: {},
    service: {},
    labels: {},
    theme: { reflect: true },
    workerSrc: { attribute: 'worker-src' },
    workerThreshold: { attribute: false },
    loadState: { state: true },
    loadProgress: { state: true },
    loadProblem: { state: true },
  };

  /** A collector's `/v1/summary` URL (report rows), or the URL of a CSV, JSON or NDJSON file of records (or of a Summary). */
  declare src: string | undefined;
  /** Records to summarise on the page (an array, or its JSON text). */
  declare records: Iterable<FeedbackRecord> | string | undefined;
  /** A Summary from `summarize()` / `merge()` (or its JSON text). */
  declare summary: Summary | string | undefined;
  /** A `File` or `Blob` of records (a file picker's choice), summarised in a Web Worker. */
  declare file: Blob | undefined;
  /** Comma list of `agency`, `unit`, `service`, `officer`, `channel` (an array works too). */
  declare groupBy: string | readonly string[] | undefined;
  /** `all` | `day` | `week` | `month` | `quarter` | `year`. */
  declare period: string | undefined;
  /** IANA time zone the periods are cut in (default the browser's; a collector's own default for `src`). */
  declare timeZone: string | undefined;
  /** Satisfaction target: `0.8` (default), `80` or `80%`. */
  declare target: number | string | undefined;
  /** On-time target: `1` (default) or `100%`. */
  declare onTimeTarget: number | string | undefined;
  /** Rows with fewer ratings are marked small sample and not ranked. Default 30. */
  declare minSample: number | string | undefined;
  /** Confidence level of the intervals: `0.95` (default). Collector rows keep the collector's. */
  declare confidence: number | string | undefined;
  /** The instant open dossiers are judged at (ISO 8601); default now. */
  declare asOf: string | undefined;
  /** Show only this unit (code). */
  declare unit: string | undefined;
  /** Show only this procedure (code). */
  declare service: string | undefined;
  /** Display names for codes: `{ "mot-cua": "Bộ phận Một cửa" }` (or its JSON text). */
  declare labels: Labels | string | undefined;
  /** `light` | `dark`; absent follows `prefers-color-scheme`. */
  declare theme: string | undefined;
  /** URL of the analytics worker (same origin); default `analytics/worker.js` beside the library (`analytics-worker.js` in the CDN build). */
  declare workerSrc: string | undefined;
  /** Files bigger than this many bytes are summarised in the worker. Default 2 MiB. */
  declare workerThreshold: number;

  declare private loadState: Status;
  declare private loadProgress: Progress | null;
  declare private loadProblem: LoadError | null;

  /** What the source gave. */
  protected loaded: Loaded | null = null;
  /** The rows shown: at the element's grouping, and without group fields (dashboard). */
  protected view: { rows: ReportRow[]; overall: ReportRow[]; groupBy: GroupField[] } | null = null;
  private controller: AbortController | undefined;
  private generation = 0;

  constructor() {
    super();
    this.loadState = 'idle';
    this.loadProgress = null;
    this.loadProblem = null;
    this.workerThreshold = WORKER_THRESHOLD;
  }

  /** Where loading stands: `idle`, `loading`, `ready`, `empty` or `error`. */
  protected get status(): Status {
    return this.loadState;
  }

  /** The dashboard also needs rows without group fields. */
  protected get needsOverall(): boolean {
    return false;
  }

  /** Report rows given directly (only `<svc-chart>` takes them). */
  protected get givenRows(): readonly ReportRow[] | undefined {
    return undefined;
  }

  protected get d(): DashboardMessages {
    return dashboardMessages(this.locale);
  }

  /** The rows shown (after loading), as `report()` made them. */
  get reportRows(): ReportRow[] {
    return this.view?.rows ?? [];
  }

  /** Labels given as an object or JSON text; bad JSON is reported and ignored. */
  protected get labelMap(): Labels {
    const value = this.labels;
    if (!value) return {};
    if (typeof value !== 'string') return value;
    try {
      const parsed = JSON.parse(value) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Labels) : {};
    } catch (error) {
      console.error(`[service-feedback] <${this.localName}> labels is not JSON:`, error);
      return {};
    }
  }

  /** The options of the attributes; throws a LoadError naming a bad one. */
  protected viewOptions(): ViewOptions {
    const filter: ViewOptions['filter'] = {};
    if (this.unit) filter.unit = String(this.unit);
    if (this.service) filter.service = String(this.service);
    const minSample = this.minSample === undefined || this.minSample === null || this.minSample === '' ? 30 : Number(this.minSample);
    if (!Number.isFinite(minSample) || minSample < 0) throw new LoadError('config', `min-sample: "${this.minSample}"`);
    const confidence = parseShare(this.confidence, 'confidence', 0.95);
    if (!(confidence > 0 && confidence < 1)) throw new LoadError('config', `confidence: "${this.confidence}"`);
    const timeZone = this.timeZone ? String(this.timeZone).trim() : undefined;
    if (timeZone) {
      try {
        new Intl.DateTimeFormat('en', { timeZone });
      } catch {
        throw new LoadError('config', `time-zone: "${timeZone}"`);
      }
    }
    return {
      groupBy: parseGroupBy(this.groupBy),
      period: parsePeriod(this.period),
      timeZone: timeZone || undefined,
      filter,
      targets: { satisfaction: parseShare(this.target, 'target', 0.8), onTime: parseShare(this.onTimeTarget, 'on-time-target', 1) },
      minSample,
      confidence,
      asOf: this.asOf || undefined,
    };
  }

  protected sources(): Sources {
    return { rows: this.givenRows, summary: this.summary, records: this.records, file: this.file, src: this.src };
  }

  /**
   * Each element renders in a task of its own: a dashboard, its five charts, their tables and
   * their layout never add up to one long task that blocks the page.
   */
  protected override async scheduleUpdate(): Promise<void> {
    await yieldToMain();
    // The base may wait for a part first (SvcElement: the standards): Lit must wait with it.
    await super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (RELOAD.some((name) => changed.has(name))) void this.reload();
    else if (REJUDGE.some((name) => changed.has(name)) && this.loaded) this.rejudge();
  }

  /** Loads the data again (the "Try again" button does this). */
  async reload(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const generation = ++this.generation;
    const sources = this.sources();
    let options: ViewOptions;
    try {
      options = this.viewOptions();
    } catch (error) {
      this.fail(error);
      return;
    }
    if (!sources.rows && (sources.summary === undefined || sources.summary === null) && !sources.records && !sources.file && !sources.src) {
      this.loaded = null;
      this.view = null;
      this.loadState = 'idle';
      this.requestUpdate();
      return;
    }
    // Rows and summaries are ready at once: no loading state in between.
    const immediate = Boolean(sources.rows) || (sources.summary !== undefined && sources.summary !== null);
    if (!immediate) {
      this.loadState = 'loading';
      this.loadProgress = null;
      this.loadProblem = null;
    }
    try {
      const pending = load(sources, {
        options,
        needOverall: this.needsOverall,
        signal: controller.signal,
        workerUrl: this.workerSrc ? new URL(this.workerSrc, document.baseURI).href : defaultWorkerUrl(),
        workerThreshold: Number(this.workerThreshold) >= 0 ? Number(this.workerThreshold) : WORKER_THRESHOLD,
        onProgress: (progress) => {
          if (generation !== this.generation) return;
          this.loadProgress = progress;
          emit(this, 'svc-progress', progress);
        },
      });
      const loaded = await pending;
      if (generation !== this.generation) return;
      // Turning the Summary into rows gets tasks of its own: the rows, then the totals.
      let view: SvcDataElement['view'] = null;
      if (loaded) {
        await yieldToMain();
        if (generation !== this.generation) return;
        try {
          const fine = deriveFine(loaded, options);
          let overall = fine.rows;
          if (this.needsOverall) {
            await yieldToMain();
            if (generation !== this.generation) return;
            overall = deriveOverall(loaded, options) ?? fine.rows;
          }
          view = { rows: fine.rows, overall, groupBy: fine.groupBy };
        } catch (error) {
          this.fail(error);
          return;
        }
      }
      this.loaded = loaded;
      this.apply(options, view);
      // Rows handed over by a dashboard are its news, not this element's.
      if (loaded && this.view && !sources.rows) {
        emit(this, 'svc-load', {
          rows: this.view.rows,
          records: loaded.type === 'summary' ? loaded.records : undefined,
          errors: loaded.type === 'summary' ? loaded.errors : [],
          errorCount: loaded.type === 'summary' ? loaded.errorCount : 0,
          via: loaded.type === 'summary' ? loaded.via : undefined,
        });
      }
    } catch (error) {
      if (generation !== this.generation || (error as Error).name === 'AbortError') return;
      this.fail(error);
    }
  }

  private rejudge(): void {
    try {
      this.apply(this.viewOptions());
    } catch (error) {
      this.fail(error);
    }
  }

  /** Rows from what was loaded (or already derived), cut and judged as the attributes say. */
  private apply(options: ViewOptions, derived: SvcDataElement['view'] = null): void {
    if (!this.loaded) {
      this.view = null;
      this.loadState = 'idle';
    } else {
      try {
        this.view = derived ?? deriveRows(this.loaded, options, this.needsOverall);
      } catch (error) {
        this.fail(error);
        return;
      }
      this.loadState = this.view.rows.length ? 'ready' : 'empty';
    }
    this.loadProblem = null;
    this.loadProgress = null;
    this.requestUpdate();
  }

  private fail(error: unknown): void {
    const problem = error instanceof LoadError ? error : new LoadError(error instanceof RangeError || error instanceof TypeError ? 'config' : 'format', String((error as Error)?.message ?? error));
    this.loadProblem = problem;
    this.loadState = 'error';
    this.view = null;
    this.loadProgress = null;
    this.requestUpdate();
    console.error(`[service-feedback] <${this.localName}>: ${problem.kind}: ${problem.message}`, problem.extra.url ?? '');
    emit(this, 'svc-load-error', {
      kind: problem.kind,
      message: problem.message,
      ...(problem.extra.status !== undefined ? { status: problem.extra.status } : {}),
      ...(problem.extra.errors ? { errors: problem.extra.errors } : {}),
    });
  }

  // -------------------------------------------------------------------------------------------
  // States

  /** The loading, empty or error state; `nothing` when there are rows to show. */
  protected renderState(): TemplateResult | typeof nothing {
    const d = this.d;
    if (this.loadState === 'loading') {
      const progress = this.loadProgress;
      const phase = !progress ? d.loading : progress.phase === 'download' ? d.loadingFile : d.summarizing;
      const known = progress && progress.total ? progress : null;
      let figures = '';
      if (progress && progress.unit === 'bytes' && progress.loaded > 0) {
        figures = known ? d.progressBytes(formatBytes(progress.loaded, d), formatBytes(known.total!, d)) : formatBytes(progress.loaded, d);
      }
      if (progress?.records) figures += `${figures ? ' · ' : ''}${d.progressRecords(formatInteger(progress.records, d))}`;
      return html`<div class="state loading" part="state">
        <p class="state-title" role="status" id="progress-label">${phase}</p>
        ${known
          ? html`<progress aria-labelledby="progress-label" max=${known.total!} .value=${Math.min(known.loaded, known.total!)}></progress>`
          : html`<progress aria-labelledby="progress-label"></progress>`}
        <p class="progress-figures">${figures}</p>
      </div>`;
    }
    if (this.loadState === 'empty') {
      return html`<div class="state empty" part="state" role="status">
        <p class="state-title">${d.emptyTitle}</p>
        <p>${d.emptyBody}</p>
      </div>`;
    }
    if (this.loadState === 'error' && this.loadProblem) return this.renderProblem(this.loadProblem);
    return nothing;
  }

  private renderProblem(problem: LoadError): TemplateResult {
    const d = this.d;
    let what: string;
    let details: string[] = [];
    let hint: string;
    switch (problem.kind) {
      case 'http':
        what = d.errorHttp(problem.extra.status ?? 0, problem.extra.statusText ?? '');
        details = problem.extra.url ? [problem.extra.url] : [];
        hint = d.errorWhatToDoHttp;
        break;
      case 'network':
        what = d.errorNetwork;
        details = [problem.extra.url ?? '', problem.message].filter(Boolean);
        hint = d.errorWhatToDoHttp;
        break;
      case 'parse': {
        const errors = problem.extra.errors ?? [];
        what = d.errorParse(problem.extra.errorCount ?? errors.length);
        details = errors.map((error) => d.errorLine(error.line, error.reason));
        const more = (problem.extra.errorCount ?? errors.length) - errors.length;
        if (more > 0) details.push(d.errorMore(more));
        hint = d.errorWhatToDoFile;
        break;
      }
      case 'config':
        what = d.errorConfig;
        details = [problem.message];
        hint = d.errorWhatToDoConfig;
        break;
      default:
        what = d.errorFormat;
        details = [problem.message, problem.extra.url ?? ''].filter(Boolean);
        hint = this.src ? d.errorWhatToDoHttp : d.errorWhatToDoFile;
    }
    return html`<div class="state error" part="state" role="alert">
      <p class="state-title">${d.errorTitle}</p>
      <p>${what}</p>
      ${details.length ? html`<ul class="details">${details.map((line) => html`<li>${line}</li>`)}</ul>` : nothing}
      <p>${hint}</p>
      ${problem.kind === 'config' ? nothing : html`<button type="button" class="button secondary retry" @click=${() => void this.reload()}>${d.retry}</button>`}
    </div>`;
  }

  /** Rows of the file that could not be read, when others could: a warning above the charts. */
  protected renderWarnings(): TemplateResult | typeof nothing {
    const loaded = this.loaded;
    if (!loaded || loaded.type !== 'summary' || loaded.errorCount === 0 || this.loadState !== 'ready') return nothing;
    const d = this.d;
    const more = loaded.errorCount - loaded.errors.length;
    return html`<div class="state warning" part="warning">
      <p class="state-title">${d.warningSkipped(loaded.errorCount)}</p>
      <ul class="details">
        ${loaded.errors.map((error) => html`<li>${d.errorLine(error.line, error.reason)}</li>`)}
        ${more > 0 ? html`<li>${d.errorMore(more)}</li>` : nothing}
      </ul>
      <p>${d.errorWhatToDoFile}</p>
    </div>`;
  }
}
