import { emit, type SvcErrorDetail, type SvcSentDetail } from './events.js';
import { sendToCollector, type DeliveryOutcome, type SendOptions, type SubmissionResult } from './delivery.js';
import { withTabLock } from './lock.js';
import { Outbox, type OutboxEntry } from './outbox.js';
import type { FeedbackRecord } from './record.js';

/** Sends a batch of entries for one endpoint and transport; Open311 plugs in here. */
export type Sender = (entries: OutboxEntry[], options: SendOptions) => Promise<DeliveryOutcome>;

export interface TransportOptions {
  outbox?: Outbox;
  /** Retry delays: base × 2^(attempts−1), capped, with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How often waiting records are retried even when nothing else happens. */
  intervalMs?: number;
  /** After this many failed attempts a record's `delivery-failed` is reported (it is still retried). */
  reportFailureAfter?: number;
  random?: () => number;
  fetch?: typeof fetch;
  lockName?: string;
}

const MAX_BATCH_RECORDS = 25;
const MAX_BATCH_BYTES = 512 * 1024;
/** Browsers cap keepalive bodies at 64 KiB in flight. */
const KEEPALIVE_BYTES = 60 * 1024;

const senders = new Map<string, Sender>([
  ['collector', (entries, options) => sendToCollector(entries[0]!.endpoint!, entries.map((entry) => entry.record), options)],
]);

/** Lets another transport (Open311) deliver entries whose `transport` names it. */
export function registerSender(kind: string, sender: Sender): void {
  senders.set(kind, sender);
}

/**
 * Delivers the outbox: batches, retries network errors, 5xx, 408 and 429 with exponential
 * backoff and jitter (honouring `Retry-After`), never retries other 4xx (the record is set aside
 * and reported), resumes on `online`, on page load and on an interval, and sends with
 * `keepalive` on `pagehide`. A record leaves the outbox only once the collector acknowledged its id.
 */
export class Transport {
  readonly outbox: Outbox;
  private readonly options: Required<Omit<TransportOptions, 'outbox' | 'fetch'>> & { fetch?: typeof fetch };
  private readonly owners = new Map<string, () => EventTarget | undefined>();
  private readonly known = new Map<string, OutboxEntry>();
  private readonly channel: BroadcastChannel | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private interval: ReturnType<typeof setInterval> | undefined;
  private started = false;
  private stopped = false;
  private warnedStorage = false;

  constructor(options: TransportOptions = {}) {
    this.outbox = options.outbox ?? new Outbox();
    this.options = {
      baseDelayMs: 1000,
      maxDelayMs: 5 * 60_000,
      intervalMs: 30_000,
      reportFailureAfter: 5,
      random: Math.random,
      lockName: 'svc-feedback-flush',
      ...options,
    };
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(this.options.lockName) : undefined;
    if (this.channel) this.channel.onmessage = (event: MessageEvent) => this.onBroadcast(event.data);
  }

  /** Starts listening to the page's life (idempotent) and sends whatever an earlier page left. */
  start(): void {
    if (this.started) return;
    this.started = true;
    addEventListener('online', this.onOnline);
    addEventListener('pagehide', this.onPageHide);
    this.interval = setInterval(() => void this.flush(), this.options.intervalMs);
    void this.flush({ force: true });
  }

  /** Stops timers and listeners (tests, and pages that tear the library down). */
  stop(): void {
    this.started = false;
    this.stopped = true;
    removeEventListener('online', this.onOnline);
    removeEventListener('pagehide', this.onPageHide);
    clearInterval(this.interval);
    clearTimeout(this.timer);
    this.channel?.close();
  }

  /**
   * Persists a record, then starts delivery without waiting for it. `owner` receives the record's
   * later `svc-sent` / `svc-error` while it is in the page. Resolves whether storage kept it.
   */
  async queue(
    record: FeedbackRecord,
    endpoint: string | null,
    owner: EventTarget,
    extra: Pick<OutboxEntry, 'transport' | 'open311'> = { transport: 'collector' },
  ): Promise<boolean> {
    const entry: OutboxEntry = { record, endpoint, ...extra, queuedAt: Date.now(), attempts: 0, nextAttemptAt: 0 };
    this.owners.set(record.id, weakly(owner));
    this.known.set(record.id, entry);
    const persisted = await this.outbox.add(entry);
    if (!persisted && !this.warnedStorage) {
      this.warnedStorage = true;
      console.warn('[service-feedback] IndexedDB is unavailable: records are kept in memory until sent.');
    }
    if (endpoint) void this.flush();
    return persisted;
  }

