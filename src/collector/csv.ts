// RFC 4180 CSV for the admin export and the case import.
// TODO: switch to analytics' toCsv / parseRecords (CONTRACT §5) once src/analytics is on main.

/** Leaf values of a record by dotted path (`standards.greet`, `contact.email`); lists stay whole. */
export function flatten(value: Record<string, unknown>, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, item] of Object.entries(value)) {
    const path = prefix + key;
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0) {
      flatten(item as Record<string, unknown>, `${path}.`, out);
    } else {
      out[path] = item;
    }
  }
  return out;
}

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with = + - @, tab or CR)
 * gets a leading apostrophe: the export is opened by officials in spreadsheet programs and the
 * text comes from citizens. The JSON export is verbatim.
 */
export function csvCell(value: unknown): string {
  let text: string;
  if (value === undefined || value === null) text = '';
  else if (typeof value === 'string') text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else text = JSON.stringify(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The export's columns: the fields of §4 first in a fixed order, then any other path, sorted. */
const ORDER = [
  'id', 'kind', 'createdAt', 'receivedAt', 'agency', 'unit', 'service', 'caseId', 'officer', 'channel', 'locale', 'page',
  'score', 'scale', 'comment', 'category', 'description', 'standard', 'trackingCode', 'status', 'dueAt', 'resolvedAt',
  'response', 'updatedAt', 'contact.name', 'contact.email', 'contact.phone', 'contact.consent', 'contact.consentText',
  'contact.consentAt',
];

export function orderColumns(paths: readonly string[]): string[] {
  const rank = (path: string) => {
    const index = ORDER.indexOf(path);
    if (index !== -1) return index;
    return path.startsWith('standards.') ? ORDER.length : ORDER.length + 1;
  };
  return [...new Set(paths)].filter((path) => path !== 'attachments' && !path.startsWith('attachments.'))
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Parses RFC 4180 text into rows of cells, with the line each row starts on. */
export function parseCsv(text: string): Array<{ line: number; cells: string[] }> {
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += char;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

/** CSV with a header of dotted paths to records: empty cells are absent fields, text stays text. */
export function csvToRecords(text: string): Array<{ line: number; record: Record<string, unknown> }> {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map(({ line, cells }) => {
    const record: Record<string, unknown> = Object.create(null);
    header.cells.forEach((path, index) => {
      const value = cells[index];
      if (value === undefined || value === '') return;
      const keys = path.trim().split('.');
      let target = record;
      keys.slice(0, -1).forEach((key) => {
        if (typeof target[key] !== 'object' || target[key] === null) target[key] = Object.create(null);
        target = target[key] as Record<string, unknown>;
      });
      target[keys[keys.length - 1]!] = value;
    });
    return { line, record: plain(record) };
  });
}

/** Objects built with a null prototype (so a `__proto__` column is a plain key) back to JSON-like objects. */
function plain(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
