// Records for <svc-report>'s tests: the ward's generated ratings, complaints and dossiers, with
// what the §9 indicators read added to them (seeded, the same on every run): verified ratings
// linked to dossiers by caseId, SIPAS answers, complaints with tracking codes, due dates and
// closures, ratings of the complaints' handling, and a few flagged ratings.
import type { FeedbackRecord } from '../../src/core/record.js';
import { generateRecords, prng, type GenerateOptions, type UnitProfile } from './generate-records.js';

export interface ReportRecordsOptions extends Partial<GenerateOptions> {
  seed?: number;
}

const DAY = 86_400_000;

/** Ward records over `from`…`to` with verified ratings, answers, complaint handling and flags. */
export function reportRecords(options: ReportRecordsOptions = {}): FeedbackRecord[] {
  const base = [
    ...generateRecords({
      seed: options.seed ?? 12,
      from: options.from ?? Date.UTC(2026, 0, 1),
      to: options.to ?? Date.UTC(2026, 8, 25),
      ratings: options.ratings ?? 1400,
      complaints: options.complaints ?? 90,
      cases: options.cases ?? 500,
      ...(options.units ? { units: options.units } : {}),
    }),
  ];
  const random = prng((options.seed ?? 12) * 7919);
  const to = options.to ?? Date.UTC(2026, 8, 25);
  const casesByUnit = new Map<string, FeedbackRecord[]>();
  for (const record of base) {
    if (record.kind !== 'case') continue;
    const list = casesByUnit.get(record.unit ?? '') ?? [];
    list.push(record);
    casesByUnit.set(record.unit ?? '', list);
  }
  const extra: FeedbackRecord[] = [];
  let complaintNumber = 0;
  for (const record of base) {
    if (record.kind === 'rating') {
      const roll = random();
      const cases = casesByUnit.get(record.unit ?? '') ?? [];
      // A third of the ratings come from invitations: verified, naming their dossier.
      if (roll < 0.33 && cases.length) {
        record.verified = true;
        record.caseId = cases[Math.floor(random() * cases.length)]!.id;
      } else if (roll > 0.985) {
        record.flag = { reason: 'test', at: record.createdAt };
      }
      // A quarter answer SIPAS's five factors (units with worse ratings answer worse).
      if (random() < 0.25) {
        const happy = record.scale === 5 ? (record.score as number) >= 4 : (record.score as number) >= 2;
        const answer = (bias: number) => Math.max(1, Math.min(5, Math.round((happy ? 4.2 : 2.4) + bias + (random() - 0.5) * 2)));
        record.questionSet = 'sipas';
        record.answers = { access: answer(0.3), procedure: answer(-0.4), officer: answer(0.2), result: answer(0), feedback: answer(-0.8) };
      }
    } else if (record.kind === 'complaint') {
      const created = Date.parse(record.createdAt);
      const code = `K${String(++complaintNumber).padStart(9, '0')}`;
      record.trackingCode = code;
      record.dueAt = new Date(created + 10 * DAY).toISOString();
      const closed = random();
      if (closed < 0.75) {
        record.status = random() < 0.9 ? 'resolved' : 'rejected';
        record.resolvedAt = new Date(created + (random() < 0.8 ? 6 : 13) * DAY).toISOString();
        // Half of the closed complaints have their handling rated (scale 3).
        if (random() < 0.5) {
          extra.push({
            id: `c0ffee00-0000-4000-8000-${String(complaintNumber).padStart(12, '0')}`,
            kind: 'rating',
            about: 'complaint',
            trackingCode: code,
            verified: true,
            agency: record.agency,
            unit: record.unit,
            channel: 'online',
            locale: 'vi',
            // Rated after the closure, never past the end of the data (no period of its own).
            createdAt: new Date(Math.min(created + 14 * DAY, to)).toISOString(),
            scale: 3,
            score: random() < 0.7 ? 3 : 1,
          } as FeedbackRecord);
        }
      } else {
        record.status = closed < 0.9 ? 'in_progress' : 'received';
      }
      // Some complaints name the dossier they are about.
      const cases = casesByUnit.get(record.unit ?? '') ?? [];
      if (random() < 0.3 && cases.length) record.caseId = cases[Math.floor(random() * cases.length)]!.id;
    }
  }
  return [...base, ...extra];
}

/** Units of a small ward: four with enough ratings, one too small to rank. */
export const REPORT_UNITS: readonly UnitProfile[] = [
  { code: 'mot-cua', quality: 0.9, weight: 5, punctuality: 0.97 },
  { code: 'tu-phap-ho-tich', quality: 0.84, weight: 3, punctuality: 0.93 },
  { code: 'dia-chinh-xay-dung', quality: 0.7, weight: 2, punctuality: 0.82 },
  { code: 'lao-dong-xa-hoi', quality: 0.86, weight: 1.2, punctuality: 0.95 },
  { code: 'van-hoa-thong-tin', quality: 0.92, weight: 0.15, punctuality: 1 },
];
