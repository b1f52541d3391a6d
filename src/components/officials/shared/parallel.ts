/**
 * A big file of records summarised by several analytics workers while it is still being read:
 * its bytes are cut into pieces at row boundaries (`PieceCutter`), each piece goes, transferred
 * and not copied, to the worker with the least work waiting, and what the pieces gave is put
 * back together (`combinePieces`, `merge`) into what one worker reading the whole file says.
 * Needs nothing of the page but the workers it is given, so it runs in Node tests too.
 */
import { merge, type DoneMessage, type SummarizeOptions, type Summary, type WorkerResponse } from '../../../analytics/index.js';
import { PieceCutter, combinePieces, type Piece, type PieceFormat, type PieceResult } from '../../../analytics/pieces.js';
import type { WorkerRequest } from '../../../analytics/worker-protocol.js';

/** Bytes per piece: small enough that the last pieces left when the download ends are read soon, big enough that a piece's costs (a message, a parser) do not count. */
export const PIECE_SIZE = 1024 * 1024;

/** Pieces a worker holds at most (one being read, one waiting): the rest wait here, for the worker that is free first. */
const WAITING_PER_WORKER = 2;

/**
 * How many workers summarise a file: one per core, at most two. The page's own thread reads
 * the download and the browser's network work needs a core too, so more workers than cores
 * would only take turns; above two the download is what limits (on loopback, two workers read
 * about as fast as 150 MiB downloads), and more were not measured.
 */
export function workerCount(cores = globalThis.navigator?.hardwareConcurrency): number {
  return Math.max(1, Math.min(2, Math.floor(cores ?? 1) || 1));
}

/** The part of a `Worker` used here. */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

/** No worker could be started: the bytes were all kept, to be read another way. */
export class WorkersUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkersUnavailable';
  }
}

/** What a ParallelSummary needs. */
export interface ParallelOptions {
  format: PieceFormat;
  options: SummarizeOptions;
  /** How many workers to start (see {@link workerCount}). */
  workers: number;
  pieceSize?: number;
  /** A new worker, or null when none can be had here. */
  createWorker(): WorkerLike | null;
  /** After each piece read: the file bytes summarised so far and the records read. */
  onProgress?(progress: { bytes: number; records: number; errors: number }): void;
}

interface Slot {
  worker: WorkerLike;
  /** The worker answered `open`: it runs, and pieces may go to it. */
  opened: boolean;
  /** The worker failed (before opening: it never ran). */
  dead: boolean;
  /** Pieces sent and not yet answered. */
  waiting: number;
  summary?: Summary;
}

/**
 * Summarises a file whose bytes are given chunk by chunk ({@link push}) in several workers.
 * Pieces go to a worker only once it has answered `open`, so if none starts, nothing was
 * transferred and {@link keptBytes} gives the file back. A worker that fails after that, or
 * refuses a piece, fails the whole summary.
 */
export class ParallelSummary {
  private readonly cutter: PieceCutter;
  private readonly slots: Slot[] = [];
  /** Pieces cut and not yet sent. */
  private readonly queue: Piece[] = [];
  private readonly sizes = new Map<number, number>();
  private readonly results: PieceResult[] = [];
  private pieces: number | undefined;
  private bytesRead = 0;
  private records = 0;
  private errors = 0;
  /** The workers asked for their Summary once every piece was read. */
  private closing: Slot[] | undefined;
  private settled = false;
  private resolve!: (done: DoneMessage) => void;
  private reject!: (error: Error) => void;
  /** Settles once every piece is read and every worker has said its Summary. */
  private readonly result: Promise<DoneMessage>;

  constructor(private readonly config: ParallelOptions) {
    this.cutter = new PieceCutter(config.format, config.pieceSize ?? PIECE_SIZE);
    this.result = new Promise<DoneMessage>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // Nobody may be listening yet: a failure is read by finish().
    this.result.catch(() => {});
    for (let i = 0; i < config.workers; i++) {
      const worker = config.createWorker();
      if (!worker) break;
      const slot: Slot = { worker, opened: false, dead: false, waiting: 0 };
      this.slots.push(slot);
      worker.onmessage = (event) => this.answer(slot, event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        this.lost(slot, event.message || 'the analytics worker failed');
      };
      worker.onmessageerror = () => this.lost(slot, 'the analytics worker could not read a message');
      worker.postMessage({ type: 'open', format: config.format, options: config.options }, []);
    }
    if (this.slots.length === 0) this.fail(new WorkersUnavailable('no worker'));
  }

