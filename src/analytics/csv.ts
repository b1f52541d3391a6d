/**
 * CSV (RFC 4180) both ways: an incremental reader that keeps physical line numbers right through
 * quoted line breaks, and `toCsv`, which flattens nested objects into dotted columns.
 */

/** A column separator: `,` (RFC 4180), or `;` / tab for spreadsheets set to a locale that writes decimals with a comma. */
export type CsvDelimiter = ',' | ';' | '\t';

/** One row read by {@link CsvReader}. */
export interface CsvRow {
  /** Physical line (1-based) where the row starts. */
  line: number;
  cells: string[];
  /** Set when the row is malformed; its cells are then not to be trusted. */
  error?: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** A row longer than this is refused (an unclosed quote would otherwise swallow the file). */
export const MAX_CSV_ROW = 16 * 1024 * 1024;

/** Where `search` is in `text` from `from` on, or the text's length when it is not. */
function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

/** Line breaks (CRLF, LF or a lone CR) in `text`. */
function countBreaks(text: string): number {
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) breaks++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) breaks++;
  }
  return breaks;
}

type Scan = { cells: string[]; end: number; breaks: number; error?: string } | 'incomplete' | 'unterminated';

/**
 * Reads CSV text given in pieces of any size and emits rows as soon as they are complete.
 * Accepts quoted fields with doubled quotes and line breaks inside, CRLF, LF or CR line ends, and
 * a quote inside an unquoted field (taken literally). Blank lines are skipped. A quoted field
 * that is never closed is reported at its row's line and reading resumes on the next line.
 */
export class CsvReader {
  private buffer = '';
  private line: number;
  private skipLf = false;
  private discarding = false;
  private readonly delimiter: number;
  private readonly delimiterText: string;

  /**
   * @param delimiter `,` (default), `;` or tab.
   * @param firstLine The line number of the text's first line (default 1): a piece cut from a
   *   file numbers its rows from where it starts in the file.
   */
  constructor(delimiter: CsvDelimiter = ',', firstLine = 1) {
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterText = delimiter;
    this.line = firstLine;
  }

  /** The line number after the last line break read (CRLF, LF or a lone CR each count once). */
  get nextLine(): number {
    return this.line;
  }

  /** Reads a piece of text; `emit` receives every row completed by it. */
  push(text: string, emit: (row: CsvRow) => void): void {
    if (this.buffer !== '') {
      // Most often the row left over from the last piece ends at the first line break: read that
      // short piece first, so that the rest of `text` is scanned where it is instead of being
      // copied behind the leftover (a string of the piece's size each time, which cost more than
      // the scanning). Reading in pieces of any size gives the same rows.
      const cut = this.afterLineBreak(text, 0);
      if (cut > 0 && cut < text.length) {
        this.read(text.slice(0, cut), emit);
        text = text.slice(cut);
      }
    }
    this.read(text, emit);
  }

  private read(text: string, emit: (row: CsvRow) => void): void {
    this.buffer += text;
    this.drain(emit, false);
  }

  /** The input is over: emits the last row, or the error of an unclosed quote. */
  end(emit: (row: CsvRow) => void): void {
    this.drain(emit, true);
    this.buffer = '';
  }

