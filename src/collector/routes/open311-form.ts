import { createHash } from 'node:crypto';
import { UUID_V4, uuidV4 } from '../../core/uuid.js';
import { decodeUtf8, mediaType, parseJson } from '../http/body.js';
import { HttpError } from '../http/errors.js';
import type { IncomingMessage } from 'node:http';

// From a GeoReport v2 POST to a §4 complaint: the body (form-encoded, as the specification and
// FixMyStreet send it, or JSON, as some 311 apps do) read into one form, then mapped to a record.

/** A 4xx in Open311's form (the route is marked open311, so the server answers an error list). */
export const fail = (status: number, message: string) =>
  new HttpError(status, status === 403 ? 'forbidden' : status === 404 ? 'not_found' : status === 415 ? 'unsupported_media_type' : 'validation', message);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function scalar(name: string, value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw fail(400, `${name.slice(0, 64)} must be a string or a number.`);
}

/**
 * A JSON body as the same form: `{ "service_code": "delay", "attribute": { "svc_id": "…" } }`,
 * or with the form's own keys (`"attribute[svc_id]"`). A list value is a multi-value attribute.
 */
export function jsonToForm(body: unknown): URLSearchParams {
  if (!isObject(body)) throw fail(400, 'Send one object of GeoReport v2 fields (service_code, description, …).');
  const form = new URLSearchParams();
  const add = (name: string, value: unknown) => {
    for (const item of Array.isArray(value) ? value : [value]) {
      const text = scalar(name, item);
      if (text !== undefined) form.append(name, text);
    }
  };
  for (const [key, value] of Object.entries(body)) {
    if (key === 'attribute' && isObject(value)) for (const [name, item] of Object.entries(value)) add(`attribute[${name}]`, item);
    else add(key, value);
  }
  return form;
}

/** The POST body as a form: `application/x-www-form-urlencoded` (the specification's) or JSON. */
export function readForm(req: IncomingMessage, body: Buffer): URLSearchParams {
  const type = mediaType(req);
  if (type === 'application/x-www-form-urlencoded' || type === '') return new URLSearchParams(decodeUtf8(body));
  if (type === 'application/json' || type.endsWith('+json')) return jsonToForm(parseJson(req, body));
  throw fail(415, 'Send the request as application/x-www-form-urlencoded (or application/json).');
}

export const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** A number parameter within bounds, absent, or a 400 naming it. */
function coordinate(form: URLSearchParams, name: string, limit: number): number | undefined {
  const raw = form.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!/^[-+]?\d+(\.\d+)?$/.test(raw.trim()) || Math.abs(value) > limit) throw fail(400, `${name} must be a WGS-84 coordinate.`);
  return value;
}

/** An http(s) URL of at most 2,000 characters, absent, or a 400. */
function mediaUrl(form: URLSearchParams): string | undefined {
  const raw = form.get('media_url')?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || raw.length > 2000) throw fail(400, 'media_url must be an http(s) URL of at most 2,000 characters.');
  return url.href;
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
  const media = mediaUrl(form);
  if (media !== undefined) record['mediaUrl'] = media;

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
  mediaUrl: 'media_url',
  caseId: 'attribute[case_id]',
};

/** The Open311 name of the parameter behind a §4 field. */
export function parameterOf(field: string): string {
  return PARAMETER[field] ?? (field.startsWith('attribute') ? field : `attribute[${field}]`);
}
