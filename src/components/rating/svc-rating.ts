import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { LIMITS } from '../../core/limits.js';
import { standardText } from '../../core/standards.js';
import type { FeedbackRecord, RatingRecord, Scale } from '../../core/record.js';
import { defineElement } from '../shared/define.js';
import { flag } from '../shared/flag.js';
import type { GateFactory, GateHost, RatingGate } from './gate.js';
import { errorSummary, focusErrorSummary, type FieldError } from '../shared/error-summary.js';
import { SvcSubmittingElement } from '../shared/submitting-element.js';
import { face, tick } from './faces.js';
import type { Answer, QuestionSet, QuestionSetId } from '../../core/question-sets.js';

/** The built-in sets (their structure and texts load with the question module). */
const isBuiltInSet = (id: unknown): id is QuestionSetId => id === 'sipas' || id === 'tthc-9' || id === 'a11';
/** The question module: texts, fields and the answer checks, loaded only when needed. */
const questionModule = () => import('./question-texts.js');
import { ratingStyles } from './svc-rating.styles.js';

type View = 'form' | 'thanks';

/** Boolean attributes whose properties also take their string forms (see `flag`). */
const FLAG = { fromAttribute: (value: string | null) => value !== null, toAttribute: (value: unknown) => (flag(value) ? '' : null) };

/** The verified-rating parts, loaded only on a page that uses them (they weigh nothing otherwise). */
const GATES: Record<'invite' | 'kiosk', () => Promise<{ createGate: GateFactory }>> = {
  invite: () => import('./invitation-gate.js'),
  kiosk: () => import('./kiosk-gate.js'),
};

/** Colour family of a face: a second cue beside the label, never the only one. */
function moodOf(score: number, scale: Scale): 'low' | 'mid' | 'high' {
  if (scale === 3) return score === 1 ? 'low' : 'high';
  return score <= 2 ? 'low' : score === 3 ? 'mid' : 'high';
}

/**
 * A citizen rates the service: a score on a 5- or 3-point scale, optional yes/no questions on the
 * ten service standards and a comment. The record is stored on the device before anything is
 * sent, so it reaches the collector even after going offline, a server error or a reload.
 *
 * @summary Rate a public service (inline, kiosk or button-and-dialog).
 * @tag svc-rating
 *
 * @fires svc-submit - Cancelable, before the record is stored. `detail.record` may be extended.
 * @fires svc-queued - The record is in the outbox. `detail.record`, `detail.persisted`.
 * @fires svc-sent - The collector acknowledged the record. `detail.id`.
 * @fires svc-error - `detail.code`: `validation` | `rejected` | `delivery-failed` | `storage-unavailable`; `detail.reason` the collector's code of a refusal (`invitation_used` …).
 *
 * @csspart base - The outer box.
 * @csspart form - The form.
 * @csspart legend - The question.
 * @csspart choice - Each answer on the scale.
 * @csspart comment - The comment box.
 * @csspart submit - The send button.
 * @csspart thanks - The thank-you panel.
 * @csspart open-button - The button that opens the dialog (`mode="button"`).
 * @csspart dialog - The dialog (`mode="button"`).
 * @csspart case - What a verified rating is about (dossier, procedure, unit).
 *
 * @cssproperty --svc-color-primary - Buttons, the chosen answer, links. Default #0a5299.
 * @cssproperty --svc-color-on-primary - Text on the primary colour. Default #ffffff.
 * @cssproperty --svc-color-text - Text. Default #1b1b1b.
 * @cssproperty --svc-color-surface - Background. Default #ffffff.
 * @cssproperty --svc-color-border - Borders of controls (3:1 against the surface). Default #6b6b6b.
 * @cssproperty --svc-color-error - Errors. Default #b3261e.
 * @cssproperty --svc-color-focus - Focus outline. Default #1b1b1b.
 * @cssproperty --svc-font-family - Font family. Default: inherited from the page.
 * @cssproperty --svc-font-size - Base font size. Default 16px (22px in kiosk mode).
 * @cssproperty --svc-radius - Corner radius. Default 8px.
 */
export class SvcRating extends SvcSubmittingElement {
  static formAssociated = true;
  static override styles = ratingStyles;

