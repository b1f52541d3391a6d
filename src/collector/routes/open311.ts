import { createHash, timingSafeEqual } from 'node:crypto';
import type { ComplaintRecord } from '../../core/record.js';
import { UUID_V4, uuidV4 } from '../../core/uuid.js';
import type { Context } from '../app.js';
import { decodeUtf8, mediaType, readBody } from '../http/body.js';
import { HttpError, sendJson } from '../http/errors.js';
import type { ComplaintView } from '../storage/types.js';
import { checkSubmission, queueReceived, takeRateLimit } from './submissions.js';

// Open311 GeoReport v2 for complaints (CONTRACT §6): service_code = complaint category,
// service_request_id = tracking code, status open (received, in_progress) or closed.

type Locale = 'vi' | 'en';

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

function locale(url: URL): Locale {
  return url.searchParams.get('locale')?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

function serviceName(code: string, lang: Locale): string {
  return NAMES[lang][code]?.[0] ?? code;
}

/** An error in Open311's form: the route marks itself open311, so the server answers `[{ code, description }]`. */
const fail = (status: number, message: string) => new HttpError(status, status === 403 ? 'forbidden' : status === 404 ? 'not_found' : 'validation', message);

/** GET /open311/v2/services.json — one service per complaint category. */
export function getOpen311Services(context: Context): void {
  const lang = locale(context.url);
  const services = context.app.config.complaintCategories.map((code) => ({
    service_code: code,
    service_name: serviceName(code, lang),
    description: NAMES[lang][code]?.[1] ?? null,
    metadata: false,
    type: 'realtime' as const,
    keywords: lang === 'vi' ? 'khiếu nại, phản ánh' : 'complaint',
    group: lang === 'vi' ? 'Phản ánh, kiến nghị' : 'Complaints',
  }));
  sendJson(context.res, 200, services);
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

function checkApiKey(keys: readonly string[] | undefined, given: string | null): void {
  if (keys === undefined) return;
  const hash = digest(given ?? '');
  // Compare against every key (no early exit), each in constant time.
  const ok = keys.reduce((found, key) => timingSafeEqual(digest(key), hash) || found, false);
  if (!ok) throw fail(403, 'A valid api_key is required.');
}

/** A number parameter within bounds, absent, or a 400 naming it. */
function coordinate(form: URLSearchParams, name: string, limit: number): number | undefined {
  const raw = form.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!/^-?\d+(\.\d+)?$/.test(raw.trim()) || Math.abs(value) > limit) throw fail(400, `${name} must be a WGS-84 coordinate.`);
  return value;
}

/** Fields of §4 a client may pass as `attribute[...]` beside `attribute[svc_id]`. */
const ATTRIBUTES: Record<string, string> = {
  unit: 'unit',
  service: 'service',
  case_id: 'caseId',
  officer: 'officer',
  standard: 'standard',
  locale: 'locale',
  channel: 'channel',
};

/**
 * Maps a GeoReport v2 form to a §4 complaint. Contact fields need consent in §4; an Open311 client
 * has no consent tick, so sending them is taken as the client having obtained it, and the record
 * says so: `consentText` "Submitted via Open311 by <client>", `consentAt` the time of receipt.
 */
export function open311ToComplaint(form: URLSearchParams, options: { agency: string | undefined; now: Date }): Record<string, unknown> {
  const text = (name: string) => {
    const value = form.get(name);
    return value === null || value.trim() === '' ? undefined : value.trim();
  };
  const agency = text('jurisdiction_id') ?? options.agency;
  if (agency === undefined) throw fail(400, 'jurisdiction_id is required: this collector has no default agency (OPEN311_AGENCY).');
  const svcId = text('attribute[svc_id]');
  const now = options.now.toISOString();
  const record: Record<string, unknown> = {
    id: svcId !== undefined && UUID_V4.test(svcId) ? svcId.toLowerCase() : uuidV4(),
    kind: 'complaint',
    createdAt: now,
    agency,
    channel: 'online',
    locale: 'vi',
    category: form.get('service_code') ?? '',
    description: form.get('description') ?? '',
    source: 'open311',
  };
  for (const [attribute, field] of Object.entries(ATTRIBUTES)) {
    const value = text(`attribute[${attribute}]`);
    if (value !== undefined) record[field] = value;
  }
  const lat = coordinate(form, 'lat', 90);
  const long = coordinate(form, 'long', 180);
  const location: Record<string, unknown> = {};
  if (lat !== undefined) location['lat'] = lat;
  if (long !== undefined) location['long'] = long;
  const address = text('address_string') ?? text('address');
  if (address !== undefined) location['address'] = address;
  const addressId = text('address_id');
  if (addressId !== undefined) location['addressId'] = addressId;
  if (Object.keys(location).length > 0) record['location'] = location;

  const name = [text('first_name'), text('last_name')].filter(Boolean).join(' ');
  const email = text('email');
  const phone = text('phone');
  if (name || email || phone) {
    const key = text('api_key');
    const client = key ? `API client ${digest(key).toString('hex').slice(0, 8)}` : 'an Open311 client without api_key';
    record['contact'] = {
      ...(name ? { name } : {}),
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      consent: true,
      consentText: `Submitted via Open311 by ${client}`,
      consentAt: now,
    };
  }
  return record;
}

/** Open311 parameter names of §4 fields, for error messages a client can act on. */
const PARAMETER: Record<string, string> = {
  category: 'service_code',
  description: 'description',
  agency: 'jurisdiction_id',
  'contact.name': 'first_name / last_name',
  'contact.email': 'email',
  'contact.phone': 'phone',
  'location.address': 'address_string',
  'location.addressId': 'address_id',
};

/** POST /open311/v2/requests.json — form-encoded, per GeoReport v2. */
export async function postOpen311Request(context: Context): Promise<void> {
  const { app, req, res } = context;
  takeRateLimit(context);
  const type = mediaType(req);
  if (type !== 'application/x-www-form-urlencoded' && type !== '') {
    throw new HttpError(415, 'unsupported_media_type', 'Send the request as application/x-www-form-urlencoded.');
  }
  const form = new URLSearchParams(decodeUtf8(await readBody(req, 256 * 1024)));
  checkApiKey(app.config.open311ApiKeys, form.get('api_key'));
  const code = form.get('service_code');
  if (code === null || code === '') throw fail(400, 'service_code is required.');
  if (!app.config.complaintCategories.includes(code)) throw fail(400, `service_code "${code.slice(0, 64)}" is not a service here.`);
  const now = app.now();
  const checked = checkSubmission(open311ToComplaint(form, { agency: app.config.open311Agency, now }));
  if (!checked.ok) {
    const field = checked.error.field;
    const parameter = field === undefined ? undefined : (PARAMETER[field] ?? (field.startsWith('attribute') ? field : `attribute[${field}]`));
    throw fail(400, parameter ? `${parameter}: ${checked.error.message}` : checked.error.message);
  }
  context.log.records = 1;
  const [outcome] = await app.storage.submit([checked.record as ComplaintRecord], { now, complaintDueDays: app.config.complaintDueDays });
  if (!outcome?.trackingCode) throw fail(400, 'attribute[svc_id] is already the id of a record that is not a complaint.');
  await queueReceived(context, [{ record: checked.record, outcome }], now);
  sendJson(res, 200, [
    {
      service_request_id: outcome.trackingCode,
      service_notice: `Received; a response is due by ${outcome.dueAt}.`,
    },
  ]);
}

/** The GeoReport v2 view of a complaint: no description, contact or location (they may be personal). */
export function open311Request(view: ComplaintView, lang: Locale) {
  return {
    service_request_id: view.trackingCode,
    status: view.status === 'received' || view.status === 'in_progress' ? 'open' : 'closed',
    status_notes: view.response,
    service_name: serviceName(view.category, lang),
    service_code: view.category,
    agency_responsible: view.agency,
    requested_datetime: view.createdAt,
    updated_datetime: view.updatedAt,
    expected_datetime: view.dueAt,
  };
}

/** GET /open311/v2/requests/:id.json — an array of one request (tracking code or record id). */
export async function getOpen311Request(context: Context): Promise<void> {
  const id = context.params['id'] ?? '';
  const view = id.length > 0 && id.length <= 128 ? await context.app.storage.findComplaint(id) : undefined;
  if (!view) throw fail(404, 'No service request has this id.');
  sendJson(context.res, 200, [open311Request(view, locale(context.url))]);
}
