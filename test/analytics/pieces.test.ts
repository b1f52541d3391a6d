import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PieceCutter, combinePieces, type Piece, type PieceFormat, type PieceResult } from '../../src/analytics/pieces.js';
import { PieceSession, createMessageHandler, handleWorkerMessage, type DoneMessage, type WorkerResponse } from '../../src/analytics/worker-protocol.js';
import { merge } from '../../src/analytics/summary.js';
import { toCsv } from '../../src/analytics/csv.js';
import { ParallelSummary, WorkersUnavailable, type WorkerLike } from '../../src/components/officials/shared/parallel.js';
import type { FeedbackRecord } from '../../src/core/record.js';
import { complaint, kase, rating } from './helpers.js';

const options = { groupBy: ['unit'] as const, period: 'month' as const, timeZone: 'Asia/Ho_Chi_Minh' };
const encode = (text: string) => new TextEncoder().encode(text);

/**
 * Records that make cutting hard: comments with line breaks, quotes and commas inside quoted
 * fields, Vietnamese text (multi-byte), cases updated twice far apart, and verified unsatisfied
 * ratings and complaints that name cases and complaints read in other pieces.
 */
function trickyRecords(): FeedbackRecord[] {
  const records: FeedbackRecord[] = [];
  const units = ['Phường Bến Nghé', 'mot-cua', 'Tổ tiếp nhận'];
  for (let i = 0; i < 40; i++) records.push(kase('2026-03-02T08:00:00Z', '2026-03-20T17:00:00Z', i % 3 ? '2026-03-10T08:00:00Z' : undefined, { id: `HS-${i}`, unit: units[i % 3]! }));
  for (let i = 0; i < 300; i++) {
    const comment = i % 4 === 0 ? `Dòng một\r\nDòng "hai", rất ${'ệ'.repeat(i % 9)}\nba` : i % 4 === 1 ? `Tốt, nhanh ${'ư'.repeat(i % 13)}` : undefined;
    records.push(rating((i % 5) + 1, 5, { unit: units[i % 3]!, ...(comment ? { comment } : {}), createdAt: `2026-0${(i % 6) + 1}-05T08:30:00.000Z` }));
  }
  // The same cases again (an update), and what names them, at the end of the file.
  for (let i = 0; i < 40; i += 2) records.push(kase('2026-03-02T08:00:00Z', '2026-03-20T17:00:00Z', '2026-03-25T08:00:00Z', { id: `HS-${i}`, unit: units[i % 3]! }));
  for (let i = 0; i < 40; i += 5) records.push(rating(1, 5, { unit: units[i % 3]!, verified: true, caseId: `HS-${i}` }));
  for (let i = 1; i < 40; i += 7) records.push(complaint('delay', { unit: units[i % 3]!, caseId: `HS-${i}`, trackingCode: `PA-${i}` }));
  return records;
}

/** CSV of the records with some rows that cannot be read put between them. */
function csvWithErrors(records: FeedbackRecord[], lineEnd = '\r\n', bom = false): string {
  const text = toCsv(records, { bom });
  const [header, ...rows] = text.split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const width = header!.replace(/^\uFEFF/, '').split(',').length;
  const bad = (n: number) => [`bad-${n}`, 'rating', '2026-01-01T00:00:00Z', ...Array(width - 3).fill('9')].join(',');
  const out = [header!];
  rows.filter(Boolean).forEach((row, i) => {
    out.push(row);
    if (i % 37 === 5) out.push(bad(i));
  });
  return out.join(lineEnd) + lineEnd;
}

/** What one worker reading the whole file says. */
async function whole(bytes: Uint8Array): Promise<DoneMessage> {
  const posted: WorkerResponse[] = [];
  await handleWorkerMessage({ type: 'summarize', file: bytes, options }, (message) => posted.push(message));
  const done = posted.at(-1)!;
  assert.equal(done.type, 'done');
  return done as DoneMessage;
}

/** Chunks of sizes 1…max (seeded), each on a buffer of its own, as a download gives them. */
function chunked(bytes: Uint8Array, max: number, seed = 1): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let state = seed;
  for (let at = 0; at < bytes.length; ) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const size = 1 + (state % max);
    chunks.push(bytes.slice(at, at + size));
    at += size;
  }
  return chunks;
}

/**
 * Cuts the bytes and reads the pieces in `sessions` PieceSessions (piece i in session i mod n),
 * moving each piece's buffers as postMessage would (structuredClone with transfer: a buffer
 * shared by two pieces, or sent twice, fails).
 */
function inPieces(bytes: Uint8Array, format: PieceFormat, pieceSize: number, chunkMax: number, sessions = 2) {
  const cutter = new PieceCutter(format, pieceSize);
  const readers = Array.from({ length: sessions }, () => new PieceSession(format, options));
  const pieces: Piece[] = [];
  const results: PieceResult[] = [];
  const read = (piece: Piece) => {
    pieces.push({ ...piece, chunks: piece.chunks.map((chunk) => chunk.slice()) });
    const chunks = structuredClone(piece.chunks, { transfer: piece.chunks.map((chunk) => chunk.buffer as ArrayBuffer) });
    results.push(readers[piece.seq % sessions]!.read(piece.seq, chunks, piece.firstLine));
  };
  for (const chunk of chunked(bytes, chunkMax)) {
    for (const piece of cutter.push(chunk)) read(piece);
  }
  const last = cutter.end();
  if (last) read(last);
  const combined = combinePieces(results);
  return { ...combined, summary: merge(...readers.map((reader) => reader.done().summary)), pieces };
}