  static override properties: PropertyDeclarations = {
    scale: {},
    standards: {},
    comment: {},
    mode: { reflect: true },
    resetAfter: { attribute: 'reset-after' },
    idleAfter: { attribute: 'idle-after' },
    name: {},
    question: {},
    questions: {},
    questionSet: { attribute: false },
    score: { attribute: false },
    view: { state: true },
    errors: { state: true },
    submitting: { state: true },
    delivered: { state: true },
    countdown: { state: true },
    invitation: {},
    kioskId: { attribute: 'kiosk-id' },
    kioskKey: { attribute: 'kiosk-key' },
    requireArming: { attribute: 'require-arming', converter: FLAG },
    minInterval: { attribute: 'min-interval' },
    loadedSet: { state: true },
    setAnswers: { state: true },
  };

  /** `5` (default) or `3` (Không hài lòng, Hài lòng, Rất hài lòng). A string works too. */
  declare scale: number | string;
  /** Standards asked about: empty (none), `all`, or a comma list of ids. */
  declare standards: string;
  /** `optional` (default) | `required` | `off`. */
  declare comment: string;
  /** `inline` (default) | `kiosk` | `button`. */
  declare mode: string;
  /** Kiosk mode: seconds after the thank-you before starting over. Default 8. */
  declare resetAfter: number | string;
  /** Kiosk mode: seconds of untouched, half-filled input before starting over. Default 60. */
  declare idleAfter: number | string;
  /** Form field name: inside a `<form>`, the score is the form's value under this name. */
  declare name: string | undefined;
  /** Replaces the default question above the scale. */
  declare question: string | undefined;
  /** The chosen score (1…scale), or null. Setting it in code fires no event. */
  declare score: number | string | null;
  /** Invitation code of a served case (else the page URL's `svc-invite` parameter): the rating is verified. */
  declare invitation: string | undefined;
  /** Kiosk id: records carry it as `kioskId`; with `require-arming`, the kiosk that officials arm. */
  declare kioskId: string | undefined;
  /** The kiosk's key (`Authorization: Kiosk <key>` of its long poll). */
  declare kioskKey: string | undefined;
  /** Kiosk mode: show the form only when an official armed the kiosk with a served case. */
  declare requireArming: boolean | string;
  /**
   * Kiosk mode without arming: the thank-you stays at least this many seconds, and a send sooner
   * than that after the last rating is ignored (a tablet pressed ten times counts once). Default 5; 0 = off.
   */
  declare minInterval: number | string;
  /**
   * Which questions follow the score: `standards` (the yes/no list of `standards`, the default) |
   * `sipas` (SIPAS, Decision 2640/QĐ-BNV: five factors, 5 points each) | `tthc-9` (the nine-index
   * one-stop sheet, 0–2 points each, 18 in all, with its grade) | `a11` (OMB Circular A-11 §280:
   * satisfaction, trust, drivers). Their texts load only when asked.
   */
  declare questions: string;
  /** An agency's own set, `{ id, questions: [{ id, vi, en, type, options? }] }`; wins over `questions`. */
  declare questionSet: QuestionSet | undefined;

  declare private view: View;
  declare private errors: FieldError[];
  declare private submitting: boolean;
  declare private delivered: boolean;
  declare private countdown: number;
  /** The built-in set named by `questions`, once its texts have loaded. */
  declare private loadedSet: QuestionSet | undefined;
  declare private setAnswers: Record<string, Answer>;
  /** Labels of the points and the nine-index total, from the lazily loaded texts. */
  private setTexts: typeof import('./question-texts.js') | undefined;

  private answers: Record<string, boolean> = {};
  private commentText = '';
  private recordId: string | undefined;
  private persisted = true;
  private queuedOffline = false;
  private rejectedMessage: string | undefined;
  private thanksAt = 0;
  private lastInput = Date.now();
  private ticker: ReturnType<typeof setInterval> | undefined;
  private readonly internals: ElementInternals | undefined;
  private gate: RatingGate | undefined;
  private gateKind: '' | 'invite' | 'kiosk' = '';
  private rejectedReason: string | undefined;
  private lastRatingAt = 0;

  constructor() {
    super();
    this.scale = 5;
    this.standards = '';
    this.comment = 'optional';
    this.mode = 'inline';
    this.resetAfter = 8;
    this.idleAfter = 60;
    this.score = null;
    this.view = 'form';
    this.errors = [];
    this.submitting = false;
    this.delivered = false;
    this.countdown = 0;
    this.requireArming = false;
    this.minInterval = 5;
    this.questions = 'standards';
    this.setAnswers = {};
    this.internals = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;
    this.addEventListener('svc-sent', (event) => {
      if (event.detail.id === this.recordId) this.delivered = true;
    });
    this.addEventListener('svc-error', (event) => {
      if (event.detail.id === this.recordId && event.detail.code === 'rejected') {
        this.rejectedMessage = event.detail.message;
        this.rejectedReason = event.detail.reason;
        this.requestUpdate();
      }
    });
  }

