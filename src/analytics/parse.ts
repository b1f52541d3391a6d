/**
 * Reading records from CSV, a JSON array or NDJSON, whole or as a stream. Every record goes
 * through `validateRecord`; a record that fails is reported with its line and the reason, never
 * dropped silently.
 */
import type { FeedbackRecord } from '../core/record.js';
import { validateRecord } from '../core/validate.js';
import { CsvReader, type CsvDelimiter, type CsvRow } from './csv.js';
import { Utf8PieceDecoder } from './utf8.js';

/** The file formats records come in. */
export type RecordFormat = 'csv' | 'json' | 'ndjson';

/** Every format `parseRecords` reads. */
export const RECORD_FORMATS: readonly RecordFormat[] = Object.freeze(['csv', 'json', 'ndjson']);

/** A row or record that was not read, and why. */
export interface ParseError {
  /** 1-based line where the row or record starts. */
  line: number;
  /** What is wrong, naming the field when one is at fault (`score: score must be …`). */
  reason: string;
  /** The dotted path of the field at fault, when there is one. */
  field?: string;
}

/** Records read and rows refused. */
export interface ParseResult {
  records: FeedbackRecord[];
  errors: ParseError[];
}

/**
 * What `parseRecordStream` yields for each piece of input it reads: the records completed by it
 * and the errors found in it (either list may be empty, never both).
 */
export interface ParseBatch extends ParseResult {}

/** Options of the readers. */
export interface ParseOptions {
  /** CSV column separator; default `,`. */
  delimiter?: CsvDelimiter;
  /**
   * The line number of the text's first line; default 1. A piece cut from a file passes where
   * it starts, so that errors name lines of the file (a CSV piece with the file's header row put
   * in front passes the header's number: one less than its own first line).
   */
  firstLine?: number;
  /**
   * The text continues a file (a piece cut from it after its start): a U+FEFF at its start is
   * text, not a byte order mark to drop; default false.
   */
  continued?: boolean;
}

/** A longest NDJSON line / JSON array element read (a record with three 2 MB attachments fits). */
export const MAX_RECORD_TEXT = 32 * 1024 * 1024;

interface RecordParser {
  push(text: string, sink: ParseResult): void;
  end(sink: ParseResult): void;
  /** The line number after the last line break read. */
  readonly nextLine: number;
}

function accept(value: unknown, line: number, sink: ParseResult): void {
  const result = validateRecord(value);
  if (result.ok) {
    sink.records.push(result.record);
    return;
  }
  const { message, field } = result.error;
  const error: ParseError = { line, reason: field && !message.startsWith(field) ? `${field}: ${message}` : message };
  if (field !== undefined) error.field = field;
  sink.errors.push(error);
}

function parseJson(text: string, line: number, sink: ParseResult): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    sink.errors.push({ line, reason: `not valid JSON: ${(error as Error).message}` });
    return;
  }
  accept(value, line, sink);
}

/** One JSON record per line; blank lines are skipped. */
class NdjsonParser implements RecordParser {
  /** The start of a line whose end is in a later chunk. */
  private rest = '';
  private discarding = false;

  constructor(private line = 1) {}

  get nextLine(): number {
    return this.line;
  }

