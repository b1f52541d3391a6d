/**
 * The messages of the analytics Web Worker and the function that answers them. The worker file
 * (`worker.ts`) only wires this to `self.onmessage`, so it runs the same in a Node test, in a
 * Worker, or on the main thread of a page that does not want a worker.
 */
import type { ParseBatch, ParseError, RecordFormat } from './parse.js';
import { RECORD_FORMATS, RecordChunkParser, detectFormat, parseRecordStream, type TextChunk } from './parse.js';
import type { PieceFormat, PieceResult } from './pieces.js';
import { createSummarizer, type SummarizeOptions, type Summary, type Summarizer } from './summary.js';

/**
 * The part of a `Blob` (or `File`) the worker uses: its size and a stream of its bytes. Typed
 * structurally so that Node code needs no DOM types.
 */
export interface BlobLike {
  readonly size: number;
  stream(): { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; releaseLock(): void } };
}

/** Asks the worker to read a file of records and summarise it. */
export interface SummarizeRequest {
  type: 'summarize';
  /** Echoed in every answer, to tell several requests apart. */
  id?: string | number;
  /** A `File`/`Blob` (streamed), the text itself, or its bytes. */
  file: BlobLike | string | ArrayBuffer | Uint8Array;
  /** Default: told apart by shape (`[` JSON, `{` NDJSON, else CSV). */
  format?: RecordFormat;
  options?: SummarizeOptions;
  /** The line number of the file's first line (default 1). */
  firstLine?: number;
}

/**
 * Opens a summary made of pieces of one file (see `pieces.ts`), which may arrive while the file
 * still downloads and be shared with other workers. Answered by `opened` (which also tells
 * that the worker runs), then each `piece` by a `piece` answer, and `close` by `done` with the
 * Summary of the pieces this worker read (their errors came with each piece).
 */
export interface OpenRequest {
  type: 'open';
  id?: string | number;
  format: PieceFormat;
  options?: SummarizeOptions;
}

/** A piece of the file (`Piece` of `pieces.ts`): its bytes, best transferred. */
export interface PieceRequest {
  type: 'piece';
  id?: string | number;
  /** The piece's place in the file; pieces after the first (seq > 0) continue the file. */
  seq: number;
  chunks: Uint8Array[];
  /** The number of the piece's first line (0 when the CSV header row was put in front). */
  firstLine?: number;
}

/** No more pieces: answer with the Summary. */
export interface CloseRequest {
  type: 'close';
  id?: string | number;
}

/** Every message the worker reads. */
export type WorkerRequest = SummarizeRequest | OpenRequest | PieceRequest | CloseRequest;

/** The answer to `open`: the worker runs and waits for pieces. */
export interface OpenedMessage {
  type: 'opened';
  id?: string | number;
}

/** The answer to a piece: what it held (errors numbered from its own first line, line 1). */
export interface PieceDoneMessage extends PieceResult {
  type: 'piece';
  id?: string | number;
}

/** Sent at most every `progressInterval` ms (default 100) while reading. */
export interface ProgressMessage {
  type: 'progress';
  id?: string | number;
  bytesRead: number;
  totalBytes: number;
  /** Valid records read so far. */
  records: number;
  /** Rows or records refused so far. */
  errors: number;
}

/** The file is read: its Summary, and the rows that were refused. */
export interface DoneMessage {
  type: 'done';
  id?: string | number;
  summary: Summary;
  /** Valid records read. */
  records: number;
  /** The first {@link MAX_REPORTED_ERRORS} errors, in file order. */
  errors: ParseError[];
  /** All errors, including those not listed. */
  errorCount: number;
  format: RecordFormat;
}

/** The request could not be served (bad message, unknown option, unreadable file). */
export interface ErrorMessage {
  type: 'error';
  id?: string | number;
  message: string;
}

/** Everything the worker posts. */
export type WorkerResponse = ProgressMessage | DoneMessage | ErrorMessage | OpenedMessage | PieceDoneMessage;

/** How many errors a `done` message lists at most. */
export const MAX_REPORTED_ERRORS = 1000;

/** Knobs for tests and for callers on the main thread. */
export interface HandlerOptions {
  /** Clock in milliseconds; default `Date.now`. */
  now?: () => number;
  /** Least time between two progress messages, in ms; default 100. */
  progressInterval?: number;
  /** Size of the pieces a string or byte array is read in; default 1 MiB. */
  chunkSize?: number;
}

function isBlobLike(value: unknown): value is BlobLike {
  return value !== null && typeof value === 'object' && typeof (value as BlobLike).stream === 'function' && typeof (value as BlobLike).size === 'number';
}

