/**
 * Where the dashboard's figures come from, and nothing else: a collector's `/v1/summary` (report
 * rows), a file of records (CSV, JSON or NDJSON, told apart by shape; big ones summarised in the
 * analytics Web Worker), a Summary or report rows as JSON, or records / a Summary given as
 * properties. Every statistic comes from `report()` of the analytics module (or, for a collector,
 * from the collector's own `report()`); this file only moves data and picks rows.
 */
import {
  createSummarizer,
  detectFormat,
  handleWorkerMessage,
  merge,
  report,
  summaryFromGroups,
  GROUP_FIELDS,
  PERIODS,
  type BlobLike,
  type DoneMessage,
  type GroupField,
  type ParseError,
  type Period,
  type ReportRow,
  type SummarizeOptions,
  type Summary,
  type WorkerResponse,
} from '../../../analytics/index.js';
import type { PieceFormat } from '../../../analytics/pieces.js';
import { concat } from '../../../analytics/worker-protocol.js';
import type { FeedbackRecord } from '../../../core/record.js';
import { ParallelSummary, WorkersUnavailable, workerCount, type WorkerLike } from './parallel.js';
import { createModuleWorker } from './worker-client.js';

/** Files bigger than this (bytes) are summarised in the Web Worker; smaller ones on the page, in slices. */
export const WORKER_THRESHOLD = 2 * 1024 * 1024;
/** How many parse errors a problem lists (the rest are counted). */
export const LISTED_ERRORS = 5;

/**
 * The analytics worker next to this module in `dist/` (`dist/analytics/worker.js`). The CDN
 * build rewrites this path to `analytics-worker.js` beside `dashboard.js`.
 */
export function defaultWorkerUrl(): string {
  return new URL('../../../analytics/worker.js', import.meta.url).href;
}

/** How rows are cut and judged. */
export interface ViewOptions {
  /** Group fields as set on the element; undefined when not set (a collector URL may say). */
  groupBy: GroupField[] | undefined;
  period: Period | undefined;
  timeZone: string | undefined;
  /** Only rows with these group values (`{ unit: 'mot-cua' }`). */
  filter: Partial<Record<GroupField, string>>;
  targets: { satisfaction: number; onTime: number };
  minSample: number;
  confidence: number;
  asOf: string | undefined;
}

/** What a source gave. */
export type Loaded =
  | {
      type: 'summary';
      summary: Summary;
      /** Records read from a file or array (undefined for a Summary given as such). */
      records?: number;
      errors: ParseError[];
      errorCount: number;
      via?: 'worker' | 'main';
    }
  | { type: 'rows'; rows: ReportRow[]; overall: ReportRow[] | null; groupBy: GroupField[] };

/** Loading progress, for the progress bar and `svc-progress`. */
export interface Progress {
  phase: 'download' | 'summarize';
  /** Bytes (download, file summarising) or records (records array). */
  loaded: number;
  total: number | null;
  unit: 'bytes' | 'records';
  records?: number;
  via?: 'worker' | 'main';
}

/** Why loading failed: what to tell the official. */
export class LoadError extends Error {
  constructor(
    readonly kind: 'http' | 'network' | 'format' | 'parse' | 'config',
    message: string,
    readonly extra: { status?: number; statusText?: string; url?: string; errors?: ParseError[]; errorCount?: number } = {},
  ) {
    super(message);
    this.name = 'LoadError';
  }
}

/** The sources an element can have, most specific first. */
export interface Sources {
  rows?: readonly ReportRow[] | undefined;
  summary?: Summary | string | undefined;
  records?: Iterable<FeedbackRecord> | string | undefined;
  file?: Blob | undefined;
  src?: string | undefined;
}

export interface LoadContext {
  options: ViewOptions;
  /** True for the dashboard: also fetch the rows without group fields (trend, totals). */
  needOverall: boolean;
  signal: AbortSignal;
  onProgress: (progress: Progress) => void;
  workerUrl: string;
  workerThreshold: number;
  /** How many workers summarise a big CSV or NDJSON file; default {@link workerCount}. */
  workers?: number;
  /** Bytes per piece of such a file (`PIECE_SIZE`); tests make it small to make many. */
  pieceSize?: number;
  /** Starts a worker; default `createModuleWorker` (tests wrap it to watch the workers). */
  createWorker?: (url: string) => WorkerLike | null;
}

