import { request } from '../../core/delivery.js';
import { emit } from '../../core/events.js';
import { lazyPart } from '../../core/lazy.js';
import type { Open311Options, TransportKind } from '../../core/outbox.js';
import type { FeedbackRecord } from '../../core/record.js';
import { shapeProblem } from '../../core/shape.js';
import { pageTransportInstance, registerSender } from '../../core/transport.js';
import type { QueueResult } from './submitting-element.js';

export { clearDraft, loadDraft, saveDraft } from '../../core/drafts.js';

/**
 * What happens to a record once its element has built it — `svc-submit`, the check of what host
 * code added, the outbox (IndexedDB through idb-keyval), `svc-queued`, the transport with its
 * retries — and the complaint's drafts (the same IndexedDB code), in a part of its own, fetched when the
 * first submitting element connects (`SvcSubmittingElement`). The elements draw without it, and
 * it is here long before anyone can press "send": queueing never waits on the network.
 */

const open311Part = lazyPart(import.meta, 'open311', () => import('../../core/open311.js'));

/** Starts the page's transport (once): what an earlier page left in the outbox goes out now. */
export function startDelivery(): void {
  pageTransportInstance();
}

/**
 * The page files complaints with `transport="open311"` (the complaint element says so): the
 * Open311 sender is registered, and the outbox is sent again so that Open311 records waiting from
 * an earlier page life go too.
 */
export function startOpen311(): void {
  void open311Part.ready().then(({ open311Sender }) => {
    registerSender('open311', open311Sender(request));
    void pageTransportInstance().flush({ force: true });
  });
}

/**
 * Fires `svc-submit` (cancelable), checks what host code left in the record (the element's own
 * check too: `problem`), stores it in the outbox and fires `svc-queued` (and `svc-error` if only
 * memory kept it). Never waits on the network.
 */
export async function queue(
  host: HTMLElement,
  record: FeedbackRecord,
  endpoint: string | null,
  transport: { transport: TransportKind; open311?: Open311Options },
  problemOf: (record: FeedbackRecord) => Promise<{ message: string; field?: string } | undefined>,
): Promise<QueueResult> {
  if (!emit(host, 'svc-submit', { record }, { cancelable: true })) return { status: 'cancelled' };
  // The element builds valid records (tests hold every one against validateRecord); what host
  // code added in svc-submit is checked here. The collector validates everything again.
  const problem = shapeProblem(record) ?? (await problemOf(record));
  if (problem) {
    const { message, field } = problem;
    console.error(`[service-feedback] <${host.localName}>: the record cannot be sent: ${message}`);
    emit(host, 'svc-error', { code: 'validation', message, id: record.id, ...(field ? { field } : {}) });
    return { status: 'invalid', message, ...(field ? { field } : {}) };
  }
  const persisted = await pageTransportInstance().queue(record, endpoint, host, transport);
  emit(host, 'svc-queued', { record, persisted });
  if (!persisted) {
    emit(host, 'svc-error', {
      code: 'storage-unavailable',
      message: 'The record could not be stored on this device; it is kept in memory until sent.',
      id: record.id,
    });
  }
  return { status: 'queued', record, persisted };
}
