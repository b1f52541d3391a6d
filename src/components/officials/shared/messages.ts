/**
 * The strings of `<svc-dashboard>` and `<svc-chart>`, per locale. They live here, not in
 * `core/i18n.ts`, so that the citizen bundle never carries them. `DashboardMessages` is the
 * contract between locales: a key missing from a dictionary is a type error.
 */

/** What a `<svc-chart>` draws. */
export type ChartKind = 'satisfaction' | 'standards' | 'trend' | 'complaints' | 'on-time' | 'questions';

/** Every kind a `<svc-chart>` draws. */
export const CHART_KINDS: readonly ChartKind[] = Object.freeze(['satisfaction', 'trend', 'complaints', 'standards', 'on-time', 'questions']);

/** The dashboard's charts when `charts` is not set, in the order it lays them out (`questions` on request). */
export const DASHBOARD_CHARTS: readonly ChartKind[] = Object.freeze(['satisfaction', 'trend', 'complaints', 'standards', 'on-time']);

export interface DashboardMessages {
  /** Number formatting locale for `Intl`. */
  numberLocale: string;
  dashboardTitle: string;
  chartTitle: Record<ChartKind, string>;
  /** Caption suffix naming the one period all rows share. */
  inPeriod: (period: string) => string;
  /** Period keys as people read them. */
  periodAll: string;
  periodYear: (year: string) => string;
  periodQuarter: (quarter: string, year: string) => string;
  periodMonth: (month: number, year: string) => string;
  periodWeek: (week: string, year: string) => string;
  /** A group whose records have no value for the field. */
  noValue: string;
  groupField: Record<'agency' | 'unit' | 'service' | 'officer' | 'channel', string>;
  period: string;
  choosePeriod: string;
  periodNames: Record<'all' | 'day' | 'week' | 'month' | 'quarter' | 'year', string>;
  recordsRead: (count: string) => string;
  sourceCollector: string;
  channel: Record<string, string>;
  category: Record<string, string>;
  // Numbers and statuses
  satisfactionRate: string;
  satisfactionShort: string;
  ratings: string;
  satisfied: string;
  confidenceInterval: (percent: string) => string;
  target: (percent: string) => string;
  meetsTarget: string;
  belowTarget: string;
  legendMeets: string;
  legendBelow: string;
  byGroup: (fields: string) => string;
  lowSample: string;
  lowSampleShort: string;
  notRanked: string;
  noData: string;
  complaints: string;
  total: string;
  cases: string;
  onTime: string;
  late: string;
  pending: string;
  onTimeRate: string;
  /** A bar's label: the rate and the late dossiers. */
  onTimeValue: (percent: string, late: string) => string;
  standard: string;
  keptYes: string;
  keptNo: string;
  keptRate: string;
  failing: string;
  rank: string;
  // Question sets
  question: string;
  /** The name of a question set (`sipas`, `tthc-9`, `a11`, `custom`; an agency's own set by its id). */
  questionSetName: (id: string) => string;
  summaryQuestions: (questions: number, answers: string, weakest: string | null) => string;
  nothingAnswers: string;
  noteQuestions: string;
  // Chart furniture
  showTable: string;
  downloadCsv: string;
  downloadPng: string;
  chartActions: (caption: string) => string;
  dataTableCaption: (caption: string) => string;
  chartLabel: (caption: string, summary: string) => string;
  summaryRates: (count: number, meeting: number, target: string, best: string | null, worst: string | null) => string;
  summaryTrend: (count: number, first: string, last: string) => string;
  summaryStandards: (count: number, failing: string[]) => string;
  summaryComplaints: (period: string, total: number, top: string | null) => string;
  summaryNothing: string;
  nothingComplaints: string;
  nothingCases: string;
  nothingRatings: string;
  noteRates: (target: string, confidence: string) => string;
  noteLowSample: (minSample: number) => string;
  noteStandards: (target: string) => string;
  noteOnTime: (target: string) => string;
  noteTrend: (target: string, confidence: string) => string;
  noteComplaints: string;
  // League table
  leagueTitle: string;
  leagueIntro: (minSample: number) => string;
  lowSampleGroup: string;
  sortBy: (column: string) => string;
  // States
  loading: string;
  loadingFile: string;
  summarizing: string;
  progressBytes: (read: string, total: string) => string;
  progressRecords: (records: string) => string;
  emptyTitle: string;
  emptyBody: string;
  errorTitle: string;
  errorHttp: (status: number, text: string) => string;
  errorNetwork: string;
  errorFormat: string;
  errorParse: (count: number) => string;
  errorLine: (line: number, reason: string) => string;
  errorMore: (count: number) => string;
  errorWhatToDoHttp: string;
  errorWhatToDoFile: string;
  errorWhatToDoConfig: string;
  errorConfig: string;
  warningSkipped: (count: number) => string;
  retry: string;
  chartFailed: string;
}

