import type { CaseRecord } from '../../core/record.js';
import { validateRecord, type ValidationError } from '../../core/validate.js';
import type { Context } from '../app.js';
import { csvToRecords } from '../csv.js';
import { requireAdmin } from '../http/auth.js';
import { decodeUtf8, mediaType, readBody } from '../http/body.js';
import { HttpError, sendJson } from '../http/errors.js';
import { idOf } from '../records.js';
import type { ImportOutcome } from '../storage/types.js';
import { echoId } from './submissions.js';

/** Cases in one import: large enough for a month of a department's dossiers. */
export const MAX_CASES = 50_000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

type Entry = { line?: number; value: unknown } | { line: number; error: string };

/** JSON (array, `{records}` or one object), NDJSON or CSV, told by Content-Type, else by shape. */
export function parseImport(type: string, text: string): Entry[] {
  const trimmed = text.trimStart();
  const format =
    type === 'text/csv' ? 'csv'
    : type === 'application/x-ndjson' || type === 'application/ndjson' || type === 'application/jsonl' ? 'ndjson'
    : type === 'application/json' ? 'json'
    : trimmed.startsWith('[') ? 'json'
    : trimmed.startsWith('{') ? (/^\{[^\n]*\}\s*\n\s*\{/.test(trimmed) ? 'ndjson' : 'json')
    : 'csv';
  if (format === 'json') {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
    }
    const list =
      Array.isArray(body) ? body
      : body !== null && typeof body === 'object' && Array.isArray((body as { records?: unknown }).records) ? (body as { records: unknown[] }).records
      : [body];
    return list.map((value) => ({ value }));
  }
  if (format === 'ndjson') {
    const entries: Entry[] = [];
    text.split('\n').forEach((raw, index) => {
      if (raw.trim() === '') return;
      try {
        entries.push({ line: index + 1, value: JSON.parse(raw) });
      } catch {
        entries.push({ line: index + 1, error: 'This line is not valid JSON.' });
      }
    });
    return entries;
  }
  return csvToRecords(text).map(({ line, record }) => ({ line, value: record }));
}

/** POST /v1/cases — admin: insert new cases, update existing ones; one result per record. */
export async function postCases(context: Context): Promise<void> {
  const { app, req, res } = context;
  requireAdmin(req, app.config.adminToken);
  const entries = parseImport(mediaType(req), decodeUtf8(await readBody(req, MAX_IMPORT_BYTES)));
  if (entries.length === 0) throw new HttpError(400, 'validation', 'The import holds no case.');
  if (entries.length > MAX_CASES) {
    throw new HttpError(413, 'too_many_records', `An import may carry at most ${MAX_CASES} cases; split the file.`);
  }
  context.log.records = entries.length;
  const results: Array<ImportOutcome | { id: string | null; status: 'rejected'; line?: number; error: ValidationError }> = [];
  const valid: CaseRecord[] = [];
  const slots: number[] = [];
  for (const entry of entries) {
    const line = entry.line !== undefined ? { line: entry.line } : {};
    if ('error' in entry) {
      results.push({ id: null, status: 'rejected', ...line, error: { code: 'validation', message: entry.error } });
      continue;
    }
    const value = entry.value;
    // A file of cases need not repeat kind on every row.
    const record =
      value !== null && typeof value === 'object' && !Array.isArray(value) && !('kind' in value) ? { kind: 'case', ...value } : value;
    const checked = validateRecord(record);
    if (!checked.ok || checked.record.kind !== 'case') {
      const error: ValidationError = checked.ok
        ? { code: 'validation', message: 'Only cases are imported here; ratings and complaints are submitted.', field: 'kind' }
        : checked.error;
      results.push({ id: echoId(value), status: 'rejected', ...line, error });
      continue;
    }
    slots.push(results.length);
    results.push({ id: idOf(checked.record), status: 'accepted', ...line });
    valid.push(checked.record as CaseRecord);
  }
  const outcomes = await app.storage.importCases(valid, { now: app.now() });
  outcomes.forEach((outcome, index) => {
    const slot = slots[index]!;
    results[slot] = { ...results[slot], ...outcome } as ImportOutcome;
  });
  sendJson(res, 200, { results });
}