// ---------------------------------------------------------------------------------------------
// Options

/** A comma list (or array) of group fields; throws a LoadError naming a wrong one. */
export function parseGroupBy(value: unknown): GroupField[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = Array.isArray(value) ? value.map(String) : String(value).split(',');
  const fields = list.map((field) => field.trim()).filter(Boolean);
  for (const field of fields) {
    if (!GROUP_FIELDS.includes(field as GroupField)) {
      throw new LoadError('config', `group-by: "${field}" — ${GROUP_FIELDS.join(', ')}`);
    }
  }
  return [...new Set(fields)] as GroupField[];
}

export function parsePeriod(value: unknown): Period | undefined {
  if (value === undefined || value === null || String(value).trim() === '') return undefined;
  const period = String(value).trim();
  if (!PERIODS.includes(period as Period)) throw new LoadError('config', `period: "${period}" — ${PERIODS.join(', ')}`);
  return period as Period;
}

/** `0.8`, `"0.8"`, `"80"`, `"80%"` → 0.8; throws for anything else. */
export function parseShare(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null || String(value).trim() === '') return fallback;
  const text = String(value).trim();
  const percent = text.endsWith('%');
  let share = Number(percent ? text.slice(0, -1) : text);
  if (percent || share > 1) share /= 100;
  if (!Number.isFinite(share) || share < 0 || share > 1) throw new LoadError('config', `${name}: "${text}" — 0…1 (0.8) or 0…100 % (80%)`);
  return share;
}

// ---------------------------------------------------------------------------------------------
// Rows from a Summary

/** The groupBy a source is summarised with: the element's fields, then any filtered field. */
export function effectiveGroupBy(groupBy: readonly GroupField[], filter: ViewOptions['filter']): GroupField[] {
  const fields = [...groupBy];
  for (const field of GROUP_FIELDS) if (filter[field] !== undefined && !fields.includes(field)) fields.push(field);
  return fields;
}

/**
 * The same counters cut coarser: only the groups that match `filter`, re-keyed to `groupBy` and
 * added up by the analytics module's `summaryFromGroups` (counts add; no statistic is computed
 * here).
 */
export function project(summary: Summary, groupBy: readonly GroupField[], filter: ViewOptions['filter']): Summary {
  for (const field of [...groupBy, ...(Object.keys(filter) as GroupField[])]) {
    if (!summary.groupBy.includes(field)) {
      throw new LoadError('config', `the data is not grouped by "${field}" (it is grouped by ${summary.groupBy.join(', ') || 'nothing'})`);
    }
  }
  const same = groupBy.length === summary.groupBy.length && groupBy.every((field, i) => summary.groupBy[i] === field);
  const filters = Object.entries(filter) as Array<[GroupField, string]>;
  if (same && filters.length === 0) return summary;
  const groups = summary.groups
    .filter(({ key }) => filters.every(([field, value]) => key[field] === value))
    .map(({ key, stats }) => {
      const coarse: Record<string, string | null> = { period: key.period };
      for (const field of groupBy) coarse[field] = key[field] ?? null;
      return { key: coarse as unknown as Summary['groups'][number]['key'], stats };
    });
  return summaryFromGroups({ groupBy, period: summary.period, timeZone: summary.timeZone }, groups, summary.skipped);
}

function reportOptions(options: ViewOptions) {
  return {
    targets: options.targets,
    minSample: options.minSample,
    confidence: options.confidence,
    ...(options.asOf ? { asOf: options.asOf } : {}),
  };
}

/**
 * Rows computed elsewhere (a collector, a `rows` property) judged against this element's
 * targets and sample floor, with the same rules as `report()`: a target is met when the rate is
 * at least the target, `lowSample` is `ratings < minSample`.
 */
export function judge(rows: readonly ReportRow[], options: ViewOptions): ReportRow[] {
  return rows.map((row) => ({
    ...row,
    meetsSatisfactionTarget: row.satisfactionRate === null ? null : row.satisfactionRate >= options.targets.satisfaction,
    meetsOnTimeTarget: row.onTimeRate === null ? null : row.onTimeRate >= options.targets.onTime,
    lowSample: row.ratings < options.minSample,
  }));
}

function matches(row: ReportRow, filter: ViewOptions['filter']): boolean {
  return (Object.entries(filter) as Array<[GroupField, string]>).every(([field, value]) => row.key[field] === value);
}