export const vi: DashboardMessages = {
  numberLocale: 'vi-VN',
  dashboardTitle: 'Kết quả đánh giá sự hài lòng',
  chartTitle: {
    satisfaction: 'Tỷ lệ hài lòng',
    standards: 'Thực hiện các tiêu chuẩn phục vụ',
    trend: 'Diễn biến tỷ lệ hài lòng',
    complaints: 'Phản ánh, kiến nghị theo nội dung',
    'on-time': 'Tỷ lệ hồ sơ giải quyết đúng hạn',
    questions: 'Trả lời theo câu hỏi',
  },
  inPeriod: (period) => ` — ${period}`,
  periodAll: 'Toàn bộ thời gian',
  periodYear: (year) => `Năm ${year}`,
  periodQuarter: (quarter, year) => `Quý ${quarter}/${year}`,
  periodMonth: (month, year) => `Tháng ${month}/${year}`,
  periodWeek: (week, year) => `Tuần ${week}/${year}`,
  noValue: '(không ghi)',
  groupField: { agency: 'Cơ quan', unit: 'Đơn vị', service: 'Thủ tục', officer: 'Cán bộ', channel: 'Kênh' },
  period: 'Kỳ',
  choosePeriod: 'Kỳ báo cáo',
  periodNames: { all: 'Toàn bộ thời gian', day: 'Theo ngày', week: 'Theo tuần', month: 'Theo tháng', quarter: 'Theo quý', year: 'Theo năm' },
  recordsRead: (count) => `${count} bản ghi đã đọc`,
  sourceCollector: 'Số liệu từ máy chủ tổng hợp',
  channel: { online: 'Trực tuyến', kiosk: 'Máy tại quầy', counter: 'Tại quầy', phone: 'Điện thoại', other: 'Khác' },
  category: {
    attitude: 'Thái độ phục vụ',
    delay: 'Chậm trễ',
    fees: 'Phí, lệ phí',
    procedure: 'Thủ tục, giấy tờ',
    facilities: 'Cơ sở vật chất',
    other: 'Nội dung khác',
  },
  satisfactionRate: 'Tỷ lệ hài lòng',
  satisfactionShort: 'Hài lòng',
  ratings: 'Lượt đánh giá',
  satisfied: 'Số hài lòng',
  confidenceInterval: (percent) => `Khoảng tin cậy ${percent}`,
  target: (percent) => `Mục tiêu ${percent}`,
  meetsTarget: 'Đạt',
  belowTarget: 'Chưa đạt',
  legendMeets: 'Đạt mục tiêu',
  legendBelow: 'Chưa đạt mục tiêu',
  byGroup: (fields) => ` theo ${fields.toLocaleLowerCase('vi')}`,
  lowSample: 'Mẫu nhỏ — chưa đủ tin cậy',
  lowSampleShort: 'mẫu nhỏ',
  notRanked: 'Không xếp hạng',
  noData: 'Chưa có số liệu',
  complaints: 'Phản ánh',
  total: 'Tổng',
  cases: 'Hồ sơ',
  onTime: 'Đúng hạn',
  late: 'Trễ hạn',
  pending: 'Đang giải quyết',
  onTimeRate: 'Tỷ lệ đúng hạn',
  onTimeValue: (percent, late) => `${percent} · ${late} trễ hạn`,
  standard: 'Tiêu chuẩn',
  keptYes: 'Có thực hiện',
  keptNo: 'Không thực hiện',
  keptRate: 'Tỷ lệ thực hiện',
  failing: 'Chưa đạt',
  rank: 'Hạng',
  question: 'Câu hỏi',
  questionSetName: (id) =>
    ({ sipas: 'SIPAS (Bộ Nội vụ)', 'tthc-9': 'Phiếu 9 chỉ số một cửa', a11: 'OMB A-11 §280', custom: 'Câu hỏi riêng' })[id] ?? id,
  summaryQuestions: (questions, answers, weakest) =>
    `${questions} câu hỏi, ${answers} lượt trả lời.` + (weakest ? ` Câu có tỷ lệ trả lời tốt thấp nhất: ${weakest}.` : ''),
  nothingAnswers: 'Không có câu trả lời nào trong số liệu đang xem.',
  noteQuestions: 'Mỗi cột là số lượt trả lời một câu hỏi, chia theo từng mức trả lời; mỗi mức có màu và hoa văn riêng.',
  showTable: 'Xem dạng bảng',
  downloadCsv: 'Tải CSV',
  downloadPng: 'Tải ảnh PNG',
  chartActions: (caption) => `Thao tác với biểu đồ: ${caption}`,
  dataTableCaption: (caption) => `Số liệu của biểu đồ: ${caption}`,
  chartLabel: (caption, summary) => `Biểu đồ: ${caption}. ${summary} Số liệu chi tiết có trong bảng đi kèm.`,
  summaryRates: (count, meeting, target, best, worst) =>
    `${count} nhóm, ${meeting} nhóm đạt mục tiêu ${target}.` + (best ? ` Cao nhất: ${best}.` : '') + (worst ? ` Thấp nhất: ${worst}.` : ''),
  summaryTrend: (count, first, last) => `${count} kỳ, từ ${first} đến ${last}.`,
  summaryStandards: (count, failing) =>
    failing.length === 0 ? `Cả ${count} tiêu chuẩn đều đạt mục tiêu.` : `${failing.length} trên ${count} tiêu chuẩn chưa đạt mục tiêu: ${failing.join('; ')}.`,
  summaryComplaints: (period, total, top) => `${period}: ${total} phản ánh.` + (top ? ` Nhiều nhất: ${top}.` : ''),
  summaryNothing: 'Không có số liệu để vẽ.',
  nothingComplaints: 'Không có phản ánh nào trong số liệu đang xem.',
  nothingCases: 'Không có hồ sơ nào trong số liệu đang xem.',
  nothingRatings: 'Không có lượt đánh giá nào trong số liệu đang xem.',
  noteRates: (target, confidence) => `Đường đứt nét: mục tiêu ${target}. Đoạn có hai vạch chặn trên mỗi cột: khoảng tin cậy ${confidence}.`,
  noteLowSample: (minSample) => `Cột gạch chéo: dưới ${minSample} lượt đánh giá, mẫu nhỏ — chưa đủ tin cậy.`,
  noteStandards: (target) => `Tỷ lệ người dân xác nhận cán bộ có thực hiện; cột gạch chéo là tiêu chuẩn dưới mục tiêu ${target}.`,
  noteOnTime: (target) => `Đường đứt nét: mục tiêu ${target}. Hồ sơ đang giải quyết chưa tính vào tỷ lệ.`,
  noteTrend: (target, confidence) => `Đường đứt nét: mục tiêu ${target}. Dải tô nhạt: khoảng tin cậy ${confidence}. Điểm rỗng: mẫu nhỏ — chưa đủ tin cậy.`,
  noteComplaints: 'Mỗi loại phản ánh có màu và hoa văn riêng; số trên đầu cột là tổng số phản ánh.',
  leagueTitle: 'Bảng xếp hạng theo tỷ lệ hài lòng',
  leagueIntro: (minSample) =>
    `Xếp theo cận dưới của khoảng tin cậy (rồi theo tỷ lệ), để đơn vị ít lượt đánh giá không vượt lên chỉ nhờ may mắn. Nhóm dưới ${minSample} lượt đánh giá được liệt kê riêng, không xếp hạng.`,
  lowSampleGroup: 'Mẫu nhỏ — chưa đủ tin cậy (không xếp hạng)',
  sortBy: (column) => `Sắp xếp theo ${column}`,
  loading: 'Đang tải số liệu…',
  loadingFile: 'Đang tải tệp dữ liệu…',
  summarizing: 'Đang tổng hợp số liệu…',
  progressBytes: (read, total) => `${read} / ${total}`,
  progressRecords: (records) => `${records} bản ghi`,
  emptyTitle: 'Chưa có số liệu',
  emptyBody: 'Không có đánh giá, phản ánh hay hồ sơ nào trong kỳ này. Hãy kiểm tra bộ lọc (đơn vị, kỳ báo cáo) hoặc khoảng thời gian.',
  errorTitle: 'Không hiển thị được số liệu',
  errorHttp: (status, text) => `Máy chủ trả lời lỗi HTTP ${status}${text ? ` (${text})` : ''}.`,
  errorNetwork: 'Không kết nối được tới máy chủ số liệu.',
  errorFormat: 'Dữ liệu nhận được không đúng định dạng.',
  errorParse: (count) => `Không đọc được ${count} dòng trong tệp dữ liệu:`,
  errorLine: (line, reason) => `Dòng ${line}: ${reason}`,
  errorMore: (count) => `… và ${count} lỗi khác.`,
  errorWhatToDoHttp: 'Hãy kiểm tra kết nối mạng và địa chỉ nguồn số liệu (thuộc tính src), rồi thử lại. Nếu vẫn lỗi, xin báo bộ phận quản trị hệ thống.',
  errorWhatToDoFile: 'Hãy sửa các dòng trên trong tệp (CSV, JSON hoặc NDJSON theo mẫu bản ghi) rồi tải lại.',
  errorWhatToDoConfig: 'Hãy kiểm tra các thuộc tính của thành phần (group-by, period, time-zone, target) theo tài liệu hướng dẫn.',
  errorConfig: 'Cấu hình không hợp lệ:',
  warningSkipped: (count) => `${count} dòng trong tệp không đọc được và không được tính:`,
  retry: 'Thử lại',
  chartFailed: 'Không vẽ được biểu đồ; số liệu vẫn có trong bảng.',
};

