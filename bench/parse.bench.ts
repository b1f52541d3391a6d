// npm run bench -- parse
// parseRecords on a 100 MiB NDJSON file without holding it in memory: the file is written to the
// OS temp folder (deleted afterwards), streamed with fs.createReadStream through
// parseRecordStream into a Summarizer, and the heap and RSS are sampled while it runs. For
// contrast, the same file is then read whole (readFileSync + parseRecords). Then the parser alone
// (no summary): the 20 MiB file as NDJSON and the same records as CSV, from memory in 256 KiB
// chunks, best of 3, in MiB/s of wall time and of this process's CPU time (the second is the
// steadier figure on a shared machine); and the worker's own code (handleWorkerMessage: parse and
// summarise) on the same bytes.
import { closeSync, createReadStream, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createSummarizer, parseRecordStream, parseRecords, toCsv } from '../src/analytics/index.js';
import { handleWorkerMessage } from '../src/analytics/worker-protocol.js';
import { prng } from '../test/support/prng.js';

const TARGET_BYTES = 100 * 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with --expose-gc (npm run bench does).');


const COMMENTS = ['Cán bộ nhiệt tình, hướng dẫn rõ ràng.', 'Phải chờ hơi lâu nhưng được xin lỗi.', 'Rất hài lòng!', 'Thủ tục còn rườm rà.'];
const START = Date.UTC(2026, 0, 1);

/** One NDJSON line: 80 % ratings, 12 % complaints, 8 % cases; 1 in 1000 is invalid on purpose. */
function line(i: number, random: () => number): string {
  const createdAt = new Date(START + Math.floor(random() * 365 * 86_400_000)).toISOString();
  const common = {
    id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    createdAt,
    agency: 'ubnd-quan-1',
    unit: `phuong-${Math.floor(random() * 10)}`,
    service: `1.00${Math.floor(random() * 90) + 10}`,
    channel: 'counter',
    locale: 'vi',
  };
  const pick = random();
  if (i % 1000 === 999) return JSON.stringify({ ...common, kind: 'rating', score: 9, scale: 5 });
  if (pick < 0.8) {
    const scale = random() < 0.3 ? 3 : 5;
    return JSON.stringify({
      ...common,
      kind: 'rating',
      score: 1 + Math.floor(random() * scale),
      scale,
      standards: { greet: random() < 0.9, smile: random() < 0.8, advise: random() < 0.85 },
      ...(random() < 0.3 ? { comment: COMMENTS[Math.floor(random() * COMMENTS.length)] } : {}),
    });
  }
  if (pick < 0.92) {
    return JSON.stringify({ ...common, kind: 'complaint', category: 'delay', description: 'Hồ sơ bị trả lại nhiều lần mà không rõ lý do.' });
  }
  const received = START + Math.floor(random() * 365 * 86_400_000);
  const { channel: _c, locale: _l, createdAt: _t, ...rest } = common;
  return JSON.stringify({
    ...rest,
    id: `HS-${i}`,
    kind: 'case',
    receivedAt: new Date(received).toISOString(),
    dueAt: new Date(received + 10 * 86_400_000).toISOString(),
    ...(random() < 0.8 ? { resolvedAt: new Date(received + Math.floor(random() * 14 * 86_400_000)).toISOString() } : {}),
  });
}

function writeFile(path: string, target: number): { bytes: number; lines: number } {
  const random = prng(42);
  const fd = openSync(path, 'w');
  let bytes = 0;
  let lines = 0;
  try {
    while (bytes < target) {
      let block = '';
      for (let k = 0; k < 2000; k++) block += `${line(lines++, random)}\n`;
      bytes += writeSync(fd, block);
    }
  } finally {
    closeSync(fd);
  }
  return { bytes, lines };
}

