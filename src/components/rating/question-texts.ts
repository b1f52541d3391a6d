/**
 * The texts of the built-in question sets, vi and en (CONTRACT §9). Loaded with `import()` only by
 * a `<svc-rating>` that asks a set, so the base rating bundle never carries them; the officials'
 * `<svc-chart kind="questions">` and `<svc-report>` import them too (the same words in the results
 * as on the form). The structure
 * (ids, types, options) is in `src/core/question-sets.ts`; the sources are named there and in the
 * README. The wording is this package's rendering of each source, not a verbatim copy.
 */
// The element imports nothing of this module or of core/question-sets statically (only types), so
// both land in this lazily loaded chunk and the CDN entry stays one file.
import { QUESTION_SHAPES, type Question, type QuestionSet, type QuestionSetId } from '../../core/question-sets.js';

export { answersProblem, tthc9Grade } from '../../core/question-sets.js';

export { pointsTotal, questionFields } from './question-fields.js';

type Texts = { vi: string; en: string };

/** SIPAS, Bộ Nội vụ, Decision 2640/QĐ-BNV: the five factors, 5 points each. */
const SIPAS: Record<string, Texts> = {
  access: { vi: 'Tiếp cận dịch vụ (nơi làm thủ tục, trang thiết bị, cách liên hệ)', en: 'Access to the service (the premises, equipment and ways to get in touch)' },
  procedure: { vi: 'Thủ tục hành chính (được công khai, đầy đủ, đúng quy định)', en: 'The procedure (published, complete, as the rules say)' },
  officer: { vi: 'Công chức trực tiếp giải quyết công việc (thái độ, hướng dẫn)', en: 'The officer who handled your matter (manner, guidance)' },
  result: { vi: 'Kết quả giải quyết công việc (đúng hạn, đúng quy định)', en: 'The result (on time, correct)' },
  feedback: { vi: 'Tiếp nhận, xử lý ý kiến góp ý, phản ánh, kiến nghị', en: 'How suggestions, feedback and complaints are received and handled' },
};

/** The nine indices of one-stop systems (Decree 61/2018/NĐ-CP, Circular 01/2018/TT-VPCP), 0–2 points each. */
const TTHC9: Record<string, Texts> = {
  'total-time': { vi: 'Tổng thời gian giải quyết so với thời hạn quy định', en: 'Total handling time against the legal time limit' },
  'unit-time': { vi: 'Thời gian thực hiện tại từng cơ quan, đơn vị so với quy định', en: 'Time taken at each agency or unit against its time limit' },
  agencies: { vi: 'Số cơ quan, đơn vị phải liên hệ để hoàn thiện hồ sơ', en: 'Number of agencies you had to contact to complete the dossier' },
  contacts: { vi: 'Số lần phải liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ', en: 'Number of times you had to contact the reception desk to complete the dossier' },
  publicity: { vi: 'Công khai thủ tục hành chính, phí, lệ phí, thời hạn giải quyết', en: 'Publication of the procedure, fees and time limits' },
  conduct: { vi: 'Thái độ của công chức khi hướng dẫn, tiếp nhận và giải quyết hồ sơ', en: 'Manner of the officers who guided you, received and handled the dossier' },
  online: { vi: 'Tiếp nhận, trả kết quả trực tuyến hoặc qua bưu chính', en: 'Online or postal submission and delivery of the result' },
  fees: { vi: 'Thu phí, lệ phí đúng quy định, không phát sinh chi phí ngoài quy định', en: 'Fees charged as set, with no extra cost' },
  response: { vi: 'Tiếp thu, giải trình ý kiến phản ánh, kiến nghị', en: 'Response to your feedback and requests' },
};

/** OMB Circular A-11 §280: satisfaction, trust, and the drivers. */
const A11: Record<string, Texts> = {
  satisfaction: { vi: 'Ông/Bà hài lòng với dịch vụ đã nhận ở mức nào?', en: 'How satisfied are you with the service you received?' },
  trust: { vi: 'Lần làm việc này làm Ông/Bà tin tưởng hơn vào cơ quan', en: 'This interaction increased my trust in this agency' },
  positive: { vi: 'Điều gì tốt? (chọn tất cả những gì đúng)', en: 'What went well? (choose all that apply)' },
  negative: { vi: 'Điều gì cần cải thiện? (chọn tất cả những gì đúng)', en: 'What could be improved? (choose all that apply)' },
};

/** The drivers of A-11 §280, as options of the positive and negative questions. */
const A11_DRIVERS: Record<string, Texts> = {
  effectiveness: { vi: 'Việc của tôi được giải quyết', en: 'My need was addressed' },
  ease: { vi: 'Dễ thực hiện', en: 'It was easy to do' },
  efficiency: { vi: 'Thời gian hợp lý', en: 'It took a reasonable time' },
  transparency: { vi: 'Rõ ràng phải làm gì', en: 'It was clear what to do' },
  humanity: { vi: 'Tôi được đối xử tôn trọng', en: 'I was treated with respect' },
  employee: { vi: 'Công chức hỗ trợ tận tình', en: 'Staff were helpful' },
};

/** A-11's trust question is a statement to agree with, on 5 points. */
const AGREE = {
  vi: ['Rất không đồng ý', 'Không đồng ý', 'Trung lập', 'Đồng ý', 'Rất đồng ý'],
  en: ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'],
};

const TEXTS: Record<QuestionSetId, Record<string, Texts>> = { sipas: SIPAS, 'tthc-9': TTHC9, a11: A11 };

/** A built-in set with its texts and options. */
export function builtInQuestionSet(id: QuestionSetId): QuestionSet {
  const texts = TEXTS[id];
  const questions = QUESTION_SHAPES[id].map((shape): Question => {
    const question: Question = { id: shape.id, type: shape.type, ...texts[shape.id]! };
    if (shape.options) question.options = shape.options.map((option) => ({ id: option, ...A11_DRIVERS[option]! }));
    if (shape.max !== undefined) question.max = shape.max;
    if (id === 'a11' && shape.id === 'trust') question.labels = AGREE;
    if (shape.type === 'points') question.labels = POINT_LABELS;
    return question;
  });
  return { id, questions };
}

/** Labels of a `points` answer (0, 1, 2) and of the nine-index grades. */
export const POINT_LABELS: { vi: readonly string[]; en: readonly string[] } = {
  vi: ['Kém (0 điểm)', 'Trung bình (1 điểm)', 'Tốt (2 điểm)'],
  en: ['Poor (0 points)', 'Fair (1 point)', 'Good (2 points)'],
};

/** The legend above a set's questions. */
export const SET_LEGEND = { vi: 'Xin Ông/Bà cho biết thêm', en: 'A few more questions' };

/** The nine-index total, said as a sentence. */
export const TOTAL_TEXT = {
  vi: (total: number, max: number, grade: string) => `Tổng điểm: ${total}/${max} — xếp loại ${grade}`,
  en: (total: number, max: number, grade: string) => `Total: ${total} of ${max} points — ${grade}`,
};

export const GRADE_LABELS: Record<'vi' | 'en', Record<'good' | 'average' | 'poor', string>> = {
  vi: { good: 'Tốt', average: 'Trung bình', poor: 'Kém' },
  en: { good: 'Good', average: 'Fair', poor: 'Poor' },
};
