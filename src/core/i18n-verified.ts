/**
 * Strings of verified ratings (invitations and armed kiosks), per locale. Kept apart from
 * `i18n.ts` so they travel in the lazily loaded parts of `<svc-rating>` and weigh nothing on a
 * page without an invitation or an armed kiosk. `vi` and `en` are complete (a missing key is a
 * type error).
 */
export interface VerifiedMessages {
  /** Before the form: what is rated, and that the rating is linked to the dossier. */
  linkedIntro: string;
  dossier: string;
  service: string;
  unit: string;
  checking: string;
  used: string;
  expired: string;
  invalid: string;
  /** Shown after the thanks when the collector later refused the invitation. */
  refusedLater: (reason: string) => string;
  kioskWaitingTitle: string;
  kioskWaiting: string;
  kioskOffline: string;
  kioskUnauthorized: string;
}

const vi: VerifiedMessages = {
  linkedIntro: 'Đánh giá này được gắn với hồ sơ của Ông/Bà. Mỗi hồ sơ chỉ đánh giá được một lần.',
  dossier: 'Hồ sơ',
  service: 'Thủ tục',
  unit: 'Bộ phận',
  checking: 'Đang kiểm tra mã đánh giá…',
  used: 'Hồ sơ này đã được đánh giá. Cảm ơn Ông/Bà!',
  expired: 'Mã đánh giá này đã hết hạn.',
  invalid: 'Mã đánh giá không đúng hoặc không còn hiệu lực. Vui lòng kiểm tra lại đường dẫn trên giấy hẹn.',
  refusedLater: (reason) =>
    reason === 'invitation_used'
      ? 'Đánh giá chưa được ghi nhận: hồ sơ này đã được đánh giá trước đó.'
      : reason === 'invitation_expired'
        ? 'Đánh giá chưa được ghi nhận: mã đánh giá đã hết hạn.'
        : 'Đánh giá chưa được ghi nhận: mã đánh giá không hợp lệ.',
  kioskWaitingTitle: 'Mời Ông/Bà đánh giá sau khi được phục vụ',
  kioskWaiting: 'Khi cán bộ giải quyết xong hồ sơ, màn hình này sẽ hiện phiếu đánh giá.',
  kioskOffline: 'Đang kết nối lại…',
  kioskUnauthorized: 'Máy đánh giá chưa được đăng ký hoặc khóa không đúng. Vui lòng báo cán bộ.',
};

const en: VerifiedMessages = {
  linkedIntro: 'This rating is linked to your dossier. Each dossier can be rated once.',
  dossier: 'Dossier',
  service: 'Procedure',
  unit: 'Unit',
  checking: 'Checking your rating code…',
  used: 'This dossier has already been rated. Thank you!',
  expired: 'This rating code has expired.',
  invalid: 'This rating code is not valid or no longer works. Please check the link on your receipt.',
  refusedLater: (reason) =>
    reason === 'invitation_used'
      ? 'Your rating was not counted: this dossier had already been rated.'
      : reason === 'invitation_expired'
        ? 'Your rating was not counted: the rating code had expired.'
        : 'Your rating was not counted: the rating code is not valid.',
  kioskWaitingTitle: 'Please rate us once you have been served',
  kioskWaiting: 'When the officer has finished with your dossier, the rating form appears here.',
  kioskOffline: 'Reconnecting…',
  kioskUnauthorized: 'This rating tablet is not registered or its key is wrong. Please tell an officer.',
};

const DICTIONARIES: Record<string, VerifiedMessages> = { vi, en };

/** The dictionary of a resolved locale (`vi` when there is none). */
export function verifiedMessagesFor(locale: string): VerifiedMessages {
  return DICTIONARIES[locale] ?? vi;
}
