import { systemClock, type Clock } from './clock.js';
import { emit, type SvcErrorDetail, type SvcSentDetail } from './events.js';
import { sendToCollector, type DeliveryOutcome, type SendOptions, type SubmissionResult } from './delivery.js';
import { withTabLock } from './lock.js';
import { Outbox, type OutboxEntry } from './outbox.js';
import type { FeedbackRecord } from './record.js';

/** Sends a batch of entries for one endpoint and transport; Open311 plugs in here. */
export type Sender = (entries: OutboxEntry[], options: SendOptions) => Promise<DeliveryOutcome>;

export interface TransportOptions {
  outbox?: Outbox;
  /**
   * Retry delays of an endpoint: base × 2^(failures−1) with jitter, where failures counts its
   * requests in a row that got no answer; capped at `maxDelayMs` (a collector answering nothing),
   * or at `answeringMaxDelayMs` while it acknowledged something in the last `answeringWindowMs`
   * (a flaky collector, not a dead one: the rest of the queue follows soon).
   */
  baseDelayMs?: number;
  maxDelayMs?: number;
  answeringMaxDelayMs?: number;
  answeringWindowMs?: number;
  /** How often waiting records are retried even when nothing else happens. */
  intervalMs?: number;
  /** After this many failed attempts a record's `delivery-failed` is reported (it is still retried). */
  reportFailureAfter?: number;
  random?: () => number;
  fetch?: typeof fetch;
  lockName?: string;
  /** Time and timers (tests pass a fake clock). */
  clock?: Clock;
}

/**
 * What this page knows of one endpoint. The backoff belongs to the endpoint, not to each
 * record: when it answers, every record waiting for it goes; when it does not, they all wait.
 */
interface EndpointState {
  /** Requests in a row that got no answer (network error, timeout, 408, 429, 5xx). */
  failures: number;
  /** When it last acknowledged or refused something (−Infinity: not in this page life). */
  answeredAt: number;
  /** Its `Retry-After`: nothing is sent to it before this time, even when forced. */
  holdUntil: number;
}

/** At most this many records in one request… */
export const MAX_BATCH_RECORDS = 25;
/** …and at most this many bytes of JSON (one record bigger than this still goes, alone). */
export const MAX_BATCH_BYTES = 512 * 1024;
/** Browsers cap keepalive bodies at 64 KiB in flight. */
export const KEEPALIVE_BYTES = 60 * 1024;

const senders = new Map<string, Sender>([
  ['collector', (entries, options) => sendToCollector(entries[0]!.endpoint!, entries.map((entry) => entry.record), options)],
]);

/** Lets another transport (Open311) deliver entries whose `transport` names it. */
export function registerSender(kind: string, sender: Sender): void {
  senders.set(kind, sender);
}

/**
 * Delivers the outbox: batches, retries network errors, 5xx, 408 and 429 with exponential
 * backoff and jitter per endpoint (honouring `Retry-After`), never retries other 4xx (the record
 * is set aside and reported), resumes on `online`, on page load and on an interval, and sends
 * with `keepalive` on `pagehide`. A record leaves the outbox only once the collector acknowledged
 * its id. Whenever one record of an endpoint is due, all of that endpoint's records go.
 */
export class Transport {
  readonly outbox: Outbox;
  private readonly options: Required<Omit<TransportOptions, 'outbox' | 'fetch'>> & { fetch?: typeof fetch };
  private readonly clock: Clock;
  private readonly endpoints = new Map<string, EndpointState>();
  private readonly owners = new Map<string, () => EventTarget | undefined>();
  private readonly known = new Map<string, OutboxEntry>();
  private readonly channel: BroadcastChannel | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: unknown;
  private interval: unknown;
  private started = false;
  private stopped = false;
  private warnedStorage = false;

