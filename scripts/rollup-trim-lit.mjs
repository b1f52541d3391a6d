// Rollup plugin: takes out of Lit's production modules the hooks our bundles never use: the
// polyfill-support and hydration hooks (`reactiveElementPolyfillSupport`, `litHtmlPolyfillSupport`,
// `litElementPolyfillSupport`, `litElementHydrateSupport`: ShadyDOM polyfills and SSR hydration,
// neither of which our pages load before a CDN bundle) and the decorator metadata
// (`Symbol.metadata`, `litPropertyMetadata`: our elements declare `static properties`, never
// decorators). The version registries (`litElementVersions` …) stay: pages with another Lit read
// them (test/e2e/hostile.e2e.ts).
//
// Each cut is an exact piece of Lit's minified text. If a module no longer holds it (a Lit
// upgrade), the build fails and names the piece: check the new Lit and update CUTS.

/** Per module (its path under node_modules), the exact texts removed and what replaces each. */
export const CUTS = {
  '@lit/reactive-element/reactive-element.js': [
    ['p=a.reactiveElementPolyfillSupport,', ''],
    ['Symbol.metadata??=Symbol("metadata"),a.litPropertyMetadata??=new WeakMap;', ''],
    ['const t=this[Symbol.metadata];if(null!==t){const s=litPropertyMetadata.get(t);if(void 0!==s)for(const[t,i]of s)this.elementProperties.set(t,i)}', ''],
    [',p?.({ReactiveElement:y}),', ','],
  ],
  'lit-html/lit-html.js': [[',B=t.litHtmlPolyfillSupport;B?.(S,k),', ';']],
  'lit-element/lit-element.js': [[',s.litElementHydrateSupport?.({LitElement:i});const o=s.litElementPolyfillSupport;o?.({LitElement:i});', ';']],
};

export function trimLit() {
  const trimmed = new Set();
  return {
    name: 'trim-lit',
    transform(code, id) {
      const module = Object.keys(CUTS).find((path) => id.replaceAll('\\', '/').endsWith(`/node_modules/${path}`));
      if (!module) return null;
      let out = code;
      for (const [from, to] of CUTS[module]) {
        const at = out.indexOf(from);
        if (at < 0 || out.indexOf(from, at + 1) >= 0) {
          this.error(`${module} no longer holds exactly one ${JSON.stringify(from)}: Lit changed, update scripts/rollup-trim-lit.mjs`);
        }
        out = out.slice(0, at) + to + out.slice(at + from.length);
      }
      trimmed.add(module);
      return { code: out, map: null };
    },
    buildEnd(error) {
      // A bundle with Lit has all three modules; one in another build of Lit (its development
      // files, say) would be missed here, so any Lit module left untrimmed fails the build.
      if (error) return;
      const lit = [...this.getModuleIds()].filter((id) => /\/node_modules\/(lit-html|lit-element|@lit\/reactive-element)\//.test(id.replaceAll('\\', '/')));
      const missed = lit.length > 0 ? Object.keys(CUTS).filter((module) => !trimmed.has(module)) : [];
      if (missed.length > 0) this.error(`trim-lit did not see ${missed.join(', ')} (Lit modules here: ${lit.join(', ')})`);
    },
  };
}