/** UTF-8 length of a string, without encoding it. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 2; // 4 bytes for 2 UTF-16 units
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

interface Source {
  totalBytes: number;
  /** The first piece, to detect the format. */
  head(): Promise<string>;
  chunks(count: (bytes: number) => void): AsyncIterable<TextChunk>;
}

function stringSource(text: string, chunkSize: number): Source {
  return {
    totalBytes: utf8Length(text),
    head: async () => text.slice(0, 1024),
    async *chunks(count) {
      for (let start = 0; start < text.length; ) {
        let end = Math.min(text.length, start + chunkSize);
        const last = text.charCodeAt(end - 1);
        if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++; // keep surrogate pairs whole
        const piece = text.slice(start, end);
        count(utf8Length(piece));
        yield piece;
        start = end;
      }
    },
  };
}

function bytesSource(bytes: Uint8Array, chunkSize: number): Source {
  return {
    totalBytes: bytes.byteLength,
    head: async () => new TextDecoder().decode(bytes.subarray(0, 1024)),
    async *chunks(count) {
      for (let start = 0; start < bytes.byteLength; start += chunkSize) {
        const piece = bytes.subarray(start, Math.min(bytes.byteLength, start + chunkSize));
        count(piece.byteLength);
        yield piece;
      }
    },
  };
}

/**
 * Read with the stream's default reader. A BYOB reader filling one buffer again and again read
 * a 151 MiB Blob in 0.1 s instead of 0.7 s in Chromium 156, but in about one run of ten a read
 * near the end of the Blob never resolved (the summary never came): not worth it.
 */
function blobSource(blob: BlobLike): Source {
  const reader = blob.stream().getReader();
  const buffered: Uint8Array[] = [];
  let finished = false;
  return {
    totalBytes: blob.size,
    async head() {
      // Read until there is something to look at; keep what was read for the parser.
      let seen = 0;
      while (!finished && seen < 64) {
        const { done, value } = await reader.read();
        if (done) finished = true;
        else if (value && value.byteLength) {
          buffered.push(value);
          seen += value.byteLength;
        }
      }
      const first = concat(buffered);
      return new TextDecoder().decode(first.subarray(0, 1024));
    },
    async *chunks(count) {
      try {
        for (const piece of buffered.splice(0)) {
          count(piece.byteLength);
          yield piece;
        }
        while (!finished) {
          const { done, value } = await reader.read();
          if (done) break;
          if (!value) continue;
          count(value.byteLength);
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
    },
  };
}

/** The pieces as one array of bytes (the piece itself when there is one). */
export function concat(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0]!;
  const out = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.byteLength, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.byteLength;
  }
  return out;
}

/**
 * Answers one message of the analytics worker: for `{ type: 'summarize', file, format?,
 * options? }` it streams the file through `parseRecordStream` into a Summarizer, posts
 * `progress` at most every 100 ms, then `done` with the Summary and the first 1000 errors (and
 * their count); anything that goes wrong is posted as `{ type: 'error', message }`. Never throws.
 */
