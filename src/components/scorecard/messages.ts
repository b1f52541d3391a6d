/** Strings of `<svc-scorecard>`, vi and en (its own dictionary: the citizen bundle never carries them). */
export interface ScorecardMessages {
  title: (period: string) => string;
  satisfaction: string;
  onTime: string;
  complaintsOnTime: string;
  verifiedShare: string;
  /** A share and what it is out of, e.g. "87 % of 120 ratings". */
  ofRatings: (n: number) => string;
  ofCases: (n: number) => string;
  ofComplaints: (n: number) => string;
  tooFew: (n: number, min: number) => string;
  noData: string;
  loading: string;
  failed: string;
  target: (percent: string) => string;
  meets: string;
  below: string;
  interval: (low: string, high: string) => string;
  verifiedNote: string;
  sample: string;
}

const vi: ScorecardMessages = {
  title: (period) => `Kết quả phục vụ ${period}`,
  satisfaction: 'Người dân hài lòng',
  onTime: 'Hồ sơ giải quyết đúng hạn',
  complaintsOnTime: 'Phản ánh, kiến nghị xử lý đúng hạn',
  verifiedShare: 'Đánh giá gắn với hồ sơ đã giải quyết',
  ofRatings: (n) => `trên ${n} đánh giá`,
  ofCases: (n) => `trên ${n} hồ sơ đã đến hạn`,
  ofComplaints: (n) => `trên ${n} phản ánh đã đến hạn`,
  tooFew: (n, min) => `Chưa đủ đánh giá để kết luận: mới có ${n}, cần ít nhất ${min}.`,
  noData: 'Chưa có số liệu cho quý này.',
  loading: 'Đang tải số liệu…',
  failed: 'Không tải được số liệu. Vui lòng thử lại sau.',
  target: (percent) => `Mục tiêu: ${percent}`,
  meets: 'Đạt mục tiêu',
  below: 'Chưa đạt mục tiêu',
  interval: (low, high) => `khoảng tin cậy 95 %: ${low} – ${high}`,
  verifiedNote: 'Mỗi hồ sơ được mời đánh giá một lần, nên các đánh giá này khó bị làm giả.',
  sample: 'Số liệu mẫu, không phải kết quả thật',
};

const en: ScorecardMessages = {
  title: (period) => `How we served you, ${period}`,
  satisfaction: 'Citizens satisfied',
  onTime: 'Dossiers resolved on time',
  complaintsOnTime: 'Complaints answered on time',
  verifiedShare: 'Ratings tied to a served dossier',
  ofRatings: (n) => `of ${n} ratings`,
  ofCases: (n) => `of ${n} dossiers due`,
  ofComplaints: (n) => `of ${n} complaints due`,
  tooFew: (n, min) => `Too few ratings to say: ${n} so far, at least ${min} needed.`,
  noData: 'No figures for this quarter yet.',
  loading: 'Loading the figures…',
  failed: 'The figures could not be loaded. Please try again later.',
  target: (percent) => `Target: ${percent}`,
  meets: 'Target met',
  below: 'Target not met',
  interval: (low, high) => `95 % confidence interval: ${low} – ${high}`,
  verifiedNote: 'Each served dossier is invited to rate once, which makes these ratings hard to fake.',
  sample: 'Sample figures, not real results',
};

export function scorecardMessages(locale: string): ScorecardMessages {
  return locale === 'en' ? en : vi;
}