  constructor(options: TransportOptions = {}) {
    this.outbox = options.outbox ?? new Outbox();
    this.options = {
      baseDelayMs: 1000,
      maxDelayMs: 5 * 60_000,
      answeringMaxDelayMs: 8000,
      answeringWindowMs: 60_000,
      intervalMs: 30_000,
      reportFailureAfter: 5,
      random: Math.random,
      lockName: 'svc-feedback-flush',
      clock: systemClock,
      ...options,
    };
    this.clock = this.options.clock;
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(this.options.lockName) : undefined;
    if (this.channel) this.channel.onmessage = (event: MessageEvent) => this.onBroadcast(event.data);
  }

  /** Starts listening to the page's life (idempotent) and sends whatever an earlier page left. */
  start(): void {
    if (this.started) return;
    this.started = true;
    addEventListener('online', this.onOnline);
    addEventListener('pagehide', this.onPageHide);
    this.tick();
    void this.flush({ force: true });
  }

  /** Stops timers and listeners (tests, and pages that tear the library down). */
  stop(): void {
    this.started = false;
    this.stopped = true;
    removeEventListener('online', this.onOnline);
    removeEventListener('pagehide', this.onPageHide);
    this.clock.clearTimeout(this.interval);
    this.clock.clearTimeout(this.timer);
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
    const entry: OutboxEntry = { record, endpoint, ...extra, queuedAt: this.clock.now(), attempts: 0, nextAttemptAt: 0 };
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

  /** Waiting records are retried every `intervalMs` even when nothing else happens. */
  private tick(): void {
    this.interval = this.clock.setTimeout(() => {
      if (!this.started) return;
      this.tick();
      void this.flush();
    }, this.options.intervalMs);
  }

  /** The page may be going away: hand the browser what fits in a keepalive request. */
  private readonly onPageHide = () => {
    const collectorEntries = [...this.known.values()].filter((entry) => entry.endpoint && entry.transport === 'collector');
    const byEndpoint = groupBy(collectorEntries, (entry) => entry.endpoint!);
    for (const entries of byEndpoint.values()) {
      const batch = takeBatch(entries, KEEPALIVE_BYTES);
      if (batch.length > 0 && bytesOf(batch) <= KEEPALIVE_BYTES) {
        // The reply may never be read: the records stay queued and the next page life resends
        // them; the collector answers `duplicate`.
        void senders.get('collector')!(batch, { ...this.sendOptions(), keepalive: true });
      }
    }
  };

  private async flushOnce(force: boolean): Promise<void> {
    this.clock.clearTimeout(this.timer);
    if (globalThis.navigator?.onLine === false) return;
    const now = this.clock.now();
    const waiting = await this.outbox.list();
    // What the outbox holds now (another tab may have delivered or postponed some): stale entries
    // left here would wake the timer for records that no longer wait.
    this.known.clear();
    for (const entry of waiting) this.known.set(entry.record.id, entry);
    const groups = groupBy(
      waiting.filter((entry) => entry.endpoint),
      (entry) => `${entry.transport} ${entry.endpoint}`,
    );
    for (const [key, entries] of groups) {
      const state = this.endpointState(key);
      // `Retry-After` is the server's word: not even a forced flush (online, page load) sends earlier.
      if (state.holdUntil > now) continue;
      if (force || entries.some((entry) => entry.nextAttemptAt <= now)) await this.deliverGroup(entries, state);
    }
    this.scheduleNext();
  }

  private endpointState(key: string): EndpointState {
    let state = this.endpoints.get(key);
    if (!state) this.endpoints.set(key, (state = { failures: 0, answeredAt: -Infinity, holdUntil: 0 }));
    return state;
  }

  /**
   * Sends one endpoint's entries batch by batch. At the first request that gets no answer the
   * endpoint is taken as down: that batch and the rest wait for the endpoint's next attempt.
   */
  private async deliverGroup(entries: OutboxEntry[], state: EndpointState): Promise<void> {
    const sender = senders.get(entries[0]!.transport);
    if (!sender) return;
    let start = 0;
    while (start < entries.length) {
      const batch = entries[0]!.transport === 'collector' ? takeBatch(entries, MAX_BATCH_BYTES, start) : [entries[start]!];
      start += batch.length;
      const retryAt = await this.deliverBatch(batch, sender, state);
      if (retryAt !== undefined) {
        await this.postpone(entries.slice(start), retryAt, false);
        return;
      }
    }
  }

  /** Sends one batch and settles what the answer says; returns when to try again if the endpoint answered nothing. */
  private async deliverBatch(batch: OutboxEntry[], sender: Sender, state: EndpointState): Promise<number | undefined> {
    const outcome = await sender(batch, this.sendOptions());
    const now = this.clock.now();
    if (outcome.type === 'retry') {
      state.failures++;
      const retryAt = outcome.retryAfterMs === undefined ? now + this.backoff(state, now) : (state.holdUntil = now + outcome.retryAfterMs);
      await this.postpone(batch, retryAt, true);
      return retryAt;
    }
    // A refusal is an answer too: the collector is there.
    state.failures = 0;
    state.answeredAt = now;
    if (outcome.type === 'refused') {
      if (batch.length > 1) {
        // One bad record must not hold back the others: try each alone.
        for (let index = 0; index < batch.length; index++) {
          const retryAt = await this.deliverBatch([batch[index]!], sender, state);
          if (retryAt !== undefined) {
            await this.postpone(batch.slice(index + 1), retryAt, false);
            return retryAt;
          }
        }
        return undefined;
      }
      await this.refuse(batch[0]!, { code: 'rejected', message: outcome.message, ...(outcome.field ? { field: outcome.field } : {}) });
      return undefined;
    }
    const results = new Map(outcome.results.map((result) => [result.id, result]));
    const unanswered: OutboxEntry[] = [];
    for (const entry of batch) {
      const result = results.get(entry.record.id);
      if (!result) unanswered.push(entry);
      else await this.settle(entry, result);
    }
    // The collector answered but left some ids out: those alone try again shortly.
    if (unanswered.length > 0) await this.postpone(unanswered, now + this.backoff(state, now), true);
    return undefined;
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

  /** Sets entries' next attempt to `at`; `failed` counts it as a failed attempt of theirs. */
  private async postpone(entries: OutboxEntry[], at: number, failed: boolean): Promise<void> {
    for (const entry of entries) {
      const attempts = entry.attempts + (failed ? 1 : 0);
      const updated: OutboxEntry = { ...entry, attempts, nextAttemptAt: at };
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

  /**
   * The endpoint's next delay: exponential in its failures in a row, with "equal jitter" (half
   * fixed, half random, so tabs and phones spread out). A collector that acknowledged something
   * within `answeringWindowMs` is flaky, not down: its delay stays short.
   */
  private backoff(state: EndpointState, now: number): number {
    const answering = now - state.answeredAt <= this.options.answeringWindowMs;
    const cap = answering ? Math.min(this.options.answeringMaxDelayMs, this.options.maxDelayMs) : this.options.maxDelayMs;
    const ceiling = Math.min(cap, this.options.baseDelayMs * 2 ** (Math.max(state.failures, 1) - 1));
    return Math.round(ceiling / 2 + (ceiling / 2) * this.options.random());
  }

  private scheduleNext(): void {
    let next = Infinity;
    for (const entry of this.known.values()) {
      if (!entry.endpoint) continue;
      const hold = this.endpoints.get(`${entry.transport} ${entry.endpoint}`)?.holdUntil ?? 0;
      next = Math.min(next, Math.max(entry.nextAttemptAt, hold));
    }
    if (next === Infinity || this.stopped) return;
    this.timer = this.clock.setTimeout(() => void this.flush(), Math.max(0, next - this.clock.now()));
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

  private sendOptions(): SendOptions {
    return this.options.fetch ? { fetch: this.options.fetch, clock: this.clock } : { clock: this.clock };
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

/** The oldest entries from `start` that fit one request: at least one, at most 25 records or `maxBytes`. */
export function takeBatch(entries: OutboxEntry[], maxBytes: number, start = 0): OutboxEntry[] {
  const batch: OutboxEntry[] = [];
  let bytes = 0;
  for (let index = start; index < entries.length; index++) {
    const entry = entries[index]!;
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
