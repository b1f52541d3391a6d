import { html, type TemplateResult } from 'lit';
import { verifiedMessagesFor, type VerifiedMessages } from '../../core/i18n-verified.js';
import type { RatingRecord } from '../../core/record.js';
import type { GateFactory, GateHost, RatingGate } from './gate.js';
import { caseSummary, refusalText } from './verified-view.js';

/** One arming as `GET /v1/kiosks/{id}/next` gives it. */
interface Arming {
  armingId: number;
  code: string;
  unit?: string;
  service?: string;
  caseId: string | null;
  expiresAt: string;
}

/** What survives a reload of the kiosk's tab: the arming being rated, and the last one handled. */
interface Saved {
  after: number;
  arming?: Arming;
}

/** How long one poll may wait on the collector (it answers 204 after `wait`). */
const WAIT_SECONDS = 25;
const MAX_BACKOFF_MS = 30_000;

/**
 * `<svc-rating mode="kiosk" kiosk-id kiosk-key require-arming>`: waits on a "please rate after
 * you are served" screen, long-polling the collector for the officer's arming; shows the form for
 * the armed case, submits with its invitation, and waits again. Network drops are polled through
 * with backoff; the arming is kept in sessionStorage so a reload just after it arrived loses
 * nothing (and the collector hands an unused arming out again anyway).
 */
class KioskGate implements RatingGate {
  private state: Saved = { after: 0 };
  private offline = false;
  private unauthorized = false;
  private polling = false;
  private connected = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private expiry: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | undefined;
  private backoff = 0;

  constructor(private readonly host: GateHost) {
    this.state = this.load();
    host.addController(this);
  }

  private get t(): VerifiedMessages {
    return verifiedMessagesFor(this.host.locale);
  }

  private get storageKey(): string {
    return `svc-kiosk:${this.host.kioskId ?? ''}`;
  }

  private load(): Saved {
    try {
      const saved = JSON.parse(sessionStorage.getItem(this.storageKey) ?? 'null') as Saved | null;
      if (saved && typeof saved.after === 'number') return saved;
    } catch {
      // No sessionStorage (blocked, or a sandboxed frame): memory only.
    }
    return { after: 0 };
  }

  private save(): void {
    try {
      sessionStorage.setItem(this.storageKey, JSON.stringify(this.state));
    } catch {
      // Memory only.
    }
  }

  hostConnected(): void {
    this.connected = true;
    addEventListener('online', this.onOnline);
    if (this.state.arming) this.watchExpiry();
    void this.poll();
  }

  hostDisconnected(): void {
    this.connected = false;
    removeEventListener('online', this.onOnline);
    this.stop();
  }

  private stop(): void {
    this.abort?.abort();
    clearTimeout(this.timer);
    clearTimeout(this.expiry);
  }

  private readonly onOnline = () => {
    clearTimeout(this.timer);
    this.backoff = 0;
    void this.poll();
  };

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (this.connected) this.timer = setTimeout(() => void this.poll(), ms);
  }

  /** One long poll; the next is scheduled from its outcome. Nothing is polled while armed. */
  private async poll(): Promise<void> {
    if (this.polling || this.state.arming || !this.connected) return;
    const base = this.host.collectorUrl();
    const { kioskId, kioskKey } = this.host;
    if (!base || !kioskId || !kioskKey) {
      console.error('[service-feedback] <svc-rating require-arming> needs endpoint, kiosk-id and kiosk-key.');
      this.unauthorized = true;
      this.host.requestUpdate();
      return;
    }
    this.polling = true;
    const abort = (this.abort = new AbortController());
    const timer = setTimeout(() => abort.abort(), (WAIT_SECONDS + 15) * 1000);
    try {
      const url = `${base.replace(/\/+$/, '')}/v1/kiosks/${encodeURIComponent(kioskId)}/next?after=${this.state.after}&wait=${WAIT_SECONDS}`;
      const response = await fetch(url, { headers: { Authorization: `Kiosk ${kioskKey}` }, signal: abort.signal, credentials: 'omit', cache: 'no-store' });
      const wasDown = this.offline || this.unauthorized;
      this.offline = false;
      this.unauthorized = response.status === 401 || response.status === 404;
      if (response.status === 200) {
        this.backoff = 0;
        this.arm((await response.json()) as Arming);
      } else if (response.status === 204) {
        this.backoff = 0;
        this.schedule(0);
      } else if (this.unauthorized) {
        // A key being registered by an official: try again now and then, not in a tight loop.
        this.schedule(MAX_BACKOFF_MS);
      } else this.retryLater();
      if (wasDown || this.unauthorized) this.host.requestUpdate();
    } catch {
      if (!this.connected) return;
      this.retryLater();
    } finally {
      clearTimeout(timer);
      this.polling = false;
    }
  }

  /** A failed poll: shown as "reconnecting", tried again with capped, jittered backoff. */
  private retryLater(): void {
    if (!this.offline) {
      this.offline = true;
      this.host.requestUpdate();
    }
    this.backoff = Math.min(MAX_BACKOFF_MS, Math.max(1000, this.backoff * 2));
    this.schedule(this.backoff / 2 + (Math.random() * this.backoff) / 2);
  }

  private arm(arming: Arming): void {
    if (Date.parse(arming.expiresAt) <= Date.now()) {
      this.state = { after: arming.armingId };
      this.save();
      this.schedule(0);
      return;
    }
    this.state = { after: this.state.after, arming };
    this.save();
    this.watchExpiry();
    // A thank-you still showing gives way to the next citizen at once.
    this.host.startOver();
  }

  /** An arming nobody used in time is dropped; the kiosk waits for the next. */
  private watchExpiry(): void {
    clearTimeout(this.expiry);
    const arming = this.state.arming;
    if (!arming) return;
    // setTimeout holds at most ~24.8 days; armings live minutes.
    this.expiry = setTimeout(() => {
      if (this.state.arming !== arming) return;
      this.state = { after: arming.armingId };
      this.save();
      this.host.startOver();
      void this.poll();
    }, Math.min(Math.max(0, Date.parse(arming.expiresAt) - Date.now()), 2 ** 31 - 1));
  }

  screen(): TemplateResult | undefined {
    if (this.state.arming) return undefined;
    const t = this.t;
    if (this.unauthorized) return html`<div class="gate-message" role="status"><p class="warning">${t.kioskUnauthorized}</p></div>`;
    return html`<div class="gate-message waiting" role="status">
      <p class="thanks-title">${t.kioskWaitingTitle}</p>
      <p>${t.kioskWaiting}</p>
      ${this.offline ? html`<p class="hint">${t.kioskOffline}</p>` : ''}
    </div>`;
  }

  intro(): TemplateResult | undefined {
    const arming = this.state.arming;
    return arming ? caseSummary(this.t, arming) : undefined;
  }

  decorate(record: RatingRecord): void {
    const arming = this.state.arming;
    if (arming) record['invitation'] = arming.code;
  }

  /** The arming is spent once its rating is queued (delivery is the outbox's job). */
  queued(): void {
    const arming = this.state.arming;
    if (!arming) return;
    clearTimeout(this.expiry);
    this.state = { after: arming.armingId };
    this.save();
    void this.poll();
  }

  refusal(reason: string | undefined): string | undefined {
    return refusalText(this.t, reason);
  }

  dispose(): void {
    this.connected = false;
    removeEventListener('online', this.onOnline);
    this.stop();
    this.host.removeController(this);
  }
}

export const createGate: GateFactory = (host) => new KioskGate(host);
