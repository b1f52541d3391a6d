// A host page's own code, bundled at test time: a widget built with another Lit major version,
// and data in idb-keyval's default store. The library must leave both alone.
import { LitElement, html, css } from 'lit-2';
import { get, set } from 'idb-keyval';

class HostWidget extends LitElement {
  static override styles = css`
    p {
      color: rebeccapurple;
    }
  `;
  override render() {
    return html`<p>Host widget on Lit 2</p>`;
  }
}
customElements.define('host-widget', HostWidget);

(window as unknown as { hostReady: Promise<unknown> }).hostReady = set('host-key', 'host-value').then(() => get('host-key'));
