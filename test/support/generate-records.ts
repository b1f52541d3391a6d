// Deterministic, realistic records of a ward's one-stop counter (ratings on scales 3 and 5 with
// some standards answered, complaints, dossiers on time / late / open), for the dashboard's
// tests, its benchmark and the demo's CSV sample. Seeded: every run gives the same records.
//
//   node --import tsx test/support/generate-records.ts > demo/data/sample-records.csv
import { toCsv } from '../../src/analytics/csv.js';
import type { CaseRecord, ComplaintRecord, FeedbackRecord, RatingRecord } from '../../src/core/record.js';
import { prng } from './prng.js';
export { prng };


export interface UnitProfile {
  code: string;
  /** Share of satisfied ratings this unit tends to get. */
  quality: number;
  /** Relative number of records. */
  weight: number;
  /** Share of dossiers resolved on time. */
  punctuality: number;
}

/** Units of a ward People's Committee (codes; `WARD_LABELS` has their names). */
export const WARD_UNITS: readonly UnitProfile[] = [
  { code: 'mot-cua', quality: 0.9, weight: 5, punctuality: 0.97 },
  { code: 'tu-phap-ho-tich', quality: 0.84, weight: 3, punctuality: 0.93 },
  { code: 'dia-chinh-xay-dung', quality: 0.7, weight: 2, punctuality: 0.82 },
  { code: 'lao-dong-xa-hoi', quality: 0.86, weight: 1.2, punctuality: 0.95 },
  { code: 'van-hoa-thong-tin', quality: 0.92, weight: 0.15, punctuality: 1 },
];

export const WARD_SERVICES: readonly string[] = ['1.001193', '1.000894', '2.000908', '1.004227', '1.001022', '2.001035'];

/** Display names for the demo and screenshots (`labels` property). */
export const WARD_LABELS: Readonly<Record<string, string>> = {
  'mot-cua': 'Bộ phận Một cửa',
  'tu-phap-ho-tich': 'Tư pháp – Hộ tịch',
  'dia-chinh-xay-dung': 'Địa chính – Xây dựng',
  'lao-dong-xa-hoi': 'Lao động – Thương binh và Xã hội',
  'van-hoa-thong-tin': 'Văn hóa – Thông tin',
  '1.001193': 'Đăng ký khai sinh',
  '1.000894': 'Đăng ký kết hôn',
  '2.000908': 'Chứng thực bản sao',
  '1.004227': 'Cấp giấy phép xây dựng',
  '1.001022': 'Đăng ký thường trú',
  '2.001035': 'Trợ cấp xã hội',
};

const STANDARD_IDS = ['greet', 'smile', 'advise', 'dedicate', 'inform', 'expedite', 'apologize', 'listen', 'assist', 'satisfy'];
/** How often each standard is kept (the ones officials struggle with are the waits). */
const STANDARD_KEPT = [0.95, 0.9, 0.88, 0.86, 0.8, 0.72, 0.66, 0.84, 0.9, 0.85];
const CATEGORIES = ['attitude', 'delay', 'fees', 'procedure', 'facilities', 'other'];
const CATEGORY_WEIGHTS = [0.22, 0.34, 0.06, 0.24, 0.09, 0.05];
const CHANNELS = ['counter', 'kiosk', 'online', 'phone'] as const;

export interface GenerateOptions {
  seed?: number;
  agency?: string;
  units?: readonly UnitProfile[];
  services?: readonly string[];
  /** First and last instant (ms). */
  from: number;
  to: number;
  ratings: number;
  complaints: number;
  cases: number;
  /** Ask standards on this share of ratings; default 0.35. */
  standardsShare?: number;
}

