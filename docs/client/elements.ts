// What the site's scripts know of the elements: assets/elements.json, written by the site build
// from custom-elements.json (docs/build/manifest.ts has the shape).
import type { ElementDoc } from '../build/manifest.js';

export type SiteElement = ElementDoc & { entry: { npm: string; cdn: string | undefined } | undefined };

/** The elements, fetched once from the site's root (`root` is `''` or `../`). */
export async function loadElements(root = ''): Promise<SiteElement[]> {
  const response = await fetch(`${root}assets/elements.json`);
  if (!response.ok) throw new Error(`assets/elements.json: HTTP ${response.status}`);
  return (await response.json()) as SiteElement[];
}

/** A description without its Markdown backticks, for hints. */
export const plain = (text: string) => text.replace(/`/g, '').replace(/\s+/g, ' ').trim();

/** An element with attributes and text, made without markup strings (Trusted Types allow it). */
export function make<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}
