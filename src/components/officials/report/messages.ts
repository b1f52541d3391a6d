/**
 * The strings of `<svc-report>`, per locale, besides the dashboard's (states, periods, the league
 * table's words), which it shares. `ReportMessages` is the contract between locales: a key missing
 * from a dictionary is a type error.
 */
import type { IndicatorId } from './report-model.js';

export interface ReportMessages {
  title: string;
  /** The title with the evaluated period. */
  titleFor: (period: string) => string;
  /** A unit's page heading. */
  unitTitle: (unit: string, period: string) => string;
  meta: (units: number, kind: string) => string;
  leagueTitle: (period: string) => string;
  indicator: Record<IndicatorId, string>;
  /** What a rate is made of, under its name. */
  basis: Record<IndicatorId, (part: string, whole: string) => string>;
  indicatorsCaption: (unit: string) => string;
  columnIndicator: string;
  columnResult: string;
  columnTarget: string;
  columnVerdict: string;
  columnPrevious: (period: string) => string;
  columnChange: string;
  /** A change in percentage points, signed (`+3,2 điểm %`). */
  points: (signed: string) => string;
  unchanged: string;
  noPrevious: string;
  noTarget: string;
  counts: string;
  ratingsCount: string;
  verifiedShare: string;
  /** `12 of 40 (30 %)`. */
  ofWhole: (part: string, whole: string, share: string) => string;
  flagged: string;
  complaintsCount: string;
  complaintsDetail: (onTime: string, late: string, pending: string) => string;
  casesCount: string;
  casesDetail: (onTime: string, late: string, pending: string) => string;
  byCategory: string;
  weakestStandards: string;
  weakestStandardsCaption: (unit: string) => string;
  noStandards: string;
  weakestQuestions: string;
  weakestQuestionsCaption: (unit: string) => string;
  goodAnswers: string;
  answers: string;
  goodShare: string;
  noQuestions: string;
  lowSampleNote: (minSample: number) => string;
  leagueChange: string;
  leagueDossier: string;
  leagueVerified: string;
  print: string;
  printHint: string;
  /** For the CSV button, which of the periods it writes. */
  csvDescription: (period: string) => string;
}

export const vi: ReportMessages = {
  title: 'Báo cáo đánh giá định kỳ',
  titleFor: (period) => `Báo cáo đánh giá định kỳ — ${period}`,
  unitTitle: (unit, period) => `${unit} — ${period}`,
  meta: (units, kind) => `${units} đơn vị · ${kind}`,
  leagueTitle: (period) => `Bảng xếp hạng các đơn vị theo tỷ lệ hài lòng — ${period}`,
  indicator: {
    satisfaction: 'Tỷ lệ hài lòng',
    onTime: 'Hồ sơ giải quyết đúng hạn',
    dossierSatisfaction: 'Hài lòng về tiếp nhận, giải quyết hồ sơ TTHC (QĐ 766)',
    complaintOnTime: 'Phản ánh, kiến nghị xử lý đúng hạn (QĐ 766)',
    complaintSatisfaction: 'Hài lòng về xử lý phản ánh, kiến nghị',
    verifiedSatisfaction: 'Tỷ lệ hài lòng của đánh giá đã xác thực',
    responseRate: 'Số đánh giá đã xác thực trên số hồ sơ',
  },
  basis: {
    satisfaction: (part, whole) => `${part} hài lòng / ${whole} lượt đánh giá`,
    onTime: (part, whole) => `${part} đúng hạn / ${whole} hồ sơ đã đến hạn`,
    dossierSatisfaction: (part, whole) => `${part} / ${whole} hồ sơ không có đánh giá không hài lòng hay phản ánh`,
    complaintOnTime: (part, whole) => `${part} đúng hạn / ${whole} phản ánh đã đến hạn`,
    complaintSatisfaction: (part, whole) => `${part} / ${whole} phản ánh không bị đánh giá không hài lòng`,
    verifiedSatisfaction: (part, whole) => `${part} hài lòng / ${whole} đánh giá đã xác thực`,
    responseRate: (part, whole) => `${part} đánh giá đã xác thực / ${whole} hồ sơ`,
  },
  indicatorsCaption: (unit) => `Các chỉ tiêu của ${unit}`,
  columnIndicator: 'Chỉ tiêu',
  columnResult: 'Kết quả',
  columnTarget: 'Mục tiêu',
  columnVerdict: 'Đánh giá',
  columnPrevious: (period) => `Kỳ trước (${period})`,
  columnChange: 'Thay đổi',
  points: (signed) => `${signed} điểm %`,
  unchanged: 'Không đổi',
  noPrevious: 'Không có số liệu kỳ trước',
  noTarget: 'Không có',
  counts: 'Số lượng',
  ratingsCount: 'Lượt đánh giá',
  verifiedShare: 'Đánh giá đã xác thực (gắn với hồ sơ)',
  ofWhole: (part, whole, share) => `${part} / ${whole} (${share})`,
  flagged: 'Đánh giá bị gắn cờ (không tính)',
  complaintsCount: 'Phản ánh, kiến nghị',
  complaintsDetail: (onTime, late, pending) => `${onTime} đúng hạn, ${late} trễ hạn, ${pending} đang xử lý`,
  casesCount: 'Hồ sơ',
  casesDetail: (onTime, late, pending) => `${onTime} đúng hạn, ${late} trễ hạn, ${pending} đang giải quyết`,
  byCategory: 'Phản ánh theo nội dung',
  weakestStandards: 'Tiêu chuẩn phục vụ thực hiện kém nhất',
  weakestStandardsCaption: (unit) => `Tiêu chuẩn phục vụ thực hiện kém nhất của ${unit}`,
  noStandards: 'Chưa có câu trả lời về tiêu chuẩn phục vụ.',
  weakestQuestions: 'Câu hỏi có tỷ lệ trả lời tốt thấp nhất',
  weakestQuestionsCaption: (unit) => `Câu hỏi có tỷ lệ trả lời tốt thấp nhất của ${unit}`,
  goodAnswers: 'Trả lời tốt',
  answers: 'Lượt trả lời',
  goodShare: 'Tỷ lệ trả lời tốt',
  noQuestions: 'Chưa có câu trả lời cho bộ câu hỏi.',
  lowSampleNote: (minSample) => `Dưới ${minSample} lượt đánh giá: mẫu nhỏ — chưa đủ tin cậy, đơn vị không được xếp hạng.`,
  leagueChange: 'Thay đổi so với kỳ trước',
  leagueDossier: 'Hài lòng TTHC (QĐ 766)',
  leagueVerified: 'Đã xác thực',
  print: 'In báo cáo',
  printHint: 'Khi in, mỗi đơn vị một trang A4, bảng xếp hạng ở trang đầu.',
  csvDescription: (period) => `Số liệu các đơn vị, ${period}`,
};

