import type { COMPLAINT_CATEGORIES } from './record.js';

type ComplaintCategoryId = (typeof COMPLAINT_CATEGORIES)[number];

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
  complaintTitle: string;
  complaintIntro: string;
  categoryLegend: string;
  categoryNames: Record<ComplaintCategoryId, string>;
  descriptionLabel: string;
  descriptionHint: string;
  charactersTooMany: (over: number) => string;
  standardLabel: string;
  standardNone: string;
  attachmentsLabel: string;
  attachmentsHint: (max: number, megabytes: number) => string;
  attachmentRemove: (name: string) => string;
  attachmentPreparing: string;
  chooseFiles: string;
  statusCodeHint: string;
  contactLegend: string;
  contactAnonymous: string;
  consentText: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  honeypotLabel: string;
  sendComplaint: string;
  complaintThanks: string;
  trackingCodeLabel: string;
  trackingCodeTemporary: string;
  trackingCodeHint: string;
  copyCode: string;
  copied: string;
  copyManually: string;
  draftRestored: string;
  newComplaint: string;
  errorCategory: string;
  errorDescriptionShort: (min: number) => string;
  errorDescriptionLong: (max: number) => string;
  errorAttachmentType: (name: string) => string;
  errorAttachmentSize: (name: string, megabytes: number) => string;
  errorAttachmentCount: (max: number) => string;
  errorAttachmentUnreadable: (name: string) => string;
  errorContactMissing: string;
  errorEmail: string;
  errorPhone: string;
  statusTitle: string;
  statusLookup: string;
  statusLoading: string;
  statusNotFound: string;
  statusFailed: string;
  statusEnterCode: string;
  statusNames: Record<string, string>;
  statusLabel: string;
  categoryLabel: string;
  createdLabel: string;
  updatedLabel: string;
  dueLabel: string;
  resolvedLabel: string;
  responseLabel: string;
  noResponse: string;
  /** Asked once a complaint is resolved or rejected (Decision 766/QĐ-TTg counts it). */
  handlingQuestion: string;
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
  complaintTitle: 'Gửi phản ánh, kiến nghị',
  complaintIntro: 'Ông/Bà có thể gửi phản ánh ẩn danh. Cơ quan sẽ xem xét và trả lời trong thời hạn quy định.',
  categoryLegend: 'Ông/Bà phản ánh về việc gì?',
  categoryNames: {
    attitude: 'Thái độ phục vụ',
    delay: 'Chậm trễ, trễ hẹn',
    fees: 'Phí, lệ phí',
    procedure: 'Thủ tục, giấy tờ',
    facilities: 'Cơ sở vật chất',
    other: 'Vấn đề khác',
  },
  descriptionLabel: 'Nội dung phản ánh',
  descriptionHint: 'Xin mô tả sự việc: thời gian, quầy hoặc bộ phận. Không ghi thông tin cá nhân như số CCCD, số điện thoại hay địa chỉ.',
  charactersTooMany: (over) => `Vượt quá ${over} ký tự`,
  standardLabel: 'Tiêu chuẩn phục vụ chưa được thực hiện (không bắt buộc)',
  standardNone: '— Không chọn —',
  attachmentsLabel: 'Ảnh hoặc tệp PDF kèm theo (không bắt buộc)',
  attachmentsHint: (max, megabytes) =>
    `Tối đa ${max} tệp, mỗi tệp đến ${megabytes} MB. Ảnh được thu nhỏ và xóa thông tin vị trí trước khi gửi.`,
  attachmentRemove: (name) => `Xóa tệp ${name}`,
  attachmentPreparing: 'Đang xử lý tệp…',
  chooseFiles: 'Chọn ảnh hoặc tệp PDF',
  statusCodeHint: 'Mã gồm 10 chữ và số (ví dụ K7M2Q9XR4T), có trong thông báo khi Ông/Bà gửi phản ánh.',
  contactLegend: 'Liên hệ lại (không bắt buộc)',
  contactAnonymous: 'Phản ánh được gửi ẩn danh, trừ khi Ông/Bà đồng ý để cơ quan liên hệ lại.',
  consentText: 'Tôi đồng ý để cơ quan sử dụng thông tin liên hệ dưới đây chỉ để trả lời phản ánh này.',
  contactName: 'Họ và tên',
  contactEmail: 'Thư điện tử',
  contactPhone: 'Số điện thoại',
  honeypotLabel: 'Để trống ô này',
  sendComplaint: 'Gửi phản ánh',
  complaintThanks: 'Cơ quan đã nhận phản ánh của Ông/Bà.',
  trackingCodeLabel: 'Mã tra cứu',
  trackingCodeTemporary: 'Phản ánh đang chờ gửi (mất kết nối). Đây là mã tạm thời; mã chính thức sẽ hiện ở đây khi gửi xong.',
  trackingCodeHint: 'Xin lưu lại mã này để tra cứu kết quả giải quyết.',
  copyCode: 'Sao chép mã',
  copied: 'Đã sao chép mã.',
  copyManually: 'Mã đã được chọn: nhấn Ctrl+C (hoặc giữ và chọn Sao chép) để sao chép.',
  draftRestored: 'Đã khôi phục nội dung Ông/Bà nhập dở lần trước.',
  newComplaint: 'Gửi phản ánh khác',
  errorCategory: 'Vui lòng chọn nội dung phản ánh.',
  errorDescriptionShort: (min) => `Vui lòng mô tả sự việc (ít nhất ${min} ký tự).`,
  errorDescriptionLong: (max) => `Nội dung phản ánh không được dài quá ${max} ký tự.`,
  errorAttachmentType: (name) => `Tệp “${name}” không phải ảnh (JPEG, PNG, WebP, GIF) hoặc PDF.`,
  errorAttachmentSize: (name, megabytes) => `Tệp “${name}” lớn hơn ${megabytes} MB.`,
  errorAttachmentCount: (max) => `Chỉ gửi được tối đa ${max} tệp.`,
  errorAttachmentUnreadable: (name) => `Không đọc được tệp “${name}”.`,
  errorContactMissing: 'Vui lòng nhập thư điện tử hoặc số điện thoại để cơ quan liên hệ lại.',
  errorEmail: 'Thư điện tử chưa đúng, ví dụ: ten@example.vn',
  errorPhone: 'Số điện thoại chưa đúng, ví dụ: 0912 345 678',
  statusTitle: 'Tra cứu kết quả giải quyết phản ánh',
  statusLookup: 'Tra cứu',
  statusLoading: 'Đang tra cứu…',
  statusNotFound: 'Không tìm thấy phản ánh có mã này. Xin kiểm tra lại mã.',
  statusFailed: 'Chưa tra cứu được (mất kết nối hoặc hệ thống đang lỗi). Xin thử lại sau.',
  statusEnterCode: 'Vui lòng nhập mã tra cứu.',
  statusNames: { received: 'Đã tiếp nhận', in_progress: 'Đang xử lý', resolved: 'Đã giải quyết', rejected: 'Không thụ lý' },
  statusLabel: 'Trạng thái',
  categoryLabel: 'Nội dung',
  createdLabel: 'Ngày gửi',
  updatedLabel: 'Cập nhật lần cuối',
  dueLabel: 'Hạn trả lời',
  resolvedLabel: 'Ngày giải quyết',
  responseLabel: 'Trả lời của cơ quan',
  noResponse: 'Chưa có trả lời.',
  handlingQuestion: 'Ông/Bà có hài lòng với kết quả xử lý?',
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
  complaintTitle: 'Make a complaint',
  complaintIntro: 'You can complain anonymously. The agency will look into it and answer within its published time.',
  categoryLegend: 'What is your complaint about?',
  categoryNames: {
    attitude: 'Staff attitude',
    delay: 'Delays, missed appointments',
    fees: 'Fees and charges',
    procedure: 'Procedures and paperwork',
    facilities: 'Facilities',
    other: 'Something else',
  },
  descriptionLabel: 'What happened?',
  descriptionHint: 'Tell us when and at which counter or department. Do not include personal information such as ID numbers, phone numbers or addresses.',
  charactersTooMany: (over) => `${over} characters too many`,
  standardLabel: 'Which service standard was not kept? (optional)',
  standardNone: '— None —',
  attachmentsLabel: 'Photos or PDF files (optional)',
  attachmentsHint: (max, megabytes) =>
    `Up to ${max} files, ${megabytes} MB each. Photos are made smaller and their location data removed before sending.`,
  attachmentRemove: (name) => `Remove ${name}`,
  attachmentPreparing: 'Preparing files…',
  chooseFiles: 'Choose photos or PDF files',
  statusCodeHint: 'The code has 10 letters and digits (for example K7M2Q9XR4T); you got it when you sent your complaint.',
  contactLegend: 'Can we contact you? (optional)',
  contactAnonymous: 'Your complaint is anonymous unless you agree to be contacted.',
  consentText: 'I agree that the agency may use the contact details below only to answer this complaint.',
  contactName: 'Name',
  contactEmail: 'Email address',
  contactPhone: 'Phone number',
  honeypotLabel: 'Leave this empty',
  sendComplaint: 'Send complaint',
  complaintThanks: 'The agency has received your complaint.',
  trackingCodeLabel: 'Tracking code',
  trackingCodeTemporary: 'Your complaint is waiting to be sent (no connection). This is a temporary code; the final code will appear here once it is sent.',
  trackingCodeHint: 'Keep this code to check how your complaint is handled.',
  copyCode: 'Copy code',
  copied: 'Code copied.',
  copyManually: 'The code is selected: press Ctrl+C (or long-press and choose Copy) to copy it.',
  draftRestored: 'We restored what you had started to write.',
  newComplaint: 'Make another complaint',
  errorCategory: 'Choose what your complaint is about.',
  errorDescriptionShort: (min) => `Describe what happened (at least ${min} characters).`,
  errorDescriptionLong: (max) => `Your description must be ${max} characters or fewer.`,
  errorAttachmentType: (name) => `“${name}” is not a photo (JPEG, PNG, WebP, GIF) or a PDF file.`,
  errorAttachmentSize: (name, megabytes) => `“${name}” is larger than ${megabytes} MB.`,
  errorAttachmentCount: (max) => `You can send at most ${max} files.`,
  errorAttachmentUnreadable: (name) => `“${name}” could not be read.`,
  errorContactMissing: 'Enter an email address or a phone number so we can contact you.',
  errorEmail: 'Enter an email address like name@example.com',
  errorPhone: 'Enter a phone number like 0912 345 678',
  statusTitle: 'Check a complaint',
  statusLookup: 'Check',
  statusLoading: 'Checking…',
  statusNotFound: 'No complaint has this code. Check the code and try again.',
  statusFailed: 'Could not check right now (no connection or a system error). Please try again later.',
  statusEnterCode: 'Enter your tracking code.',
  statusNames: { received: 'Received', in_progress: 'Being handled', resolved: 'Resolved', rejected: 'Not accepted' },
  statusLabel: 'Status',
  categoryLabel: 'About',
  createdLabel: 'Sent on',
  updatedLabel: 'Last updated',
  dueLabel: 'Answer due by',
  resolvedLabel: 'Resolved on',
  responseLabel: 'The agency’s answer',
  noResponse: 'No answer yet.',
  handlingQuestion: 'Are you satisfied with how your complaint was handled?',
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