  /** The form this element belongs to, when form-associated. */
  get form(): HTMLFormElement | null {
    return this.internals?.form ?? null;
  }

  /** The collector's base URL resolved against the page, or null. */
  collectorUrl(): string | null {
    return this.endpointUrl;
  }

  /** The invitation in force: the attribute, else the page URL's `svc-invite` parameter. */
  invitationCode(): string | undefined {
    const own = this.invitation?.trim();
    if (own) return own;
    try {
      return new URLSearchParams(location.search).get('svc-invite')?.trim() || undefined;
    } catch {
      return undefined;
    }
  }

  /** Loads the part this configuration needs (an armed kiosk, an invitation), or drops it. */
  private chooseGate(): void {
    const kind = this.resolvedMode === 'kiosk' && flag(this.requireArming) ? 'kiosk' : this.invitationCode() ? 'invite' : '';
    if (kind === this.gateKind) return;
    this.gateKind = kind;
    this.gate?.dispose();
    this.gate = undefined;
    if (kind === '') return;
    void GATES[kind]().then(({ createGate }) => {
      if (this.gateKind !== kind || this.gate) return;
      this.gate = createGate(this as unknown as GateHost);
      this.requestUpdate();
    });
  }

  private get resolvedScale(): Scale {
    return Number(this.scale) === 3 ? 3 : 5;
  }

  private get resolvedMode(): 'inline' | 'kiosk' | 'button' {
    return this.mode === 'kiosk' || this.mode === 'button' ? this.mode : 'inline';
  }

  private get commentMode(): 'optional' | 'required' | 'off' {
    return this.comment === 'required' || this.comment === 'off' ? this.comment : 'optional';
  }

  protected override get defaultChannel() {
    return this.resolvedMode === 'kiosk' ? ('kiosk' as const) : ('online' as const);
  }

  /** The score as a number within the scale, or null (properties may hold "3"). */
  private get chosenScore(): number | null {
    if (this.score === null || this.score === undefined || this.score === '') return null;
    const score = Number(this.score);
    return Number.isInteger(score) && score >= 1 && score <= this.resolvedScale ? score : null;
  }

  /** The standards this element asks about, in the order of the list in force. */
  private get askedStandards() {
    const wanted = (this.standards ?? '').trim();
    if (wanted === '') return [];
    const list = this.standardList;
    if (wanted === 'all') return list;
    const ids = wanted.split(',').map((id) => id.trim()).filter(Boolean);
    return ids
      .map((id) => list.find((standard) => standard.id === id))
      .filter((standard): standard is (typeof list)[number] => standard !== undefined);
  }

  /** The question set in force: the `questionSet` property, or the built-in set of `questions` once loaded. */
  private get activeSet(): QuestionSet | undefined {
    const own = this.questionSet;
    if (own && typeof own === 'object' && typeof own.id === 'string' && Array.isArray(own.questions)) return own;
    return isBuiltInSet(this.questions) && this.loadedSet?.id === this.questions ? this.loadedSet : undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.chooseGate();
    if (changed.has('questions') || changed.has('questionSet')) {
      this.setAnswers = {};
      const id = this.questions;
      const own = this.questionSet !== undefined && this.questionSet !== null;
      if ((own || isBuiltInSet(id)) && (this.setTexts === undefined || this.loadedSet?.id !== id)) {
        // The texts of the built-in sets are a separate module: a rating without a set never loads them.
        void questionModule().then((texts) => {
          this.setTexts = texts;
          if (isBuiltInSet(this.questions)) this.loadedSet = texts.builtInQuestionSet(this.questions);
          this.requestUpdate();
        });
      }
    }
  }

  /** The unarmed kiosk's minimum gap between ratings, in seconds (0: none). */
  private get minIntervalSeconds(): number {
    const seconds = Number(this.minInterval);
    return Number.isFinite(seconds) && seconds >= 0 ? seconds : 5;
  }

  /** How long the thank-you shows: `reset-after`, and for an unarmed kiosk at least `min-interval`. */
  private get thanksSeconds(): number {
    const reset = this.seconds(this.resetAfter, 8);
    return this.resolvedMode === 'kiosk' && this.gateKind !== 'kiosk' ? Math.max(reset, this.minIntervalSeconds) : reset;
  }

