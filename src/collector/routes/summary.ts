import { PERIODS, resolveTimeZone, type Period } from '../../analytics/period.js';
import { report, type ReportOptions } from '../../analytics/report.js';
import { GROUP_FIELDS, type GroupField } from '../../analytics/summary.js';
import type { Context } from '../app.js';
import type { Access } from '../http/cors.js';
import { requireAccess, scopeFilter } from '../http/access.js';
import { HttpError, sendJson } from '../http/errors.js';
import { instantParam } from './records.js';

const bad = (field: string, message: string) => new HttpError(400, 'validation', message, field);

/** `groupBy=a,b` (or repeated): names from `allowed`, each once, in the order given. */
export function groupByParam<Field extends string>(url: URL, allowed: readonly Field[]): Field[];
export function groupByParam(url: URL): GroupField[];
export function groupByParam(url: URL, allowed: readonly string[] = GROUP_FIELDS): string[] {
  const fields = url.searchParams
    .getAll('groupBy')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  const seen = new Set<string>();
  for (const field of fields) {
    if (!allowed.includes(field)) throw bad('groupBy', `groupBy takes ${allowed.join(', ')} (comma-separated).`);
    if (seen.has(field)) throw bad('groupBy', `groupBy lists ${field} twice.`);
    seen.add(field);
  }
  return fields;
}

/** Scores of named staff are not for everyone: `groupBy=officer` needs an official's token (CORS as admin routes). */
export function summaryAccess(url: URL): Access {
  try {
    return groupByParam(url).includes('officer') ? 'admin' : 'public';
  } catch {
    return 'public';
  }
}

/** `period=day|week|…` (default `all`). */
export function periodParam(url: URL): Period {
  const period = url.searchParams.get('period') || 'all';
  if (!PERIODS.includes(period as Period)) throw bad('period', `period takes ${PERIODS.join(', ')}.`);
  return period as Period;
}

/**
 * An IANA zone both the runtime (analytics) and the database know by the same rules. Names that
 * PostgreSQL would read as POSIX offsets (`+07:00`, `UTC+7`, whose sign it inverts) are refused.
 */
export function timeZoneParam(url: URL, fallback: string): string {
  const name = url.searchParams.get('timeZone') || fallback;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name) || /^UTC[+-]|^GMT[+-]/i.test(name)) {
    throw bad('timeZone', 'timeZone must be an IANA time zone such as Asia/Ho_Chi_Minh.');
  }
  try {
    return resolveTimeZone(name).name;
  } catch {
    throw bad('timeZone', `Unknown time zone "${name}": use an IANA name such as Asia/Ho_Chi_Minh.`);
  }
}

function share(url: URL, name: string, open: boolean): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  const value = Number(raw);
  if (!/^\d*\.?\d+$/.test(raw) || !(open ? value > 0 && value < 1 : value >= 0 && value <= 1)) {
    throw bad(name, `${name} must be a share ${open ? 'strictly between 0 and 1' : 'from 0 to 1'}, such as 0.8.`);
  }
  return value;
}

/** `name=true` or `name=false` (absent or empty: false). */
function booleanParam(url: URL, name: string): boolean {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  throw bad(name, `${name} takes true or false.`);
}

/** Report options from the query: asOf, and the targets, confidence and minSample of report(). */
function reportOptions(url: URL): ReportOptions {
  const options: ReportOptions = {};
  const asOf = instantParam(url, 'asOf');
  if (asOf !== undefined) options.asOf = asOf;
  const satisfaction = share(url, 'target', false);
  const onTime = share(url, 'onTimeTarget', false);
  if (satisfaction !== undefined || onTime !== undefined) {
    options.targets = { ...(satisfaction !== undefined ? { satisfaction } : {}), ...(onTime !== undefined ? { onTime } : {}) };
  }
  const confidence = share(url, 'confidence', true);
  if (confidence !== undefined) options.confidence = confidence;
  const minSample = url.searchParams.get('minSample');
  if (minSample !== null && minSample !== '') {
    if (!/^\d{1,9}$/.test(minSample)) throw bad('minSample', 'minSample must be a whole number ≥ 0.');
    options.minSample = Number(minSample);
  }
  return options;
}

/**
 * GET /v1/summary — the report() rows of the records whose time (createdAt, receivedAt for cases)
 * is in [from, to), counted in the database; `format=summary` answers the Summary itself (to
 * merge with others); `includeFlagged=true` counts flagged and suspect ratings like the others
 * (CONTRACT §7). Public, except `groupBy=officer` (a viewer token, counted within its scope).
 */
export async function getSummary(context: Context): Promise<void> {
  const { app, res, url } = context;
  const groupBy = groupByParam(url);
  const admin = groupBy.includes('officer');
  // Scores of named staff: officials only, and each only those of its own scope.
  const scope = admin ? scopeFilter(await requireAccess(context, { role: 'viewer' })) : {};
  const period = periodParam(url);
  const timeZone = timeZoneParam(url, app.config.timeZone);
  const from = instantParam(url, 'from');
  const to = instantParam(url, 'to');
  const options = reportOptions(url);
  // One instant for the database and report(): the collector's clock unless the query names one.
  const asOf = new Date(options.asOf ?? app.now()).toISOString();
  options.asOf = asOf;
  const includeFlagged = booleanParam(url, 'includeFlagged');
  const format = url.searchParams.get('format') || 'rows';
  if (format !== 'rows' && format !== 'summary') throw bad('format', 'format takes rows (default) or summary.');
  let summary;
  try {
    const query = { groupBy, period, timeZone, includeFlagged, ...(from ? { from } : {}), ...(to ? { to } : {}), ...scope };
    // Rows come from the kept rollups (CONTRACT §10); the Summary itself keeps every link key, so it is scanned.
    summary = format === 'summary' ? await app.storage.summarize(query) : await app.storage.summarizeForReport(query, asOf);
  } catch (error) {
    // The runtime knows the zone but this database does not (older time zone data).
    if ((error as { code?: unknown }).code === '22023') throw bad('timeZone', `The database does not know the time zone "${timeZone}".`);
    throw error;
  }
  const body = format === 'summary' ? summary : report(summary, options);
  if (Array.isArray(body)) context.log.records = body.length;
  sendJson(res, 200, body, { 'Cache-Control': admin ? 'private, no-store' : 'public, max-age=15' });
}
