import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { GroupField, ReportRow } from '../../../analytics/index.js';
import type { Locale } from '../../../core/i18n.js';
import { emit } from '../../../core/events.js';
import {
  LoadError,
  WORKER_THRESHOLD,
  defaultWorkerUrl,
  deriveFine,
  deriveOverall,
  deriveRows,
  load,
  yieldToMain,
  type Loaded,
  type Progress,
  type Sources,
  type ViewOptions,
} from './data.js';
import { formatBytes, formatInteger } from './format.js';
import { dashboardMessages, type DashboardMessages } from './messages.js';

export type Status = 'idle' | 'loading' | 'ready' | 'empty' | 'error';

/** The rows shown: at the element's grouping, and without group fields (the dashboard's totals). */
export interface DataView {
  rows: ReportRow[];
  overall: ReportRow[];
  groupBy: GroupField[];
}

/** What an element that shows report rows gives its loader. */
export interface DataHost extends ReactiveControllerHost, HTMLElement {
  readonly locale: Locale;
  /** Where the data comes from (`src`, `records`, `summary`, `file`, or rows handed over). */
  dataSources(): Sources;
  /** How rows are cut and judged, from the attributes; throws a LoadError naming a bad one. */
  viewOptions(): ViewOptions;
  /** URL of the analytics worker (`worker-src`), and the file size from which it is used. */
  readonly workerSrc: string | undefined;
  readonly workerThreshold: number;
}

/** When to load again, and when only to judge the loaded rows again (as @lit/task's `args`). */
export interface DataLoaderOptions {
  /** Values whose change means loading again: the sources, the cut (grouping, period, zone, filters). */
  reloadOn: () => readonly unknown[];
  /** Values whose change only re-judges the rows: targets, minimum sample, confidence. */
  rejudgeOn: () => readonly unknown[];
  /** The dashboard also needs rows without group fields. */
  needsOverall?: boolean;
}

const changed = (now: readonly unknown[], before: readonly unknown[] | undefined) =>
  before === undefined ? now.some((value) => value !== undefined) : now.some((value, i) => value !== before[i]);

/**
 * Loading report rows for `<svc-dashboard>`, `<svc-chart>` and `<svc-report>`, as a reactive
 * controller: it loads again when a source or the cut changes, re-judges when a target changes,
 * keeps the loading, empty and error states and draws them, and fires `svc-progress`, `svc-load`
 * and `svc-load-error` from its host. A newer load makes an older one's answer void.
 */
export class DataLoader implements ReactiveController {
  /** Where loading stands. */
  status: Status = 'idle';
  /** What the source gave. */
  loaded: Loaded | null = null;
  /** The rows shown (after loading). */
  view: DataView | null = null;
  private progress: Progress | null = null;
  private problem: LoadError | null = null;
  private controller: AbortController | undefined;
  private generation = 0;
  private reloadSeen: readonly unknown[] | undefined;
  private rejudgeSeen: readonly unknown[] | undefined;
  /** A load was stopped because the host left the page: load again when it comes back. */
  private interrupted = false;

  constructor(
    private readonly host: DataHost,
    private readonly options: DataLoaderOptions,
  ) {
    host.addController(this);
  }

  /** Back on the page after a load was stopped by its removal: load again. */
  hostConnected(): void {
    if (!this.interrupted) return;
    this.interrupted = false;
    void this.reload();
  }

  /**
   * Removed from the page: a load under way stops (the download is cancelled and every worker
   * ended), instead of downloading and summarising for an element nobody sees.
   */
  hostDisconnected(): void {
    if (this.status !== 'loading' || !this.controller) return;
    this.controller.abort();
    this.generation++;
    this.interrupted = true;
  }

  /** Runs after the host's willUpdate, before it renders: a change of sources starts a load now. */
  hostUpdate(): void {
    const reloadOn = this.options.reloadOn();
    const rejudgeOn = this.options.rejudgeOn();
    const reload = changed(reloadOn, this.reloadSeen);
    const rejudge = changed(rejudgeOn, this.rejudgeSeen);
    this.reloadSeen = reloadOn;
    this.rejudgeSeen = rejudgeOn;
    if (reload) void this.reload();
    else if (rejudge && this.loaded) this.rejudge();
  }