  private seconds(value: number | string, fallback: number): number {
    const seconds = Number(value);
    return Number.isFinite(seconds) && seconds > 0 ? seconds : fallback;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.runKioskTimers(this.resolvedMode === 'kiosk');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.runKioskTimers(false);
  }

  /** Only a kiosk keeps a one-second timer (a page of inline ratings on a cheap phone keeps none). */
  private runKioskTimers(on: boolean): void {
    if (on && this.ticker === undefined) this.ticker = setInterval(() => this.tick(), 1000);
    if (!on && this.ticker !== undefined) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.runKioskTimers(this.isConnected && this.resolvedMode === 'kiosk');
    if (changed.has('score')) this.internals?.setFormValue(this.chosenScore === null ? null : String(this.chosenScore));
    if (changed.has('view') && this.view === 'thanks' && changed.get('view') === 'form') {
      this.renderRoot.querySelector<HTMLElement>('.thanks')?.focus();
    }
  }

  /** An answer out of range (set by host code in `svc-submit`) is refused here, as the collector would. */
  protected override async recordProblem(record: FeedbackRecord) {
    if (record['questionSet'] === undefined && record['answers'] === undefined) return undefined;
    return (await questionModule()).answersProblem(record);
  }

  /** Called by the owning form's reset. */
  formResetCallback(): void {
    this.startOver();
  }

  /** Clears every answer and shows the form again. */
  startOver(): void {
    this.score = null;
    this.answers = {};
    this.setAnswers = {};
    this.commentText = '';
    this.errors = [];
    this.view = 'form';
    this.delivered = false;
    this.rejectedMessage = undefined;
    this.rejectedReason = undefined;
    this.recordId = undefined;
    this.lastInput = Date.now();
    this.renderRoot.querySelector<HTMLFormElement>('form')?.reset();
  }

  /** Kiosk timers: start over after the thank-you, or after idle half-filled input. */
  private tick(): void {
    const now = Date.now();
    if (this.view === 'thanks') {
      const left = Math.ceil(this.thanksSeconds - (now - this.thanksAt) / 1000);
      if (left <= 0) this.startOver();
      else this.countdown = left;
      return;
    }
    const halfFilled =
      this.chosenScore !== null || this.commentText !== '' || Object.keys(this.answers).length > 0 || Object.keys(this.setAnswers).length > 0;
    if (halfFilled && now - this.lastInput >= this.seconds(this.idleAfter, 60) * 1000) this.startOver();
  }

  private touched(): void {
    this.lastInput = Date.now();
  }

  private onScoreChange(score: number): void {
    this.score = score;
    this.errors = this.errors.filter((error) => error.field !== 'score');
  }

