import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ratingMessages, type RatingMessages } from '../../core/i18n/rating.js';
import { lazyPart, type LazyPart } from '../../core/lazy.js';
import { LIMITS } from '../../core/limits.js';
import type { Answer, QuestionSet, QuestionSetId } from '../../core/question-sets.js';
import type { FeedbackRecord, RatingRecord, Scale } from '../../core/record.js';
import { defineElement } from '../shared/define.js';
import { errorSummary, focusErrorSummary, type FieldError } from '../shared/error-summary.js';
import { flag } from '../shared/flag.js';
import { SvcSubmittingElement } from '../shared/submitting-element.js';
import { face, tick } from './faces.js';
import type { GateHost, RatingGate } from './gate.js';
import type { KioskMode } from './kiosk-mode.js';
import { ratingStyles } from './svc-rating.styles.js';

type View = 'form' | 'thanks';
type Mode = 'inline' | 'kiosk' | 'button';

/** Boolean attributes whose properties also take their string forms (see `flag`). */
const FLAG = { fromAttribute: (value: string | null) => value !== null, toAttribute: (value: unknown) => (flag(value) ? '' : null) };

/** The built-in sets (their structure and texts load with the question part). */
const isBuiltInSet = (id: unknown): id is QuestionSetId => id === 'sipas' || id === 'tthc-9' || id === 'a11';

/**
 * Parts of `<svc-rating>` that only some pages use, each loaded when an element needs it (it waits
 * for it before it draws): a page of inline ratings loads none of them.
 */
const PARTS = {
  kiosk: lazyPart(import.meta, 'kiosk mode', () => import('./kiosk-mode.js')),
  button: lazyPart(import.meta, 'button mode', () => import('./button-mode.js')),
  /** A question set: its texts, its fields, what it adds to the record and the check of its answers. */
  questions: lazyPart(import.meta, 'question sets', () => import('./question-set-view.js')),
  /** The styles of the yes/no questions, which both standards and question sets draw. */
  asking: lazyPart(import.meta, 'question styles', () => import('./asking.styles.js')),
};

/** The verified-rating part: an invitation looked up, a kiosk armed by an official. */
const verifiedPart = lazyPart(import.meta, 'verified rating', () => import('./verified.js'));

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
export class SvcRating extends SvcSubmittingElement<RatingMessages> {
  static formAssociated = true;
  static override styles = ratingStyles;
  static override strings = ratingMessages;

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
    invitation: {},
    kioskId: { attribute: 'kiosk-id' },
    kioskKey: { attribute: 'kiosk-key' },
    requireArming: { attribute: 'require-arming', converter: FLAG },
    minInterval: { attribute: 'min-interval' },
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
  /** Kiosk mode without arming: presses sooner than this many seconds after the last rating are ignored. Default 5. */
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
  /**
   * For the question part: the answers to the set's questions, by question id.
   * @internal
   */
  declare setAnswers: Record<string, Answer>;

