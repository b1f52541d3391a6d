import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { css } from '../shared/css.js';

/** What the kiosk mode needs from its `<svc-rating mode="kiosk">`. */
export interface KioskHost extends ReactiveControllerHost {
  /** Seconds after the thank-you before starting over (default 8). */
  readonly resetAfter: number | string;
  /** Seconds of untouched, half-filled input before starting over (default 60). */
  readonly idleAfter: number | string;
  /**
   * Without arming: the thank-you stays at least this many seconds, and a send sooner than that
   * after the last rating is ignored (default 5; 0 = off).
   */
  readonly minInterval: number | string;
  /** An official arms this kiosk (`require-arming`): the arming decides, not the interval. */
  readonly armed: boolean;
  /** The thank-you is shown. */
  readonly thanked: boolean;
  /** Something is chosen or typed. */
  readonly halfFilled: boolean;
  /** Clears every answer and shows the form again. */
  startOver(): void;
}

/** The kiosk's larger type and targets, for a tablet held at arm's length. */
export const styles = [
  css`
    :host([mode='kiosk']) {
      --_font-size: var(--svc-font-size, 22px);
    }
    .root[data-mode='kiosk'] .choice-face {
      min-height: 120px;
    }
    .root[data-mode='kiosk'] .choice-face svg {
      width: 72px;
      height: 72px;
    }
    .root[data-mode='kiosk'] .button {
      min-height: 64px;
      padding-inline: 32px;
    }
  `,
];

/** A positive number of seconds from an attribute, or the default. */
function seconds(value: number | string, fallback: number): number {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : fallback;
}

/** `min-interval`: seconds ≥ 0, else the default 5. */
function minIntervalOf(value: number | string): number {
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : 5;
}

/**
 * `<svc-rating mode="kiosk">`, the tablet at a counter: it starts over by itself `reset-after`
 * seconds after the thank-you and after `idle-after` seconds of untouched half-filled input, and
 * (unarmed) ignores presses that come too soon after its last rating. A part of its own: a page
 * of inline ratings never loads it, and keeps no timer.
 */
export class KioskMode implements ReactiveController {
  private ticker: ReturnType<typeof setInterval> | undefined;
  private lastInput = Date.now();
  private lastRatingAt = 0;
  private thanksAt = 0;
  private countdown = 0;

  constructor(private readonly host: KioskHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.ticker ??= setInterval(() => this.tick(), 1000);
  }

  hostDisconnected(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  /** The mode changed: the kiosk lets go of its element. */
  dispose(): void {
    this.hostDisconnected();
    this.host.removeController(this);
  }

  /** The citizen touched the form (or it started over): the idle time counts from now. */
  touched(): void {
    this.lastInput = Date.now();
  }

  /** Unarmed, a press this soon after the last rating is ignored. */
  tooSoon(): boolean {
    return !this.host.armed && Date.now() - this.lastRatingAt < minIntervalOf(this.host.minInterval) * 1000;
  }

  /** A rating was queued: the thank-you counts down from now. */
  queued(): void {
    this.lastRatingAt = this.thanksAt = Date.now();
    this.countdown = this.thanksSeconds;
  }

  /** How long the thank-you shows: `reset-after`, and unarmed at least `min-interval`. */
  private get thanksSeconds(): number {
    const reset = seconds(this.host.resetAfter, 8);
    return this.host.armed ? reset : Math.max(reset, minIntervalOf(this.host.minInterval));
  }

  /** Under the thank-you: when the screen starts over, and a button to start over now. */
  thanks(t: { kioskResetIn: (seconds: number) => string; startOver: string }): TemplateResult {
    return html`<p class="hint">${t.kioskResetIn(this.countdown)}</p>
      <button type="button" class="button secondary" @click=${() => this.host.startOver()}>${t.startOver}</button>`;
  }

  private tick(): void {
    const now = Date.now();
    const host = this.host;
    if (host.thanked) {
      const left = Math.ceil(this.thanksSeconds - (now - this.thanksAt) / 1000);
      if (left <= 0) host.startOver();
      else if (left !== this.countdown) {
        this.countdown = left;
        host.requestUpdate();
      }
    } else if (host.halfFilled && now - this.lastInput >= seconds(host.idleAfter, 60) * 1000) host.startOver();
  }
}
