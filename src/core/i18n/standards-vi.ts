import type { StandardsMessages } from './standards.js';

export const vi: StandardsMessages = {
  standardsTitle: 'Mười tiêu chuẩn phục vụ',
  standardsIntro: 'Cơ quan cam kết phục vụ người dân và doanh nghiệp theo các tiêu chuẩn sau:',
  standardsLoadFailed: 'Không tải được danh sách tiêu chuẩn của cơ quan; đang hiển thị mười tiêu chuẩn chung.',
  rateStandard: (standard) => `Đánh giá tiêu chuẩn: ${standard}`,
  rateStandardShort: 'Đánh giá',
  close: 'Đóng',
};