  /**
   * Lines are cut out of `text` itself: only a line that began in an earlier chunk is joined
   * with its end. Joining the whole chunk to that rest (as before) made a new string of the
   * chunk's size every time, which cost more than finding the lines (see bench/parse.bench.ts).
   */
  push(text: string, sink: ParseResult): void {
    let start = 0;
    let newline = text.indexOf('\n');
    if (newline >= 0 && this.rest !== '') {
      this.take(this.rest + text.slice(0, newline), sink);
      this.rest = '';
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    for (; newline >= 0; newline = text.indexOf('\n', start)) {
      this.take(text.slice(start, newline), sink);
      start = newline + 1;
    }
    if (this.discarding) return;
    this.rest += start === 0 ? text : text.slice(start);
    if (this.rest.length > MAX_RECORD_TEXT) {
      sink.errors.push({ line: this.line, reason: `line is longer than ${MAX_RECORD_TEXT / 1024 / 1024} MiB` });
      this.discarding = true;
      this.rest = '';
    }
  }

  end(sink: ParseResult): void {
    if (!this.discarding) this.handle(this.rest, sink);
    this.rest = '';
  }

  /** A whole line: read it, unless it is the end of a line too long to read. */
  private take(text: string, sink: ParseResult): void {
    if (this.discarding) this.discarding = false;
    else this.handle(text, sink);
    this.line++;
  }

  private handle(text: string, sink: ParseResult): void {
    const body = text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text;
    // A line that starts a record cannot be blank: skip the trim (a copy) for those.
    if (body.charCodeAt(0) !== 123 /* { */ && body.trim() === '') return;
    parseJson(body, this.line, sink);
  }
}

/** Where the JSON array reader is. */
const JsonState = { Start: 0, BeforeValue: 1, InValue: 2, Done: 3, Failed: 4 } as const;
type JsonState = (typeof JsonState)[keyof typeof JsonState];

/** A JSON array of records, read element by element (an element's line is where it starts). */
class JsonArrayParser implements RecordParser {
  private buffer = '';
  private pos = 0;
  private state: JsonState = JsonState.Start;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private valueStart = 0;
  private valueLine = 1;

  constructor(private line = 1) {}

  get nextLine(): number {
    return this.line;
  }

  push(text: string, sink: ParseResult): void {
    if (this.state === JsonState.Failed) return;
    this.buffer += text;
    this.scan(sink);
    if (this.state === JsonState.InValue) {
      if (this.pos - this.valueStart > MAX_RECORD_TEXT) {
        sink.errors.push({
          line: this.valueLine,
          reason: `record is longer than ${MAX_RECORD_TEXT / 1024 / 1024} MiB; the rest of the file was not read`,
        });
        this.fail();
        return;
      }
      this.buffer = this.buffer.slice(this.valueStart);
      this.pos -= this.valueStart;
      this.valueStart = 0;
    } else {
      this.buffer = this.buffer.slice(this.pos);
      this.pos = 0;
    }
  }

  end(sink: ParseResult): void {
    if (this.state === JsonState.InValue) {
      sink.errors.push({ line: this.valueLine, reason: 'the file ends inside this record (the JSON array is not closed)' });
    } else if (this.state === JsonState.BeforeValue) {
      sink.errors.push({ line: this.line, reason: 'the file ends before the JSON array is closed with ]' });
    }
    this.fail();
  }

  private fail(): void {
    this.state = JsonState.Failed;
    this.buffer = '';
    this.pos = 0;
  }