export const en: ReportMessages = {
  title: 'Periodic evaluation report',
  titleFor: (period) => `Periodic evaluation report — ${period}`,
  unitTitle: (unit, period) => `${unit} — ${period}`,
  meta: (units, kind) => `${units} units · ${kind}`,
  leagueTitle: (period) => `League table of units by satisfaction — ${period}`,
  indicator: {
    satisfaction: 'Satisfaction rate',
    onTime: 'Dossiers resolved on time',
    dossierSatisfaction: 'Satisfaction with receiving and handling dossiers (Decision 766)',
    complaintOnTime: 'Complaints handled on time (Decision 766)',
    complaintSatisfaction: 'Satisfaction with complaint handling',
    verifiedSatisfaction: 'Satisfaction among verified ratings',
    responseRate: 'Verified ratings per dossier',
  },
  basis: {
    satisfaction: (part, whole) => `${part} satisfied of ${whole} ratings`,
    onTime: (part, whole) => `${part} on time of ${whole} dossiers due`,
    dossierSatisfaction: (part, whole) => `${part} of ${whole} dossiers without an unsatisfied rating or a complaint`,
    complaintOnTime: (part, whole) => `${part} on time of ${whole} complaints due`,
    complaintSatisfaction: (part, whole) => `${part} of ${whole} complaints not rated unsatisfied`,
    verifiedSatisfaction: (part, whole) => `${part} satisfied of ${whole} verified ratings`,
    responseRate: (part, whole) => `${part} verified ratings for ${whole} dossiers`,
  },
  indicatorsCaption: (unit) => `Indicators of ${unit}`,
  columnIndicator: 'Indicator',
  columnResult: 'Result',
  columnTarget: 'Target',
  columnVerdict: 'Verdict',
  columnPrevious: (period) => `Previous (${period})`,
  columnChange: 'Change',
  points: (signed) => `${signed} pts`,
  unchanged: 'No change',
  noPrevious: 'No figures for the previous period',
  noTarget: 'None',
  counts: 'Counts',
  ratingsCount: 'Ratings',
  verifiedShare: 'Verified ratings (tied to a dossier)',
  ofWhole: (part, whole, share) => `${part} of ${whole} (${share})`,
  flagged: 'Flagged ratings (not counted)',
  complaintsCount: 'Complaints',
  complaintsDetail: (onTime, late, pending) => `${onTime} on time, ${late} late, ${pending} in progress`,
  casesCount: 'Dossiers',
  casesDetail: (onTime, late, pending) => `${onTime} on time, ${late} late, ${pending} in progress`,
  byCategory: 'Complaints by subject',
  weakestStandards: 'Service standards kept least often',
  weakestStandardsCaption: (unit) => `Service standards kept least often by ${unit}`,
  noStandards: 'No answers about the service standards yet.',
  weakestQuestions: 'Questions with the lowest share of good answers',
  weakestQuestionsCaption: (unit) => `Questions with the lowest share of good answers for ${unit}`,
  goodAnswers: 'Good answers',
  answers: 'Answers',
  goodShare: 'Share of good answers',
  noQuestions: 'No answers to a question set yet.',
  lowSampleNote: (minSample) => `Fewer than ${minSample} ratings: a small sample — not reliable yet; the unit is not ranked.`,
  leagueChange: 'Change since the previous period',
  leagueDossier: 'Dossier satisfaction (766)',
  leagueVerified: 'Verified',
  print: 'Print the report',
  printHint: 'Printed, each unit takes one A4 page, after the league table on the first.',
  csvDescription: (period) => `Figures of the units, ${period}`,
};

const DICTIONARIES: Record<string, ReportMessages> = { vi, en };

/** The report strings of a locale (`vi` for any other). */
export function reportMessages(locale: string): ReportMessages {
  return DICTIONARIES[locale] ?? vi;
}