  private get d(): DashboardMessages {
    return dashboardMessages(this.host.locale);
  }

  /** Loads the data again (the "Try again" button does this). */
  async reload(): Promise<void> {
    const host = this.host;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const generation = ++this.generation;
    const sources = host.dataSources();
    let options: ViewOptions;
    try {
      options = host.viewOptions();
    } catch (error) {
      this.fail(error);
      return;
    }
    const needsOverall = this.options.needsOverall ?? false;
    if (!sources.rows && (sources.summary === undefined || sources.summary === null) && !sources.records && !sources.file && !sources.src) {
      this.loaded = null;
      this.view = null;
      this.status = 'idle';
      host.requestUpdate();
      return;
    }
    // Rows and summaries are ready at once: no loading state in between.
    const immediate = Boolean(sources.rows) || (sources.summary !== undefined && sources.summary !== null);
    if (!immediate) {
      this.status = 'loading';
      this.progress = null;
      this.problem = null;
    }
    try {
      const loaded = await load(sources, {
        options,
        needOverall: needsOverall,
        signal: controller.signal,
        workerUrl: host.workerSrc ? new URL(host.workerSrc, document.baseURI).href : defaultWorkerUrl(),
        workerThreshold: Number(host.workerThreshold) >= 0 ? Number(host.workerThreshold) : WORKER_THRESHOLD,
        onProgress: (progress) => {
          if (generation !== this.generation) return;
          this.progress = progress;
          host.requestUpdate();
          emit(host, 'svc-progress', progress);
        },
      });
      if (generation !== this.generation) return;
      // Turning the Summary into rows gets tasks of its own: the rows, then the totals.
      let view: DataView | null = null;
      if (loaded) {
        await yieldToMain();
        if (generation !== this.generation) return;
        try {
          const fine = deriveFine(loaded, options);
          let overall = fine.rows;
          if (needsOverall) {
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
        emit(host, 'svc-load', {
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
      this.apply(this.host.viewOptions());
    } catch (error) {
      this.fail(error);
    }
  }

  /** Rows from what was loaded (or already derived), cut and judged as the attributes say. */
  private apply(options: ViewOptions, derived: DataView | null = null): void {
    if (!this.loaded) {
      this.view = null;
      this.status = 'idle';
    } else {
      try {
        this.view = derived ?? deriveRows(this.loaded, options, this.options.needsOverall ?? false);
      } catch (error) {
        this.fail(error);
        return;
      }
      this.status = this.view.rows.length ? 'ready' : 'empty';
    }
    this.problem = null;
    this.progress = null;
    this.host.requestUpdate();
  }

  private fail(error: unknown): void {
    const problem = error instanceof LoadError ? error : new LoadError(error instanceof RangeError || error instanceof TypeError ? 'config' : 'format', String((error as Error)?.message ?? error));
    this.problem = problem;
    this.status = 'error';
    this.view = null;
    this.progress = null;
    this.host.requestUpdate();
    console.error(`[service-feedback] <${this.host.localName}>: ${problem.kind}: ${problem.message}`, problem.extra.url ?? '');
    emit(this.host, 'svc-load-error', {
      kind: problem.kind,
      message: problem.message,
      ...(problem.extra.status !== undefined ? { status: problem.extra.status } : {}),
      ...(problem.extra.errors ? { errors: problem.extra.errors } : {}),
    });
  }

  // -------------------------------------------------------------------------------------------
  // States

  /** The loading, empty or error state; `nothing` when there are rows to show. */
  renderState(): TemplateResult | typeof nothing {
    const d = this.d;
    if (this.status === 'loading') {
      const progress = this.progress;
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
    if (this.status === 'empty') {
      return html`<div class="state empty" part="state" role="status">
        <p class="state-title">${d.emptyTitle}</p>
        <p>${d.emptyBody}</p>
      </div>`;
    }
    if (this.status === 'error' && this.problem) return this.renderProblem(this.problem);
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
        hint = this.host.dataSources().src ? d.errorWhatToDoHttp : d.errorWhatToDoFile;
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
  renderWarnings(): TemplateResult | typeof nothing {
    const loaded = this.loaded;
    if (!loaded || loaded.type !== 'summary' || loaded.errorCount === 0 || this.status !== 'ready') return nothing;
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