  private scan(sink: ParseResult): void {
    const buffer = this.buffer;
    const n = buffer.length;
    let i = this.pos;
    while (i < n) {
      const c = buffer.charCodeAt(i);
      switch (this.state) {
        case JsonState.InValue: {
          if (this.inString) {
            if (this.escaped) this.escaped = false;
            else if (c === 92 /* \ */) this.escaped = true;
            else if (c === 34 /* " */) this.inString = false;
            else if (c === 10) this.line++;
            i++;
            continue;
          }
          if (c === 34) this.inString = true;
          else if (c === 123 /* { */ || c === 91 /* [ */) this.depth++;
          else if ((c === 125 /* } */ || c === 93) /* ] */ && this.depth > 0) this.depth--;
          else if ((c === 44 /* , */ || c === 93) && this.depth === 0) {
            parseJson(buffer.slice(this.valueStart, i), this.valueLine, sink);
            this.state = c === 44 ? JsonState.BeforeValue : JsonState.Done;
          } else if (c === 10) this.line++;
          i++;
          continue;
        }
        case JsonState.Start:
        case JsonState.BeforeValue:
        case JsonState.Done: {
          if (c === 32 || c === 9 || c === 13) {
            i++;
            continue;
          }
          if (c === 10) {
            this.line++;
            i++;
            continue;
          }
          if (this.state === JsonState.Start) {
            if (c !== 91) {
              sink.errors.push({ line: this.line, reason: 'a JSON file must hold an array of records: [ {…}, {…} ]' });
              this.fail();
              return;
            }
            this.state = JsonState.BeforeValue;
            i++;
            continue;
          }
          if (this.state === JsonState.Done) {
            sink.errors.push({ line: this.line, reason: 'unexpected text after the closing ] of the array' });
            this.fail();
            return;
          }
          if (c === 93) {
            this.state = JsonState.Done;
            i++;
            continue;
          }
          this.state = JsonState.InValue;
          this.valueStart = i;
          this.valueLine = this.line;
          this.depth = 0;
          this.inString = false;
          this.escaped = false;
          continue;
        }
        default:
          return;
      }
    }
    this.pos = i;
  }
}

/** Where a CSV column goes in a record, and how its text is typed. */
interface ColumnNode {
  /** Column index for a leaf. */
  column?: number;
  /** How the leaf's text is typed. */
  type?: 'string' | 'number' | 'boolean';
  children?: Map<string, ColumnNode>;
  /** True when every child is an array index: the node is rebuilt as an array. */
  array?: boolean;
  /** The children as a list, in column order (by index for an array), made once with the header. */
  entries?: Array<[string, ColumnNode]>;
}

const INDEX = /^(0|[1-9]\d*)$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function columnType(path: string[]): 'string' | 'number' | 'boolean' {
  const [first, second, third] = path;
  if (path.length === 1 && (first === 'score' || first === 'scale')) return 'number';
  if (path.length === 3 && first === 'attachments' && INDEX.test(second!) && third === 'size') return 'number';
  if (path.length === 2 && first === 'standards') return 'boolean';
  if (path.length === 2 && first === 'contact' && second === 'consent') return 'boolean';
  // A stored rating's `verified` (CONTRACT §7), so an export read back equals the records.
  if (path.length === 1 && first === 'verified') return 'boolean';
  return 'string';
}

/** Builds the column tree of a header row, or returns what is wrong with it. */
function readHeader(cells: string[]): ColumnNode | string {
  const root: ColumnNode = { children: new Map() };
  const names = new Set<string>();
  for (let column = 0; column < cells.length; column++) {
    const name = cells[column]!;
    if (names.has(name)) return `the header names column "${name}" twice`;
    names.add(name);
    const path = name.split('.');
    if (name === '' || path.some((segment) => segment === '')) return `column ${column + 1} ("${name}") is not a field name`;
    let node = root;
    for (let depth = 0; depth < path.length; depth++) {
      const segment = path[depth]!;
      if (node.column !== undefined) return `column "${name}" conflicts with column "${path.slice(0, depth).join('.')}"`;
      node.children ??= new Map();
      let child = node.children.get(segment);
      if (!child) {
        child = {};
        node.children.set(segment, child);
      }
      node = child;
    }
    if (node.column !== undefined || node.children) return `column "${name}" conflicts with a column inside it`;
    node.column = column;
    node.type = columnType(path);
  }
  const markArrays = (node: ColumnNode) => {
    if (!node.children) return;
    node.array = node !== root && [...node.children.keys()].every((key) => INDEX.test(key));
    node.entries = [...node.children];
    if (node.array) node.entries.sort(([a], [b]) => Number(a) - Number(b));
    for (const child of node.children.values()) markArrays(child);
  };
  markArrays(root);
  return root;
}

function typed(text: string, type: ColumnNode['type']): unknown {
  if (type === 'number') {
    // A score or scale is one digit: read it without the pattern.
    const digit = text.length === 1 ? text.charCodeAt(0) - 48 : -1;
    if (digit >= 0 && digit <= 9) return digit;
    return NUMBER.test(text) ? Number(text) : text;
  }
  if (type === 'boolean') {
    // What toCsv writes, before the copies that trim and toLowerCase may make.
    if (text === 'true') return true;
    if (text === 'false') return false;
    const lower = text.trim().toLowerCase();
    if (lower === 'true' || lower === '1' || lower === 'yes') return true;
    if (lower === 'false' || lower === '0' || lower === 'no') return false;
  }
  return text;
}

/** The value of a column tree node for one row; `undefined` when every cell under it is empty. */
function build(node: ColumnNode, cells: string[]): unknown {
  if (node.column !== undefined) {
    const text = cells[node.column]!;
    return text === '' ? undefined : typed(text, node.type);
  }
  const entries = node.entries!;
  if (node.array) {
    const items: unknown[] = [];
    for (const [, child] of entries) {
      const value = build(child, cells);
      if (value !== undefined) items.push(value);
    }
    return items.length ? items : undefined;
  }
  const object: Record<string, unknown> = {};
  let any = false;
  for (const [key, child] of entries) {
    const value = build(child, cells);
    if (value === undefined) continue;
    // A column named __proto__ stays an ordinary key (which the validator refuses); every other
    // key is set plainly, which keeps the object fast.
    if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
    else object[key] = value;
    any = true;
  }
  return any ? object : undefined;
}

/** A header row, then one record per row (dotted columns rebuilt into nested objects). */
class CsvRecordParser implements RecordParser {
  private readonly reader: CsvReader;
  private header: ColumnNode | undefined;
  private width = 0;
  private headerError: ParseError | undefined;
  private unread = 0;
  private readonly onRow: (row: CsvRow) => void;
  private sink: ParseResult = { records: [], errors: [] };

