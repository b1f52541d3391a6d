// Columns of the CSV export. The CSV itself is analytics' toCsv (CONTRACT §5): dotted columns,
// numbered arrays, RFC 4180 quoting, attachments left out.

/** The fields of §4 first, in a fixed order, then any other path, sorted. */
const ORDER = [
  'id', 'kind', 'createdAt', 'receivedAt', 'agency', 'unit', 'service', 'caseId', 'officer', 'channel', 'locale', 'page',
  'score', 'scale', 'comment', 'category', 'description', 'standard', 'trackingCode', 'status', 'dueAt', 'resolvedAt',
  'response', 'updatedAt', 'contact.name', 'contact.email', 'contact.phone', 'contact.consent', 'contact.consentText',
  'contact.consentAt',
];

/** Orders the export's columns: §4 fields, then `standards.*`, then the rest (array items in index order). */
export function orderColumns(paths: readonly string[]): string[] {
  const rank = (path: string) => {
    const index = ORDER.indexOf(path);
    if (index !== -1) return index;
    return path.startsWith('standards.') ? ORDER.length : ORDER.length + 1;
  };
  // Numeric segments compare as numbers, so list.2 comes before list.10.
  const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return [...new Set(paths)]
    .filter((path) => path !== 'attachments' && !path.startsWith('attachments.'))
    .sort((a, b) => rank(a) - rank(b) || natural(a, b));
}