function pickWeighted<T>(random: () => number, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let x = random() * total;
  for (let i = 0; i < items.length; i++) {
    x -= weights[i]!;
    if (x < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

function hex(random: () => number, digits: number): string {
  let out = '';
  for (let i = 0; i < digits; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

function uuid(random: () => number): string {
  return `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-${'89ab'[Math.floor(random() * 4)]}${hex(random, 3)}-${hex(random, 12)}`;
}

/** Office hours in Viet Nam (UTC+7): 7:30–17:00, Monday to Saturday morning. */
function officeInstant(random: () => number, from: number, to: number): number {
  for (;;) {
    const t = from + Math.floor(random() * (to - from));
    const local = new Date(t + 7 * 3600_000);
    const day = local.getUTCDay();
    const hour = local.getUTCHours() + local.getUTCMinutes() / 60;
    if (day === 0 || (day === 6 && hour > 11.5) || hour < 7.5 || hour > 17) continue;
    return t;
  }
}

/** Records, in no particular order: ratings, then complaints, then cases. */
export function* generateRecords(options: GenerateOptions): Generator<FeedbackRecord> {
  const random = prng(options.seed ?? 20260401);
  const agency = options.agency ?? 'ubnd-phuong-hoan-kiem';
  const units = options.units ?? WARD_UNITS;
  const services = options.services ?? WARD_SERVICES;
  const weights = units.map((unit) => unit.weight);
  const standardsShare = options.standardsShare ?? 0.35;
  for (let i = 0; i < options.ratings; i++) {
    const unit = pickWeighted(random, units, weights);
    const scale = random() < 0.55 ? 3 : 5;
    const satisfied = random() < unit.quality;
    let score: number;
    if (scale === 3) score = satisfied ? (random() < 0.45 ? 3 : 2) : 1;
    else score = satisfied ? (random() < 0.5 ? 5 : 4) : random() < 0.5 ? 3 : random() < 0.6 ? 2 : 1;
    const channel = CHANNELS[Math.floor(random() * CHANNELS.length)]!;
    const record: RatingRecord = {
      id: uuid(random),
      kind: 'rating',
      createdAt: new Date(officeInstant(random, options.from, options.to)).toISOString(),
      agency,
      unit: unit.code,
      service: services[Math.floor(random() * services.length)]!,
      channel,
      locale: random() < 0.97 ? 'vi' : 'en',
      score,
      scale,
    };
    if (random() < standardsShare) {
      const standards: Record<string, boolean> = {};
      STANDARD_IDS.forEach((id, s) => {
        if (random() < 0.7) standards[id] = random() < STANDARD_KEPT[s]! * (0.75 + unit.quality * 0.28);
      });
      if (Object.keys(standards).length) record.standards = standards;
    }
    if (!satisfied && random() < 0.3) record.comment = 'Chờ lâu, cần bố trí thêm cán bộ vào giờ cao điểm.';
    yield record;
  }
  for (let i = 0; i < options.complaints; i++) {
    const unit = pickWeighted(random, units, weights.map((weight, u) => weight * (1.3 - units[u]!.quality)));
    const record: ComplaintRecord = {
      id: uuid(random),
      kind: 'complaint',
      createdAt: new Date(officeInstant(random, options.from, options.to)).toISOString(),
      agency,
      unit: unit.code,
      service: services[Math.floor(random() * services.length)]!,
      channel: random() < 0.6 ? 'online' : 'counter',
      locale: 'vi',
      category: pickWeighted(random, CATEGORIES, CATEGORY_WEIGHTS),
      description: 'Hồ sơ nộp đã quá hạn hẹn trả nhưng chưa nhận được thông báo.',
    };
    yield record;
  }
  for (let i = 0; i < options.cases; i++) {
    const unit = pickWeighted(random, units, weights);
    const received = officeInstant(random, options.from, options.to);
    const days = [1, 3, 5, 10, 15][Math.floor(random() * 5)]!;
    const due = received + days * 86_400_000;
    const record: CaseRecord = {
      id: `000.00.27.H26-${String(i).padStart(7, '0')}`,
      kind: 'case',
      agency,
      unit: unit.code,
      service: services[Math.floor(random() * services.length)]!,
      receivedAt: new Date(received).toISOString(),
      dueAt: new Date(due).toISOString(),
    };
    const roll = random();
    const open = due > options.to - 3 * 86_400_000 ? roll < 0.6 : roll < 0.01;
    if (!open) {
      const late = random() > unit.punctuality;
      const spent = late ? days * 86_400_000 + Math.floor(random() * 5 * 86_400_000) + 3600_000 : Math.floor(random() * days * 86_400_000);
      const resolved = Math.min(received + spent, options.to);
      if (resolved >= received) record.resolvedAt = new Date(resolved).toISOString();
    }
    yield record;
  }
}

/** The demo's sample: the ward in the four quarters of 2026 (a few thousand records). */
export function sampleOptions(): GenerateOptions {
  return {
    seed: 20260101,
    from: Date.UTC(2025, 11, 31, 17), // 2026-01-01 00:00 in Viet Nam
    to: Date.UTC(2026, 10, 27, 10), // late November 2026
    ratings: 3400,
    complaints: 180,
    cases: 1600,
  };
}

if (typeof process !== 'undefined' && import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(toCsv(generateRecords(sampleOptions())));
}