  private drain(emit: (row: CsvRow) => void, final: boolean): void {
    const buffer = this.buffer;
    let pos = 0;
    if (this.skipLf && buffer.length > 0) {
      if (buffer.charCodeAt(0) === LF) pos = 1;
      this.skipLf = false;
    }
    if (this.discarding) {
      const resume = this.afterLineBreak(buffer, pos);
      if (resume < 0) {
        this.buffer = '';
        return;
      }
      this.discarding = false;
      this.line++;
      pos = resume;
    }
    // Where the next quote and the next CR are (buffer.length for none), looked up again once
    // passed: one search over the piece for each, not a test of every character of every row.
    let quoteAt = -1;
    let crAt = -1;
    while (pos < buffer.length) {
      // A plain row (no quote, its only CR before its LF) is cut by the engine's split, which is
      // much faster than reading it character by character; any other row is scanned.
      const lf = buffer.indexOf('\n', pos);
      if (lf >= 0) {
        if (quoteAt < pos) quoteAt = indexOrEnd(buffer, '"', pos);
        if (crAt < pos) crAt = indexOrEnd(buffer, '\r', pos);
        if (quoteAt > lf && (crAt > lf || crAt === lf - 1)) {
          const cells = buffer.slice(pos, crAt === lf - 1 ? lf - 1 : lf).split(this.delimiterText);
          if (cells.length > 1 || cells[0] !== '') emit({ line: this.line, cells });
          this.line++;
          pos = lf + 1;
          continue;
        }
      }
      const scan = this.scan(buffer, pos, final);
      if (scan === 'incomplete') {
        if (buffer.length - pos > MAX_CSV_ROW) {
          emit({ line: this.line, cells: [], error: `row is longer than ${MAX_CSV_ROW / 1024 / 1024} MiB (is a quote left open?)` });
          const resume = this.afterLineBreak(buffer, pos);
          if (resume < 0) {
            this.discarding = true;
            pos = buffer.length;
            break;
          }
          this.line++;
          pos = resume;
          continue;
        }
        break;
      }
      if (scan === 'unterminated') {
        emit({ line: this.line, cells: [], error: 'a quoted field is never closed (the rest of the row is skipped)' });
        const resume = this.afterLineBreak(buffer, pos);
        if (resume < 0) {
          pos = buffer.length;
          break;
        }
        this.line++;
        pos = resume;
        continue;
      }
      const blank = scan.cells.length === 1 && scan.cells[0] === '' && !scan.error;
      if (!blank) {
        const row: CsvRow = { line: this.line, cells: scan.cells };
        if (scan.error) row.error = scan.error;
        emit(row);
      }
      this.line += scan.breaks;
      pos = scan.end;
      if (pos === buffer.length && buffer.charCodeAt(pos - 1) === CR && !final) this.skipLf = true;
    }
    this.buffer = pos === 0 ? buffer : buffer.slice(pos);
  }

  /** The index just after the first line break at or after `from`, or -1. */
  private afterLineBreak(buffer: string, from: number): number {
    for (let i = from; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i);
      if (c === LF) return i + 1;
      if (c === CR) return buffer.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
    }
    return -1;
  }

  /** Reads one row starting at `pos`. */
  private scan(buffer: string, pos: number, final: boolean): Scan {
    const n = buffer.length;
    const delimiter = this.delimiter;
    const cells: string[] = [];
    let breaks = 0;
    let error: string | undefined;
    let i = pos;
    for (;;) {
      let value: string;
      if (i < n && buffer.charCodeAt(i) === QUOTE) {
        value = '';
        let from = i + 1;
        for (;;) {
          const quote = buffer.indexOf('"', from);
          if (quote < 0) return final ? 'unterminated' : 'incomplete';
          if (quote + 1 >= n && !final) return 'incomplete';
          if (buffer.charCodeAt(quote + 1) === QUOTE) {
            value += buffer.slice(from, quote + 1);
            from = quote + 2;
            continue;
          }
          value += buffer.slice(from, quote);
          i = quote + 1;
          break;
        }
        breaks += countBreaks(value);
        if (i < n) {
          const c = buffer.charCodeAt(i);
          if (c !== delimiter && c !== LF && c !== CR) {
            error ??= `unexpected text after the closing quote of field ${cells.length + 1}`;
            let j = i;
            while (j < n) {
              const d = buffer.charCodeAt(j);
              if (d === delimiter || d === LF || d === CR) break;
              j++;
            }
            if (j >= n && !final) return 'incomplete';
            value += buffer.slice(i, j);
            i = j;
          }
        }
      } else {
        let j = i;
        while (j < n) {
          const c = buffer.charCodeAt(j);
          if (c === delimiter || c === LF || c === CR) break;
          j++;
        }
        if (j >= n && !final) return 'incomplete';
        value = buffer.slice(i, j);
        i = j;
      }
      cells.push(value);
      if (i >= n) return error ? { cells, end: n, breaks, error } : { cells, end: n, breaks };
      const c = buffer.charCodeAt(i);
      if (c === delimiter) {
        i++;
        if (i >= n && !final) return 'incomplete';
        continue;
      }
      breaks++;
      const end = c === CR && buffer.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
      return error ? { cells, end, breaks, error } : { cells, end, breaks };
    }
  }
}

