import type { ServerResponse } from 'node:http';
import { sendJson } from './errors.js';
import { sendXml, type XmlTree } from './xml.js';

/** GeoReport v2 picks the format by the resource's extension: `services.xml`, `requests.json`. */
export type Open311Format = 'json' | 'xml';

/** The format a path asks for: `.xml` → XML; anything else answers JSON (our own routes' default). */
export function formatOf(pathname: string): Open311Format {
  return pathname.toLowerCase().endsWith('.xml') ? 'xml' : 'json';
}

/**
 * The element name of one item of each list field, as the specification's XML examples show them
 * (`<attributes><attribute>…`, `<endpoints><endpoint>…`, `<formats><format>…`).
 */
const ITEM: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

/** The XML form of one answer object: list fields become a wrapper with one element per item. */
function tree(value: Record<string, unknown>): XmlTree {
  const out: XmlTree = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    if (Array.isArray(field)) {
      const item = ITEM[key];
      if (item === undefined) throw new Error(`No XML item name for the list field "${key}".`);
      out[key] = { [item]: field.map((entry) => (typeof entry === 'object' && entry !== null ? tree(entry as Record<string, unknown>) : entry)) };
    } else {
      out[key] = field;
    }
  }
  return out;
}

/**
 * A list answer: JSON `[item, …]`, or XML `<root><item>…</item>…</root>`
 * (`services`/`service`, `service_requests`/`request`).
 */
export function sendOpen311List(
  res: ServerResponse,
  format: Open311Format,
  names: { root: string; item: string },
  items: ReadonlyArray<Record<string, unknown>>,
  status = 200,
): void {
  if (format === 'json') sendJson(res, status, items);
  else sendXml(res, status, { [names.root]: items.length === 0 ? '' : { [names.item]: items.map(tree) } });
}

/** One object answer: JSON as it is, or XML under `root` (`service_definition`, `discovery`). */
export function sendOpen311Object(res: ServerResponse, format: Open311Format, root: string, value: Record<string, unknown>): void {
  if (format === 'json') sendJson(res, 200, value);
  else sendXml(res, 200, { [root]: tree(value) });
}

/**
 * An error as GeoReport v2 lists them: JSON `[{ "code": 400, "description": "…" }]`, or XML
 * `<errors><error><code>400</code><description>…</description></error></errors>`.
 */
export function sendOpen311Error(res: ServerResponse, format: Open311Format, status: number, description: string, headers: Record<string, string> = {}): void {
  const error = { code: status, description };
  if (format === 'json') sendJson(res, status, [error], headers);
  else sendXml(res, status, { errors: { error: [error] } }, headers);
}
