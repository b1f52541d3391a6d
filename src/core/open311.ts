import { request, type DeliveryOutcome, type SendOptions } from './delivery.js';
import type { OutboxEntry } from './outbox.js';
import type { ComplaintRecord } from './record.js';

/**
 * Delivers a complaint to any Open311 GeoReport v2 endpoint (`{endpoint}/requests.json`, form
 * encoded, one request per record). Open311 has no idempotency key: the record id travels as
 * `attribute[svc_id]` so a receiving system can drop repeats (our collector uses it as the id).
 */
export async function sendToOpen311(entries: OutboxEntry[], options: SendOptions): Promise<DeliveryOutcome> {
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
  const url = `${entry.endpoint!.replace(/\/+$/, '')}/requests.json`;
  return request(url, { body: form.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, options, async (response) => {
    const reply = (await response.json()) as Array<{ service_request_id?: string; token?: string }>;
    const first = Array.isArray(reply) ? reply[0] : undefined;
    const trackingCode = first?.service_request_id ?? first?.token;
    if (!trackingCode) return { type: 'retry', reason: 'The Open311 server sent no request id.' };
    return { type: 'answered', results: [{ id: record.id, status: 'accepted', trackingCode: String(trackingCode) }] };
  });
}
