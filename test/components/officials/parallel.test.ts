import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/dashboard.js';
import { handleWorkerMessage, toCsv, type DoneMessage, type WorkerResponse } from '../../../src/analytics/index.js';
import { LoadError, load, type LoadContext, type Loaded, type Progress } from '../../../src/components/officials/shared/data.js';
import type { WorkerLike } from '../../../src/components/officials/shared/parallel.js';
import { createModuleWorker } from '../../../src/components/officials/shared/worker-client.js';
import type { FeedbackRecord } from '../../../src/core/record.js';
import { generateRecords } from '../../support/generate-records.js';

// Big files in pieces, in real module workers, in each engine: the dev server serves the
// worker's TypeScript source.
const WORKER = '/src/analytics/worker.ts';
const TZ = 'Asia/Ho_Chi_Minh';
const OPTIONS = { groupBy: ['unit' as const], period: 'month' as const, timeZone: TZ };

/** Records with Vietnamese comments holding line breaks, quotes and commas, and rows that cannot be read. */
function csvText(): string {
  const records: FeedbackRecord[] = [...generateRecords({ seed: 5, from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 5, 30), ratings: 1500, complaints: 60, cases: 300 })];
  records.forEach((record, i) => {
    if (record.kind === 'rating' && i % 5 === 0) record.comment = `Cán bộ "tận tình", nhanh\r\nlần ${i}\nđược ${'ệ'.repeat(i % 7)}`;
  });
  const rows = toCsv(records).split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  for (let i = rows.length - 10; i > 1; i -= 97) rows.splice(i, 0, `bad-${i},rating,2026-01-01T00:00:00Z,x,,,9`);
  return rows.join('\r\n');
}

async function whole(text: string): Promise<DoneMessage> {
  let done: WorkerResponse | undefined;
  await handleWorkerMessage({ type: 'summarize', file: text, options: OPTIONS }, (message) => (done = message));
  return done as DoneMessage;
}

/** Workers as the page makes them, watched: what each was sent, and whether it was ended. */
function watchedWorkers() {
  const made: Array<{ types: string[]; terminated: boolean }> = [];
  const createWorker = (url: string): WorkerLike | null => {
    const worker = createModuleWorker(url);
    if (!worker) return null;
    const seen = { types: [] as string[], terminated: false };
    made.push(seen);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = ((message: { type: string }, transfer: Transferable[]) => {
      seen.types.push(message.type);
      post(message, transfer);
    }) as Worker['postMessage'];
    const terminate = worker.terminate.bind(worker);
    worker.terminate = () => {
      seen.terminated = true;
      terminate();
    };
    return worker;
  };
  return { made, createWorker };
}

/** A stream of `bytes` in chunks of odd sizes; `hold` keeps it open (never ends) after those bytes. */
function streamOf(bytes: Uint8Array, options: { hold?: boolean; failAfter?: number } = {}) {
  const state = { cancelled: false };
  let at = 0;
  let size = 1;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (options.failAfter !== undefined && at >= options.failAfter) {
        controller.error(new TypeError('connection reset'));
        return;
      }
      if (at >= bytes.length) {
        if (!options.hold) controller.close();
        return options.hold ? new Promise(() => {}) : undefined;
      }
      size = (size * 7 + 3) % 9000 + 1;
      controller.enqueue(bytes.slice(at, (at += size)));
      return undefined;
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

function stubFetch(path: string, body: () => ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname !== path) return original(input, init);
    return Promise.resolve(new Response(body(), { headers: { 'Content-Type': 'text/csv', ...headers } }));
  };
  return () => (window.fetch = original);
}

