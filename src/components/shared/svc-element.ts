import { adoptStyles, LitElement, supportsAdoptingStyleSheets, type CSSResultOrNative, type PropertyDeclarations, type PropertyValues } from 'lit';
import { resolveLocale, type Dictionaries, type Locale } from '../../core/i18n.js';
import { lazyPart, type LazyPart } from '../../core/lazy.js';
import type { StandardDefinition } from '../../core/standard-text.js';

/** The ten standards and the check of an agency's list: loaded only by elements that show standards. */
const standardsPart = lazyPart(import.meta, 'standards', () => import('./standard-list.js'));

const connected = new Set<SvcElement>();
let documentLangObserver: MutationObserver | undefined;

/** The `lang` of the element or of its closest ancestor, crossing shadow roots. */
function inheritedLang(element: Element): string | null {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return null;
}

/**
 * What every `svc-` element shares: its language (own `lang`, else the closest ancestor's,
 * else `vi`), its typed strings in that language (`M`, from `static strings`), and the list of
 * service standards (`standardDefinitions` property, `standards-src` URL, or the ten of
 * CONTRACT §2).
 *
 * The strings of each language and the standards are parts of their own, loaded when the element
 * connects (`LazyPart`): an update waits until the parts it draws with are here, so the element
 * is never drawn without its words; a part that could not be fetched is fetched again. A part
 * that draws markup of its own brings its rules (see `adoptPartStyles`).
 */
export class SvcElement<M extends object = object> extends LitElement {
  /** The element's strings, one part per language (elements without strings of their own: none). */
  static strings: Dictionaries<object> | undefined;

  static override properties: PropertyDeclarations = {
    standardDefinitions: { attribute: false },
    standardsSrc: { attribute: 'standards-src' },
  };

  /** An agency's own standards: an array of `{ id, vi, en }` (or its JSON text). */
  declare standardDefinitions: readonly StandardDefinition[] | string | undefined;
  /** URL of a JSON array of `{ id, vi, en }` that replaces the ten standards. */
  declare standardsSrc: string | undefined;

  /**
   * True when the agency's list could not be used and the ten standards are shown instead (set by
   * the standards part).
   * @internal
   */
  standardsFailed = false;

  /** The styles the parts brought, in the order they came (see `adoptPartStyles`). */
  private _partStyles: CSSResultOrNative[] = [];

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    for (const part of this._parts()) part.preload();
    if (!documentLangObserver && typeof MutationObserver === 'function') {
      // Single-page apps switch the page language on <html>: follow it.
      documentLangObserver = new MutationObserver(() => connected.forEach((element) => element.requestUpdate()));
      documentLangObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  /** The language this element speaks and records: `vi`, `en`. */
  get locale(): Locale {
    return resolveLocale(inheritedLang(this));
  }

  /** The element's strings in its language. */
  protected get t(): M {
    return this.stringsIn(this.locale);
  }

  /** The element's strings in a language it waited for (see `localesShown`). */
  protected stringsIn(locale: Locale): M {
    return (this.constructor as typeof SvcElement).strings![locale].value as M;
  }

  /** The languages this element draws in now (a bilingual notice: two). */
  protected get localesShown(): Locale[] {
    return [this.locale];
  }

  /**
   * Whether this element shows standards now (the ten, or an agency's list): its updates then
   * wait for the standards part. Elements that show them only when told say so.
   */
  protected get usesStandards(): boolean {
    return false;
  }

  /** Further parts of its own the element draws with now (a mode, a question set): none. */
  protected get partsShown(): LazyPart<unknown>[] {
    return [];
  }

  /** The lazily loaded parts this element draws with now: its strings, then the modules. */
  private _parts(): LazyPart<unknown>[] {
    const strings = (this.constructor as typeof SvcElement).strings;
    return [...(strings ? this.localesShown.map((locale) => strings[locale]) : []), ...this._moduleParts()];
  }

  /** The modules among them (the standards, a mode, the delivery path): they may bring styles. */
  private _moduleParts(): LazyPart<unknown>[] {
    return this.usesStandards ? [standardsPart, ...this.partsShown] : this.partsShown;
  }

  /**
   * An update waits for the parts it draws with (fetched once per page, already asked for on
   * connect): `updateComplete` resolves only once the element is drawn with them.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const missing = this._parts().filter((part) => part.value === undefined);
    if (missing.length === 0) return super.scheduleUpdate();
    // Checked again once they are here: the language may have changed meanwhile.
    return Promise.all(missing.map((part) => part.ready())).then(() => this.scheduleUpdate());
  }

  /** The standards part, for the elements that draw with it (`usesStandards`: it is here then). */
  protected get standardsPart(): typeof import('./standard-list.js') | undefined {
    return standardsPart.value;
  }

  /**
   * The standards in force: the agency's own list when given and valid, else the ten. Empty while
   * the element does not use standards (their part is not loaded then).
   */
  protected get standardList(): readonly StandardDefinition[] {
    return standardsPart.value?.standardsOf(this) ?? [];
  }

  protected override update(changed: PropertyValues): void {
    this._adoptPartStyles();
    super.update(changed);
  }

  /**
   * A part that draws markup of its own exports the rules of that markup as `styles` (the dialog
   * of a button-mode rating, the kiosk's sizes): an element's bundle carries only the rules of
   * what every page draws. They join the shadow root after the element's own, once, before the
   * part's markup is first drawn, and stay (the rules of a mode switched off match nothing).
   */
  private _adoptPartStyles(): void {
    const fresh = this._moduleParts()
      .flatMap((part) => (part.value as { styles?: CSSResultOrNative[] } | undefined)?.styles ?? [])
      .filter((style) => !this._partStyles.includes(style));
    if (fresh.length === 0) return;
    this._partStyles.push(...fresh);
    // Adopted style sheets are one list, set anew; without them (Safari before 16.4) Lit appends a
    // <style> per sheet, after the content it renders.
    const own = (this.constructor as typeof LitElement).elementStyles;
    adoptStyles(this.renderRoot as ShadowRoot, supportsAdoptingStyleSheets ? [...own, ...this._partStyles] : fresh);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const url = this.standardsSrc;
    if (changed.has('standardsSrc') && url) void standardsPart.ready().then((part) => part.fetchStandards(this, url));
  }
}
