import { CsvReader } from '../../analytics/csv.js';
import { detectFormat, parseRecords, type RecordFormat } from '../../analytics/parse.js';
import type { CaseRecord, FeedbackRecord } from '../../core/record.js';
import { validateRecord, type ValidationError } from '../../core/validate.js';
import type { Context } from '../app.js';
import { inScope, requireAccess } from '../http/access.js';
import { appendAudit } from '../storage/audit.js';
import { decodeUtf8, mediaType, readBody } from '../http/body.js';
import { HttpError, sendJson } from '../http/errors.js';
import { idOf } from '../records.js';
import type { ImportOutcome } from '../storage/types.js';

/** Cases in one import: a month of a department's dossiers and more. */
export const MAX_CASES = 50_000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

type Entry = { line?: number; record: FeedbackRecord } | { line?: number; error: ValidationError };

const FORMATS: Record<string, RecordFormat> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/json': 'json',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
};

/**
 * Records of an import, each validated: analytics' parseRecords for a CSV file (header row,
 * dotted columns), a JSON array or NDJSON (CONTRACT §5), told apart by Content-Type, else by
 * shape; also `{ "records": [...] }` or one record as a JSON object, like submissions. The
 * results list the records in file order, then the refused rows with their line numbers.
 */
export function parseImport(type: string, text: string): Entry[] {
  const format = FORMATS[type] ?? detectFormat(text);
  if (format !== 'csv' && text.trimStart().startsWith('{') && (format === 'json' || !/\}\s*\n\s*\{/.test(text))) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
    }
    const list = Array.isArray((body as { records?: unknown }).records) ? (body as { records: unknown[] }).records : [body];
    return list.map((value) => {
      const checked = validateRecord(value);
      return checked.ok ? { record: checked.record } : { error: checked.error };
    });
  }
  if (format === 'csv' && !csvHeader(text).includes('kind')) {
    throw new HttpError(400, 'validation', 'The CSV header needs a kind column (kind = case on every row), like any file of records.', 'kind');
  }
  // parseRecords gives the records (in file order) and the refused rows (with their lines) apart.
  const { records, errors } = parseRecords(text, format);
  return [
    ...records.map((record) => ({ record })),
    ...errors.map(({ line, reason, field }) => ({
      line,
      error: { code: 'validation' as const, message: reason, ...(field !== undefined ? { field } : {}) },
    })),
  ];
}

/** The cells of a CSV file's first row. */
function csvHeader(text: string): string[] {
  let header: string[] = [];
  const reader = new CsvReader();
  const end = text.search(/\r?\n/);
  const take = (row: { cells: string[] }) => {
    if (header.length === 0) header = row.cells;
  };
  reader.push(end === -1 ? text : text.slice(0, end + 1), take);
  reader.end(take);
  return header.map((cell) => cell.replace(/^\uFEFF/, '').trim());
}

/** POST /v1/cases — admin: insert new cases, update existing ones; one result per record. */
export async function postCases(context: Context): Promise<void> {
  const { app, req, res } = context;
  const principal = await requireAccess(context, { role: 'admin' });
  const entries = parseImport(mediaType(req), decodeUtf8(await readBody(req, MAX_IMPORT_BYTES)));
  if (entries.length === 0) throw new HttpError(400, 'validation', 'The import holds no case.');
  if (entries.length > MAX_CASES) {
    throw new HttpError(413, 'too_many_records', `An import may carry at most ${MAX_CASES} cases; split the file.`);
  }
  context.log.records = entries.length;
  type Result = ImportOutcome | { id: string | null; status: 'rejected'; line?: number; error: ValidationError };
  const results: Result[] = [];
  const valid: CaseRecord[] = [];
  const slots: number[] = [];
  for (const entry of entries) {
    const line = entry.line !== undefined ? { line: entry.line } : {};
    if ('error' in entry) {
      results.push({ id: null, status: 'rejected', ...line, error: entry.error });
    } else if (entry.record.kind !== 'case') {
      const error: ValidationError = { code: 'validation', message: 'Only cases (kind "case") are imported here; ratings and complaints are submitted.', field: 'kind' };
      results.push({ id: idOf(entry.record), status: 'rejected', ...line, error });
    } else if (!inScope(principal, entry.record as { agency?: string; unit?: string })) {
      const error: ValidationError = { code: 'validation', message: 'This case is outside the agency and unit of this token.', field: 'agency' };
      results.push({ id: idOf(entry.record), status: 'rejected', ...line, error });
    } else {
      slots.push(results.length);
      results.push({ id: idOf(entry.record), status: 'accepted', ...line });
      valid.push(entry.record as CaseRecord);
    }
  }
  const now = app.now();
  const outcomes = await app.storage.importCases(valid, { now, ...(principal.agency !== null ? { scope: { agency: principal.agency, unit: principal.unit } } : {}) });
  outcomes.forEach((outcome, index) => {
    const slot = slots[index]!;
    results[slot] = { ...results[slot], ...outcome } as ImportOutcome;
  });
  const counts = { accepted: 0, updated: 0, rejected: 0 };
  for (const result of results) counts[result.status]++;
  // One entry per import (a month of dossiers would otherwise flood the log): counts and the ids changed.
  const ids = results.filter((result) => result.status !== 'rejected').map((result) => result.id);
  await appendAudit(app.storage.db, principal, { action: 'case.import', target: 'cases', agency: principal.agency, unit: principal.unit, after: { ...counts, ids } }, now);
  sendJson(res, 200, { results });
}
