import { unsafeCSS, type CSSResult } from 'lit';

/**
 * The tag of every style sheet here: Lit's `css` for text without `${…}` parts. Lit's own tag
 * checks each interpolated value (and carries the texts of its errors, 150 bytes gzip of every
 * bundle); ours have none, and a `${…}` is a type error. The text is a literal of this source,
 * never outside input: `unsafeCSS` is safe here. Pure (the annotation tells rollup): a sheet no
 * element of a bundle uses is left out of it.
 */
export const css = /* @__NO_SIDE_EFFECTS__ */ (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);
