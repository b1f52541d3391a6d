// Random records for the summary tests: seeded, spread over 2040–2042 (a window no other test
// writes in), with instants on the period edges of the zones the tests use.
import type { FeedbackRecord } from '../../src/core/record.js';
import { prng } from './prng.js';

export { prng };

export const WINDOW = { from: '2040-01-01T00:00:00.000Z', to: '2043-01-01T00:00:00.000Z' };

/** Instants on local period edges: new year, quarter, month and ISO-week ends, DST switches. */
const EDGES = [
  '2040-12-31T16:59:59.999Z', // 23:59:59.999 in Ho Chi Minh City on 31 Dec
  '2040-12-31T17:00:00.000Z', // midnight there
  '2040-12-31T16:59:59.9999999Z', // more digits than milliseconds: read as .999
  '2041-01-01T04:59:59.999Z', // New York, end of 2040
  '2041-01-01T05:00:00.000Z',
  '2041-03-10T06:59:59.999Z', // New York, DST starts 2041-03-10 02:00 EST
  '2041-03-10T07:00:00.000Z',
  '2041-03-31T18:14:59.999Z', // Kathmandu (+05:45), end of Q1
  '2041-03-31T18:15:00.000Z',
  '2041-04-05T15:00:00.000Z', // Lord Howe: DST ends (+11 → +10:30)
  '2041-06-30T16:59:59.999Z',
  '2042-01-04T16:59:59.999Z', // ISO week edge in Ho Chi Minh City
  '2042-01-04T17:00:00.000Z',
  '2042-12-31T23:59:59.999Z',
];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * `count` records: ratings (scales 3 and 5, some standards), complaints and cases, group fields
 * sometimes missing; and the fields of CONTRACT §7–§9 as the collector stores them: ratings
 * `verified`, flagged or suspect, rating a complaint's handling (`about`, `trackingCode`) or
 * naming a case (`caseId`, sometimes one that exists, sometimes of the other agency), answers to
 * question sets; complaints with their tracking code, status, `dueAt`, `resolvedAt` and sometimes
 * a `caseId`. Case ids are `HS-<index>`, tracking codes `T<index>`, so names hit real records.
 */