interface Peak {
  heap: number;
  rss: number;
}
function sampler(): { peak: Peak; sample: () => void; stop: () => void } {
  const peak: Peak = { heap: 0, rss: 0 };
  const sample = () => {
    const { heapUsed, rss } = process.memoryUsage();
    if (heapUsed > peak.heap) peak.heap = heapUsed;
    if (rss > peak.rss) peak.rss = rss;
  };
  const timer = setInterval(sample, 10);
  return { peak, sample, stop: () => clearInterval(timer) };
}

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const SMALL_BYTES = 20 * 1024 * 1024;

interface StreamRun {
  size: number;
  lines: number;
  ms: number;
  records: number;
  errors: number;
  batches: number;
  heapAbove: number;
  rss: number;
  rssAtStart: number;
}

/** Streams a file through parseRecordStream into a Summarizer, sampling memory. */
async function stream(path: string, lines: number): Promise<StreamRun> {
  gc!();
  const start = process.memoryUsage();
  const memory = sampler();
  const summarizer = createSummarizer({ groupBy: ['unit'], period: 'month', timeZone: 'Asia/Ho_Chi_Minh' });
  let records = 0;
  let errors = 0;
  let batches = 0;
  const t0 = performance.now();
  for await (const batch of parseRecordStream(createReadStream(path, { highWaterMark: 256 * 1024 }), 'ndjson')) {
    for (const record of batch.records) summarizer.add(record);
    records += batch.records.length;
    errors += batch.errors.length;
    if ((++batches & 7) === 0) memory.sample();
  }
  const ms = performance.now() - t0;
  memory.sample();
  memory.stop();
  if (records + errors !== lines || summarizer.summary().groups.length === 0) throw new Error(`read ${records} + ${errors} of ${lines} lines`);
  return { size: statSync(path).size, lines, ms, records, errors, batches, heapAbove: memory.peak.heap - start.heapUsed, rss: memory.peak.rss, rssAtStart: start.rss };
}

interface AloneRun {
  what: string;
  bytes: number;
  records: number;
  wall: number;
  cpu: number;
}

/** Best of 3 of `read` (which returns the records it read), in MiB/s of wall and of CPU time. */
async function bestOf3(what: string, bytes: number, expected: number, read: () => Promise<number>): Promise<AloneRun> {
  let wall = Infinity;
  let cpu = Infinity;
  let records = 0;
  for (let run = 0; run < 3; run++) {
    gc!();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    records = await read();
    wall = Math.min(wall, performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu = Math.min(cpu, (used.user + used.system) / 1000);
  }
  if (records !== expected) throw new Error(`${what}: read ${records} of ${expected}`);
  const mibs = (ms: number) => bytes / 1024 / 1024 / (ms / 1000);
  return { what, bytes, records, wall: mibs(wall), cpu: mibs(cpu) };
}

/**
 * The parser with nothing after it: NDJSON, then the same records as CSV, from memory in 256 KiB
 * chunks. Then the worker's own code (handleWorkerMessage, as the analytics Web Worker runs it)
 * on the same bytes: parsing and the Summarizer, in the worker's 1 MiB pieces.
 */
async function parserAlone(ndjsonPath: string): Promise<AloneRun[]> {
  const ndjson = readFileSync(ndjsonPath);
  const records = parseRecords(ndjson.toString('utf8'), 'ndjson').records;
  const csv = Buffer.from(toCsv(records));
  const out: AloneRun[] = [];
  for (const [format, bytes] of [['ndjson', ndjson], ['csv', csv]] as const) {
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 256 * 1024) chunks.push(bytes.subarray(i, i + 256 * 1024));
    out.push(
      await bestOf3(`${format}, parser`, bytes.length, records.length, async () => {
        let read = 0;
        for await (const batch of parseRecordStream(chunks, format)) read += batch.records.length;
        return read;
      }),
    );
  }
  for (const [format, bytes] of [['ndjson', ndjson], ['csv', csv]] as const) {
    out.push(
      await bestOf3(`${format}, worker`, bytes.length, records.length, async () => {
        let read = 0;
        await handleWorkerMessage({ type: 'summarize', file: bytes, format, options: { groupBy: ['unit'], period: 'month', timeZone: 'Asia/Ho_Chi_Minh' } }, (message) => {
          if (message.type === 'done') read = message.records;
          else if (message.type === 'error') throw new Error(message.message);
        });
        return read;
      }),
    );
  }
  return out;
}

