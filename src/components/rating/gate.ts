import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { RatingRecord } from '../../core/record.js';

/**
 * What `<svc-rating>` offers the parts it loads lazily (the invitation lookup, the armed kiosk):
 * types only, so the element's own bundle carries none of their code.
 */
export interface GateHost extends ReactiveControllerHost, EventTarget {
  /** The language the element speaks. */
  readonly locale: string;
  /** The collector's base URL resolved against the page, or null (kept on this device only). */
  collectorUrl(): string | null;
  /** The invitation: the `invitation` attribute, else the page URL's `svc-invite` parameter. */
  invitationCode(): string | undefined;
  readonly kioskId: string | undefined;
  readonly kioskKey: string | undefined;
  /** Clears the answers and shows the form (or the gate's screen) again. */
  startOver(): void;
}

/**
 * A lazily loaded part of `<svc-rating>` that decides whether the form is shown (a used code or
 * an unarmed kiosk shows a screen instead), what is said above it, and what the record carries.
 */
export interface RatingGate extends ReactiveController {
  /** A screen instead of the form, or undefined to show the form. */
  screen(): TemplateResult | undefined;
  /** Shown above the question: what is rated. */
  intro(): TemplateResult | undefined;
  /** Adds the gate's fields (the invitation, the kiosk) to a record about to be queued. */
  decorate(record: RatingRecord): void;
  /** The record was queued: an arming is spent. */
  queued(record: RatingRecord): void;
  /** What to tell the citizen when the collector refused the record later (`error.code`), if the gate knows. */
  refusal(reason: string | undefined): string | undefined;
  /** Stops whatever the gate runs (polls, timers). */
  dispose(): void;
}

/** A gate module's one export. */
export type GateFactory = (host: GateHost) => RatingGate;