export function randomRecords(seed: number, count: number): FeedbackRecord[] {
  const random = prng(seed);
  const start = Date.parse(WINDOW.from);
  const span = Date.parse(WINDOW.to) - start;
  const instant = () => (random() < 0.15 ? pick(random, EDGES) : new Date(start + Math.floor(random() * span)).toISOString());
  const maybe = (field: string, values: readonly string[], absent = 0.2) => (random() < absent ? {} : { [field]: pick(random, values) });
  const anyIndex = () => Math.floor(random() * count);
  const rated = new Set<string>();
  const records: FeedbackRecord[] = [];
  for (let i = 0; i < count; i++) {
    const common = {
      id: uuid(random),
      agency: pick(random, ['ubnd-a', 'ubnd-b']),
      ...maybe('unit', ['mot-cua', 'tu-phap', 'dia-chinh']),
      ...maybe('service', ['1.001', '1.002']),
      ...maybe('officer', ['cb-1', 'cb-2', 'cb-3'], 0.4),
      channel: pick(random, ['online', 'kiosk', 'counter']),
      locale: 'vi',
    };
    const roll = random();
    if (roll < 0.6) {
      const scale = random() < 0.3 ? 3 : 5;
      const standards: Record<string, boolean> = {};
      for (const id of ['greet', 'smile', 'expedite', 'listen']) if (random() < 0.3) standards[id] = random() < 0.7;
      const createdAt = instant();
      const extra: Record<string, unknown> = {};
      const v = random();
      if (v < 0.45) extra['verified'] = true;
      else if (v < 0.6) extra['verified'] = false;
      if (random() < 0.5) extra['caseId'] = `HS-${anyIndex()}`;
      const f = random();
      if (f < 0.08) extra['flag'] = { reason: pick(random, ['spam', 'test']), at: createdAt };
      else if (f < 0.13) extra['suspect'] = 'burst';
      if (random() < 0.12) {
        // One handling rating per complaint, as the collector keeps it.
        const code = `T${anyIndex()}`;
        if (!rated.has(code)) {
          rated.add(code);
          extra['about'] = 'complaint';
          extra['trackingCode'] = code;
        }
      }
      if (random() < 0.3) {
        // The built-in sets with their own questions, an agency's own set, and answers without a set.
        const set = random();
        const pickSome = (options: readonly string[]) => options.filter(() => random() < 0.5);
        if (set < 0.35) {
          extra['questionSet'] = 'sipas';
          extra['answers'] = { access: 1 + Math.floor(random() * 5), result: 1 + Math.floor(random() * 5) };
        } else if (set < 0.6) {
          extra['questionSet'] = 'a11';
          extra['answers'] = { satisfaction: 1 + Math.floor(random() * 5), positive: pickSome(['ease', 'efficiency', 'employee']) };
        } else if (set < 0.75) {
          extra['questionSet'] = 'tthc-9';
          extra['answers'] = { 'total-time': Math.floor(random() * 3), conduct: Math.floor(random() * 3) };
        } else {
          if (set < 0.9) extra['questionSet'] = 'phieu-rieng';
          extra['answers'] = { q2: random() < 0.5, q3: pick(random, ['a', 'b', 'Tốt']), q4: pickSome(['x', 'y', 'z']) };
        }
      }
      records.push({
        ...common,
        kind: 'rating',
        createdAt,
        scale,
        score: 1 + Math.floor(random() * scale),
        ...(Object.keys(standards).length ? { standards } : {}),
        ...extra,
      } as FeedbackRecord);
    } else if (roll < 0.8) {
      const createdAt = instant();
      const due = Date.parse(createdAt) + 10 * 86_400_000;
      const status = pick(random, ['received', 'in_progress', 'resolved', 'rejected']);
      const closed = status === 'resolved' || status === 'rejected';
      records.push({
        ...common,
        kind: 'complaint',
        createdAt,
        category: pick(random, ['delay', 'fees', 'attitude', 'parking']),
        description: 'Phản ánh thử nghiệm số liệu.',
        ...(random() < 0.3 ? { caseId: `HS-${anyIndex()}` } : {}),
        // The collector's fields, as an export shows them.
        trackingCode: `T${i}`,
        status,
        dueAt: new Date(due).toISOString(),
        ...(closed ? { resolvedAt: new Date(due - 5 * 86_400_000 + Math.floor(random() * 10 * 86_400_000)).toISOString() } : {}),
      } as FeedbackRecord);
    } else {
      const received = Date.parse(instant());
      const due = received + Math.floor(random() * 20 * 86_400_000);
      const outcome = random();
      const resolved = outcome < 0.3 ? undefined : outcome < 0.4 ? due : received + Math.floor(random() * 25 * 86_400_000);
      const { channel: _channel, locale: _locale, ...caseCommon } = common;
      records.push({
        ...caseCommon,
        ...(random() < 0.5 ? { channel: common.channel } : {}),
        id: `HS-${i}`,
        kind: 'case',
        // Cases may carry offsets; the instant is what counts.
        receivedAt: random() < 0.5 ? new Date(received).toISOString() : withOffset(received, '+07:00'),
        dueAt: new Date(due).toISOString(),
        ...(resolved !== undefined ? { resolvedAt: new Date(resolved).toISOString() } : {}),
      } as unknown as FeedbackRecord);
    }
  }
  return records;
}

/** The same instant written with a fixed offset, e.g. 2041-01-01T07:00:00+07:00. */
function withOffset(ms: number, offset: '+07:00'): string {
  const local = new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19);
  return `${local}${offset}`;
}