/** Equal after a JSON round trip, as the page gets it from a worker. */
function assertSame(actual: object, expected: DoneMessage, label: string): void {
  const pick = (value: object) => {
    const { summary, records, errors, errorCount } = value as DoneMessage;
    return JSON.parse(JSON.stringify({ summary, records, errors, errorCount }));
  };
  assert.deepStrictEqual(pick(actual), pick(expected), label);
}

test('the fixture has what makes cutting hard: quoted line breaks, CRLF, multi-byte text, errors, links across the file', async () => {
  const text = csvWithErrors(trickyRecords());
  assert.match(text, /"Dòng một\r\nDòng ""hai"", rất/);
  const expected = await whole(encode(text));
  assert.ok(expected.errorCount > 5);
  assert.ok(expected.summary.dissatisfied!.cases.length > 0);
  assert.ok(expected.summary.groups.some((group) => group.stats.casesDissatisfied > 0));
  assert.ok(expected.summary.groups.some((group) => group.stats.complaintsDissatisfied === 0 && group.stats.complaintKeys.length > 0));
});

test('CSV cut into many pieces and read by two workers equals the file read in one go (CRLF, LF, BOM)', async () => {
  for (const [lineEnd, bom] of [['\r\n', false], ['\n', false], ['\r\n', true]] as const) {
    const bytes = encode(csvWithErrors(trickyRecords(), lineEnd, bom));
    const expected = await whole(bytes);
    for (const [pieceSize, chunkMax] of [[1, 7], [64, 13], [700, 97], [5000, 4096], [300, 1e9]] as const) {
      const got = inPieces(bytes, 'csv', pieceSize, chunkMax);
      if (pieceSize <= 700) assert.ok(got.pieces.length > 20, `${got.pieces.length} pieces`);
      assertSame(got, expected, `line end ${JSON.stringify(lineEnd)}, bom ${bom}, pieces of ${pieceSize}, chunks ≤ ${chunkMax}`);
      // Every piece after the first starts with the header row, once, without the byte order mark.
      const header = encode(csvWithErrors(trickyRecords(), lineEnd).split(lineEnd)[0]! + lineEnd);
      for (const piece of got.pieces.slice(1)) assert.deepEqual([...piece.chunks[0]!], [...header]);
    }
  }
});

test('errors keep the file\'s line numbers (quoted line breaks counted), the first 1000 in file order, and all are counted', async () => {
  const good = toCsv([rating(5, 5, { comment: 'một\nhai' }), rating(4, 5)]).split('\r\n');
  const rows = [good[0]];
  for (let i = 0; i < 1500; i++) rows.push(good[1]!, `bad-${i},rating,x`, good[2]!);
  const bytes = encode(rows.join('\r\n') + '\r\n');
  const expected = await whole(bytes);
  assert.equal(expected.errorCount, 1500);
  assert.equal(expected.errors.length, 1000);
  // Header line 1; each group of three rows takes four lines (the comment has a line break).
  assert.deepEqual(expected.errors.slice(0, 2).map((error) => error.line), [4, 8]);
  const got = inPieces(bytes, 'csv', 300, 50);
  assert.ok(got.pieces.length > 50);
  assertSame(got, expected, 'many errors');
});

test('NDJSON cut at line feeds equals the file read in one go', async () => {
  const records = trickyRecords();
  const lines = records.map((record) => JSON.stringify(record));
  lines.splice(7, 0, '{"kind":"rating"', '', 'not json');
  const bytes = encode(lines.join('\n') + '\n');
  const expected = await whole(bytes);
  assert.ok(expected.errorCount >= 2);
  for (const [pieceSize, chunkMax] of [[1, 5], [200, 61], [3000, 1024]] as const) {
    assertSame(inPieces(bytes, 'ndjson', pieceSize, chunkMax), expected, `pieces of ${pieceSize}`);
  }
});

test('a quote inside an unquoted field stops the cutting: the rest is one piece, read as the whole file reads it', async () => {
  const records = trickyRecords();
  // Fields that start with a line break: taken for a closing quote, their opening quote would
  // make the line break look like the end of a row.
  for (const record of records) if (record.kind === 'rating' && record.comment) record.comment = `\n${record.comment}`;
  const text = csvWithErrors(records.slice(0, 30)).replace(/(\r\n[^\r\n"]*?),ubnd-hoan-kiem,/, '$1,ubnd 5" kiem,') + csvWithErrors(records.slice(30)).split('\r\n').slice(1).join('\r\n');
  assert.match(text, /ubnd 5" kiem/);
  const bytes = encode(text);
  const expected = await whole(bytes);
  // One quote, read as text: the quote count is odd from there on, so counting quotes alone
  // would cut inside the quoted line breaks that follow.
  const got = inPieces(bytes, 'csv', 50, 40);
  assertSame(got, expected, 'stray quote');
  // Text after a closing quote, too.
  const after = encode(text.replace('ubnd 5" kiem', '"ubnd"ho"an kiem'));
  assertSame(inPieces(after, 'csv', 50, 40), await whole(after), 'text after a closing quote');
});

test('a header that is not valid is reported once: the file is one piece', async () => {
  const text = 'id,kind,kind,score\r\n' + 'a,rating,rating,5\r\n'.repeat(200);
  const bytes = encode(text);
  const expected = await whole(bytes);
  assert.equal(expected.errorCount, 2);
  const got = inPieces(bytes, 'csv', 10, 30);
  assert.equal(got.pieces.length, 1);
  assertSame(got, expected, 'bad header');
});

test('a piece that starts with U+FEFF keeps it (only the file\'s first one is a byte order mark)', async () => {
  const lines = trickyRecords().slice(0, 60).map((record) => JSON.stringify(record));
  lines[30] = '\uFEFF' + lines[30];
  const bytes = encode('\uFEFF' + lines.join('\n'));
  const expected = await whole(bytes);
  assert.equal(expected.errorCount, 1);
  assertSame(inPieces(bytes, 'ndjson', 1, 3000), expected, 'BOM inside');
});

// ---- the coordinator, with the real message handler in this thread as its workers -----------

/** A worker that runs the analytics worker's handler here, a turn later, moving transferred buffers. */
class LocalWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  terminated = false;
  pieces = 0;
  private readonly handle = createMessageHandler();
  constructor(private readonly behaviour: { failToStart?: boolean; failAfter?: number; delay?: number } = {}) {}
  postMessage(message: unknown, transfer: Transferable[]): void {
    const moved = structuredClone(message, { transfer: transfer as ArrayBuffer[] });
    setTimeout(() => {
      if (this.terminated) return;
      if (this.behaviour.failToStart || ((moved as { type: string }).type === 'piece' && ++this.pieces > (this.behaviour.failAfter ?? Infinity))) {
        this.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
        return;
      }
      void this.handle(moved, (response) => setTimeout(() => !this.terminated && this.onmessage?.({ data: response } as MessageEvent), 0));
    }, this.behaviour.delay ?? 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

async function viaCoordinator(bytes: Uint8Array, workers: LocalWorker[], pieceSize = 200) {
  let next = 0;
  const parallel = new ParallelSummary({ format: 'csv', options, workers: workers.length, pieceSize, createWorker: () => workers[next++] ?? null });
  for (const chunk of chunked(bytes, 300)) parallel.push(chunk);
  return { parallel, done: await parallel.finish().catch((error: Error) => error) };
}

test('ParallelSummary: two workers, one slow, give what one worker gives; every worker ends', async () => {
  const bytes = encode(csvWithErrors(trickyRecords()));
  const expected = await whole(bytes);
  const workers = [new LocalWorker({ delay: 5 }), new LocalWorker()];
  const { done } = await viaCoordinator(bytes, workers);
  assert.ok(!(done instanceof Error), String(done));
  assertSame(done, expected, 'coordinator');
  assert.ok(workers.every((worker) => worker.pieces > 0 && worker.terminated));
});

test('ParallelSummary: a worker that does not start is left out; if none starts, every byte is kept', async () => {
  const bytes = encode(csvWithErrors(trickyRecords()));
  const expected = await whole(bytes);
  const one = await viaCoordinator(bytes, [new LocalWorker({ failToStart: true }), new LocalWorker()]);
  assertSame(one.done, expected, 'one worker left');
  const none = await viaCoordinator(bytes, [new LocalWorker({ failToStart: true }), new LocalWorker({ failToStart: true })]);
  assert.ok(none.done instanceof WorkersUnavailable);
  const kept = none.parallel.keptBytes();
  assert.deepEqual(Buffer.concat(kept), Buffer.from(bytes));
});

test('ParallelSummary: a worker failing after it started fails the summary; abort ends every worker', async () => {
  const bytes = encode(csvWithErrors(trickyRecords()));
  const workers = [new LocalWorker(), new LocalWorker({ failAfter: 2 })];
  const { done } = await viaCoordinator(bytes, workers);
  assert.ok(done instanceof Error && !(done instanceof WorkersUnavailable));
  assert.ok(workers.every((worker) => worker.terminated));
  const slow = [new LocalWorker({ delay: 20 }), new LocalWorker({ delay: 20 })];
  let next = 0;
  const parallel = new ParallelSummary({ format: 'csv', options, workers: 2, pieceSize: 100, createWorker: () => slow[next++] ?? null });
  for (const chunk of chunked(bytes, 300).slice(0, 20)) parallel.push(chunk);
  parallel.abort(new Error('replaced'));
  await assert.rejects(parallel.finish(), /replaced/);
  assert.ok(slow.every((worker) => worker.terminated));
});
