import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Locale } from '../../core/i18n.js';
import { ratingMessages } from '../../core/i18n/rating.js';
import { lazyPart, type LazyPart } from '../../core/lazy.js';
import { standardsMessages, type StandardsMessages } from '../../core/i18n/standards.js';
import { standardText, type StandardDefinition } from '../../core/standard-text.js';
import { defineElement } from '../shared/define.js';
import { flag } from '../shared/flag.js';
import { SvcSubmittingElement } from '../shared/submitting-element.js';
import '../rating/svc-rating.js';
import { standardsStyles } from './svc-standards.styles.js';

/** The dialog that rates a standard: loaded only by a notice with `rate`. */
const ratePart = lazyPart(import.meta, 'rate dialog', () => import('./rate-dialog.js'));

/** Boolean attributes whose properties also take their string forms (see `flag`). */
const FLAG = { fromAttribute: (value: string | null) => value !== null, toAttribute: (value: unknown) => (flag(value) ? '' : null) };

/**
 * The notice of the ten service standards every one-stop counter posts ("Khách đến, được chào
 * hỏi; …; Khách về, được hài lòng"). With `rate`, each standard opens a rating of that standard.
 *
 * @summary Post the service standards; optionally let citizens rate each one.
 * @tag svc-standards
 *
 * @fires svc-submit - From the rating of a standard (see `<svc-rating>`).
 * @fires svc-queued - From the rating of a standard.
 * @fires svc-sent - From the rating of a standard.
 * @fires svc-error - From the rating of a standard.
 *
 * @csspart base - The outer box.
 * @csspart heading - The title.
 * @csspart item - Each standard.
 * @csspart number - The number of a standard (`numbered`).
 * @csspart rate-button - The button that rates a standard (`rate`).
 * @csspart dialog - The dialog holding the rating.
 *
 * @cssproperty --svc-color-primary - Heading band, numbers and buttons. Default #0a5299.
 * @cssproperty --svc-color-accent - The poster's accent rule. Default #c8102e.
 * @cssproperty --svc-font-family - Font family. Default: inherited from the page.
 * @cssproperty --svc-font-size - Base font size. Default 16px.
 */
export class SvcStandards extends SvcSubmittingElement<StandardsMessages> {
  static override styles = standardsStyles;
  static override strings = standardsMessages;

  static override properties: PropertyDeclarations = {
    variant: { reflect: true },
    numbered: { reflect: true, converter: FLAG },
    bilingual: { reflect: true, converter: FLAG },
    rate: { reflect: true, converter: FLAG },
    heading: {},
    scale: {},
    rating: { state: true },
  };

  /** `poster` (default; one A4 page in print) | `list` | `banner`. */
  declare variant: string;
  /** Numbers the standards 1–10. */
  declare numbered: boolean | string;
  /** Shows the other language (English under Vietnamese, or the reverse) too. */
  declare bilingual: boolean | string;
  /** Each standard opens a rating of it; the shared attributes go to that rating. */
  declare rate: boolean | string;
  /** Replaces the title ("Mười tiêu chuẩn phục vụ"). */
  declare heading: string | undefined;
  /** Scale of the ratings opened with `rate`: 5 (default) or 3. */
  declare scale: number | string | undefined;

  declare private rating: StandardDefinition | undefined;
  private opener: HTMLElement | undefined;

  constructor() {
    super();
    this.variant = 'poster';
    this.numbered = false;
    this.bilingual = false;
    this.rate = false;
  }

  private get resolvedVariant(): 'poster' | 'list' | 'banner' {
    return this.variant === 'list' || this.variant === 'banner' ? this.variant : 'poster';
  }

  /** The other language shown with `bilingual`. */
  private get otherLocale(): Locale {
    return this.locale === 'vi' ? 'en' : 'vi';
  }

  protected override get localesShown(): Locale[] {
    return flag(this.bilingual) ? [this.locale, this.otherLocale] : [this.locale];
  }

  protected override get usesStandards(): boolean {
    return true;
  }

  protected override get partsShown(): LazyPart<unknown>[] {
    return flag(this.rate) ? [...super.partsShown, ratePart] : [];
  }

  /** Only a notice whose standards are rated submits (through the rating it opens). */
  protected override get submits(): boolean {
    return flag(this.rate);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The rating a standard opens must work offline too: its strings come now, not on the click.
    if (flag(this.rate)) ratingMessages[this.locale].preload();
  }

  private openRating(standard: StandardDefinition, event: Event): void {
    this.opener = event.currentTarget as HTMLElement;
    this.rating = standard;
    void this.updateComplete.then(() => this.renderRoot.querySelector('dialog')?.showModal());
  }

  private onDialogClose(): void {
    this.rating = undefined;
    this.opener?.focus();
  }

  override render(): TemplateResult {
    const variant = this.resolvedVariant;
    const t = this.t;
    const other = flag(this.bilingual) ? this.stringsIn(this.otherLocale) : t;
    const list = this.standardList;
    const numbered = flag(this.numbered);
    const items = list.map((standard, index) => this.renderItem(standard, index, numbered));
    const listTag = numbered
      ? html`<ol class="items" part="list">${items}</ol>`
      : html`<ul class="items" part="list">${items}</ul>`;
    return html`<div class="root" part="base" data-variant=${variant}>
      <section class="notice" aria-labelledby="heading">
        <header class="head">
          <h2 id="heading" class="heading" part="heading">${this.heading || t.standardsTitle}</h2>
          ${flag(this.bilingual) && !this.heading
            ? html`<p class="heading-other" lang=${this.otherLocale}>${other.standardsTitle}</p>`
            : nothing}
        </header>
        ${variant === 'banner' ? nothing : html`<p class="intro">${t.standardsIntro}</p>`}
        ${this.standardsFailed ? html`<p class="warning">${t.standardsLoadFailed}</p>` : nothing} ${listTag}
      </section>
      ${flag(this.rate) ? ratePart.value!.rateDialog(this, this.rating, list, t, () => this.onDialogClose()) : nothing}
    </div>`;
  }

  private renderItem(standard: StandardDefinition, index: number, numbered: boolean): TemplateResult {
    const text = standardText(standard, this.locale);
    return html`<li class="item" part="item">
      ${numbered ? html`<span class="number" part="number" aria-hidden="true">${index + 1}</span>` : nothing}
      <span class="texts">
        <span class="text">${text}</span>
        ${flag(this.bilingual)
          ? html`<span class="text-other" lang=${this.otherLocale}>${standardText(standard, this.otherLocale)}</span>`
          : nothing}
      </span>
      ${flag(this.rate)
        ? html`<button
            type="button"
            class="rate-button"
            part="rate-button"
            aria-haspopup="dialog"
            aria-label=${this.t.rateStandard(text)}
            @click=${(event: Event) => this.openRating(standard, event)}
          >
            ${this.t.rateStandardShort}
          </button>`
        : nothing}
    </li>`;
  }
}

defineElement('svc-standards', SvcStandards);

declare global {
  interface HTMLElementTagNameMap {
    'svc-standards': SvcStandards;
  }
}
