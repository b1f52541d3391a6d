/**
 * Every string the elements show, per locale. `Messages` is the contract between locales:
 * a key missing from a dictionary is a type error, so `vi` and `en` stay complete.
 */
export interface Messages {
  ratingQuestion: string;
  scoreLabels5: readonly [string, string, string, string, string];
  scoreLabels3: readonly [string, string, string];
  standardsLegend: string;
  yes: string;
  no: string;
  commentOptional: string;
  commentRequired: string;
  commentHint: string;
  charactersLeft: (left: number) => string;
  send: string;
  sending: string;
  thanks: string;
  thanksQueuedOffline: string;
  thanksSent: string;
  kioskResetIn: (seconds: number) => string;
  startOver: string;
  openRating: string;
  close: string;
  errorSummaryTitle: string;
  errorChooseScore: string;
  errorCommentRequired: string;
  errorCommentTooLong: (max: number) => string;
  errorNotConfigured: string;
  errorRejected: string;
  errorNotKept: string;
  standardsTitle: string;
  standardsIntro: string;
  rateStandard: (standard: string) => string;
  rateStandardShort: string;
  standardsLoadFailed: string;
}

export const vi: Messages = {
  ratingQuestion: 'Quý khách có hài lòng với dịch vụ không?',
  scoreLabels5: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'],
  scoreLabels3: ['Không hài lòng', 'Hài lòng', 'Rất hài lòng'],
  standardsLegend: 'Cán bộ có thực hiện đúng các tiêu chuẩn phục vụ sau không?',
  yes: 'Có',
  no: 'Không',
  commentOptional: 'Góp ý thêm (không bắt buộc)',
  commentRequired: 'Góp ý (bắt buộc)',
  commentHint: 'Xin đừng ghi thông tin cá nhân như số CCCD, số điện thoại hay địa chỉ.',
  charactersLeft: (left) => `Còn ${left} ký tự`,
  send: 'Gửi đánh giá',
  sending: 'Đang lưu…',
  thanks: 'Cảm ơn Quý khách đã đánh giá!',
  thanksQueuedOffline: 'Đánh giá đã được lưu trên thiết bị và sẽ tự động gửi khi có kết nối mạng.',
  thanksSent: 'Đánh giá đã được gửi tới cơ quan.',
  kioskResetIn: (seconds) => `Màn hình sẽ trở về sau ${seconds} giây.`,
  startOver: 'Đánh giá mới',
  openRating: 'Đánh giá dịch vụ',
  close: 'Đóng',
  errorSummaryTitle: 'Vui lòng kiểm tra lại',
  errorChooseScore: 'Vui lòng chọn mức độ hài lòng.',
  errorCommentRequired: 'Vui lòng nhập góp ý.',
  errorCommentTooLong: (max) => `Góp ý không được dài quá ${max} ký tự.`,
  errorNotConfigured: 'Biểu mẫu đánh giá chưa được cài đặt đúng nên chưa thể gửi. Xin vui lòng báo cho cơ quan.',
  errorRejected: 'Hệ thống của cơ quan không nhận đánh giá này.',
  errorNotKept: 'Thiết bị không cho phép lưu trữ: nếu mất mạng trước khi gửi xong, đánh giá có thể không đến được cơ quan.',
  standardsTitle: 'Mười tiêu chuẩn phục vụ',
  standardsIntro: 'Cơ quan cam kết phục vụ người dân và doanh nghiệp theo các tiêu chuẩn sau:',
  rateStandard: (standard) => `Đánh giá tiêu chuẩn: ${standard}`,
  rateStandardShort: 'Đánh giá',
  standardsLoadFailed: 'Không tải được danh sách tiêu chuẩn của cơ quan; đang hiển thị mười tiêu chuẩn chung.',
};

export const en: Messages = {
  ratingQuestion: 'How satisfied are you with the service?',
  scoreLabels5: ['Very dissatisfied', 'Dissatisfied', 'Neither', 'Satisfied', 'Very satisfied'],
  scoreLabels3: ['Dissatisfied', 'Satisfied', 'Very satisfied'],
  standardsLegend: 'Did our staff keep these service standards?',
  yes: 'Yes',
  no: 'No',
  commentOptional: 'Anything else to tell us? (optional)',
  commentRequired: 'Your comment (required)',
  commentHint: 'Please do not include personal information such as ID numbers, phone numbers or addresses.',
  charactersLeft: (left) => `${left} characters left`,
  send: 'Send rating',
  sending: 'Saving…',
  thanks: 'Thank you for your rating!',
  thanksQueuedOffline: 'Your rating is saved on this device and will be sent automatically when you are back online.',
  thanksSent: 'Your rating has reached the agency.',
  kioskResetIn: (seconds) => `This screen starts over in ${seconds} seconds.`,
  startOver: 'New rating',
  openRating: 'Rate this service',
  close: 'Close',
  errorSummaryTitle: 'There is a problem',
  errorChooseScore: 'Choose how satisfied you are.',
  errorCommentRequired: 'Enter a comment.',
  errorCommentTooLong: (max) => `Your comment must be ${max} characters or fewer.`,
  errorNotConfigured: 'This rating form is not set up correctly, so it cannot send yet. Please tell the agency.',
  errorRejected: 'The agency\'s system did not accept this rating.',
  errorNotKept: 'This device does not allow storage: if the connection drops before sending, this rating may not reach the agency.',
  standardsTitle: 'Our ten service standards',
  standardsIntro: 'We promise to serve citizens and businesses to these standards:',
  rateStandard: (standard) => `Rate this standard: ${standard}`,
  rateStandardShort: 'Rate',
  standardsLoadFailed: 'The agency\'s list of standards could not be loaded; showing the ten common standards.',
};

const DICTIONARIES: Record<string, Messages> = { vi, en };

/** Languages with a complete dictionary. */
export const LOCALES = Object.keys(DICTIONARIES);

/**
 * The locale an element speaks for a `lang` value: `vi` when none is given (the default of
 * CONTRACT §3); English for any other language we have no dictionary for, as the more widely read.
 */
export function resolveLocale(lang: string | null | undefined): string {
  const primary = (lang ?? '').trim().toLowerCase().split('-')[0] ?? '';
  if (primary === '') return 'vi';
  return primary in DICTIONARIES ? primary : 'en';
}

export function messagesFor(locale: string): Messages {
  return DICTIONARIES[locale] ?? vi;
}
