import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { RecordKind } from '../../core/record.js';
import type { Context } from '../app.js';
import { csvLine, flatten, orderColumns } from '../csv.js';
import { requireAdmin } from '../http/auth.js';
import { HttpError, sendJson } from '../http/errors.js';
import type { RecordFilter } from '../storage/types.js';

const KINDS: readonly RecordKind[] = ['rating', 'complaint', 'case'];
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** An instant query parameter (`2026-03-01` or a full ISO 8601 instant) as ISO UTC, or a 400 naming it. */
export function instantParam(url: URL, name: string): string | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  const time = INSTANT.test(raw) ? Date.parse(raw.length === 10 ? `${raw}T00:00:00Z` : raw) : NaN;
  if (Number.isNaN(time) || time < Date.parse('0001-01-01T00:00:00Z') || time > Date.parse('9999-12-31T23:59:59.999Z')) {
    throw new HttpError(400, 'validation', `${name} must be an ISO 8601 instant such as 2026-03-01T00:00:00Z.`, name);
  }
  return new Date(time).toISOString();
}

/** `kind`, `from` (inclusive) and `to` (exclusive) of the export. */
export function recordFilter(url: URL): RecordFilter {
  const filter: RecordFilter = {};
  const kind = url.searchParams.get('kind');
  if (kind !== null && kind !== '') {
    if (!KINDS.includes(kind as RecordKind)) throw new HttpError(400, 'validation', 'kind must be rating, complaint or case.', 'kind');
    filter.kind = kind as RecordKind;
  }
  const from = instantParam(url, 'from');
  const to = instantParam(url, 'to');
  if (from !== undefined) filter.from = from;
  if (to !== undefined) filter.to = to;
  return filter;
}

/** Writes with backpressure; false when the client has gone (stop reading the database). */
async function write(res: ServerResponse, chunk: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (!res.write(chunk)) {
    await Promise.race([once(res, 'drain'), once(res, 'close')]);
  }
  return !res.destroyed;
}

function streamHeaders(type: string, filename: string): Record<string, string> {
  return {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Disposition': `attachment; filename="${filename}"`,
  };
}

/** GET /v1/records — admin: a JSON array streamed a page at a time (attachments left out). */
export async function getRecords(context: Context): Promise<void> {
  const { app, req, res, url } = context;
  requireAdmin(req, app.config.adminToken);
  const filter = recordFilter(url);
  const records = app.storage.exportRecords(filter);
  let count = 0;
  // Read the first page before answering, so a database failure can still be a proper 5xx.
  let next = await records.next();
  res.writeHead(200, streamHeaders('application/json; charset=utf-8', 'records.json'));
  if (!(await write(res, '['))) return void (await records.return(undefined));
  while (!next.done) {
    if (!(await write(res, (count === 0 ? '\n' : ',\n') + JSON.stringify(next.value)))) return void (await records.return(undefined));
    count++;
    next = await records.next();
  }
  context.log.records = count;
  res.end(count === 0 ? ']' : '\n]\n');
}

/** GET /v1/records.csv — admin: CSV with dotted columns, streamed (attachments left out). */
export async function getRecordsCsv(context: Context): Promise<void> {
  const { app, req, res, url } = context;
  requireAdmin(req, app.config.adminToken);
  const filter = recordFilter(url);
  const columns = orderColumns(await app.storage.exportPaths(filter));
  res.writeHead(200, streamHeaders('text/csv; charset=utf-8', 'records.csv'));
  if (!(await write(res, csvLine(columns)))) return;
  let count = 0;
  const records = app.storage.exportRecords(filter);
  for await (const record of records) {
    const flat = flatten(record as Record<string, unknown>);
    if (!(await write(res, csvLine(columns.map((column) => flat[column]))))) return void (await records.return(undefined));
    count++;
  }
  context.log.records = count;
  res.end();
}

/** GET /v1/records/:id — admin: one record whole, with its attachments. */
export async function getRecord(context: Context): Promise<void> {
  const { app, req, res, params } = context;
  requireAdmin(req, app.config.adminToken);
  const record = await app.storage.getRecord(params['id'] ?? '');
  if (!record) throw new HttpError(404, 'not_found', 'No record has this id.');
  sendJson(res, 200, record);
}