export async function handleWorkerMessage(
  message: unknown,
  post: (response: WorkerResponse) => void,
  options: HandlerOptions = {},
): Promise<void> {
  const request = message as Partial<SummarizeRequest> | null;
  const id = request !== null && typeof request === 'object' ? request.id : undefined;
  const withId = <T extends WorkerResponse>(response: T): T => (id === undefined ? response : { ...response, id });
  try {
    if (request === null || typeof request !== 'object' || request.type !== 'summarize') {
      throw new TypeError('The analytics worker understands { type: "summarize", file, format?, options? }.');
    }
    const now = options.now ?? Date.now;
    const interval = options.progressInterval ?? 100;
    const chunkSize = options.chunkSize ?? 1024 * 1024;
    const summarizer = createSummarizer(request.options);
    const file = request.file;
    let source: Source;
    if (typeof file === 'string') source = stringSource(file, chunkSize);
    else if (file instanceof Uint8Array) source = bytesSource(file, chunkSize);
    else if (file instanceof ArrayBuffer) source = bytesSource(new Uint8Array(file), chunkSize);
    else if (isBlobLike(file)) source = blobSource(file);
    else throw new TypeError('file must be a Blob or File, a string, an ArrayBuffer or a Uint8Array.');
    if (request.format !== undefined && !RECORD_FORMATS.includes(request.format)) {
      throw new RangeError(`Unknown format ${JSON.stringify(request.format)}: use ${RECORD_FORMATS.join(', ')}.`);
    }
    const format = request.format ?? detectFormat(await source.head());
    const parseOptions = request.firstLine === undefined ? undefined : { firstLine: request.firstLine };
    let bytesRead = 0;
    let records = 0;
    let errorCount = 0;
    const errors: ParseError[] = [];
    let lastPost = now();
    for await (const batch of parseRecordStream(source.chunks((bytes) => (bytesRead += bytes)), format, parseOptions)) {
      for (const record of batch.records) summarizer.add(record);
      records += batch.records.length;
      errorCount += batch.errors.length;
      for (const error of batch.errors) if (errors.length < MAX_REPORTED_ERRORS) errors.push(error);
      const time = now();
      if (time - lastPost >= interval) {
        lastPost = time;
        post(withId({ type: 'progress', bytesRead, totalBytes: source.totalBytes, records, errors: errorCount }));
      }
    }
    post(withId({ type: 'done', summary: summarizer.summary(), records, errors, errorCount, format }));
  } catch (error) {
    post(withId({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
  }
}

/**
 * The pieces of one file read by one worker into one Summary: each piece with a parser of its
 * own (it starts at a row), all into the same Summarizer (counts add up in any order).
 */
export class PieceSession {
  private readonly summarizer: Summarizer;
  private records = 0;
  private errorCount = 0;

  /** @throws RangeError for a format that is not cut or options `createSummarizer` refuses. */
  constructor(
    readonly format: PieceFormat,
    options?: SummarizeOptions,
  ) {
    if (format !== 'csv' && format !== 'ndjson') throw new RangeError(`Pieces are csv or ndjson, not ${JSON.stringify(format)}.`);
    this.summarizer = createSummarizer(options);
  }

  /** Reads a piece; its errors are numbered from `firstLine` (the first {@link MAX_REPORTED_ERRORS}). */
  read(seq: number, chunks: readonly Uint8Array[], firstLine = 1): PieceResult {
    const parser = new RecordChunkParser(this.format, { firstLine, continued: seq > 0 });
    const result: PieceResult = { seq, records: 0, errors: [], errorCount: 0, nextLine: firstLine };
    const take = (batch: ParseBatch) => {
      for (const record of batch.records) this.summarizer.add(record);
      result.records += batch.records.length;
      result.errorCount += batch.errors.length;
      for (const error of batch.errors) if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push(error);
    };
    for (const chunk of chunks) take(parser.push(chunk));
    take(parser.end());
    result.nextLine = parser.nextLine;
    this.records += result.records;
    this.errorCount += result.errorCount;
    return result;
  }

  /** The `done` answer: the Summary of every piece read (their errors were given with each). */
  done(): Omit<DoneMessage, 'id'> {
    return { type: 'done', summary: this.summarizer.summary(), records: this.records, errors: [], errorCount: this.errorCount, format: this.format };
  }
}

/**
 * The analytics worker's message handler: `summarize` (see {@link handleWorkerMessage}) and the
 * pieces of a file (`open`, `piece`, `close`, several files at once told apart by `id`). Never
 * throws; a failure is posted as `{ type: 'error', message }`.
 */
export function createMessageHandler(options: HandlerOptions = {}): (message: unknown, post: (response: WorkerResponse) => void) => Promise<void> {
  const sessions = new Map<string | number | undefined, PieceSession>();
  return async (message, post) => {
    const request = message as Partial<OpenRequest | PieceRequest | CloseRequest> | null;
    const type = request !== null && typeof request === 'object' ? request.type : undefined;
    if (type !== 'open' && type !== 'piece' && type !== 'close') return handleWorkerMessage(message, post, options);
    const id = request!.id;
    const withId = <T extends WorkerResponse>(response: T): T => (id === undefined ? response : { ...response, id });
    try {
      if (request!.type === 'open') {
        sessions.set(id, new PieceSession(request!.format as PieceFormat, request!.options));
        post(withId({ type: 'opened' }));
        return;
      }
      const session = sessions.get(id);
      if (!session) throw new Error(`No open summary ${JSON.stringify(id)}: send { type: "open" } first.`);
      if (request!.type === 'piece') {
        const { seq, chunks, firstLine } = request as PieceRequest;
        if (!Number.isSafeInteger(seq) || seq < 0 || !Array.isArray(chunks) || !chunks.every((chunk) => chunk instanceof Uint8Array)) {
          throw new TypeError('A piece is { type: "piece", seq, chunks: Uint8Array[], firstLine? }.');
        }
        post(withId({ type: 'piece', ...session.read(seq, chunks, firstLine) }));
        return;
      }
      sessions.delete(id);
      post(withId(session.done()));
    } catch (error) {
      post(withId({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
    }
  };
}
