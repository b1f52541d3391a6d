import type { ServerResponse } from 'node:http';
import Builder from 'fast-xml-builder';

/** Characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE/U+FFFF, lone surrogates). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * One builder for every XML answer: the library escapes text (`&`, `<`, `>`, quotes), the value
 * processor drops characters no XML document may contain (the validator already refuses them in
 * records; this keeps a document well-formed whatever a field holds). Element names come from
 * our code only, never from input.
 */
const builder = new Builder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
  tagValueProcessor: (_name: string, value: unknown) => (typeof value === 'string' ? value.replace(NOT_XML, '') : value),
});

/** An XML element tree as plain data: `{ services: { service: [{ service_code: 'x' }] } }`; null and undefined leave the element empty or out. */
export type XmlTree = Record<string, unknown>;

/** A UTF-8 document with its declaration, from `tree` (one root element). */
export function toXml(tree: XmlTree): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...tree });
}

/** Sends an XML document (UTF-8, no caching: answers are per request). */
export function sendXml(res: ServerResponse, status: number, tree: XmlTree, headers: Record<string, string> = {}): void {
  const text = toXml(tree);
  res.writeHead(status, {
    'Content-Type': 'text/xml; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}
