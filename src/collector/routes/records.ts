import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { parseInstant } from '../../analytics/period.js';
import type { RecordKind } from '../../core/record.js';
import type { Context } from '../app.js';
import { toCsv } from '../../analytics/csv.js';
import { orderColumns } from '../csv.js';
import { inScope, requireAccess, scopeFilter } from '../http/access.js';
import { HttpError, sendJson } from '../http/errors.js';
import type { RecordFilter } from '../storage/types.js';

const KINDS: readonly RecordKind[] = ['rating', 'complaint', 'case'];
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An instant query parameter (a full ISO 8601 instant with Z or an offset, or a date, read as UTC
 * midnight) as ISO UTC, or a 400 naming it. Read by analytics' parseInstant, which refuses
 * impossible dates such as 2026-02-30.
 */
export function instantParam(url: URL, name: string): string | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  const time = parseInstant(DATE_ONLY.test(raw) ? `${raw}T00:00:00Z` : raw);
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

/** GET /v1/records — viewer: a JSON array of its scope streamed a page at a time (attachments left out). */
export async function getRecords(context: Context): Promise<void> {
  const { app, res, url } = context;
  const principal = await requireAccess(context, { role: 'viewer' });
  const filter = { ...recordFilter(url), ...scopeFilter(principal) };
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

/** Records written per toCsv call of the CSV export. */
const CSV_SLICE = 200;

/**
 * GET /v1/records.csv — viewer (its scope): analytics' toCsv (dotted columns, numbered arrays, attachments
 * left out), streamed a slice at a time under one header that the database computed first.
 * Text starting with = + - @ gets a leading ' (officials open this in spreadsheets; citizens
 * wrote the text) unless `formulaGuard=false`; the JSON export is always verbatim.
 */
export async function getRecordsCsv(context: Context): Promise<void> {
  const { app, res, url } = context;
  const principal = await requireAccess(context, { role: 'viewer' });
  const filter = { ...recordFilter(url), ...scopeFilter(principal) };
  const formulaGuard = url.searchParams.get('formulaGuard') !== 'false';
  const options = { columns: orderColumns(await app.storage.exportPaths(filter)), formulaGuard };
  const header = toCsv([], options);
  res.writeHead(200, streamHeaders('text/csv; charset=utf-8', 'records.csv'));
  if (!(await write(res, header))) return;
  let count = 0;
  let slice: object[] = [];
  const flush = async () => {
    const ok = slice.length === 0 || (await write(res, toCsv(slice, options).slice(header.length)));
    count += slice.length;
    slice = [];
    return ok;
  };
  const records = app.storage.exportRecords(filter);
  for await (const record of records) {
    slice.push(record);
    if (slice.length >= CSV_SLICE && !(await flush())) return void (await records.return(undefined));
  }
  if (!(await flush())) return;
  context.log.records = count;
  res.end();
}

/** GET /v1/records/:id — viewer: one record of its scope whole, with its attachments. */
export async function getRecord(context: Context): Promise<void> {
  const { app, res, params } = context;
  const principal = await requireAccess(context, { role: 'viewer' });
  const record = await app.storage.getRecord(params['id'] ?? '');
  if (!record) throw new HttpError(404, 'not_found', 'No record has this id.');
  const { agency, unit, assignedUnit } = record as { agency?: string; unit?: string; assignedUnit?: string };
  if (!inScope(principal, { agency, unit, assignedUnit })) throw new HttpError(404, 'not_found', 'No record has this id.');
  sendJson(res, 200, record);
}