  constructor(delimiter: CsvDelimiter = ',', firstLine = 1) {
    this.reader = new CsvReader(delimiter, firstLine);
    this.onRow = (row) => this.row(row);
  }

  get nextLine(): number {
    return this.reader.nextLine;
  }

  push(text: string, sink: ParseResult): void {
    this.sink = sink;
    this.reader.push(text, this.onRow);
  }

  end(sink: ParseResult): void {
    this.sink = sink;
    this.reader.end(this.onRow);
    if (this.headerError && this.unread > 0) {
      sink.errors.push({
        line: this.headerError.line,
        reason: `${this.unread} row${this.unread === 1 ? ' was' : 's were'} not read because the header is invalid`,
      });
    }
  }

  private row(row: CsvRow): void {
    const sink = this.sink;
    if (row.error) {
      sink.errors.push({ line: row.line, reason: row.error });
      if (!this.header && !this.headerError) {
        this.headerError = { line: row.line, reason: `header: ${row.error}` };
      }
      return;
    }
    if (this.headerError) {
      this.unread++;
      return;
    }
    if (!this.header) {
      const header = readHeader(row.cells);
      if (typeof header === 'string') {
        this.headerError = { line: row.line, reason: `header: ${header}` };
        sink.errors.push(this.headerError);
      } else {
        this.header = header;
        this.width = row.cells.length;
      }
      return;
    }
    if (row.cells.length !== this.width) {
      sink.errors.push({ line: row.line, reason: `row has ${row.cells.length} fields but the header has ${this.width}` });
      return;
    }
    accept(build(this.header, row.cells) ?? {}, row.line, sink);
  }
}

function createParser(format: RecordFormat, options: ParseOptions | undefined): RecordParser {
  const firstLine = options?.firstLine ?? 1;
  if (!Number.isSafeInteger(firstLine)) throw new RangeError(`firstLine must be a whole number, got ${JSON.stringify(firstLine)}.`);
  switch (format) {
    case 'csv':
      return new CsvRecordParser(options?.delimiter, firstLine);
    case 'json':
      return new JsonArrayParser(firstLine);
    case 'ndjson':
      return new NdjsonParser(firstLine);
    default:
      throw new RangeError(`Unknown format ${JSON.stringify(format)}: use ${RECORD_FORMATS.join(', ')}.`);
  }
}

/**
 * Tells the formats apart by shape: a leading `[` is a JSON array, a leading `{` is NDJSON,
 * anything else CSV (leading white space and a byte order mark are skipped).
 */
export function detectFormat(text: string): RecordFormat {
  const match = /^[\uFEFF\s]*([[{])?/.exec(text);
  return match?.[1] === '[' ? 'json' : match?.[1] === '{' ? 'ndjson' : 'csv';
}

/**
 * Reads records from text: `csv` (a header row, then a record per row; dotted columns such as
 * `standards.greet` or `contact.email` become nested fields; empty cells are absent), `json`
 * (an array of records) or `ndjson` (a record per line). Each record is checked with
 * `validateRecord`; those that fail are in `errors` with their line and the reason.
 *
 * @example const { records, errors } = parseRecords(text, 'csv');
 * @throws RangeError for an unknown format.
 */
export function parseRecords(text: string, format: RecordFormat, options?: ParseOptions): ParseResult {
  const parser = createParser(format, options);
  const sink: ParseResult = { records: [], errors: [] };
  parser.push(text.charCodeAt(0) === 0xfeff && !options?.continued ? text.slice(1) : text, sink);
  parser.end(sink);
  return sink;
}

/** Chunks that `parseRecordStream` reads: text, or bytes of UTF-8. */
export type TextChunk = string | Uint8Array | ArrayBuffer;

/**
 * Reads records from a stream of text or UTF-8 bytes (a `fetch` body, `blob.stream()`,
 * `fs.createReadStream`…) without holding the whole input: yields a {@link ParseBatch} of the
 * records and errors completed by each chunk. Multi-byte characters split across chunks are
 * decoded right and a leading byte order mark is dropped. Same formats and checks as
 * {@link parseRecords}.
 *
 * @example
 * for await (const { records, errors } of parseRecordStream(file.stream(), 'ndjson')) { … }
 * @throws RangeError for an unknown format.
 */
export async function* parseRecordStream(
  chunks: AsyncIterable<TextChunk> | Iterable<TextChunk>,
  format: RecordFormat,
  options?: ParseOptions,
): AsyncGenerator<ParseBatch, void, undefined> {
  const parser = new RecordChunkParser(format, options);
  for await (const chunk of chunks as AsyncIterable<TextChunk>) {
    const batch = parser.push(chunk);
    if (batch.records.length || batch.errors.length) yield batch;
  }
  const last = parser.end();
  if (last.records.length || last.errors.length) yield last;
}

/**
 * What {@link parseRecordStream} does, one chunk at a time and synchronously: for code that
 * has its chunks in hand (a piece of a file in a worker) and wants the line count too.
 */
export class RecordChunkParser {
  private readonly parser: RecordParser;
  private readonly decoder: Utf8PieceDecoder;
  private first: boolean;

  /** @throws RangeError for an unknown format. */
  constructor(format: RecordFormat, options?: ParseOptions) {
    this.parser = createParser(format, options);
    this.first = !options?.continued;
    this.decoder = new Utf8PieceDecoder(this.first);
  }

  /** The records and errors completed by `chunk` (text or UTF-8 bytes). */
  push(chunk: TextChunk): ParseBatch {
    const batch: ParseBatch = { records: [], errors: [] };
    if (typeof chunk === 'string') this.text(chunk, batch);
    else if (chunk instanceof Uint8Array) this.decoder.decode(chunk, (text) => this.text(text, batch));
    else if (chunk instanceof ArrayBuffer) this.decoder.decode(new Uint8Array(chunk), (text) => this.text(text, batch));
    else throw new TypeError('parseRecordStream reads strings, Uint8Array or ArrayBuffer chunks.');
    return batch;
  }

  /** The input is over: the last records and errors. */
  end(): ParseBatch {
    const last: ParseBatch = { records: [], errors: [] };
    this.text(this.decoder.end(), last);
    this.parser.end(last);
    return last;
  }

  /** The line number after the last line break read (the text's line count plus `firstLine`). */
  get nextLine(): number {
    return this.parser.nextLine;
  }

  private text(text: string, batch: ParseBatch): void {
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.parser.push(text, batch);
  }
}