/** How {@link toCsv} writes. */
export interface ToCsvOptions {
  /** Start with a UTF-8 byte order mark so that Excel reads Vietnamese text right; default false. */
  bom?: boolean;
  /** Column separator; default `,`. */
  delimiter?: CsvDelimiter;
  /** The columns, in order; default the union of every row's columns in first-seen order. */
  columns?: readonly string[];
  /**
   * Put a `'` before text cells that start with `=`, `+`, `-`, `@`, tab or CR, so that a
   * spreadsheet does not run a citizen's comment as a formula; default false (it changes the
   * text, so the file no longer reads back unchanged).
   */
  formulaGuard?: boolean;
}

/** Adds the dotted columns of `value` under `prefix` to `out`. */
function flatten(value: unknown, prefix: string, out: Map<string, string>, depth: number, guard: boolean): void {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return;
  if (value === null) {
    if (prefix) out.set(prefix, '');
    return;
  }
  if (value instanceof Date) {
    out.set(prefix, Number.isNaN(value.getTime()) ? '' : value.toISOString());
    return;
  }
  if (typeof value === 'object') {
    if (depth > 64) throw new RangeError('toCsv: values nest more than 64 levels deep.');
    const entries: Array<[string, unknown]> = Array.isArray(value)
      ? value.map((item, index): [string, unknown] => [String(index), item])
      : Object.entries(value);
    for (const [key, item] of entries) {
      if (depth === 0 && key === 'attachments') continue;
      flatten(item, prefix ? `${prefix}.${key}` : key, out, depth + 1, guard);
    }
    return;
  }
  if (typeof value === 'number') out.set(prefix, Number.isFinite(value) ? String(value) : '');
  else if (typeof value === 'string') out.set(prefix, guard && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  else out.set(prefix, String(value));
}

/**
 * Writes rows (records or report rows) as CSV text: RFC 4180 quoting, CRLF line ends, a header
 * row. Nested objects become dotted columns (`standards.greet`, `key.unit`, `contact.email`),
 * arrays are numbered (`satisfactionCI.0`, `satisfactionCI.1`), `null` is an empty cell, and a
 * record's `attachments` are left out. `parseRecords(toCsv(records), 'csv')` gives the records
 * back (empty strings and empty objects aside, as empty cells read as absent).
 */
export function toCsv(rows: Iterable<object>, options: ToCsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  if (delimiter !== ',' && delimiter !== ';' && delimiter !== '\t') throw new RangeError('toCsv: delimiter must be ",", ";" or a tab.');
  const columns: string[] = options.columns ? [...options.columns] : [];
  const seen = new Set(columns);
  const valued = new Set<string>();
  const guard = options.formulaGuard === true;
  const flat: Array<Map<string, string>> = [];
  for (const row of rows) {
    const cells = new Map<string, string>();
    flatten(row, '', cells, 0, guard);
    flat.push(cells);
    if (!options.columns) {
      for (const [column, text] of cells) {
        if (text !== '') valued.add(column);
        if (!seen.has(column)) {
          seen.add(column);
          columns.push(column);
        }
      }
    }
  }
  if (!options.columns) {
    // A value that is null in some rows and an object or array in others (`onTimeCI`): keep
    // only its dotted columns, not an extra always-empty column for the null.
    const parents = new Set<string>();
    for (const column of columns) {
      for (let dot = column.indexOf('.'); dot >= 0; dot = column.indexOf('.', dot + 1)) parents.add(column.slice(0, dot));
    }
    for (let i = columns.length - 1; i >= 0; i--) {
      if (parents.has(columns[i]!) && !valued.has(columns[i]!)) columns.splice(i, 1);
    }
  }
  const special = delimiter === ',' ? /[",\r\n]/ : delimiter === ';' ? /[";\r\n]/ : /["\t\r\n]/;
  const quote = (text: string) => (special.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  let out = options.bom ? '\uFEFF' : '';
  if (columns.length === 0) return out;
  out += `${columns.map(quote).join(delimiter)}\r\n`;
  for (const cells of flat) {
    out += `${columns.map((column) => quote(cells.get(column) ?? '')).join(delimiter)}\r\n`;
  }
  return out;
}
