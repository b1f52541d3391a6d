// Helpers for the browser tests: the scripted fake collector and a few waits.
import { waitUntil } from '@open-wc/testing';
import type { FeedbackRecord } from '../../src/core/record.js';

export interface ScriptStep {
  status: number;
  store?: boolean;
  reject?: boolean;
  /** Only these records are answered `rejected` (inside a 200 reply); the others are stored. */
  rejectIds?: string[];
  retryAfter?: number;
}

export interface FakeState {
  stored: FeedbackRecord[];
  requests: Array<{ ids: string[]; status: number; at: number; contentType: string }>;
  open311: Array<{ form: Record<string, string>; contentType: string; path: string }>;
}

let counter = 0;

/** A fresh fake collector with its script; returns its endpoint URL. */
export async function fakeCollector(
  script: ScriptStep[] = [],
  complaints: Record<string, unknown> = {},
): Promise<{ endpoint: string; state: () => Promise<FakeState> }> {
  const name = `c${Date.now().toString(36)}${(counter++).toString(36)}`;
  await fetch(`/fake/${name}/__reset`, { method: 'POST', body: JSON.stringify({ script, complaints }) });
  return {
    endpoint: `${location.origin}/fake/${name}`,
    state: async () => (await fetch(`/fake/${name}/__state`)).json() as Promise<FakeState>,
  };
}

/** Waits until the fake collector has stored `count` records. */
export async function storedCount(state: () => Promise<FakeState>, count: number, timeout = 8000): Promise<FakeState> {
  let last: FakeState = { stored: [], requests: [], open311: [] };
  await waitUntil(
    async () => {
      last = await state();
      return last.stored.length >= count;
    },
    `expected ${count} stored records`,
    { timeout, interval: 50 },
  );
  return last;
}

/** Records every library event that reaches `target`. */
export function recordEvents(target: EventTarget): Array<{ type: string; detail: any }> {
  const seen: Array<{ type: string; detail: any }> = [];
  for (const type of ['svc-submit', 'svc-queued', 'svc-sent', 'svc-error']) {
    target.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }));
  }
  return seen;
}

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
