import { test } from 'node:test';
import assert from 'node:assert/strict';
import { handleWorkerMessage, MAX_REPORTED_ERRORS, type WorkerResponse } from '../../src/analytics/worker-protocol.js';
import { parseRecords } from '../../src/analytics/parse.js';
import { summarize } from '../../src/analytics/summary.js';
import { toCsv } from '../../src/analytics/csv.js';
import { complaint, rating } from './helpers.js';

const options = { groupBy: ['unit'] as const, period: 'month' as const, timeZone: 'Asia/Ho_Chi_Minh' };
const records = [
  ...Array.from({ length: 50 }, (_, i) => rating((i % 5) + 1, 5, { unit: i % 2 ? 'Phường Bến Nghé' : 'mot-cua' })),
  complaint('delay', { unit: 'mot-cua' }),
];

async function run(message: unknown, handler = {}): Promise<WorkerResponse[]> {
  const posted: WorkerResponse[] = [];
  await handleWorkerMessage(message, (response) => posted.push(response), handler);
  return posted;
}

test('summarises a CSV string, detecting the format, and echoes the id', async () => {
  const file = toCsv(records, { bom: true });
  const posted = await run({ type: 'summarize', id: 7, file, options: { ...options, groupBy: ['unit'] } });
  const done = posted.at(-1)!;
  assert.equal(done.type, 'done');
  if (done.type !== 'done') return;
  assert.equal(done.id, 7);
  assert.equal(done.format, 'csv');
  assert.equal(done.records, 51);
  assert.deepEqual([done.errors, done.errorCount], [[], 0]);
  assert.deepEqual(done.summary, summarize(records, options));
});

test('streams a Blob of NDJSON; a multi-byte character may straddle the reads', async () => {
  const text = records.map((record) => JSON.stringify(record)).join('\n');
  const blob = new Blob([text]);
  const posted = await run({ type: 'summarize', file: blob, options }, { chunkSize: 7 });
  const done = posted.at(-1)!;
  assert.equal(done.type, 'done');
  if (done.type !== 'done') return;
  assert.equal(done.format, 'ndjson');
  assert.deepEqual(done.summary, summarize(records, options));
  // Bytes given directly, read in 7-byte pieces (so "ư" and "ế" are cut in two).
  const bytes = await run({ type: 'summarize', file: new TextEncoder().encode(`[${records.map((r) => JSON.stringify(r)).join(',')}]`), options }, { chunkSize: 7 });
  const last = bytes.at(-1)!;
  assert.equal(last.type === 'done' && last.format, 'json');
  assert.deepEqual(last.type === 'done' && last.summary, summarize(records, options));
});

test('a Blob of several MiB, and a Blob-like read in odd sizes, give the summary of the records', async () => {
  // Multi-byte text everywhere, so that reads end inside characters; some rows refused.
  const many = Array.from({ length: 16_000 }, (_, i) =>
    rating((i % 5) + 1, 5, { unit: `Phường ${i % 7} Bến Nghé`, comment: `Cán bộ tận tình ${'ệ'.repeat(i % 80)}`, ...(i % 997 === 3 ? { score: 9 } : {}) }),
  );
  const text = toCsv(many);
  const bytes = new TextEncoder().encode(text);
  assert.ok(bytes.byteLength > 3 * 1024 * 1024);
  const expected = parseRecords(text, 'csv');
  assert.ok(expected.errors.length > 5);
  const summary = summarize(expected.records, options);
  // A Blob-like (as the dashboard makes on the main thread), in reads of odd sizes.
  const plain = {
    size: bytes.byteLength,
    stream: () => {
      let at = 0;
      return {
        getReader: () => ({
          read: async () => {
            if (at >= bytes.byteLength) return { done: true };
            const value = bytes.slice(at, (at += 65_537));
            return { done: false, value };
          },
          releaseLock() {},
        }),
      };
    },
  };
  for (const file of [new Blob([bytes]), plain]) {
    const done = (await run({ type: 'summarize', file, options })).at(-1)!;
    assert.equal(done.type, 'done');
    if (done.type !== 'done') return;
    assert.deepEqual([done.records, done.errorCount, done.errors], [expected.records.length, expected.errors.length, expected.errors]);
    assert.deepEqual(done.summary, summary);
  }
});

test('progress at most every 100 ms, with growing counts; errors listed up to 1000 and counted', async () => {
  const bad = Array.from({ length: 1500 }, (_, i) => `{"kind":"rating","line":${i}}`);
  const text = [...records.map((record) => JSON.stringify(record)), ...bad].join('\n');
  let clock = 0;
  const posted = await run({ type: 'summarize', file: text, format: 'ndjson', options }, { now: () => (clock += 30), chunkSize: 4096 });
  const progress = posted.filter((message) => message.type === 'progress');
  assert.ok(progress.length >= 3, `${progress.length} progress messages`);
  // The clock moves 30 ms per reading: a message needs at least 4 readings since the last one.
  const total = new TextEncoder().encode(text).length;
  let previous = 0;
  for (const message of progress) {
    if (message.type !== 'progress') continue;
    assert.equal(message.totalBytes, total);
    assert.ok(message.bytesRead > previous && message.bytesRead <= total);
    previous = message.bytesRead;
  }
  const done = posted.at(-1)!;
  assert.equal(done.type, 'done');
  if (done.type !== 'done') return;
  assert.equal(done.errorCount, 1500);
  assert.equal(done.errors.length, MAX_REPORTED_ERRORS);
  assert.deepEqual(done.errors[0], parseRecords(text, 'ndjson').errors[0]);
  assert.equal(done.errors[0]!.line, records.length + 1);
  assert.equal(done.records, records.length);
});

test('without a clock tick no progress is posted, and one "done" ends every request', async () => {
  const posted = await run({ type: 'summarize', file: 'id,kind\n', options }, { now: () => 0 });
  assert.deepEqual(posted.map((message) => message.type), ['done']);
});

test('bad requests are answered with an error message, never a throw', async () => {
  assert.deepEqual(await run(null), [{ type: 'error', message: 'The analytics worker understands { type: "summarize", file, format?, options? }.' }]);
  const [badPeriod] = await run({ type: 'summarize', id: 'x', file: '', options: { period: 'decade' } });
  assert.equal(badPeriod!.type, 'error');
  assert.equal(badPeriod!.id, 'x');
  assert.match((badPeriod as { message: string }).message, /Unknown period "decade"/);
  const [badFile] = await run({ type: 'summarize', file: 42 });
  assert.match((badFile as { message: string }).message, /file must be a Blob/);
  const [badFormat] = await run({ type: 'summarize', file: '', format: 'xlsx' });
  assert.match((badFormat as { message: string }).message, /Unknown format "xlsx"/);
});

test('worker.ts wires self.onmessage to the handler and posts through self.postMessage', async () => {
  const scope = globalThis as unknown as { onmessage?: (event: { data: unknown }) => void; postMessage?: (message: WorkerResponse) => void };
  const posted: WorkerResponse[] = [];
  scope.postMessage = (message) => posted.push(message);
  try {
    await import('../../src/analytics/worker.js');
    assert.equal(typeof scope.onmessage, 'function');
    scope.onmessage!({ data: { type: 'summarize', id: 1, file: JSON.stringify(records), options } });
    for (let i = 0; i < 100 && posted.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    const done = posted.at(-1)!;
    assert.equal(done.type, 'done');
    assert.deepEqual(done.type === 'done' && done.summary, summarize(records, options));
  } finally {
    delete scope.onmessage;
    delete scope.postMessage;
  }
});