/** The rows at the element's grouping (filters applied), judged by the element's targets. */
export function deriveFine(loaded: Loaded, options: ViewOptions): { rows: ReportRow[]; groupBy: GroupField[] } {
  if (loaded.type === 'rows') {
    return { rows: judge(loaded.rows.filter((row) => matches(row, options.filter)), options), groupBy: loaded.groupBy };
  }
  const groupBy = options.groupBy ?? loaded.summary.groupBy.filter((field) => options.filter[field] === undefined);
  const fine = effectiveGroupBy(groupBy, options.filter);
  return { rows: report(project(loaded.summary, fine, options.filter), reportOptions(options)), groupBy };
}

/** The rows without group fields (filters applied): the dashboard's totals per period; null when unknown. */
export function deriveOverall(loaded: Loaded, options: ViewOptions): ReportRow[] | null {
  if (loaded.type === 'rows') return loaded.overall ? judge(loaded.overall.filter((row) => matches(row, options.filter)), options) : null;
  return report(project(loaded.summary, effectiveGroupBy([], options.filter), options.filter), reportOptions(options));
}

/** The rows to show: at the element's grouping, and (for the dashboard) without group fields. */
export function deriveRows(loaded: Loaded, options: ViewOptions, needOverall: boolean): { rows: ReportRow[]; overall: ReportRow[]; groupBy: GroupField[] } {
  const { rows, groupBy } = deriveFine(loaded, options);
  const overall = needOverall ? (deriveOverall(loaded, options) ?? rows) : rows;
  return { rows, overall, groupBy };
}

// ---------------------------------------------------------------------------------------------
// Loading

/** A collector summary URL: its path ends with `/v1/summary`. */
export function isSummaryUrl(url: URL): boolean {
  return /\/v1\/summary\/?$/.test(url.pathname);
}

/**
 * The collector URL for a grouping, with period and time zone as the element says, and the
 * targets, confidence and sample floor for the collector's own `report()` (the reference
 * collector reads them; the rows are judged against them here again in any case).
 */
export function collectorUrl(src: URL, groupBy: readonly GroupField[], options: ViewOptions): URL {
  const url = new URL(src.href);
  if (groupBy.length) url.searchParams.set('groupBy', groupBy.join(','));
  else url.searchParams.delete('groupBy');
  if (options.period) url.searchParams.set('period', options.period);
  if (options.timeZone) url.searchParams.set('timeZone', options.timeZone);
  if (options.asOf) url.searchParams.set('asOf', options.asOf);
  url.searchParams.set('target', String(options.targets.satisfaction));
  url.searchParams.set('onTimeTarget', String(options.targets.onTime));
  url.searchParams.set('confidence', String(options.confidence));
  url.searchParams.set('minSample', String(options.minSample));
  return url;
}

const abortError = () => new DOMException('The load was replaced by a newer one.', 'AbortError');

function aborted(signal: AbortSignal): void {
  if (signal.aborted) throw abortError();
}

/** Lets the page breathe between slices of work (no long task). */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function request(url: URL, signal: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', signal, headers: { Accept: 'application/json, text/csv, application/x-ndjson, */*' } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new LoadError('network', (error as Error).message, { url: url.href });
  }
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = (await response.json()) as { error?: { message?: string } };
      if (body?.error?.message) detail = body.error.message;
    } catch {
      // not JSON: keep the status text
    }
    throw new LoadError('http', `HTTP ${response.status}`, { status: response.status, statusText: detail, url: url.href });
  }
  return response;
}

/** Report rows as a collector sends them, checked for shape. */
export function checkRows(value: unknown): ReportRow[] {
  if (!Array.isArray(value)) throw new LoadError('format', 'expected a JSON array of report rows');
  value.forEach((row, index) => {
    const r = row as Partial<ReportRow> | null;
    if (!r || typeof r !== 'object' || !r.key || typeof r.key.period !== 'string' || typeof r.ratings !== 'number') {
      throw new LoadError('format', `row ${index + 1} is not a report row ({ key: { period }, ratings, … })`);
    }
  });
  return value as ReportRow[];
}

async function fetchRows(url: URL, signal: AbortSignal): Promise<ReportRow[]> {
  const response = await request(url, signal);
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new LoadError('format', 'not JSON', { url: url.href });
  }
  return checkRows(body);
}