function context(overrides: Partial<LoadContext> & { signal: AbortSignal }): LoadContext & { progress: Progress[] } {
  const progress: Progress[] = [];
  return {
    options: { groupBy: ['unit'], period: 'month', timeZone: TZ, filter: {}, targets: { satisfaction: 0.8, onTime: 1 }, minSample: 30, confidence: 0.95, asOf: undefined },
    needOverall: false,
    onProgress: (p) => progress.push(p),
    workerUrl: new URL(WORKER, location.href).href,
    workerThreshold: 0,
    pieceSize: 8 * 1024,
    workers: 2,
    progress,
    ...overrides,
  };
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('big files in pieces, in two workers', () => {
  const text = csvText();
  const bytes = new TextEncoder().encode(text);

  it('a download is summarised as it comes, by two workers, and equals reading it in one go', async () => {
    const expected = await whole(text);
    expect(expected.errorCount).to.be.greaterThan(5);
    const restore = stubFetch('/big.csv', () => streamOf(bytes).stream, { 'Content-Length': String(bytes.length) });
    const { made, createWorker } = watchedWorkers();
    try {
      const ctx = context({ signal: new AbortController().signal, createWorker });
      const loaded = (await load({ src: '/big.csv' }, ctx)) as Extract<Loaded, { type: 'summary' }>;
      expect(loaded.via).to.equal('worker');
      expect(json(loaded.summary)).to.deep.equal(json(expected.summary));
      expect([loaded.records, loaded.errorCount]).to.deep.equal([expected.records, expected.errorCount]);
      expect(loaded.errors).to.deep.equal(expected.errors.slice(0, 5));
      expect(made).to.have.length(2);
      for (const worker of made) {
        expect(worker.types.filter((type) => type === 'piece').length).to.be.greaterThan(3);
        expect(worker.terminated).to.be.true;
      }
      // Download progress first, then the bytes summarised, by the workers.
      expect(ctx.progress[0]!.phase).to.equal('download');
      const summarizing = ctx.progress.filter((p) => p.phase === 'summarize');
      expect(summarizing.length).to.be.greaterThan(0);
      expect(summarizing.every((p) => p.via === 'worker' && p.unit === 'bytes' && p.total === bytes.length)).to.be.true;
    } finally {
      restore();
    }
  });

  it('a File is read as a stream and dealt the same way', async () => {
    const expected = await whole(text);
    const { made, createWorker } = watchedWorkers();
    const loaded = (await load({ file: new File([bytes], 'big.csv') }, context({ signal: new AbortController().signal, createWorker }))) as Extract<Loaded, { type: 'summary' }>;
    expect(json(loaded.summary)).to.deep.equal(json(expected.summary));
    expect(loaded.errors).to.deep.equal(expected.errors.slice(0, 5));
    expect(made.flatMap((worker) => worker.types).filter((type) => type === 'piece').length).to.be.greaterThan(10);
  });

  it('a JSON array is not cut: one worker reads it whole', async () => {
    const records = [...generateRecords({ seed: 9, from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 2, 30), ratings: 300, complaints: 5, cases: 20 })];
    const { made, createWorker } = watchedWorkers();
    const loaded = (await load({ file: new Blob([JSON.stringify(records)]) }, context({ signal: new AbortController().signal, createWorker }))) as Extract<Loaded, { type: 'summary' }>;
    expect(loaded.records).to.equal(records.length);
    expect(made.map((worker) => worker.types)).to.deep.equal([['summarize']]);
  });

  it('a new load (abort) cancels the download and ends every worker', async () => {
    const { stream, state } = streamOf(bytes.subarray(0, 200_000), { hold: true });
    const restore = stubFetch('/hang.csv', () => stream);
    const { made, createWorker } = watchedWorkers();
    try {
      const controller = new AbortController();
      const ctx = context({ signal: controller.signal, createWorker });
      const loading = load({ src: '/hang.csv' }, ctx);
      await waitUntil(() => ctx.progress.some((p) => p.phase === 'summarize'), 'a piece was summarised', { timeout: 20_000 });
      controller.abort();
      const error = await loading.then(() => null, (reason: Error) => reason);
      expect(error?.name).to.equal('AbortError');
      expect(made).to.have.length(2);
      expect(made.every((worker) => worker.terminated)).to.be.true;
      await waitUntil(() => state.cancelled, 'the download was cancelled');
    } finally {
      restore();
    }
  });

  it('removing the element stops its download and its workers', async () => {
    const states: Array<{ cancelled: boolean }> = [];
    // More than a piece (1 MiB, the element's), so that summarising starts before the stall.
    const more = new Uint8Array(bytes.length * 6);
    for (let i = 0; i < 6; i++) more.set(bytes, i * bytes.length);
    const restore = stubFetch('/hang.csv', () => {
      const { stream, state } = streamOf(more, { hold: true });
      states.push(state);
      return stream;
    });
    try {
      const el = document.createElement('svc-dashboard');
      el.setAttribute('src', '/hang.csv');
      el.workerSrc = WORKER;
      el.workerThreshold = 0;
      const progress: Progress[] = [];
      el.addEventListener('svc-progress', (event) => progress.push(event.detail));
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      host.append(el);
      await waitUntil(() => progress.some((p) => p.phase === 'summarize'), 'a piece was summarised', { timeout: 20_000 });
      el.remove();
      await waitUntil(() => states.every((state) => state.cancelled), 'the download was cancelled');
    } finally {
      restore();
    }
  });

  it('a worker that cannot start (no such script): the page reads the file, in slices, as before', async () => {
    const expected = await whole(text);
    const ctx = context({ signal: new AbortController().signal, workerUrl: new URL('/no-such-worker.js', location.href).href });
    const loaded = (await load({ file: new Blob([bytes]) }, ctx)) as Extract<Loaded, { type: 'summary' }>;
    expect(loaded.via).to.equal('main');
    expect(json(loaded.summary)).to.deep.equal(json(expected.summary));
    expect(loaded.errors).to.deep.equal(expected.errors.slice(0, 5));
  });

  it('the connection failing half way is a network error, as before; the workers end', async () => {
    const restore = stubFetch('/reset.csv', () => streamOf(bytes, { failAfter: 100_000 }).stream);
    const { made, createWorker } = watchedWorkers();
    try {
      const error = await load({ src: '/reset.csv' }, context({ signal: new AbortController().signal, createWorker })).then(
        () => null,
        (reason: Error) => reason,
      );
      expect(error).to.be.instanceOf(LoadError);
      expect((error as LoadError).kind).to.equal('network');
      expect(made.every((worker) => worker.terminated)).to.be.true;
    } finally {
      restore();
    }
  });

  it('the dashboard\'s svc-load says worker and counts every record', async () => {
    const el = document.createElement('svc-dashboard');
    for (const [name, value] of Object.entries({ 'group-by': 'unit', period: 'month', 'time-zone': TZ })) el.setAttribute(name, value);
    el.workerSrc = WORKER;
    el.workerThreshold = 0;
    el.file = new Blob([bytes]);
    const loaded = oneEvent(el, 'svc-load');
    await fixture(html`<div>${el}</div>`);
    const { detail } = await loaded;
    const expected = await whole(text);
    expect([detail.via, detail.records, detail.errorCount]).to.deep.equal(['worker', expected.records, expected.errorCount]);
    expect(detail.errors).to.deep.equal(expected.errors.slice(0, 5));
  });
});
