import { TEN_STANDARDS, standardText } from '../../core/standards.js';
import type { Context } from '../app.js';
import { HttpError } from '../http/errors.js';
import { formatOf, sendOpen311List, sendOpen311Object } from '../http/open311.js';

// GeoReport v2 services (CONTRACT §6): one service per complaint category. Each has a service
// definition offering the §4 fields an Open311 client may pass as attribute[...]: unit, standard
// and case_id (metadata: true tells clients to fetch it). attribute[svc_id] is the transport's own
// idempotency key, not a question for a person, so it is not listed.

export type Locale = 'vi' | 'en';

const NAMES: Record<Locale, Record<string, [name: string, description: string]>> = {
  vi: {
    attitude: ['Thái độ phục vụ', 'Phản ánh về thái độ, tác phong của cán bộ, công chức.'],
    delay: ['Chậm trễ, trễ hẹn', 'Hồ sơ, thủ tục giải quyết chậm hoặc trễ hẹn.'],
    fees: ['Phí, lệ phí', 'Thu phí, lệ phí không đúng quy định hoặc không rõ ràng.'],
    procedure: ['Thủ tục hành chính', 'Thủ tục rườm rà, yêu cầu giấy tờ không đúng quy định.'],
    facilities: ['Cơ sở vật chất', 'Nơi tiếp nhận, trang thiết bị, chỗ ngồi chờ.'],
    other: ['Khác', 'Phản ánh, kiến nghị khác.'],
  },
  en: {
    attitude: ['Staff attitude', 'How officials treated you.'],
    delay: ['Delay', 'A dossier or procedure handled late or past its appointment.'],
    fees: ['Fees and charges', 'Fees charged wrongly or without explanation.'],
    procedure: ['Procedure', 'Needless steps or papers not required by the rules.'],
    facilities: ['Facilities', 'The reception area, equipment, waiting seats.'],
    other: ['Other', 'Any other complaint or suggestion.'],
  },
};

const ATTRIBUTE_TEXT: Record<Locale, Record<'unit' | 'standard' | 'case_id', [description: string, datatype: string]>> = {
  vi: {
    unit: ['Bộ phận, phòng ban đã phục vụ (nếu biết).', 'Mã bộ phận do cơ quan công bố, ví dụ bo-phan-mot-cua.'],
    standard: ['Tiêu chuẩn phục vụ bị vi phạm (nếu có).', 'Chọn một trong mười tiêu chuẩn.'],
    case_id: ['Số hồ sơ hoặc số biên nhận (nếu có).', 'Ghi như trên giấy biên nhận.'],
  },
  en: {
    unit: ['The unit or department that served you, if known.', 'The unit code the agency publishes, such as bo-phan-mot-cua.'],
    standard: ['The service standard that was breached, if any.', 'One of the ten standards.'],
    case_id: ['The dossier or receipt number, if any.', 'As printed on the receipt.'],
  },
};

/** `locale=en…` answers in English; Vietnamese otherwise. */
export function localeOf(url: URL): Locale {
  return url.searchParams.get('locale')?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

export function serviceName(code: string, lang: Locale): string {
  return NAMES[lang][code]?.[0] ?? code;
}

/** GET /open311/v2/services.{json,xml} — one service per complaint category. */
export function getOpen311Services(context: Context): void {
  const lang = localeOf(context.url);
  const services = context.app.config.complaintCategories.map((code) => ({
    service_code: code,
    service_name: serviceName(code, lang),
    description: NAMES[lang][code]?.[1] ?? null,
    metadata: true,
    type: 'realtime',
    keywords: lang === 'vi' ? 'khiếu nại, phản ánh' : 'complaint',
    group: lang === 'vi' ? 'Phản ánh, kiến nghị' : 'Complaints',
  }));
  sendOpen311List(context.res, formatOf(context.url.pathname), { root: 'services', item: 'service' }, services);
}

/** The optional attributes every service takes (the same for each category). */
export function serviceAttributes(lang: Locale) {
  const text = ATTRIBUTE_TEXT[lang];
  return [
    { variable: true, code: 'unit', datatype: 'string', required: false, datatype_description: text.unit[1], order: 1, description: text.unit[0] },
    {
      variable: true,
      code: 'standard',
      datatype: 'singlevaluelist',
      required: false,
      datatype_description: text.standard[1],
      order: 2,
      description: text.standard[0],
      values: TEN_STANDARDS.map((standard) => ({ key: standard.id, name: standardText(standard, lang) })),
    },
    { variable: true, code: 'case_id', datatype: 'string', required: false, datatype_description: text.case_id[1], order: 3, description: text.case_id[0] },
  ];
}

/** GET /open311/v2/services/{service_code}.{json,xml} — the service definition. */
export function getOpen311ServiceDefinition(context: Context): void {
  const code = context.params['code'] ?? '';
  if (!context.app.config.complaintCategories.includes(code)) {
    throw new HttpError(404, 'not_found', `service_code "${code.slice(0, 64)}" is not a service here.`);
  }
  const definition = { service_code: code, attributes: serviceAttributes(localeOf(context.url)) };
  sendOpen311Object(context.res, formatOf(context.url.pathname), 'service_definition', definition);
}
