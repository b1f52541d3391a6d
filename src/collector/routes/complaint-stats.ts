// GET /v1/complaints/stats (CONTRACT §9): public complaint statistics by field, status and unit, as
// provinces publish them. Counts only: no text, no contact, no tracking code.
import { PERIODS, type Period } from '../../analytics/period.js';
import type { Context } from '../app.js';
import { HttpError, sendJson } from '../http/errors.js';
import { complaintStats, STATS_FIELDS, type StatsField } from '../storage/complaint-stats-sql.js';
import { instantParam } from './records.js';
import { timeZoneParam } from './summary.js';

const bad = (field: string, message: string) => new HttpError(400, 'validation', message, field);

function fieldsParam(url: URL): StatsField[] {
  const fields = url.searchParams
    .getAll('groupBy')
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
  const seen = new Set<string>();
  for (const field of fields) {
    if (!STATS_FIELDS.includes(field as StatsField)) throw bad('groupBy', `groupBy takes ${STATS_FIELDS.join(', ')} (comma-separated).`);
    if (seen.has(field)) throw bad('groupBy', `groupBy lists ${field} twice.`);
    seen.add(field);
  }
  return fields as StatsField[];
}

/**
 * GET /v1/complaints/stats?groupBy=category,status,unit&period&timeZone&from&to&asOf — complaints
 * created in [from, to), counted per group and period: `complaints`, `closedOnTime`, `closedLate`,
 * `open`, `overdue` (open with `dueAt` before `asOf`, default now). Public.
 */
export async function getComplaintStats(context: Context): Promise<void> {
  const { app, res, url } = context;
  const groupBy = fieldsParam(url);
  const period = (url.searchParams.get('period') || 'all') as Period;
  if (!PERIODS.includes(period)) throw bad('period', `period takes ${PERIODS.join(', ')}.`);
  const timeZone = timeZoneParam(url, app.config.timeZone);
  const from = instantParam(url, 'from');
  const to = instantParam(url, 'to');
  const asOf = instantParam(url, 'asOf') ?? app.now().toISOString();
  const rows = await complaintStats(app.storage.db, { groupBy, period, timeZone, asOf, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  context.log.records = rows.length;
  sendJson(res, 200, { groupBy, period, timeZone, asOf, rows }, { 'Cache-Control': 'public, max-age=60' });
}
