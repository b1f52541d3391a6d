import type { PropertyDeclarations } from 'lit';
import { emit } from '../../core/events.js';
import { CHANNELS, pageWithoutQuery, type Channel, type CommonFields, type FeedbackRecord } from '../../core/record.js';
import { pageTransportInstance } from '../../core/transport.js';
import type { TransportKind, Open311Options } from '../../core/outbox.js';
import { uuidV4 } from '../../core/uuid.js';
import { shapeProblem } from '../../core/shape.js';
import { SvcElement } from './svc-element.js';

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
export class SvcSubmittingElement extends SvcElement {
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

  override connectedCallback(): void {
    super.connectedCallback();
    pageTransportInstance();
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
   * `svc-queued`. Never waits on the network.
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
    if (!emit(this, 'svc-submit', { record }, { cancelable: true })) return { status: 'cancelled' };
    // The element builds valid records (tests hold every one against validateRecord); what host
    // code added in svc-submit is checked here. The collector validates everything again.
    const problem = shapeProblem(record) ?? (await this.recordProblem(record));
    if (problem) {
      console.error(`[service-feedback] <${this.localName}>: the record cannot be sent: ${problem.message}`);
      const field = problem.field;
      emit(this, 'svc-error', { code: 'validation', message: problem.message, id: record.id, ...(field ? { field } : {}) });
      return { status: 'invalid', message: problem.message, ...(field ? { field } : {}) };
    }
    const persisted = await pageTransportInstance().queue(record, this.endpointUrl, this, transport);
    emit(this, 'svc-queued', { record, persisted });
    if (!persisted) {
      emit(this, 'svc-error', {
        code: 'storage-unavailable',
        message: 'The record could not be stored on this device; it is kept in memory until sent.',
        id: record.id,
      });
    }
    return { status: 'queued', record, persisted };
  }
}
