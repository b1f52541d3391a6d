import type { PropertyDeclarations } from 'lit';
import { emit } from '../../core/events.js';
import { lazyPart, type LazyPart } from '../../core/lazy.js';
import { CHANNELS, pageWithoutQuery, type Channel, type CommonFields, type FeedbackRecord } from '../../core/record.js';
import type { TransportKind, Open311Options } from '../../core/outbox.js';
import { uuidV4 } from '../../core/uuid.js';
import { SvcElement } from './svc-element.js';

/**
 * The delivery path (outbox, transport, the check of host additions): asked for when the first
 * submitting element connects, started as soon as it is here. A submitting element is drawn only
 * once it is here (like its strings): a form that is shown can always store what it is sent, even
 * if the page went offline a moment after it loaded.
 */
const deliveryPart = lazyPart(import.meta, 'delivery', () =>
  import('./delivery.js').then((delivery) => {
    delivery.startDelivery();
    if (open311Wanted) delivery.startOpen311();
    return delivery;
  }),
);

let open311Wanted = false;

/** The page files complaints (over Open311, maybe): the delivery part registers that sender too. */
export function useOpen311(): void {
  if (open311Wanted) return;
  open311Wanted = true;
  deliveryPart.value?.startOpen311();
}

/** What happened to a record handed to `queueRecord`. */
export type QueueResult =
  | { status: 'queued'; record: FeedbackRecord; persisted: boolean }
  | { status: 'cancelled' }
  | { status: 'invalid'; message: string; field?: string };

/** Attribute text → trimmed value, or undefined for empty. Properties accept non-strings too. */
function clean(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/**
 * The shared attributes of elements that submit records (`endpoint`, `agency`, `unit`, `service`,
 * `case-id`, `officer`, `channel`) and the one way a record is submitted: `svc-submit`
 * (cancelable), validation, the outbox, `svc-queued`, then delivery in the background.
 */
export class SvcSubmittingElement<M extends object = object> extends SvcElement<M> {
  static override properties: PropertyDeclarations = {
    endpoint: {},
    agency: {},
    unit: {},
    service: {},
    caseId: { attribute: 'case-id' },
    officer: {},
    channel: {},
  };

  /** Collector base URL; absent keeps records on this device only. */
  declare endpoint: string | undefined;
  /** Agency code; required to submit. */
  declare agency: string | undefined;
  /** The unit (department, counter team) that served the citizen. */
  declare unit: string | undefined;
  /** Procedure code. */
  declare service: string | undefined;
  /** Dossier or receipt number. */
  declare caseId: string | undefined;
  /** Code of the officer who served (scores of named staff are admin-only on the collector). */
  declare officer: string | undefined;
  /** `online` | `kiosk` | `counter` | `phone` | `other`. */
  declare channel: string | undefined;

  /**
   * The delivery part, asked for on connect with the element's strings (while the page is surely
   * online: the citizen may be offline by the time they press "send"); it also starts the
   * delivery of what an earlier page life left.
   */
  protected override get partsShown(): LazyPart<unknown>[] {
    return this.submits ? [deliveryPart] : [];
  }

  /** The delivery part (outbox, drafts), once it is here (it is whenever the element is drawn). */
  protected delivery(): Promise<typeof import('./delivery.js')> {
    return deliveryPart.ready();
  }

  /** Whether this element submits records itself (a notice without ratings does not). */
  protected get submits(): boolean {
    return true;
  }

  /** The channel recorded when the attribute is absent. */
  protected get defaultChannel(): Channel {
    return 'online';
  }

  /** The endpoint resolved against the page (relative URLs such as "/" work), or null. */
  protected get endpointUrl(): string | null {
    const endpoint = clean(this.endpoint);
    if (!endpoint) return null;
    try {
      return new URL(endpoint, document.baseURI).href;
    } catch {
      return null;
    }
  }

  /** The fields every record from this element carries. */
  protected commonFields(kind: 'rating' | 'complaint'): CommonFields & { channel: Channel; locale: string; createdAt: string } {
    const fields: CommonFields & { channel: Channel; locale: string; createdAt: string } = {
      id: uuidV4(),
      kind,
      createdAt: new Date().toISOString(),
      agency: clean(this.agency) ?? '',
      channel: CHANNELS.includes(clean(this.channel) as Channel) ? (clean(this.channel) as Channel) : this.defaultChannel,
      locale: this.locale,
      page: pageWithoutQuery(location.href),
    };
    const optional = { unit: this.unit, service: this.service, caseId: this.caseId, officer: this.officer };
    for (const [key, value] of Object.entries(optional)) {
      const text = clean(value);
      if (text) fields[key] = text;
    }
    return fields;
  }

  /** Checks of an element's own (e.g. a rating's answers), run on what host code left in `svc-submit`. */
  protected async recordProblem(_record: FeedbackRecord): Promise<{ message: string; field?: string } | undefined> {
    return undefined;
  }

  /**
   * Fires `svc-submit`, validates what the host left in it, stores it in the outbox and fires
   * `svc-queued` (the delivery part's `queue`). Never waits on the network: the delivery part is
   * here before the element is drawn (should it not be, the record waits for it, still in the
   * form, while the send button says it is saving — it is never dropped).
   */
  protected async queueRecord(
    record: FeedbackRecord,
    transport: { transport: TransportKind; open311?: Open311Options } = { transport: 'collector' },
  ): Promise<QueueResult> {
    if (!record.agency) {
      const message = `<${this.localName}> needs an "agency" attribute (the agency's code) before it can submit.`;
      console.error(`[service-feedback] ${message}`);
      emit(this, 'svc-error', { code: 'validation', message, field: 'agency' });
      return { status: 'invalid', message, field: 'agency' };
    }
    return (await this.delivery()).queue(this, record, this.endpointUrl, transport, (checked) => this.recordProblem(checked));
  }
}
