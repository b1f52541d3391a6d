import type { DeliveryOutcome, SendOptions } from './delivery.js';
import type { OutboxEntry } from './outbox.js';
import type { ComplaintRecord } from './record.js';
import type { Sender } from './transport.js';

/** The POST helper every transport shares (`request` of delivery.ts). */
type Post = typeof import('./delivery.js').request;

/**
 * The sender that delivers a complaint to any Open311 GeoReport v2 endpoint
 * (`{endpoint}/requests.json`, or `requests.xml` with `format: 'xml'`; form encoded, one request
 * per record). Open311 has no idempotency key: the record id travels as `attribute[svc_id]` so a
 * receiving system can drop repeats (our collector uses it as the id).
 *
 * `request` (delivery.ts) is handed in rather than imported: in the CDN build this module is a
 * part loaded by the delivery part, and a part that imports code of another part could not be
 * fetched again on its own after a failure (see src/core/lazy.ts).
 */
export const open311Sender = (request: Post): Sender => (entries, options) => sendToOpen311(request, entries, options);

async function sendToOpen311(request: Post, entries: OutboxEntry[], options: SendOptions): Promise<DeliveryOutcome> {
  const entry = entries[0]!;
  const record = entry.record as ComplaintRecord;
  const form = new URLSearchParams();
  const settings = entry.open311 ?? {};
  form.set('service_code', settings.serviceCode || record.category);
  form.set('description', record.description);
  form.set('attribute[svc_id]', record.id);
  if (settings.jurisdictionId) form.set('jurisdiction_id', settings.jurisdictionId);
  if (settings.apiKey) form.set('api_key', settings.apiKey);
  // Contact details exist on the record only with the citizen's consent (the validator insists).
  const contact = record.contact;
  if (contact?.consent) {
    if (contact.email) form.set('email', contact.email);
    if (contact.phone) form.set('phone', contact.phone);
    if (contact.name) {
      const [first, ...rest] = contact.name.split(' ');
      form.set('first_name', first ?? '');
      if (rest.length > 0) form.set('last_name', rest.join(' '));
    }
  }
  const url = `${entry.endpoint!.replace(/\/+$/, '')}/requests.${settings.format === 'xml' ? 'xml' : 'json'}`;
  const onOk = async (response: Response): Promise<DeliveryOutcome> => {
    const first = read(await response.text(), 'request');
    const trackingCode = first?.['service_request_id'] || first?.['token'];
    if (!trackingCode) return { type: 'retry', reason: 'The Open311 server sent no request id.' };
    return { type: 'answered', results: [{ id: record.id, status: 'accepted', trackingCode }] };
  };
  const onError = async (response: Response) => {
    let description: string | undefined;
    try {
      description = read(await response.text(), 'error')?.['description'];
    } catch {
      description = undefined;
    }
    return { message: description || `HTTP ${response.status}` };
  };
  return request(url, { body: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, options, onOk, onError);
}

/**
 * The first item of a GeoReport v2 list answer, whichever format the server chose (many speak
 * only XML, whatever the extension): JSON `[{…}]`, or XML `<…><item><field>…</field></item></…>`
 * read with the browser's own DOMParser (no XML library in the citizen bundle). Throws on
 * neither.
 */
function read(text: string, item: 'request' | 'error'): Record<string, string> | undefined {
  if (text.trimStart().startsWith('<')) {
    const doc = new DOMParser().parseFromString(text, 'text/xml');
    if (doc.getElementsByTagName('parsererror').length > 0) throw new Error('The reply is not well-formed XML.');
    const element = doc.getElementsByTagName(item)[0];
    if (!element) return undefined;
    const fields: Record<string, string> = {};
    for (const child of Array.from(element.children)) fields[child.localName] = child.textContent?.trim() ?? '';
    return fields;
  }
  const value = JSON.parse(text) as unknown;
  const first = Array.isArray(value) ? (value[0] as Record<string, unknown> | undefined) : undefined;
  if (!first || typeof first !== 'object') return undefined;
  return Object.fromEntries(Object.entries(first).map(([key, field]) => [key, field === null || field === undefined ? '' : String(field)]));
}