  /**
   * Sends every due record (all waiting ones with `force`), one tab at a time. Calls made while
   * a flush runs are folded into one more pass.
   */
  flush(options: { force?: boolean } = {}): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        let force = options.force ?? false;
        do {
          this.again = false;
          await withTabLock(this.options.lockName, () => this.flushOnce(force));
          force = false;
        } while (this.again);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private readonly onOnline = () => void this.flush({ force: true });

  /** The page may be going away: hand the browser what fits in a keepalive request. */
  private readonly onPageHide = () => {
    const collectorEntries = [...this.known.values()].filter((entry) => entry.endpoint && entry.transport === 'collector');
    const byEndpoint = groupBy(collectorEntries, (entry) => entry.endpoint!);
    for (const entries of byEndpoint.values()) {
      const batch = takeBatch(entries, KEEPALIVE_BYTES);
      if (batch.length > 0 && bytesOf(batch) <= KEEPALIVE_BYTES) {
        // The reply may never be read: the records stay queued and the next page life resends
        // them; the collector answers `duplicate`.
        void senders.get('collector')!(batch, { keepalive: true, ...this.fetchOption() });
      }
    }
  };

  private async flushOnce(force: boolean): Promise<void> {
    clearTimeout(this.timer);
    if (globalThis.navigator?.onLine === false) return;
    const now = Date.now();
    const waiting = await this.outbox.list();
    for (const entry of waiting) if (!this.known.has(entry.record.id)) this.known.set(entry.record.id, entry);
    const due = waiting.filter((entry) => entry.endpoint && (force || entry.nextAttemptAt <= now));
    const groups = groupBy(due, (entry) => `${entry.transport} ${entry.endpoint}`);
    for (const entries of groups.values()) await this.deliverGroup(entries);
    this.scheduleNext();
  }

  /** Sends one endpoint's entries batch by batch; stops at the first failure (the endpoint is down). */
  private async deliverGroup(entries: OutboxEntry[]): Promise<void> {
    const sender = senders.get(entries[0]!.transport);
    if (!sender) return;
    let remaining = entries;
    while (remaining.length > 0) {
      const batch = entries[0]!.transport === 'collector' ? takeBatch(remaining, MAX_BATCH_BYTES) : remaining.slice(0, 1);
      remaining = remaining.slice(batch.length);
      const ok = await this.deliverBatch(batch, sender);
      if (!ok) {
        await this.postpone(remaining, undefined, false);
        return;
      }
    }
  }

  /** Returns false when the endpoint should not be tried again for now. */
  private async deliverBatch(batch: OutboxEntry[], sender: Sender): Promise<boolean> {
    const outcome = await sender(batch, this.fetchOption());
    if (outcome.type === 'retry') {
      await this.postpone(batch, outcome.retryAfterMs, true);
      return false;
    }
    if (outcome.type === 'refused') {
      if (batch.length > 1) {
        // One bad record must not hold back the others: try each alone.
        for (const entry of batch) if (!(await this.deliverBatch([entry], sender))) return false;
        return true;
      }
      await this.refuse(batch[0]!, { code: 'rejected', message: outcome.message, ...(outcome.field ? { field: outcome.field } : {}) });
      return true;
    }
    const results = new Map(outcome.results.map((result) => [result.id, result]));
    const unanswered: OutboxEntry[] = [];
    for (const entry of batch) {
      const result = results.get(entry.record.id);
      if (!result) unanswered.push(entry);
      else await this.settle(entry, result);
    }
    if (unanswered.length > 0) await this.postpone(unanswered, undefined, true);
    return unanswered.length === 0;
  }

  private async settle(entry: OutboxEntry, result: SubmissionResult): Promise<void> {
    if (result.status === 'accepted' || result.status === 'duplicate') {
      await this.outbox.remove(entry.record.id);
      this.known.delete(entry.record.id);
      const detail: SvcSentDetail = { id: entry.record.id };
      if (result.trackingCode) detail.trackingCode = result.trackingCode;
      this.notify(entry.record.id, 'svc-sent', detail);
    } else {
      const error = result.error;
      await this.refuse(entry, {
        code: 'rejected',
        message: error?.message ?? 'The collector rejected this record.',
        ...(error?.field ? { field: error.field } : {}),
        ...(error?.code ? { reason: error.code } : {}),
      });
    }
  }

  private async refuse(entry: OutboxEntry, detail: Omit<SvcErrorDetail, 'id'>): Promise<void> {
    await this.outbox.setAside(entry, detail.message);
    this.known.delete(entry.record.id);
    this.notify(entry.record.id, 'svc-error', { ...detail, id: entry.record.id });
  }

