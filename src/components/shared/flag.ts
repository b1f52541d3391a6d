/**
 * A boolean property as frameworks may set it: `true`, or a boolean attribute's string form
 * (`""` — present — or the attribute's name, or `"true"`). `"false"` and absence are false, so
 * `el.numbered = "false"` from a template binding does what it says.
 */
export function flag(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().toLowerCase() !== 'false';
  return value === true;
}
