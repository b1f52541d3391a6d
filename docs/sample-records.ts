// A small, seeded set of records (ratings, complaints, cases of three units over 2026) for the
// live examples of the charts and the dashboard: the same records on every load, made in the
// page, so the documentation needs no data file and no collector.
import type { FeedbackRecord } from '../src/core/record.js';

/** mulberry32 (as test/support/prng.ts): uniform in [0, 1), the same sequence for a seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = [
  { unit: 'mot-cua', satisfied: 0.88 },
  { unit: 'tu-phap', satisfied: 0.79 },
  { unit: 'dia-chinh', satisfied: 0.66 },
] as const;
const STANDARDS = ['greet', 'advise', 'expedite', 'satisfy'] as const;
const CATEGORIES = ['delay', 'attitude', 'procedure', 'fees'] as const;

/**
 * `count` records spread over 2026, seeded: identical on every call with the same arguments. With
 * `survey`, a second seeded pass (the records above stay as they are) makes a third of the ratings
 * verified (naming a dossier of their unit) and has a quarter answer SIPAS's five factors: what
 * the report's Decision 766 figures and the questions chart read.
 */
export function sampleRecords(count = 600, seed = 2026, survey = false): FeedbackRecord[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const hex = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${hex(12)}`;
  const at = () => new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 364 * 86_400_000)).toISOString();
  const records: FeedbackRecord[] = [];
  for (let i = 0; i < count; i++) {
    const { unit, satisfied } = pick(UNITS);
    const base = { agency: 'ubnd-phuong-hoan-kiem', unit, service: '1.001193', channel: 'online' as const, locale: 'vi' };
    const roll = random();
    if (roll < 0.8) {
      const scale = random() < 0.5 ? 3 : 5;
      const happy = random() < satisfied;
      const score = scale === 5 ? (happy ? 4 + Math.floor(random() * 2) : 1 + Math.floor(random() * 3)) : happy ? 2 + Math.floor(random() * 2) : 1;
      const standards: Record<string, boolean> = {};
      for (const id of STANDARDS) if (random() < 0.5) standards[id] = random() < satisfied + 0.05;
      records.push({ id: uuid(), kind: 'rating', createdAt: at(), ...base, score, scale, standards });
    } else if (roll < 0.88) {
      records.push({ id: uuid(), kind: 'complaint', createdAt: at(), ...base, category: pick(CATEGORIES), description: 'Mẫu phản ánh cho ví dụ minh họa.' });
    } else {
      const receivedAt = at();
      const dueAt = new Date(Date.parse(receivedAt) + 7 * 86_400_000).toISOString();
      const late = random() > satisfied;
      const resolvedAt = new Date(Date.parse(dueAt) + (late ? 2 : -2) * 86_400_000).toISOString();
      records.push({ id: `HS-${hex(8)}`, kind: 'case', agency: base.agency, unit, service: base.service, receivedAt, dueAt, resolvedAt } as FeedbackRecord);
    }
  }
  return survey ? withSurvey(records, prng(seed + 1)) : records;
}

function withSurvey(records: FeedbackRecord[], random: () => number): FeedbackRecord[] {
  const cases = new Map<string, string[]>();
  for (const record of records) if (record.kind === 'case') cases.set(record.unit!, [...(cases.get(record.unit!) ?? []), record.id]);
  return records.map((record) => {
    if (record.kind !== 'rating') return record;
    const happy = record.scale === 5 ? record.score >= 4 : record.score >= 2;
    const ids = cases.get(record.unit!) ?? [];
    const extra: Partial<FeedbackRecord> = {};
    if (random() < 0.33 && ids.length) Object.assign(extra, { verified: true, caseId: ids[Math.floor(random() * ids.length)] });
    if (random() < 0.25) {
      const answer = (bias: number) => Math.max(1, Math.min(5, Math.round((happy ? 4.2 : 2.4) + bias + (random() - 0.5) * 2)));
      Object.assign(extra, { questionSet: 'sipas', answers: { access: answer(0.3), procedure: answer(-0.4), officer: answer(0.2), result: answer(0), feedback: answer(-0.8) } });
    }
    return { ...record, ...extra } as FeedbackRecord;
  });
}
