// WCAG 2.2 contrast (success criteria 1.4.3 and 1.4.11), as plain functions: the theming
// playground warns with them before a team ships unreadable colours. No DOM here, so Node tests it.

/** An sRGB colour, channels 0–255. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/**
 * Reads `#rgb`, `#rrggbb` and `rgb(r, g, b)` / `rgb(r g b)` (what a colour input and
 * `getComputedStyle` give). Null for anything else, and for translucent colours, whose contrast
 * depends on what is under them.
 */
export function parseColor(text: string): Rgb | null {
  const value = text.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(value);
  if (short) return { r: parseInt(short[1]! + short[1], 16), g: parseInt(short[2]! + short[2], 16), b: parseInt(short[3]! + short[3], 16) };
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(value);
  if (long) return { r: parseInt(long[1]!, 16), g: parseInt(long[2]!, 16), b: parseInt(long[3]!, 16) };
  const rgb = /^rgba?\(\s*(\d{1,3})[\s,]+(\d{1,3})[\s,]+(\d{1,3})\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/.exec(value);
  if (rgb) {
    const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? Number(rgb[4].slice(0, -1)) / 100 : Number(rgb[4]);
    const channels = [rgb[1], rgb[2], rgb[3]].map(Number);
    if (alpha !== 1 || channels.some((channel) => channel > 255)) return null;
    return { r: channels[0]!, g: channels[1]!, b: channels[2]! };
  }
  return null;
}

/** Relative luminance of an sRGB colour (WCAG 2.2 definition). */
export function luminance({ r, g, b }: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of two colours, 1 to 21, in either order; null when one cannot be read. */
export function contrastRatio(first: string, second: string): number | null {
  const a = parseColor(first);
  const b = parseColor(second);
  if (!a || !b) return null;
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Two custom properties that are seen against each other, and the ratio WCAG AA asks of them. */
export interface ContrastPair {
  foreground: string;
  background: string;
  /** 4.5 for text (1.4.3), 3 for borders, focus rings and chart marks (1.4.11). */
  minimum: number;
  /** What the pair is, for the person reading the warning. */
  what: string;
}

/** The pairs of `--svc-*` properties the elements draw on each other. */
export const THEME_PAIRS: readonly ContrastPair[] = [
  { foreground: '--svc-color-text', background: '--svc-color-surface', minimum: 4.5, what: 'Text on the background' },
  { foreground: '--svc-color-primary', background: '--svc-color-surface', minimum: 4.5, what: 'Links and the chosen answer on the background' },
  { foreground: '--svc-color-on-primary', background: '--svc-color-primary', minimum: 4.5, what: 'Button text on the primary colour' },
  { foreground: '--svc-color-error', background: '--svc-color-surface', minimum: 4.5, what: 'Error messages on the background' },
  { foreground: '--svc-color-border', background: '--svc-color-surface', minimum: 3, what: 'Borders of controls on the background' },
  { foreground: '--svc-color-focus', background: '--svc-color-surface', minimum: 3, what: 'The focus outline on the background' },
  { foreground: '--svc-color-accent', background: '--svc-color-surface', minimum: 3, what: "The poster's accent rule on the background" },
  { foreground: '--svc-chart-meets', background: '--svc-color-surface', minimum: 3, what: 'Chart bars that meet the target' },
  { foreground: '--svc-chart-below', background: '--svc-color-surface', minimum: 3, what: 'Chart bars below the target' },
  { foreground: '--svc-chart-low', background: '--svc-color-surface', minimum: 3, what: 'Small-sample chart bars' },
];

/** One pair checked. `passes` is null when a colour cannot be read (the ratio is then null too). */
export interface ContrastResult extends ContrastPair {
  ratio: number | null;
  passes: boolean | null;
}

/**
 * Checks the pairs whose two properties both have a value. WCAG's thresholds are not rounded:
 * 4.49:1 fails 4.5:1.
 */
export function checkContrast(values: Readonly<Record<string, string>>, pairs: readonly ContrastPair[] = THEME_PAIRS): ContrastResult[] {
  const results: ContrastResult[] = [];
  for (const pair of pairs) {
    const foreground = values[pair.foreground];
    const background = values[pair.background];
    if (!foreground || !background) continue;
    const ratio = contrastRatio(foreground, background);
    results.push({ ...pair, ratio, passes: ratio === null ? null : ratio >= pair.minimum });
  }
  return results;
}
