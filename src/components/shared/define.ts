/**
 * Registers an element once. Loading the bundle twice, or beside another copy of the library,
 * must not throw: the first definition wins.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  if (typeof customElements !== 'undefined' && !customElements.get(name)) customElements.define(name, constructor);
}