  /**
   * For the standards part: the yes/no answers on the standards asked, by standard id.
   * @internal
   */
  standardAnswers: Record<string, boolean> = {};
  private _commentText = '';
  private _recordId: string | undefined;
  private _persisted = true;
  private _queuedOffline = false;
  private _rejectedMessage: string | undefined;
  private _rejectedReason: string | undefined;
  private readonly _internals: ElementInternals | undefined;
  private _gate: RatingGate | undefined;
  private _gateKind: '' | 'invite' | 'kiosk' = '';
  private _kiosk: KioskMode | undefined;

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
    this.requireArming = false;
    this.minInterval = 5;
    this.questions = 'standards';
    this.setAnswers = {};
    this._internals = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;
    this.addEventListener('svc-sent', (event) => {
      if (event.detail.id === this._recordId) this.delivered = true;
    });
    this.addEventListener('svc-error', (event) => {
      if (event.detail.id === this._recordId && event.detail.code === 'rejected') {
        this._rejectedMessage = event.detail.message;
        this._rejectedReason = event.detail.reason;
        this.requestUpdate();
      }
    });
  }

  /** The form this element belongs to, when form-associated. */
  get form(): HTMLFormElement | null {
    return this._internals?.form ?? null;
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

  /** The gate this configuration needs: an armed kiosk, an invitation, or none. */
  private get _wantedGate(): '' | 'invite' | 'kiosk' {
    return this._resolvedMode === 'kiosk' && flag(this.requireArming) ? 'kiosk' : this.invitationCode() ? 'invite' : '';
  }

  /** Whether a question set follows the score: the agency's own, or a built-in one. */
  private get _asksSet(): boolean {
    return this.questionSet != null || isBuiltInSet(this.questions);
  }

  /** The parts this configuration draws with (its updates wait for them). */
  protected override get partsShown(): LazyPart<unknown>[] {
    const mode = this._resolvedMode;
    const gate = this._wantedGate;
    return [
      ...super.partsShown,
      ...(mode === 'inline' ? [] : [PARTS[mode]]),
      ...(this.usesStandards || this._asksSet ? [PARTS.asking] : []),
      ...(this._asksSet ? [PARTS.questions] : []),
      ...(gate ? [verifiedPart] : []),
    ];
  }

  /** Sets up the gate this configuration needs (its part is here: the update waited for it), or drops it. */
  private _chooseGate(): void {
    const kind = this._wantedGate;
    if (kind === this._gateKind) return;
    this._gateKind = kind;
    this._gate?.dispose();
    this._gate = kind ? verifiedPart.value!.GATES[kind](this as unknown as GateHost) : undefined;
  }

  /** The kiosk's timers run only in kiosk mode. */
  private _chooseKiosk(): void {
    if (this._resolvedMode !== 'kiosk') {
      this._kiosk?.dispose();
      this._kiosk = undefined;
    } else this._kiosk ??= new (PARTS.kiosk.value!.KioskMode)(this);
  }

  private get _resolvedScale(): Scale {
    return Number(this.scale) === 3 ? 3 : 5;
  }

  private get _resolvedMode(): Mode {
    return this.mode === 'kiosk' || this.mode === 'button' ? this.mode : 'inline';
  }

  private get _commentMode(): 'optional' | 'required' | 'off' {
    return this.comment === 'required' || this.comment === 'off' ? this.comment : 'optional';
  }

  protected override get defaultChannel() {
    return this._resolvedMode === 'kiosk' ? ('kiosk' as const) : ('online' as const);
  }

  /** The score as a number within the scale, or null (properties may hold "3"; null and "" are 0, out of it). */
  private get _chosenScore(): number | null {
    const score = Number(this.score);
    return Number.isInteger(score) && score >= 1 && score <= this._resolvedScale ? score : null;
  }

  /** Only a rating that asks about standards loads them. */
  protected override get usesStandards(): boolean {
    return (this.standards ?? '').trim() !== '';
  }

  /**
   * For the kiosk part: the thank-you is shown.
   * @internal
   */
  get thanked(): boolean {
    return this.view === 'thanks';
  }

  /**
   * For the kiosk part: an official arms this kiosk.
   * @internal
   */
  get armed(): boolean {
    return this._gateKind === 'kiosk';
  }

  /**
   * For the kiosk part: something is chosen or typed.
   * @internal
   */
  get halfFilled(): boolean {
    return this._chosenScore !== null || this._commentText !== '' || Object.keys(this.standardAnswers).length > 0 || Object.keys(this.setAnswers).length > 0;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this._chooseGate();
    this._chooseKiosk();
    if (changed.has('questions') || changed.has('questionSet')) this.setAnswers = {};
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('score')) this._internals?.setFormValue(this._chosenScore === null ? null : String(this._chosenScore));
    if (changed.has('view') && this.view === 'thanks' && changed.get('view') === 'form') {
      this.renderRoot.querySelector<HTMLElement>('.thanks')?.focus();
    }
  }

  /** An answer out of range (set by host code in `svc-submit`) is refused here, as the collector would. */
  protected override async recordProblem(record: FeedbackRecord) {
    if (record['questionSet'] === undefined && record['answers'] === undefined) return undefined;
    return (await PARTS.questions.ready()).answersProblem(record);
  }

  /** Called by the owning form's reset. */
  formResetCallback(): void {
    this.startOver();
  }

  /** Clears every answer and shows the form again. */
  startOver(): void {
    this.score = null;
    this.standardAnswers = {};
    this.setAnswers = {};
    this._commentText = '';
    this.errors = [];
    this.view = 'form';
    this.delivered = false;
    this._rejectedMessage = undefined;
    this._rejectedReason = undefined;
    this._recordId = undefined;
    this.touched();
    this.renderRoot.querySelector<HTMLFormElement>('form')?.reset();
  }

  /**
   * The citizen touched the form: a kiosk counts its idle time from now.
   * @internal
   */
  touched(): void {
    this._kiosk?.touched();
  }

  private _onScoreChange(score: number): void {
    this.score = score;
    this.errors = this.errors.filter((error) => error.field !== 'score');
  }

  private _onKeydown(event: KeyboardEvent): void {
    this.touched();
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type === 'radio') {
      event.preventDefault();
      this.renderRoot.querySelector('form')?.requestSubmit();
    }
  }

  private _validate(): FieldError[] {
    const errors: FieldError[] = [];
    const t = this.t;
    if (this._chosenScore === null) errors.push({ target: 'score-1', field: 'score', message: t.errorChooseScore });
    const comment = this._commentText.trim();
    if (this._commentMode === 'required' && comment === '') {
      errors.push({ target: 'comment', field: 'comment', message: t.errorCommentRequired });
    }
    if (comment.length > LIMITS.comment) {
      errors.push({ target: 'comment', field: 'comment', message: t.errorCommentTooLong(LIMITS.comment) });
    }
    return errors;
  }

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    // An unarmed kiosk ignores presses that come too soon after its last rating.
    if (this.submitting || this._kiosk?.tooSoon()) return;
    if (this._gate?.screen()) return;
    const errors = this._validate();
    this.errors = errors;
    if (errors.length > 0) {
      await focusErrorSummary(this);
      return;
    }
    const record: RatingRecord = {
      ...this.commonFields('rating'),
      kind: 'rating',
      score: this._chosenScore!,
      scale: this._resolvedScale,
    };
    const standards = this.usesStandards ? this.standardsPart?.standardsAnswered(this) : undefined;
    if (standards) record.standards = standards;
    const comment = this._commentText.trim();
    if (this._commentMode !== 'off' && comment !== '') record.comment = comment;
    if (this._asksSet) PARTS.questions.value?.recordSet(this, record);
    const kioskId = this.kioskId?.trim();
    if (kioskId) record['kioskId'] = kioskId;
    this._gate?.decorate(record);

    this.submitting = true;
    try {
      const result = await this.queueRecord(record);
      if (result.status === 'invalid') {
        const message = result.field === 'agency' ? this.t.errorNotConfigured : `${this.t.errorRejected} (${result.message})`;
        this.errors = [{ target: 'score-1', field: result.field ?? 'record', message }];
        await focusErrorSummary(this);
      } else if (result.status === 'queued') {
        this._recordId = result.record.id;
        this._gate?.queued(record);
        this._kiosk?.queued();
        this._persisted = result.persisted;
        this._queuedOffline = globalThis.navigator?.onLine === false;
        this.view = 'thanks';
      }
    } finally {
      this.submitting = false;
    }
  }

  override render(): TemplateResult {
    const mode = this._resolvedMode;
    const body = this.view === 'thanks' ? this._renderThanks() : (this._gate?.screen() ?? this._renderForm());
    if (mode === 'button') return PARTS.button.value!.buttonMode(this, this.t, body);
    return html`<div class="root framed" part="base" data-mode=${mode}>${body}</div>`;
  }

  private _renderForm(): TemplateResult {
    const t = this.t;
    const scale = this._resolvedScale;
    const labels = scale === 3 ? t.scoreLabels3 : t.scoreLabels5;
    const scoreError = this.errors.find((error) => error.field === 'score');
    const commentError = this.errors.find((error) => error.field === 'comment');
    return html`<form part="form" novalidate @submit=${this._onSubmit} @keydown=${this._onKeydown} @pointerdown=${this.touched}>
      ${errorSummary(this.renderRoot, t.errorSummaryTitle, this.errors)} ${this._gate?.intro() ?? nothing}
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
                .checked=${this._chosenScore === value}
                @change=${() => this._onScoreChange(value)}
              />
              <span class="choice-face" data-mood=${moodOf(value, scale)}>${face(value, scale)}</span>
              <span class="choice-label">${label}</span>
            </label>`;
          })}
        </div>
      </fieldset>
      ${this.usesStandards ? this.standardsPart!.standardQuestions(this, t) : nothing}
      ${this._asksSet ? PARTS.questions.value!.setQuestions(this, t) : nothing}
      ${this._renderComment(commentError)}
      <div class="actions">
        <button type="submit" class="button submit" part="submit" aria-disabled=${this.submitting ? 'true' : 'false'}>
          ${this.submitting ? t.sending : t.send}
        </button>
      </div>
    </form>`;
  }

  private _renderComment(error: FieldError | undefined): TemplateResult | typeof nothing {
    if (this._commentMode === 'off') return nothing;
    const t = this.t;
    const left = LIMITS.comment - this._commentText.length;
    return html`<div class="comment-field">
      <label for="comment" class="sub-question">${this._commentMode === 'required' ? t.commentRequired : t.commentOptional}</label>
      <p id="comment-hint" class="hint">${t.commentHint}</p>
      ${error ? html`<p id="comment-error" class="field-error">${error.message}</p>` : nothing}
      <textarea
        id="comment"
        part="comment"
        rows="3"
        maxlength=${LIMITS.comment}
        ?required=${this._commentMode === 'required'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="${error ? 'comment-error ' : ''}comment-hint comment-count"
        .value=${this._commentText}
        @input=${(event: InputEvent) => {
          this._commentText = (event.target as HTMLTextAreaElement).value;
          this.touched();
          this.requestUpdate();
        }}
      ></textarea>
      <p id="comment-count" class="hint count">${t.charactersLeft(left)}</p>
    </div>`;
  }

  private _renderThanks(): TemplateResult {
    const t = this.t;
    let status: string | typeof nothing = nothing;
    if (this.delivered) status = t.thanksSent;
    else if (this._queuedOffline) status = t.thanksQueuedOffline;
    return html`<div class="thanks" part="thanks" tabindex="-1" aria-labelledby="thanks-title">
      <span class="thanks-icon">${tick}</span>
      <div>
        <div role="status">
          <p class="thanks-title" id="thanks-title">${t.thanks}</p>
          ${status === nothing ? nothing : html`<p class="thanks-status">${status}</p>`}
          ${this._persisted ? nothing : html`<p class="warning">${t.errorNotKept}</p>`}
          ${this._rejectedMessage ? html`<p class="warning">${this._gate?.refusal(this._rejectedReason) ?? t.errorRejected}</p>` : nothing}
        </div>
        ${this._kiosk?.thanks(t) ?? nothing} ${this._resolvedMode === 'button' ? PARTS.button.value!.closeButton(this, t) : nothing}
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
