// Reading the collector's Open311 XML as a client does: parsed with a well-kept XML library
// (fast-xml-parser), checked against the element structure of the GeoReport v2 examples, and read
// into the JSON shape so the same official schemas validate it.
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Elements of each kind of object, in the order the specification's examples list them. */
export const SPEC_ELEMENTS = {
  service: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
  request: [
    'service_request_id', 'token', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible',
    'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long',
    'media_url', 'account_id',
  ],
  // POST requests: `service_request_id` (or `token`), `service_notice`, `account_id`.
  response: ['service_request_id', 'token', 'service_notice', 'account_id'],
  service_definition: ['service_code', 'attributes'],
  attribute: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values'],
  value: ['key', 'name'],
  discovery: ['changeset', 'contact', 'key_service', 'endpoints'],
  endpoint: ['specification', 'url', 'changeset', 'type', 'formats'],
  error: ['code', 'description'],
} as const;

/** List wrappers and the element of one item (`<attributes><attribute>…`). */
const LISTS: Record<string, string> = { attributes: 'attribute', values: 'value', endpoints: 'endpoint', formats: 'format' };
const BOOLEAN = new Set(['metadata', 'variable', 'required']);
const INTEGER = new Set(['order']);
const NUMBER = new Set(['lat', 'long']);
const REPEATED = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format']);

const parser = new XMLParser({
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

/** Parses an XML answer: well-formed, UTF-8 declaration first, one root; returns `{ root, body }`. */
export function readXml(text: string): { root: string; body: any } {
  assert.equal(XMLValidator.validate(text), true, 'well-formed XML');
  assert.match(text, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, 'starts with the XML declaration naming UTF-8');
  const parsed = parser.parse(text) as Record<string, unknown>;
  const roots = Object.keys(parsed);
  assert.equal(roots.length, 1, 'one root element');
  return { root: roots[0]!, body: parsed[roots[0]!] };
}

/** Asserts an object's child elements appear among the specification's, in its order. */
export function assertElements(kind: keyof typeof SPEC_ELEMENTS, value: Record<string, unknown>): void {
  const allowed: readonly string[] = SPEC_ELEMENTS[kind];
  let last = -1;
  for (const name of Object.keys(value)) {
    const at = allowed.indexOf(name);
    assert.ok(at >= 0, `<${name}> is not an element of <${kind}> in GeoReport v2`);
    assert.ok(at > last, `<${name}> comes in the specification's order within <${kind}>`);
    last = at;
  }
}

/** One parsed XML object in the JSON shape: typed by field name, empty elements null, lists unwrapped. */
export function shape(value: Record<string, unknown>, kind?: keyof typeof SPEC_ELEMENTS): Record<string, unknown> {
  if (kind) assertElements(kind, value);
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(value)) {
    const item = LISTS[name];
    if (item !== undefined) {
      const list = raw === '' ? [] : ((raw as Record<string, unknown[]>)[item] ?? []);
      out[name] = list.map((entry) => (typeof entry === 'object' ? shape(entry as Record<string, unknown>, item as keyof typeof SPEC_ELEMENTS) : entry));
    } else if (raw === '') out[name] = null;
    else if (BOOLEAN.has(name)) {
      assert.ok(raw === 'true' || raw === 'false', `<${name}> is true or false`);
      out[name] = raw === 'true';
    } else if (INTEGER.has(name)) out[name] = Number.parseInt(String(raw), 10);
    else if (NUMBER.has(name)) out[name] = Number(raw);
    else out[name] = raw;
  }
  return out;
}

/** A list answer (`<root><item>…</item></root>`) in the JSON shape: an array. */
export function readXmlList(text: string, root: string, item: 'service' | 'request' | 'error', kind: keyof typeof SPEC_ELEMENTS = item): Record<string, unknown>[] {
  const parsed = readXml(text);
  assert.equal(parsed.root, root, `root element <${root}>`);
  if (parsed.body === '') return [];
  assert.deepEqual(Object.keys(parsed.body), [item], `<${root}> holds only <${item}> elements`);
  return (parsed.body[item] as Record<string, unknown>[]).map((entry) => shape(entry, kind));
}

/** An error answer in XML: `<errors><error><code/><description/></error></errors>`. */
export function readXmlErrors(text: string): Array<{ code: number; description: string }> {
  return readXmlList(text, 'errors', 'error').map(({ code, description }) => {
    assert.match(String(code), /^\d{3}$/, '<code> is an HTTP status');
    return { code: Number(code), description: String(description) };
  });
}