/** Bytes looked at to tell what a file holds. */
const HEAD = 4096;
/** A file read for the page (not cut into pieces) is made into a Blob in parts of this size: no part is a long task. */
const BLOB_PART = 4 * 1024 * 1024;

/**
 * Reads a stream of bytes (a download, a File) chunk by chunk, keeping what was read ahead for
 * the next reads. Stops with an AbortError once the load is replaced, turns a failed read into
 * a LoadError (`network`), and gives the page a turn when reads that were ready have held it
 * for a while (they resolve one after the other without a task between them).
 */
class ByteReader {
  /** Bytes read from the stream so far. */
  bytes = 0;
  done = false;
  /** Called after each read with the bytes read so far (download progress). */
  onBytes: (bytes: number) => void = () => {};
  private readonly ahead: Uint8Array[] = [];
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private sliceStart = performance.now();
  /** A read may wait for bytes that never come (a stalled server, a File): the load's end cancels it. */
  private readonly stop = () => this.cancel();

  constructor(
    stream: ReadableStream<Uint8Array>,
    private readonly signal: AbortSignal,
  ) {
    this.reader = stream.getReader();
    signal.addEventListener('abort', this.stop);
  }

  /** The next chunk (those read ahead first), or null at the end. */
  async next(): Promise<Uint8Array | null> {
    return this.ahead.length ? this.ahead.shift()! : this.read();
  }

  /** Reads ahead until at least `bytes` bytes wait or the stream ends; returns the chunks waiting. */
  async lookAhead(bytes: number): Promise<readonly Uint8Array[]> {
    let waiting = this.ahead.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    while (waiting < bytes) {
      const chunk = await this.read();
      if (!chunk) break;
      this.ahead.push(chunk);
      waiting += chunk.byteLength;
    }
    return this.ahead;
  }

  /** Everything not yet read, as a Blob. */
  async blob(): Promise<Blob> {
    const parts: Blob[] = [];
    let group: Uint8Array[] = [];
    let size = 0;
    for (let chunk = await this.next(); chunk; chunk = await this.next()) {
      group.push(chunk);
      size += chunk.byteLength;
      if (size >= BLOB_PART) {
        parts.push(new Blob(group as BlobPart[]));
        group = [];
        size = 0;
      }
    }
    parts.push(new Blob(group as BlobPart[]));
    return new Blob(parts);
  }

  /** Stops the download (or the File's reading) if it is not over. */
  cancel(): void {
    if (!this.done) this.reader.cancel().catch(() => {});
    this.done = true;
    this.signal.removeEventListener('abort', this.stop);
  }

  private async read(): Promise<Uint8Array | null> {
    if (this.done) return null;
    if (performance.now() - this.sliceStart > 8) {
      await yieldToMain();
      this.sliceStart = performance.now();
    }
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await this.reader.read();
    } catch (error) {
      if (this.signal.aborted || (error as Error).name === 'AbortError') throw abortError();
      this.cancel();
      throw new LoadError('network', (error as Error).message);
    }
    if (this.signal.aborted) {
      this.cancel();
      throw abortError();
    }
    if (result.done) {
      this.cancel();
      return null;
    }
    this.bytes += result.value.byteLength;
    this.onBytes(this.bytes);
    return result.value;
  }
}

/**
 * A downloaded file. A big CSV or NDJSON file of records is summarised while it downloads (see
 * {@link inPieces}); anything else is read into a Blob first, with download progress, and
 * summarised as a File would be.
 */
async function summarizeResponse(response: Response, options: SummarizeOptions, ctx: LoadContext): Promise<Loaded> {
  const total = Number(response.headers.get('Content-Length')) || null;
  if (!response.body) return summarizeBlob(await response.blob(), options, ctx);
  const body = new ByteReader(response.body, ctx.signal);
  let last = 0;
  body.onBytes = (loaded) => {
    const now = Date.now();
    if (now - last <= 100) return;
    last = now;
    ctx.onProgress({ phase: 'download', loaded, total, unit: 'bytes' });
  };
  try {
    const head = concat(await body.lookAhead(HEAD));
    const format = detectFormat(new TextDecoder().decode(head.subarray(0, 1024)));
    if (sniff(new TextDecoder().decode(head.subarray(0, HEAD))) === 'records' && format !== 'json') {
      // Big enough for the workers: as Content-Length says, or else once more than that has come.
      const big = total !== null ? total > ctx.workerThreshold : (await body.lookAhead(ctx.workerThreshold + 1), body.bytes > ctx.workerThreshold);
      if (big) return await inPieces(body, total, true, format, options, ctx);
    }
    const blob = await body.blob();
    aborted(ctx.signal);
    return await summarizeBlob(blob, options, ctx);
  } finally {
    body.cancel();
  }
}