const small = join(os.tmpdir(), `service-feedback-bench-${process.pid}-20.ndjson`);
const path = join(os.tmpdir(), `service-feedback-bench-${process.pid}-100.ndjson`);
try {
  console.log('Writing the test files…');
  const smallFile = writeFile(small, SMALL_BYTES);
  const { lines } = writeFile(path, TARGET_BYTES);
  const size = statSync(path).size;

  const alone = await parserAlone(small);
  const runs = [await stream(small, smallFile.lines), await stream(path, lines)];
  const { records, errors } = runs[1]!;

  // ---- whole file in memory, for contrast -------------------------------------------------------
  gc();
  const wholeStart = process.memoryUsage();
  const whole = sampler();
  const t1 = performance.now();
  const text = readFileSync(path, 'utf8');
  whole.sample();
  const parsed = parseRecords(text, 'ndjson');
  whole.sample();
  const wholeMs = performance.now() - t1;
  whole.stop();
  if (parsed.records.length !== records || parsed.errors.length !== errors) throw new Error('streamed and whole reads disagree');

  const row = (name: string, bytes: number, ms: number, heap: number, rss: number) =>
    `${name.padEnd(44)}${`${mib(bytes)} MiB`.padStart(11)}${(ms / 1000).toFixed(1).padStart(8)}${(bytes / 1024 / 1024 / (ms / 1000)).toFixed(1).padStart(8)}${`${mib(heap)} MiB`.padStart(24)}${`${mib(rss)} MiB`.padStart(11)}`;
  console.log(`
Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, ${os.platform()} ${os.arch()}
File: ${mib(size)} MiB of NDJSON, ${lines.toLocaleString('en-US')} lines (ratings, complaints, cases; ${errors.toLocaleString('en-US')} invalid on purpose, all reported)
Every record goes through validateRecord. Peaks are sampled every 10 ms and every 8 batches; "above start" is after a gc.

${'read'.padEnd(44)}${'file'.padStart(11)}${'time s'.padStart(8)}${'MiB/s'.padStart(8)}${'peak heap above start'.padStart(24)}${'peak RSS'.padStart(11)}
${runs.map((run) => row('parseRecordStream(createReadStream) → summary', run.size, run.ms, run.heapAbove, run.rss)).join('\n')}
${row('readFileSync + parseRecords (whole file held)', size, wholeMs, whole.peak.heap - wholeStart.heapUsed, whole.peak.rss)}
Streamed 100 MiB: ${records.toLocaleString('en-US')} records in ${runs[1]!.batches.toLocaleString('en-US')} batches of 256 KiB; RSS before streaming ${mib(runs[0]!.rssAtStart)} MiB (Node + tsx).

parseRecordStream alone (from memory, 256 KiB chunks of bytes), then the worker's handleWorkerMessage (parse and summarise, 1 MiB pieces); best of 3:
${'format, code'.padEnd(16)}${'input'.padStart(11)}${'records'.padStart(10)}${'MiB/s wall'.padStart(12)}${'MiB/s CPU'.padStart(11)}
${alone.map((run) => `${run.what.padEnd(16)}${`${mib(run.bytes)} MiB`.padStart(11)}${run.records.toLocaleString('en-US').padStart(10)}${run.wall.toFixed(1).padStart(12)}${run.cpu.toFixed(1).padStart(11)}`).join('\n')}
Load average while it ran: ${os.loadavg().map((n) => n.toFixed(1)).join(', ')} on ${os.cpus().length} cores.`);
} finally {
  rmSync(small, { force: true });
  rmSync(path, { force: true });
}