  /** Pushes entries' next attempt back; `failed` counts it as a failed attempt of theirs. */
  private async postpone(entries: OutboxEntry[], retryAfterMs: number | undefined, failed: boolean): Promise<void> {
    const now = Date.now();
    for (const entry of entries) {
      const attempts = entry.attempts + (failed ? 1 : 0);
      const delay = retryAfterMs ?? this.backoff(Math.max(attempts, 1));
      const updated: OutboxEntry = { ...entry, attempts, nextAttemptAt: now + delay };
      if (failed && attempts >= this.options.reportFailureAfter && !entry.reportedFailure) {
        updated.reportedFailure = true;
        this.notify(entry.record.id, 'svc-error', {
          code: 'delivery-failed',
          message: `Not delivered after ${attempts} attempts; still queued and retried.`,
          id: entry.record.id,
        });
      }
      this.known.set(entry.record.id, updated);
      await this.outbox.update(updated);
    }
  }

  /** Exponential backoff with "equal jitter": half fixed, half random, so tabs and phones spread out. */
  private backoff(attempts: number): number {
    const ceiling = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempts - 1));
    return Math.round(ceiling / 2 + (ceiling / 2) * this.options.random());
  }

  private scheduleNext(): void {
    let next = Infinity;
    for (const entry of this.known.values()) if (entry.endpoint) next = Math.min(next, entry.nextAttemptAt);
    if (next === Infinity || this.stopped) return;
    this.timer = setTimeout(() => void this.flush(), Math.max(0, next - Date.now()));
  }

  /** On the element that made the record if it is still in this page; else on `document`, and tell other tabs. */
  private notify(id: string, type: 'svc-sent' | 'svc-error', detail: SvcSentDetail | SvcErrorDetail): void {
    const owner = this.ownerOf(id);
    // `delivery-failed` is news on the way: the record's end (sent or rejected) is still to come.
    if (!('code' in detail && detail.code === 'delivery-failed')) this.owners.delete(id);
    if (owner) {
      emit(owner, type, detail as never);
      return;
    }
    this.channel?.postMessage({ type, detail });
    if (typeof document !== 'undefined') emit(document, type, detail as never);
  }

  private onBroadcast(message: { type: 'svc-sent' | 'svc-error'; detail: SvcSentDetail | SvcErrorDetail }): void {
    const id = message?.detail?.id;
    const owner = id ? this.ownerOf(id) : undefined;
    if (!owner || !id) return;
    if (!('code' in message.detail && message.detail.code === 'delivery-failed')) {
      this.owners.delete(id);
      this.known.delete(id);
    }
    emit(owner, message.type, message.detail as never);
  }

  private ownerOf(id: string): EventTarget | undefined {
    const owner = this.owners.get(id)?.();
    if (owner instanceof Node && !owner.isConnected) return undefined;
    return owner;
  }

  private fetchOption(): SendOptions {
    return this.options.fetch ? { fetch: this.options.fetch } : {};
  }
}

/** Holds an element without keeping it alive after the page removed it (where WeakRef exists). */
function weakly(target: EventTarget): () => EventTarget | undefined {
  if (typeof WeakRef !== 'function') return () => target;
  const ref = new WeakRef(target);
  return () => ref.deref();
}

/** Entries by key, in their order (one array per key, appended to, never copied). */
function groupBy(entries: OutboxEntry[], keyOf: (entry: OutboxEntry) => string): Map<string, OutboxEntry[]> {
  const groups = new Map<string, OutboxEntry[]>();
  for (const entry of entries) {
    const key = keyOf(entry);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return groups;
}

function bytesOf(entries: OutboxEntry[]): number {
  return entries.reduce((sum, entry) => sum + JSON.stringify(entry.record).length, 0);
}

/** The oldest entries that fit one request: at least one, at most 25 records or `maxBytes`. */
function takeBatch(entries: OutboxEntry[], maxBytes: number): OutboxEntry[] {
  const batch: OutboxEntry[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = JSON.stringify(entry.record).length;
    if (batch.length > 0 && (batch.length >= MAX_BATCH_RECORDS || bytes + size > maxBytes)) break;
    batch.push(entry);
    bytes += size;
  }
  return batch;
}

let pageTransport: Transport | undefined;

/** The page's transport, started on first use. */
export function pageTransportInstance(): Transport {
  pageTransport ??= new Transport();
  pageTransport.start();
  return pageTransport;
}
