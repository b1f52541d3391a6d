import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { messagesFor, resolveLocale, type Messages } from '../../core/i18n.js';
import { parseStandardDefinitions, TEN_STANDARDS, type StandardDefinition } from '../../core/standards.js';

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
 * else `vi`), the typed strings of that language, and the list of service standards
 * (`standardDefinitions` property, `standards-src` URL, or the ten of CONTRACT §2).
 */
export class SvcElement extends LitElement {
  static override properties: PropertyDeclarations = {
    standardDefinitions: { attribute: false },
    standardsSrc: { attribute: 'standards-src' },
  };

  /** An agency's own standards: an array of `{ id, vi, en }` (or its JSON text). */
  declare standardDefinitions: readonly StandardDefinition[] | string | undefined;
  /** URL of a JSON array of `{ id, vi, en }` that replaces the ten standards. */
  declare standardsSrc: string | undefined;

  private loadedStandards: readonly StandardDefinition[] | undefined;
  private checkedDefinitions: { input: unknown; list: readonly StandardDefinition[] } | undefined;
  /** True when the agency's list could not be used and the ten standards are shown instead. */
  protected standardsFailed = false;

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
  get locale(): string {
    return resolveLocale(inheritedLang(this));
  }

  protected get t(): Messages {
    return messagesFor(this.locale);
  }

  /** The standards in force: the agency's own list when given and valid, else the ten. */
  protected get standardList(): readonly StandardDefinition[] {
    const value = this.standardDefinitions;
    if (value === undefined || value === null) return this.loadedStandards ?? TEN_STANDARDS;
    // Checked once per value, not on every render.
    if (this.checkedDefinitions?.input !== value) {
      let list: readonly StandardDefinition[];
      try {
        list = parseStandardDefinitions(typeof value === 'string' ? JSON.parse(value) : value);
      } catch (error) {
        this.reportStandardsProblem(error);
        list = TEN_STANDARDS;
      }
      this.checkedDefinitions = { input: value, list };
    }
    return this.checkedDefinitions.list;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('standardsSrc') && this.standardsSrc) void this.loadStandards(this.standardsSrc);
  }

  private async loadStandards(url: string): Promise<void> {
    try {
      const response = await fetch(new URL(url, document.baseURI), { credentials: 'same-origin' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const list = parseStandardDefinitions(await response.json());
      if (url !== this.standardsSrc) return;
      this.loadedStandards = list;
      this.standardsFailed = false;
    } catch (error) {
      this.loadedStandards = undefined;
      this.reportStandardsProblem(error);
    }
    this.requestUpdate();
  }

  private reportStandardsProblem(error: unknown): void {
    if (!this.standardsFailed) {
      console.error(`[service-feedback] <${this.localName}>: the standards list cannot be used:`, error);
    }
    this.standardsFailed = true;
  }
}