/**
 * Summarises a big CSV or NDJSON file in pieces, in several workers, as its bytes come
 * (`parallel.ts`): a download overlaps its summarising. Progress says `download` until the
 * first piece is summarised, then `summarize` with the bytes summarised so far. If no worker
 * starts, the bytes (none was transferred) are read on the page as before.
 */
async function inPieces(body: ByteReader, total: number | null, downloading: boolean, format: PieceFormat, options: SummarizeOptions, ctx: LoadContext): Promise<Loaded> {
  let last = 0;
  let summarizing = !downloading;
  const downloadProgress = body.onBytes;
  body.onBytes = (bytes) => {
    if (!summarizing) downloadProgress(bytes);
  };
  const make = ctx.createWorker ?? createModuleWorker;
  const parallel = new ParallelSummary({
    format,
    options,
    workers: ctx.workers ?? workerCount(),
    ...(ctx.pieceSize ? { pieceSize: ctx.pieceSize } : {}),
    createWorker: () => make(ctx.workerUrl),
    onProgress: ({ bytes, records }) => {
      const now = Date.now();
      if (summarizing && now - last <= 100) return;
      summarizing = true;
      last = now;
      ctx.onProgress({ phase: 'summarize', loaded: bytes, total: total ?? (body.done ? body.bytes : null), unit: 'bytes', records, via: 'worker' });
    },
  });
  const stop = () => parallel.abort(abortError());
  ctx.signal.addEventListener('abort', stop);
  let done: DoneMessage;
  let via: 'worker' | 'main' = 'worker';
  try {
    // Once no worker can run, the rest is read into a Blob below (the bytes pushed are kept).
    for (let chunk = await body.next(); chunk; chunk = parallel.unavailable ? null : await body.next()) parallel.push(chunk);
    try {
      done = await parallel.finish();
    } catch (error) {
      if (!(error instanceof WorkersUnavailable)) throw error;
      const kept = new Blob(parallel.keptBytes() as BlobPart[]);
      const blob = new Blob([kept, await body.blob()]);
      aborted(ctx.signal);
      ctx.onProgress({ phase: 'summarize', loaded: 0, total: blob.size, unit: 'bytes' });
      done = await onMainThread(blob, options, ctx);
      via = 'main';
    }
  } catch (error) {
    parallel.abort(error as Error);
    if ((error as Error).name === 'AbortError' || error instanceof LoadError) throw error;
    throw new LoadError('format', (error as Error).message);
  } finally {
    ctx.signal.removeEventListener('abort', stop);
  }
  return summarized(done, via);
}