  /** True when no worker could start: the bytes are in {@link keptBytes}. */
  get unavailable(): boolean {
    return this.slots.every((slot) => slot.dead && !slot.opened);
  }

  /** The next bytes of the file; they belong to this object from now on (they may be transferred). */
  push(chunk: Uint8Array): void {
    if (this.settled && !this.unavailable) return;
    for (const piece of this.cutter.push(chunk)) this.enqueue(piece);
  }

  /** The file is over: resolves to the answer one worker reading it whole would give. */
  finish(): Promise<DoneMessage> {
    if (!this.settled && this.pieces === undefined) {
      const last = this.cutter.end();
      if (last) this.enqueue(last);
      this.pieces = this.sizes.size;
      this.check();
    }
    return this.result;
  }

  /** Stops: every worker is terminated, and finish() rejects with `reason`. */
  abort(reason: Error): void {
    this.fail(reason);
  }

  /** When no worker started: every byte pushed, in order (none was transferred). Call once. */
  keptBytes(): Uint8Array[] {
    const last = this.pieces === undefined ? this.cutter.end() : null;
    return [...this.queue, ...(last ? [last] : [])].flatMap((piece) => (piece.header ? piece.chunks.slice(1) : piece.chunks));
  }

  private enqueue(piece: Piece): void {
    this.sizes.set(piece.seq, piece.bytes);
    this.queue.push(piece);
    this.dispatch();
  }

  /** Sends waiting pieces, in file order, each to the running worker with the fewest waiting. */
  private dispatch(): void {
    while (this.queue.length && !this.settled) {
      let best: Slot | undefined;
      for (const slot of this.slots) {
        if (slot.opened && !slot.dead && slot.waiting < WAITING_PER_WORKER && (!best || slot.waiting < best.waiting)) best = slot;
      }
      if (!best) return;
      const piece = this.queue.shift()!;
      best.waiting++;
      best.worker.postMessage(
        { type: 'piece', seq: piece.seq, chunks: piece.chunks, firstLine: piece.firstLine },
        piece.chunks.map((chunk) => chunk.buffer as ArrayBuffer),
      );
    }
  }

  private answer(slot: Slot, message: WorkerResponse): void {
    if (this.settled) return;
    switch (message.type) {
      case 'opened':
        slot.opened = true;
        this.dispatch();
        return;
      case 'piece': {
        slot.waiting--;
        this.results.push(message);
        this.bytesRead += this.sizes.get(message.seq) ?? 0;
        this.records += message.records;
        this.errors += message.errorCount;
        this.config.onProgress?.({ bytes: this.bytesRead, records: this.records, errors: this.errors });
        this.dispatch();
        this.check();
        return;
      }
      case 'done':
        slot.summary = message.summary;
        this.check();
        return;
      case 'error':
        this.fail(new Error(message.message));
        return;
      default:
    }
  }

  /** A worker failed: before it ran, it is left out; after, the summary fails (its pieces are gone). */
  private lost(slot: Slot, message: string): void {
    if (this.settled) return;
    slot.worker.terminate();
    if (slot.opened) {
      this.fail(new Error(message));
      return;
    }
    slot.dead = true;
    if (this.unavailable) this.fail(new WorkersUnavailable(message));
  }

  /** Closes the workers once every piece is read; resolves once each has given its Summary. */
  private check(): void {
    if (this.settled || this.pieces === undefined || this.results.length < this.pieces) return;
    if (!this.closing) {
      this.closing = this.slots.filter((slot) => slot.opened && !slot.dead);
      for (const slot of this.closing) slot.worker.postMessage({ type: 'close' }, []);
      return;
    }
    const running = this.closing;
    if (running.some((slot) => !slot.summary)) return;
    const { records, errors, errorCount } = combinePieces(this.results);
    const done: DoneMessage = { type: 'done', summary: merge(...running.map((slot) => slot.summary!)), records, errors, errorCount, format: this.config.format };
    this.settled = true;
    for (const slot of this.slots) slot.worker.terminate();
    this.resolve(done);
  }

  private fail(reason: Error): void {
    if (this.settled) return;
    this.settled = true;
    for (const slot of this.slots) slot.worker.terminate();
    this.reject(reason);
  }
}
