import type { PropertyDeclarations } from 'lit';
import type { ReportRow } from '../../../analytics/index.js';
import type { FeedbackRecord } from '../../../core/record.js';
import { SvcElement } from '../../shared/svc-element.js';
import { LoadError, WORKER_THRESHOLD, yieldToMain, parseGroupBy, parsePeriod, parseShare, type Progress, type Sources, type ViewOptions } from './data.js';
import { DataLoader } from './data-loader.js';
import type { Labels } from './format.js';
import { dashboardMessages, type DashboardMessages } from './messages.js';
import type { ParseError, Summary } from '../../../analytics/index.js';

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

export type { Status } from './data-loader.js';

/** Properties whose change means loading again. */
const RELOAD = ['src', 'records', 'summary', 'file', 'givenRows', 'groupBy', 'period', 'timeZone', 'unit', 'service', 'asOf', 'workerSrc'] as const;
/** Properties whose change only re-judges the rows. */
const REJUDGE = ['target', 'onTimeTarget', 'minSample', 'confidence'] as const;

/**
 * The attributes `<svc-dashboard>`, `<svc-chart>` and `<svc-report>` share: the data sources
 * (`src`, `records`, `summary`, `file`), how rows are cut (`group-by`, `period`, `time-zone`,
 * filters) and judged (`target`, `on-time-target`, `min-sample`, `confidence`, `as-of`), and the
 * theme. Loading, its states and its events are the `DataLoader` controller's (`data`).
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

  /** Loads the rows and keeps where loading stands (`data.status`, `data.view`, `data.loaded`). */
  protected readonly data = new DataLoader(this, {
    reloadOn: () => RELOAD.map((name) => this[name]),
    rejudgeOn: () => REJUDGE.map((name) => this[name]),
    needsOverall: this.needsOverall,
  });

  constructor() {
    super();
    this.workerThreshold = WORKER_THRESHOLD;
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
    return this.data.view?.rows ?? [];
  }

  /** Loads the data again (the "Try again" button does this). */
  reload(): Promise<void> {
    return this.data.reload();
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
  viewOptions(): ViewOptions {
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

  /** Where the rows come from. */
  dataSources(): Sources {
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
}
