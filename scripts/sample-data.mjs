// The sample dataset `npm start` loads into an empty database (CONTRACT §9), so that a newcomer's
// first look at the dashboard, the report, the inbox and the scorecard is filled. Every record says
// `sample: true`; the collector's /healthz then says `"sample": true` and the demo pages show a
// "sample data" banner. Seeded: the same dataset every time, dated relative to `now` (the last five
// quarters). The bin (`service-feedback-collector`) never loads it; `npm start -- --no-sample` neither.

/** Units and procedures of the demo pages (their labels are in demo/dashboard.html). */
const UNITS = [
  { id: 'mot-cua', services: ['1.001193', '1.001022'], mood: 0.86 },
  { id: 'tu-phap-ho-tich', services: ['1.001193', '1.000894', '2.000908'], mood: 0.9 },
  { id: 'dia-chinh-xay-dung', services: ['1.004227'], mood: 0.68 },
  { id: 'lao-dong-xa-hoi', services: ['2.001035'], mood: 0.8 },
  { id: 'van-hoa-thong-tin', services: ['1.001022'], mood: 0.75 },
];
export const SAMPLE_AGENCY = 'ubnd-phuong-hoan-kiem';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const STANDARDS = ['greet', 'smile', 'advise', 'dedicate', 'inform', 'expedite', 'apologize', 'listen', 'assist', 'satisfy'];
const CATEGORIES = ['attitude', 'delay', 'fees', 'procedure', 'facilities', 'other'];
const DAY = 86_400_000;

/** mulberry32: a small seeded generator (the data must be the same on every machine). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * About 3,000 records: cases (dossiers) per unit, verified ratings of some of them (one per case),
 * unverified ratings from the portal and kiosks (some with a question set), a few flagged, and
 * complaints in every status, some naming a case and some with their handling rated.
 * @param {Date} now
 */
export function sampleRecords(now = new Date()) {
  const random = prng(20260301);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[Math.floor(random() * 4)];
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  const code = () => Array.from({ length: 10 }, () => CROCKFORD[Math.floor(random() * 32)]).join('');
  const end = now.getTime();
  const start = end - 450 * DAY; // five quarters
  const at = (from = start, to = end) => new Date(from + Math.floor(random() * (to - from))).toISOString();
  const base = (unit, service) => ({ agency: SAMPLE_AGENCY, unit: unit.id, service, sample: true });
  const records = [];
  let caseNumber = 0;
  for (const unit of UNITS) {
    for (let i = 0; i < 260; i++) {
      const service = pick(unit.services);
      const received = start + Math.floor(random() * (end - start - 2 * DAY));
      const due = received + (5 + Math.floor(random() * 10)) * DAY;
      const resolvedAt = received + Math.floor(random() * 18 * DAY);
      const id = `HS-${String(++caseNumber).padStart(5, '0')}`;
      const kase = { ...base(unit, service), id, kind: 'case', receivedAt: new Date(received).toISOString(), dueAt: new Date(due).toISOString() };
      if (resolvedAt < end && random() < 0.92) kase.resolvedAt = new Date(resolvedAt).toISOString();
      records.push(kase);
      // Half the served dossiers are rated through their invitation: verified, one per case.
      if (kase.resolvedAt && random() < 0.5) {
        const score = random() < unit.mood ? 4 + Math.floor(random() * 2) : 1 + Math.floor(random() * 3);
        records.push({
          ...base(unit, service),
          id: uuid(),
          kind: 'rating',
          createdAt: new Date(Math.min(end - 1000, resolvedAt + Math.floor(random() * 3 * DAY))).toISOString(),
          channel: 'counter',
          locale: 'vi',
          scale: 5,
          score,
          caseId: id,
          verified: true,
        });
      }
    }
    // Ratings from the portal and the kiosk, with standards or a question set now and then.
    for (let i = 0; i < 180; i++) {
      const scale = random() < 0.3 ? 3 : 5;
      const happy = random() < unit.mood;
      const score = scale === 3 ? (happy ? 2 + Math.floor(random() * 2) : 1) : happy ? 4 + Math.floor(random() * 2) : 1 + Math.floor(random() * 3);
      const rating = { ...base(unit, pick(unit.services)), id: uuid(), kind: 'rating', createdAt: at(), channel: pick(['online', 'kiosk', 'counter']), locale: random() < 0.9 ? 'vi' : 'en', scale, score, verified: false };
      const roll = random();
      if (roll < 0.35) {
        rating.standards = {};
        for (const standard of STANDARDS) if (random() < 0.3) rating.standards[standard] = random() < (happy ? 0.9 : 0.4);
        if (Object.keys(rating.standards).length === 0) delete rating.standards;
      } else if (roll < 0.5) {
        rating.questionSet = 'sipas';
        rating.answers = Object.fromEntries(['access', 'procedure', 'officer', 'result', 'feedback'].map((id) => [id, happy ? 3 + Math.floor(random() * 3) : 1 + Math.floor(random() * 3)]));
      } else if (roll < 0.6) {
        rating.questionSet = 'tthc-9';
        rating.answers = Object.fromEntries(
          ['total-time', 'unit-time', 'agencies', 'contacts', 'publicity', 'conduct', 'online', 'fees', 'response'].map((id) => [id, happy ? 1 + Math.floor(random() * 2) : Math.floor(random() * 2)]),
        );
      }
      if (random() < 0.03) rating.flag = { reason: 'test', at: rating.createdAt };
      else if (random() < 0.03) rating.suspect = 'burst';
      records.push(rating);
    }
    // Complaints: some name a dossier; closed ones are sometimes rated for their handling.
    for (let i = 0; i < 24; i++) {
      const createdAt = at();
      const due = Date.parse(createdAt) + 10 * DAY;
      const status = due > end ? pick(['received', 'in_progress']) : pick(['received', 'in_progress', 'resolved', 'resolved', 'resolved', 'rejected']);
      const complaint = {
        ...base(unit, pick(unit.services)),
        id: uuid(),
        kind: 'complaint',
        createdAt,
        channel: 'online',
        locale: 'vi',
        category: pick(CATEGORIES),
        description: 'Phản ánh mẫu (dữ liệu mẫu, không có thật): hồ sơ chờ lâu hơn hẹn, cán bộ hướng dẫn chưa rõ.',
        trackingCode: code(),
        status,
        dueAt: new Date(due).toISOString(),
      };
      if (random() < 0.3) complaint.caseId = `HS-${String(1 + Math.floor(random() * caseNumber)).padStart(5, '0')}`;
      if (status === 'resolved' || status === 'rejected') {
        complaint.resolvedAt = new Date(Math.min(end - 1000, Date.parse(createdAt) + Math.floor(random() * 14 * DAY))).toISOString();
        complaint.response = 'Cảm ơn Ông/Bà. Bộ phận đã rà soát và trả lời (dữ liệu mẫu).';
        if (random() < 0.6) {
          records.push({
            ...base(unit, complaint.service),
            id: uuid(),
            kind: 'rating',
            createdAt: new Date(Math.min(end - 500, Date.parse(complaint.resolvedAt) + DAY)).toISOString(),
            channel: 'online',
            locale: 'vi',
            scale: 3,
            score: random() < 0.7 ? 2 + Math.floor(random() * 2) : 1,
            about: 'complaint',
            trackingCode: complaint.trackingCode,
            verified: true,
          });
        }
      }
      records.push(complaint);
    }
  }
  return records;
}