/** What a JSON or text file holds, from its first bytes. */
export function sniff(head: string): 'rows' | 'summary' | 'records' {
  if (/^[\uFEFF\s]*\[\s*(\]|\{\s*"key"\s*:)/.test(head)) return 'rows';
  if (/^[\uFEFF\s]*\{\s*"(version|groupBy|groups)"\s*:/.test(head) && !/\}\s*\r?\n\s*\{/.test(head)) return 'summary';
  return 'records';
}

/** A Summary (object or JSON text) checked by the analytics module. */
export function checkSummary(value: unknown): Summary {
  try {
    const summary = typeof value === 'string' ? JSON.parse(value) : value;
    return merge(summary as Summary);
  } catch (error) {
    throw new LoadError('format', (error as Error).message);
  }
}

/** A Blob read in pieces of at most `piece` bytes, yielding to the page before each. */
function yieldingBlob(blob: Blob, signal: AbortSignal, piece = 256 * 1024): BlobLike {
  return {
    size: blob.size,
    stream() {
      let offset = 0;
      return {
        getReader() {
          return {
            async read() {
              await yieldToMain();
              aborted(signal);
              if (offset >= blob.size) return { done: true };
              const part = blob.slice(offset, offset + piece);
              offset += piece;
              return { done: false, value: new Uint8Array(await part.arrayBuffer()) };
            },
            releaseLock() {},
          };
        },
      };
    },
  };
}

class WorkerUnavailable extends Error {}

/** Summarises a file in the analytics worker; rejects with WorkerUnavailable if the worker cannot run. */
function inWorker(blob: Blob, options: SummarizeOptions, ctx: LoadContext): Promise<DoneMessage> {
  const worker = (ctx.createWorker ?? createModuleWorker)(ctx.workerUrl) as Worker | null;
  if (!worker) return Promise.reject(new WorkerUnavailable('no worker'));
  return new Promise<DoneMessage>((resolve, reject) => {
    const finish = () => {
      worker.terminate();
      ctx.signal.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new DOMException('The load was replaced by a newer one.', 'AbortError'));
    };
    ctx.signal.addEventListener('abort', onAbort);
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const data = event.data;
      if (data.type === 'progress') {
        ctx.onProgress({ phase: 'summarize', loaded: data.bytesRead, total: data.totalBytes, unit: 'bytes', records: data.records, via: 'worker' });
      } else if (data.type === 'done') {
        finish();
        resolve(data);
      } else if (data.type === 'error') {
        finish();
        reject(new LoadError('format', data.message));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      reject(new WorkerUnavailable(event.message || 'the worker failed to start'));
    };
    worker.onmessageerror = () => {
      finish();
      reject(new WorkerUnavailable('the worker could not read the message'));
    };
    worker.postMessage({ type: 'summarize', file: blob, options });
  });
}

/** Summarises a file on the page's main thread, in slices that never block it long. */
async function onMainThread(blob: Blob, options: SummarizeOptions, ctx: LoadContext): Promise<DoneMessage> {
  let result: DoneMessage | undefined;
  let failure: string | undefined;
  await handleWorkerMessage({ type: 'summarize', file: yieldingBlob(blob, ctx.signal), options }, (message) => {
    if (message.type === 'progress') {
      ctx.onProgress({ phase: 'summarize', loaded: message.bytesRead, total: message.totalBytes, unit: 'bytes', records: message.records, via: 'main' });
    } else if (message.type === 'done') result = message;
    else if (message.type === 'error') failure = message.message;
  });
  aborted(ctx.signal);
  if (!result) throw new LoadError('format', failure ?? 'the file could not be read');
  return result;
}

async function summarizeBlob(blob: Blob, options: SummarizeOptions, ctx: LoadContext): Promise<Loaded> {
  const head = await blob.slice(0, 4096).text();
  aborted(ctx.signal);
  const shape = sniff(head);
  if (shape !== 'records') {
    const text = await blob.text();
    if (shape === 'summary') return { type: 'summary', summary: checkSummary(text), errors: [], errorCount: 0 };
    let rows: ReportRow[];
    try {
      rows = checkRows(JSON.parse(text));
    } catch (error) {
      throw error instanceof LoadError ? error : new LoadError('format', (error as Error).message);
    }
    const groupBy = GROUP_FIELDS.filter((field) => rows[0] && field in rows[0].key);
    return { type: 'rows', rows, overall: null, groupBy };
  }
  ctx.onProgress({ phase: 'summarize', loaded: 0, total: blob.size, unit: 'bytes' });
  const format = detectFormat(head.slice(0, 1024));
  if (blob.size > ctx.workerThreshold && format !== 'json' && typeof blob.stream === 'function') {
    return inPieces(new ByteReader(blob.stream() as ReadableStream<Uint8Array>, ctx.signal), blob.size, false, format, options, ctx);
  }
  let done: DoneMessage;
  let via: 'worker' | 'main' = 'main';
  if (blob.size > ctx.workerThreshold) {
    try {
      done = await inWorker(blob, options, ctx);
      via = 'worker';
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
      done = await onMainThread(blob, options, ctx);
    }
  } else {
    done = await onMainThread(blob, options, ctx);
  }
  return summarized(done, via);
}

/** What summarising a file gave; a LoadError (`parse`) when no row could be read. */
function summarized(done: DoneMessage, via: 'worker' | 'main'): Loaded {
  if (done.records === 0 && done.errorCount > 0) {
    throw new LoadError('parse', `${done.errorCount} errors`, { errors: done.errors.slice(0, LISTED_ERRORS), errorCount: done.errorCount });
  }
  return { type: 'summary', summary: done.summary, records: done.records, errors: done.errors.slice(0, LISTED_ERRORS), errorCount: done.errorCount, via };
}

async function summarizeArray(records: Iterable<FeedbackRecord>, options: SummarizeOptions, ctx: LoadContext): Promise<Loaded> {
  const summarizer = createSummarizer(options);
  const total = Array.isArray(records) ? records.length : null;
  let count = 0;
  let sliceStart = performance.now();
  for (const record of records) {
    summarizer.add(record);
    if ((++count & 1023) === 0 && performance.now() - sliceStart > 12) {
      ctx.onProgress({ phase: 'summarize', loaded: count, total, unit: 'records', records: count, via: 'main' });
      await yieldToMain();
      aborted(ctx.signal);
      sliceStart = performance.now();
    }
  }
  return { type: 'summary', summary: summarizer.summary(), records: count, errors: [], errorCount: 0, via: 'main' };
}

function summarizeOptions(options: ViewOptions, groupBy: readonly GroupField[]): SummarizeOptions {
  return {
    groupBy: effectiveGroupBy(groupBy, options.filter),
    ...(options.period ? { period: options.period } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  };
}

/**
 * Loads whichever source is set, most specific first: `rows`, `summary`, `records`, `file`,
 * `src`. Resolves to what it found; rejects with a LoadError (or an AbortError when replaced).
 */
export async function load(sources: Sources, ctx: LoadContext): Promise<Loaded | null> {
  const { options } = ctx;
  if (sources.rows) {
    const rows = checkRows(sources.rows);
    const groupBy = options.groupBy ?? GROUP_FIELDS.filter((field) => rows[0] && field in rows[0].key);
    return { type: 'rows', rows, overall: null, groupBy };
  }
  if (sources.summary !== undefined && sources.summary !== null) {
    return { type: 'summary', summary: checkSummary(sources.summary), errors: [], errorCount: 0 };
  }
  const groupBy = options.groupBy ?? [];
  if (sources.records !== undefined && sources.records !== null) {
    let records = sources.records;
    if (typeof records === 'string') {
      try {
        records = JSON.parse(records) as FeedbackRecord[];
      } catch (error) {
        throw new LoadError('format', (error as Error).message);
      }
    }
    return summarizeArray(records, summarizeOptions(options, groupBy), ctx);
  }
  if (sources.file) return summarizeBlob(sources.file, summarizeOptions(options, groupBy), ctx);
  if (!sources.src) return null;
  let url: URL;
  try {
    url = new URL(sources.src, document.baseURI);
  } catch {
    throw new LoadError('config', `src: "${sources.src}"`);
  }
  if (isSummaryUrl(url)) {
    const fromUrl = parseGroupBy(url.searchParams.get('groupBy') ?? undefined) ?? [];
    const own = options.groupBy ?? fromUrl.filter((field) => options.filter[field] === undefined);
    const withPeriod = { ...options, period: options.period ?? parsePeriod(url.searchParams.get('period') ?? undefined) };
    ctx.onProgress({ phase: 'download', loaded: 0, total: null, unit: 'bytes' });
    const fine = effectiveGroupBy(own, options.filter);
    const coarse = effectiveGroupBy([], options.filter);
    const fetchOverall = ctx.needOverall && fine.length !== coarse.length;
    const [rows, overall] = await Promise.all([
      fetchRows(collectorUrl(url, fine, withPeriod), ctx.signal),
      fetchOverall ? fetchRows(collectorUrl(url, coarse, withPeriod), ctx.signal) : Promise.resolve(null),
    ]);
    return { type: 'rows', rows, overall, groupBy: own };
  }
  ctx.onProgress({ phase: 'download', loaded: 0, total: null, unit: 'bytes' });
  const response = await request(url, ctx.signal);
  return summarizeResponse(response, summarizeOptions(options, groupBy), ctx);
}

/** The periods of a view's rows (worked out once per set of rows) and the one a dashboard or report shows. */
export class PeriodChoice {
  private rows: readonly ReportRow[] | undefined;
  private list: string[] = [];

  /** The periods of the rows, oldest first. */
  periods(rows: readonly ReportRow[] | undefined): string[] {
    if (this.rows !== rows) {
      this.rows = rows;
      this.list = [...new Set((rows ?? []).map((row) => row.key.period))].sort();
    }
    return this.list;
  }

  /** `selected` when the rows have it, else the latest period; null without rows. */
  shown(rows: readonly ReportRow[] | undefined, selected: string | undefined): string | null {
    const periods = this.periods(rows);
    if (periods.length === 0) return null;
    return selected && periods.includes(selected) ? selected : periods[periods.length - 1]!;
  }
}