export const en: DashboardMessages = {
  numberLocale: 'en-GB',
  dashboardTitle: 'Citizen satisfaction results',
  chartTitle: {
    satisfaction: 'Satisfaction rate',
    standards: 'Service standards kept',
    trend: 'Satisfaction rate over time',
    complaints: 'Complaints by subject',
    'on-time': 'Dossiers resolved on time',
    questions: 'Answers per question',
  },
  inPeriod: (period) => ` — ${period}`,
  periodAll: 'All time',
  periodYear: (year) => year,
  periodQuarter: (quarter, year) => `Q${quarter} ${year}`,
  periodMonth: (month, year) => `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]} ${year}`,
  periodWeek: (week, year) => `Week ${week}, ${year}`,
  noValue: '(not recorded)',
  groupField: { agency: 'Agency', unit: 'Unit', service: 'Procedure', officer: 'Officer', channel: 'Channel' },
  period: 'Period',
  choosePeriod: 'Reporting period',
  periodNames: { all: 'All time', day: 'Daily', week: 'Weekly', month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' },
  recordsRead: (count) => `${count} records read`,
  sourceCollector: 'Figures from the collector',
  channel: { online: 'Online', kiosk: 'Counter kiosk', counter: 'At the counter', phone: 'Phone', other: 'Other' },
  category: {
    attitude: 'Staff attitude',
    delay: 'Delay',
    fees: 'Fees',
    procedure: 'Procedure, paperwork',
    facilities: 'Facilities',
    other: 'Other',
  },
  satisfactionRate: 'Satisfaction rate',
  satisfactionShort: 'Satisfied',
  ratings: 'Ratings',
  satisfied: 'Satisfied',
  confidenceInterval: (percent) => `${percent} confidence interval`,
  target: (percent) => `Target ${percent}`,
  meetsTarget: 'Met',
  belowTarget: 'Not met',
  legendMeets: 'Meets target',
  legendBelow: 'Below target',
  byGroup: (fields) => ` by ${fields.toLowerCase()}`,
  lowSample: 'Small sample — not reliable yet',
  lowSampleShort: 'small sample',
  notRanked: 'Not ranked',
  noData: 'No data',
  complaints: 'Complaints',
  total: 'Total',
  cases: 'Dossiers',
  onTime: 'On time',
  late: 'Late',
  pending: 'In progress',
  onTimeRate: 'On-time rate',
  onTimeValue: (percent, late) => `${percent} · ${late} late`,
  standard: 'Standard',
  keptYes: 'Kept',
  keptNo: 'Not kept',
  keptRate: 'Kept rate',
  failing: 'Below target',
  rank: 'Rank',
  question: 'Question',
  questionSetName: (id) =>
    ({ sipas: 'SIPAS (Ministry of Home Affairs)', 'tthc-9': 'One-stop nine-index sheet', a11: 'OMB A-11 §280', custom: 'Own questions' })[id] ?? id,
  summaryQuestions: (questions, answers, weakest) =>
    `${questions} questions, ${answers} answers.` + (weakest ? ` Lowest share of good answers: ${weakest}.` : ''),
  nothingAnswers: 'No answers to questions in the figures shown.',
  noteQuestions: 'Each bar counts the answers to one question, split by answer; each answer has its own colour and pattern.',
  showTable: 'Show as table',
  downloadCsv: 'Download CSV',
  downloadPng: 'Download PNG',
  chartActions: (caption) => `Chart actions: ${caption}`,
  dataTableCaption: (caption) => `Data of the chart: ${caption}`,
  chartLabel: (caption, summary) => `Chart: ${caption}. ${summary} The figures are in the table that goes with it.`,
  summaryRates: (count, meeting, target, best, worst) =>
    `${count} groups, ${meeting} meeting the ${target} target.` + (best ? ` Highest: ${best}.` : '') + (worst ? ` Lowest: ${worst}.` : ''),
  summaryTrend: (count, first, last) => `${count} periods, from ${first} to ${last}.`,
  summaryStandards: (count, failing) =>
    failing.length === 0 ? `All ${count} standards meet the target.` : `${failing.length} of ${count} standards are below target: ${failing.join('; ')}.`,
  summaryComplaints: (period, total, top) => `${period}: ${total} complaints.` + (top ? ` Most frequent: ${top}.` : ''),
  summaryNothing: 'Nothing to draw.',
  nothingComplaints: 'No complaints in the figures shown.',
  nothingCases: 'No dossiers in the figures shown.',
  nothingRatings: 'No ratings in the figures shown.',
  noteRates: (target, confidence) => `Dashed line: the ${target} target. The whisker on each bar: the ${confidence} confidence interval.`,
  noteLowSample: (minSample) => `Hatched bars: fewer than ${minSample} ratings, a small sample — not reliable yet.`,
  noteStandards: (target) => `Share of citizens who say staff kept the standard; hatched bars are below the ${target} target.`,
  noteOnTime: (target) => `Dashed line: the ${target} target. Dossiers in progress are not counted in the rate.`,
  noteTrend: (target, confidence) => `Dashed line: the ${target} target. Shaded band: the ${confidence} confidence interval. Hollow points: small sample — not reliable yet.`,
  noteComplaints: 'Each subject has its own colour and pattern; the figure above each bar is the number of complaints.',
  leagueTitle: 'League table by satisfaction',
  leagueIntro: (minSample) =>
    `Ranked by the lower bound of the confidence interval (then by the rate), so that a unit with few ratings cannot rise on luck alone. Groups with fewer than ${minSample} ratings are listed apart, not ranked.`,
  lowSampleGroup: 'Small sample — not reliable yet (not ranked)',
  sortBy: (column) => `Sort by ${column}`,
  loading: 'Loading the figures…',
  loadingFile: 'Downloading the data file…',
  summarizing: 'Adding up the records…',
  progressBytes: (read, total) => `${read} of ${total}`,
  progressRecords: (records) => `${records} records`,
  emptyTitle: 'No figures yet',
  emptyBody: 'There are no ratings, complaints or dossiers for this period. Check the filters (unit, reporting period) or the date range.',
  errorTitle: 'The figures cannot be shown',
  errorHttp: (status, text) => `The server answered with HTTP error ${status}${text ? ` (${text})` : ''}.`,
  errorNetwork: 'The data server could not be reached.',
  errorFormat: 'The data received is not in a format this page reads.',
  errorParse: (count) => `${count} rows of the data file could not be read:`,
  errorLine: (line, reason) => `Line ${line}: ${reason}`,
  errorMore: (count) => `… and ${count} more.`,
  errorWhatToDoHttp: 'Check the network connection and the address of the data (the src attribute), then try again. If it still fails, tell the system administrator.',
  errorWhatToDoFile: 'Correct these rows in the file (CSV, JSON or NDJSON records) and load it again.',
  errorWhatToDoConfig: 'Check the element\'s attributes (group-by, period, time-zone, target) against the documentation.',
  errorConfig: 'The settings are not valid:',
  warningSkipped: (count) => `${count} rows of the file could not be read and are not counted:`,
  retry: 'Try again',
  chartFailed: 'The chart could not be drawn; the figures are in the table.',
};

const DICTIONARIES: Record<string, DashboardMessages> = { vi, en };

/** The dashboard strings of a locale (`vi` for any locale without its own dictionary… as `SvcElement` resolves it). */
export function dashboardMessages(locale: string): DashboardMessages {
  return DICTIONARIES[locale] ?? vi;
}
