import { del, type UseStore } from 'idb-keyval';
import { attempt, openStore, readAll, write } from './idb.js';
import type { FeedbackRecord } from './record.js';

/** Where a queued record goes: our collector, or any Open311 GeoReport v2 endpoint. */
export type TransportKind = 'collector' | 'open311';

export interface Open311Options {
  serviceCode?: string;
  apiKey?: string;
  jurisdictionId?: string;
  /** `xml` posts to `requests.xml`; anything else (or absent) to `requests.json`. */
  format?: string;
}

/** A record waiting for the collector's acknowledgement, as kept in IndexedDB. */
export interface OutboxEntry {
  record: FeedbackRecord;
  /** Absolute base URL of the collector; null keeps the record on this device only. */
  endpoint: string | null;
  transport: TransportKind;
  open311?: Open311Options;
  queuedAt: number;
  attempts: number;
  nextAttemptAt: number;
  /** Set once `delivery-failed` has been reported, so it is said once, not on every retry. */
  reportedFailure?: boolean;
}

/** A record the collector refused (4xx): kept aside for the agency to inspect, never resent. */
export interface RejectedEntry extends OutboxEntry {
  rejectedAt: number;
  reason: string;
}

/**
 * Persists records before anything is sent. Uses named idb-keyval stores (one database per
 * store, never the host page's default `keyval-store`) and falls back to memory when IndexedDB
 * is missing or refuses (private mode, quota, blocked): `add` then resolves `false`.
 */
export class Outbox {
  private readonly memory = new Map<string, OutboxEntry>();
  private readonly queueStore: UseStore | undefined;
  private readonly rejectedStore: UseStore | undefined;

  constructor(name = 'svc-feedback') {
    this.queueStore = openStore(`${name}-outbox`);
    this.rejectedStore = openStore(`${name}-rejected`);
  }

  /** Stores an entry; resolves whether it reached persistent storage. */
  async add(entry: OutboxEntry): Promise<boolean> {
    const persisted = await attempt(() => write(this.queueStore, entry.record.id, entry));
    if (!persisted) this.memory.set(entry.record.id, entry);
    return persisted;
  }

  /** Records a changed retry state (in memory if that is where the entry lives). */
  async update(entry: OutboxEntry): Promise<void> {
    if (this.memory.has(entry.record.id)) {
      this.memory.set(entry.record.id, entry);
      return;
    }
    if (!(await attempt(() => write(this.queueStore, entry.record.id, entry)))) this.memory.set(entry.record.id, entry);
  }

  /** Every waiting entry, oldest first: persisted ones (from any tab) and this page's memory ones. */
  async list(): Promise<OutboxEntry[]> {
    const stored = await readAll<OutboxEntry>(this.queueStore);
    const byId = new Map(stored.map((entry) => [entry.record.id, entry]));
    for (const [id, entry] of this.memory) byId.set(id, entry);
    return [...byId.values()].sort((a, b) => a.queuedAt - b.queuedAt);
  }

  async remove(id: string): Promise<void> {
    this.memory.delete(id);
    if (this.queueStore) await attempt(() => del(id, this.queueStore));
  }

  /** Moves an entry the collector refused out of the queue, keeping it for inspection. */
  async setAside(entry: OutboxEntry, reason: string): Promise<void> {
    const rejected: RejectedEntry = { ...entry, rejectedAt: Date.now(), reason };
    await attempt(() => write(this.rejectedStore, entry.record.id, rejected));
    await this.remove(entry.record.id);
  }

  /** Records refused by the collector, kept on this device. */
  async rejected(): Promise<RejectedEntry[]> {
    return readAll<RejectedEntry>(this.rejectedStore);
  }
}
