import { html, type TemplateResult } from 'lit';
import { verifiedMessagesFor, type VerifiedMessages } from '../../core/i18n-verified.js';
import type { RatingRecord } from '../../core/record.js';
import type { GateFactory, GateHost, RatingGate } from './gate.js';
import { caseSummary, refusalText } from './verified-view.js';

/** What the collector said about the invitation; `unknown` when it could not be asked (offline). */
type Lookup =
  | { state: 'checking' }
  | { state: 'open'; agency: string; unit?: string; service?: string; caseId: string | null }
  | { state: 'used' | 'expired' | 'invalid' }
  | { state: 'unknown' };

const LOOKUP_TIMEOUT_MS = 8000;

/**
 * `<svc-rating invitation>` (or `?svc-invite=` on the page): looks the invitation up before the
 * citizen starts and shows what is rated; a used, expired or unknown code shows a clear message
 * instead of the form. Offline (or without an answer) the citizen rates and the record is queued
 * with the code: the collector decides, and a later refusal is told on the thank-you panel.
 */
class InvitationGate implements RatingGate {
  private lookup: Lookup = { state: 'checking' };
  private checked: string | undefined;
  private abort: AbortController | undefined;

  constructor(private readonly host: GateHost) {
    host.addController(this);
  }

  private get t(): VerifiedMessages {
    return verifiedMessagesFor(this.host.locale);
  }

  hostConnected(): void {
    this.checked = undefined;
    this.hostUpdate();
  }

  hostDisconnected(): void {
    this.abort?.abort();
  }

  /** A new code (attribute changed) is looked up again. */
  hostUpdate(): void {
    const code = this.host.invitationCode();
    if (code === this.checked) return;
    this.checked = code;
    void this.check(code);
  }

  private async check(code: string | undefined): Promise<void> {
    this.abort?.abort();
    const base = this.host.collectorUrl();
    if (!code) return this.set({ state: 'invalid' });
    if (!base || globalThis.navigator?.onLine === false) return this.set({ state: 'unknown' });
    const abort = (this.abort = new AbortController());
    const timer = setTimeout(() => abort.abort(), LOOKUP_TIMEOUT_MS);
    this.set({ state: 'checking' });
    let next: Lookup;
    try {
      const response = await fetch(`${base.replace(/\/+$/, '')}/v1/invitations/${encodeURIComponent(code)}`, {
        signal: abort.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
      if (response.status === 404) next = { state: 'invalid' };
      else if (!response.ok) next = { state: 'unknown' };
      else {
        const body = (await response.json()) as { status?: string; agency?: string; unit?: string; service?: string; caseId?: string | null };
        if (body.status === 'open') {
          next = { state: 'open', agency: String(body.agency ?? ''), caseId: body.caseId ?? null };
          if (typeof body.unit === 'string') next.unit = body.unit;
          if (typeof body.service === 'string') next.service = body.service;
        } else next = { state: body.status === 'used' ? 'used' : body.status === 'expired' ? 'expired' : 'invalid' };
      }
    } catch {
      // Aborted by a newer lookup: that one decides. Else the network failed: rate and queue.
      if (abort !== this.abort) return;
      next = { state: 'unknown' };
    } finally {
      clearTimeout(timer);
    }
    if (abort === this.abort) this.set(next);
  }

  private set(lookup: Lookup): void {
    this.lookup = lookup;
    this.host.requestUpdate();
  }

  screen(): TemplateResult | undefined {
    const t = this.t;
    switch (this.lookup.state) {
      case 'checking':
        return html`<p class="hint gate-message" role="status">${t.checking}</p>`;
      case 'used':
      case 'expired':
      case 'invalid':
        return html`<div class="gate-message" role="status"><p class="thanks-title">${t[this.lookup.state]}</p></div>`;
      default:
        return undefined;
    }
  }

  intro(): TemplateResult | undefined {
    const lookup = this.lookup;
    return caseSummary(this.t, lookup.state === 'open' ? lookup : {});
  }

  decorate(record: RatingRecord): void {
    const code = this.host.invitationCode();
    if (code) record['invitation'] = code;
    // The invitation names the agency: a hosted or agency page need not repeat it.
    if (!record.agency && this.lookup.state === 'open') record.agency = this.lookup.agency;
  }

  queued(): void {}

  refusal(reason: string | undefined): string | undefined {
    return refusalText(this.t, reason);
  }

  dispose(): void {
    this.abort?.abort();
    this.host.removeController(this);
  }
}

export const createGate: GateFactory = (host) => new InvitationGate(host);
