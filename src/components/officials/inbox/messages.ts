// Strings of <svc-complaint-inbox> (officials' dictionary: never in the citizen bundle).

export interface InboxMessages {
  title: string;
  needsSetup: string;
  tabsLabel: string;
  tabs: Record<'open' | 'received' | 'in_progress' | 'resolved' | 'rejected', string>;
  filtersLabel: string;
  searchLabel: string;
  unitLabel: string;
  categoryLabel: string;
  anyCategory: string;
  overdueOnly: string;
  apply: string;
  loading: string;
  empty: string;
  failed: string;
  unauthorized: string;
  listLabel: string;
  more: string;
  daysLeft: (days: number) => string;
  daysLate: (days: number) => string;
  dueToday: string;
  statusNames: Record<string, string>;
  categoryNames: Record<string, string>;
  detailLabel: string;
  close: string;
  received: string;
  due: string;
  description: string;
  attachments: string;
  view: string;
  download: string;
  contact: string;
  noContact: string;
  history: string;
  noHistory: string;
  handle: string;
  status: string;
  response: string;
  assignedUnit: string;
  internalNote: string;
  save: string;
  saved: string;
  stale: string;
  notAllowed: string;
  saveFailed: string;
  actions: Record<string, string>;
}

export const vi: InboxMessages = {
  title: 'Hộp thư phản ánh, kiến nghị',
  needsSetup: 'Chưa có địa chỉ máy chủ hoặc mã truy cập.',
  tabsLabel: 'Trạng thái',
  tabs: { open: 'Đang mở', received: 'Mới tiếp nhận', in_progress: 'Đang xử lý', resolved: 'Đã giải quyết', rejected: 'Không thụ lý' },
  filtersLabel: 'Lọc',
  searchLabel: 'Tìm (mã hoặc nội dung)',
  unitLabel: 'Bộ phận',
  categoryLabel: 'Nội dung',
  anyCategory: 'Tất cả',
  overdueOnly: 'Chỉ những phản ánh quá hạn',
  apply: 'Lọc',
  loading: 'Đang tải…',
  empty: 'Không có phản ánh nào.',
  failed: 'Không tải được (mất kết nối hoặc máy chủ lỗi).',
  unauthorized: 'Mã truy cập không hợp lệ, đã hết hạn hoặc không đủ quyền.',
  listLabel: 'Danh sách phản ánh',
  more: 'Xem thêm',
  daysLeft: (days) => `Còn ${days} ngày`,
  daysLate: (days) => `Quá hạn ${days} ngày`,
  dueToday: 'Đến hạn hôm nay',
  statusNames: { received: 'Mới tiếp nhận', in_progress: 'Đang xử lý', resolved: 'Đã giải quyết', rejected: 'Không thụ lý' },
  categoryNames: { attitude: 'Thái độ', delay: 'Chậm trễ', fees: 'Phí, lệ phí', procedure: 'Thủ tục', facilities: 'Cơ sở vật chất', other: 'Khác' },
  detailLabel: 'Chi tiết phản ánh',
  close: 'Đóng',
  received: 'Ngày nhận',
  due: 'Hạn trả lời',
  description: 'Nội dung',
  attachments: 'Tệp đính kèm',
  view: 'Xem',
  download: 'Tải về',
  contact: 'Liên hệ (người phản ánh đồng ý cung cấp)',
  noContact: 'Người phản ánh không để lại liên hệ.',
  history: 'Lịch sử xử lý',
  noHistory: 'Chưa có thay đổi nào.',
  handle: 'Xử lý',
  status: 'Trạng thái',
  response: 'Trả lời người phản ánh (công khai)',
  assignedUnit: 'Giao bộ phận',
  internalNote: 'Ghi chú nội bộ (không công khai)',
  save: 'Lưu',
  saved: 'Đã lưu.',
  stale: 'Phản ánh vừa được người khác cập nhật; đã tải lại. Xin xem lại rồi lưu lần nữa.',
  notAllowed: 'Không thể lưu: trạng thái này không được phép, hoặc mã truy cập không đủ quyền.',
  saveFailed: 'Chưa lưu được. Xin thử lại.',
  actions: { 'complaint.update': 'Cập nhật', 'complaint.retention-wipe': 'Xoá dữ liệu cá nhân (hết hạn lưu)', 'complaint.erase-personal-data': 'Xoá dữ liệu cá nhân (theo yêu cầu)' },
};

export const en: InboxMessages = {
  title: 'Complaints inbox',
  needsSetup: 'No collector address or access token yet.',
  tabsLabel: 'Status',
  tabs: { open: 'Open', received: 'New', in_progress: 'In progress', resolved: 'Resolved', rejected: 'Rejected' },
  filtersLabel: 'Filters',
  searchLabel: 'Search (code or text)',
  unitLabel: 'Unit',
  categoryLabel: 'Category',
  anyCategory: 'Any',
  overdueOnly: 'Overdue only',
  apply: 'Filter',
  loading: 'Loading…',
  empty: 'No complaints.',
  failed: 'Could not load (offline or a server error).',
  unauthorized: 'The access token is wrong, expired or lacks the role.',
  listLabel: 'Complaints',
  more: 'Show more',
  daysLeft: (days) => `${days} ${days === 1 ? 'day' : 'days'} left`,
  daysLate: (days) => `${days} ${days === 1 ? 'day' : 'days'} late`,
  dueToday: 'Due today',
  statusNames: { received: 'New', in_progress: 'In progress', resolved: 'Resolved', rejected: 'Rejected' },
  categoryNames: { attitude: 'Attitude', delay: 'Delay', fees: 'Fees', procedure: 'Procedure', facilities: 'Facilities', other: 'Other' },
  detailLabel: 'Complaint details',
  close: 'Close',
  received: 'Received',
  due: 'Due',
  description: 'Description',
  attachments: 'Attachments',
  view: 'View',
  download: 'Download',
  contact: 'Contact (given with consent)',
  noContact: 'No contact details were given.',
  history: 'History',
  noHistory: 'No changes yet.',
  handle: 'Handle',
  status: 'Status',
  response: 'Answer to the citizen (public)',
  assignedUnit: 'Assign to unit',
  internalNote: 'Internal note (never public)',
  save: 'Save',
  saved: 'Saved.',
  stale: 'Someone else just updated this complaint; it has been reloaded. Check it and save again.',
  notAllowed: 'Not saved: this status change is not allowed, or the token lacks the role.',
  saveFailed: 'Not saved. Please try again.',
  actions: { 'complaint.update': 'Updated', 'complaint.retention-wipe': 'Personal data wiped (retention)', 'complaint.erase-personal-data': 'Personal data erased (on request)' },
};

export const inboxMessages = (locale: string): InboxMessages => (locale === 'en' ? en : vi);