  private onKeydown(event: KeyboardEvent): void {
    this.touched();
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type === 'radio') {
      event.preventDefault();
      this.renderRoot.querySelector('form')?.requestSubmit();
    }
  }

  private validate(): FieldError[] {
    const errors: FieldError[] = [];
    const t = this.t;
    if (this.chosenScore === null) errors.push({ target: 'score-1', field: 'score', message: t.errorChooseScore });
    const comment = this.commentText.trim();
    if (this.commentMode === 'required' && comment === '') {
      errors.push({ target: 'comment', field: 'comment', message: t.errorCommentRequired });
    }
    if (comment.length > LIMITS.comment) {
      errors.push({ target: 'comment', field: 'comment', message: t.errorCommentTooLong(LIMITS.comment) });
    }
    return errors;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.submitting) return;
    // An unarmed kiosk ignores presses that come too soon after its last rating.
    const kiosk = this.resolvedMode === 'kiosk';
    if (kiosk && this.gateKind !== 'kiosk' && Date.now() - this.lastRatingAt < this.minIntervalSeconds * 1000) return;
    if (this.gateKind !== '' && (!this.gate || this.gate.screen())) return;
    const errors = this.validate();
    this.errors = errors;
    if (errors.length > 0) {
      await focusErrorSummary(this);
      return;
    }
    const record: RatingRecord = {
      ...this.commonFields('rating'),
      kind: 'rating',
      score: this.chosenScore!,
      scale: this.resolvedScale,
    };
    const asked = this.askedStandards.filter((standard) => standard.id in this.answers);
    if (asked.length > 0) record.standards = Object.fromEntries(asked.map((standard) => [standard.id, this.answers[standard.id]!]));
    const comment = this.commentText.trim();
    if (this.commentMode !== 'off' && comment !== '') record.comment = comment;
    const set = this.activeSet;
    if (set) {
      // The set asked is recorded even when the citizen skipped its questions.
      record.questionSet = set.id;
      if (Object.keys(this.setAnswers).length > 0) record.answers = { ...this.setAnswers };
    }
    const kioskId = this.kioskId?.trim();
    if (kioskId) record['kioskId'] = kioskId;
    this.gate?.decorate(record);

    this.submitting = true;
    try {
      const result = await this.queueRecord(record);
      if (result.status === 'invalid') {
        const message = result.field === 'agency' ? this.t.errorNotConfigured : `${this.t.errorRejected} (${result.message})`;
        this.errors = [{ target: 'score-1', field: result.field ?? 'record', message }];
        await focusErrorSummary(this);
      } else if (result.status === 'queued') {
        this.recordId = result.record.id;
        this.lastRatingAt = Date.now();
        this.gate?.queued(record);
        this.persisted = result.persisted;
        this.queuedOffline = globalThis.navigator?.onLine === false;
        this.thanksAt = Date.now();
        this.countdown = this.thanksSeconds;
        this.view = 'thanks';
      }
    } finally {
      this.submitting = false;
    }
  }

  private openDialog(): void {
    if (this.view === 'thanks') this.startOver();
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  private closeDialog(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  private onDialogClose(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('.open')?.focus();
  }

  override render(): TemplateResult {
    const mode = this.resolvedMode;
    // A gate still loading shows nothing yet: an unarmed kiosk must never show the form.
    const screen = this.view === 'thanks' ? undefined : this.gateKind !== '' && !this.gate ? html`` : this.gate?.screen();
    const body = this.view === 'thanks' ? this.renderThanks() : (screen ?? this.renderForm());
    if (mode !== 'button') return html`<div class="root framed" part="base" data-mode=${mode}>${body}</div>`;
    const t = this.t;
    return html`<div class="root" part="base" data-mode="button">
      <button type="button" class="button open" part="open-button" aria-haspopup="dialog" @click=${this.openDialog}>
        ${t.openRating}
      </button>
      <dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose}>
        <div class="dialog-head">
          <h2 id="dialog-title">${t.openRating}</h2>
          <button type="button" class="close" @click=${this.closeDialog} aria-label=${t.close}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
        ${body}
      </dialog>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const t = this.t;
    const scale = this.resolvedScale;
    const labels = scale === 3 ? t.scoreLabels3 : t.scoreLabels5;
    const scoreError = this.errors.find((error) => error.field === 'score');
    const commentError = this.errors.find((error) => error.field === 'comment');
    return html`<form part="form" novalidate @submit=${this.onSubmit} @keydown=${this.onKeydown} @pointerdown=${this.touched}>
      ${errorSummary(this.renderRoot, this.t.errorSummaryTitle, this.errors)} ${this.gate?.intro() ?? nothing}
      <fieldset class="score" aria-describedby=${scoreError ? 'score-error' : nothing}>
        <legend part="legend" class="question">${this.question || t.ratingQuestion}</legend>
        ${scoreError ? html`<p id="score-error" class="field-error">${scoreError.message}</p>` : nothing}
        <div class="choices" data-scale=${scale}>
          ${labels.map((label, index) => {
            const value = index + 1;
            return html`<label class="choice" part="choice">
              <input
                type="radio"
                id=${`score-${value}`}
                name="score"
                .value=${String(value)}
                .checked=${this.chosenScore === value}
                @change=${() => this.onScoreChange(value)}
              />
              <span class="choice-face" data-mood=${moodOf(value, scale)}>${face(value, scale)}</span>
              <span class="choice-label">${label}</span>
            </label>`;
          })}
        </div>
      </fieldset>
      ${this.renderStandards()} ${this.renderQuestionSet()} ${this.renderComment(commentError)}
      <div class="actions">
        <button type="submit" class="button submit" part="submit" aria-disabled=${this.submitting ? 'true' : 'false'}>
          ${this.submitting ? t.sending : t.send}
        </button>
      </div>
    </form>`;
  }

  private renderStandards(): TemplateResult | typeof nothing {
    const asked = this.askedStandards;
    if (asked.length === 0) return nothing;
    const t = this.t;
    return html`<fieldset class="standards">
      <legend class="sub-question">${t.standardsLegend}</legend>
      ${asked.map((standard, index) => {
        const text = standardText(standard, this.locale);
        const answer = this.answers[standard.id];
        const pick = (kept: boolean) => {
          this.answers = { ...this.answers, [standard.id]: kept };
          this.touched();
        };
        return html`<fieldset class="standard">
          <legend class="standard-text">${asked.length > 1 ? `${index + 1}. ` : ''}${text}</legend>
          <div class="yes-no">
            <label class="pill"><input type="radio" name=${`std-${standard.id}`} .checked=${answer === true} @change=${() => pick(true)} /><span>${t.yes}</span></label>
            <label class="pill"><input type="radio" name=${`std-${standard.id}`} .checked=${answer === false} @change=${() => pick(false)} /><span>${t.no}</span></label>
          </div>
        </fieldset>`;
      })}
    </fieldset>`;
  }

  private renderQuestionSet(): TemplateResult | typeof nothing {
    const set = this.activeSet;
    const texts = this.setTexts;
    if (!set || !texts) return nothing;
    const t = this.t;
    const lang = this.locale === 'en' ? 'en' : 'vi';
    const points = texts.pointsTotal(set, this.setAnswers);
    return html`<fieldset class="standards question-set" data-set=${set.id}>
      <legend class="sub-question">${texts.SET_LEGEND[lang]}</legend>
      ${texts.questionFields({
        html,
        set,
        answers: this.setAnswers,
        lang,
        scaleLabels3: t.scoreLabels3,
        scaleLabels5: t.scoreLabels5,
        yes: t.yes,
        no: t.no,
        pointLabels: texts.POINT_LABELS[lang],
        onAnswer: (id, value) => {
          const next = { ...this.setAnswers };
          if (value === undefined) delete next[id];
          else next[id] = value;
          this.setAnswers = next;
          this.touched();
        },
      })}
      ${points && set.id === 'tthc-9'
        ? html`<p class="points-total" role="status">
            ${texts.TOTAL_TEXT[lang](points.total, points.max, texts.GRADE_LABELS[lang][texts.tthc9Grade(points.total)])}
          </p>`
        : nothing}
    </fieldset>`;
  }

  private renderComment(error: FieldError | undefined): TemplateResult | typeof nothing {
    if (this.commentMode === 'off') return nothing;
    const t = this.t;
    const left = LIMITS.comment - this.commentText.length;
    return html`<div class="comment-field">
      <label for="comment" class="sub-question">${this.commentMode === 'required' ? t.commentRequired : t.commentOptional}</label>
      <p id="comment-hint" class="hint">${t.commentHint}</p>
      ${error ? html`<p id="comment-error" class="field-error">${error.message}</p>` : nothing}
      <textarea
        id="comment"
        part="comment"
        rows="3"
        maxlength=${LIMITS.comment}
        ?required=${this.commentMode === 'required'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'comment-error comment-hint comment-count' : 'comment-hint comment-count'}
        .value=${this.commentText}
        @input=${(event: InputEvent) => {
          this.commentText = (event.target as HTMLTextAreaElement).value;
          this.touched();
          this.requestUpdate();
        }}
      ></textarea>
      <p id="comment-count" class="hint count">${t.charactersLeft(left)}</p>
    </div>`;
  }

  private renderThanks(): TemplateResult {
    const t = this.t;
    const kiosk = this.resolvedMode === 'kiosk';
    let status: string | typeof nothing = nothing;
    if (this.delivered) status = t.thanksSent;
    else if (this.queuedOffline) status = t.thanksQueuedOffline;
    return html`<div class="thanks" part="thanks" tabindex="-1" aria-labelledby="thanks-title">
      <span class="thanks-icon">${tick}</span>
      <div>
        <div role="status">
          <p class="thanks-title" id="thanks-title">${t.thanks}</p>
          ${status === nothing ? nothing : html`<p class="thanks-status">${status}</p>`}
          ${this.persisted ? nothing : html`<p class="warning">${t.errorNotKept}</p>`}
          ${this.rejectedMessage ? html`<p class="warning">${this.gate?.refusal(this.rejectedReason) ?? t.errorRejected}</p>` : nothing}
        </div>
        ${kiosk
          ? html`<p class="hint">${t.kioskResetIn(this.countdown)}</p>
              <button type="button" class="button secondary" @click=${this.startOver}>${t.startOver}</button>`
          : nothing}
        ${this.resolvedMode === 'button'
          ? html`<button type="button" class="button secondary" @click=${this.closeDialog}>${t.close}</button>`
          : nothing}
      </div>
    </div>`;
  }
}

defineElement('svc-rating', SvcRating);

declare global {
  interface HTMLElementTagNameMap {
    'svc-rating': SvcRating;
  }
}
