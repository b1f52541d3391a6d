// GET /v1/complaints/stats (CONTRACT §9): public complaint statistics by field, status and unit, as
// provinces publish them. Counts only: no text, no contact, no tracking code.
import type { Context } from '../app.js';
import { sendJson } from '../http/errors.js';
import { complaintStats, STATS_FIELDS } from '../storage/complaint-stats-sql.js';
import { instantParam } from './records.js';
import { groupByParam, periodParam, timeZoneParam } from './summary.js';

/**
 * GET /v1/complaints/stats?groupBy=category,status,unit&period&timeZone&from&to&asOf — complaints
 * created in [from, to), counted per group and period: `complaints`, `closedOnTime`, `closedLate`,
 * `open`, `overdue` (open with `dueAt` before `asOf`, default now). Public.
 */
export async function getComplaintStats(context: Context): Promise<void> {
  const { app, res, url } = context;
  const groupBy = groupByParam(url, STATS_FIELDS);
  const period = periodParam(url);
  const timeZone = timeZoneParam(url, app.config.timeZone);
  const from = instantParam(url, 'from');
  const to = instantParam(url, 'to');
  const asOf = instantParam(url, 'asOf') ?? app.now().toISOString();
  const rows = await complaintStats(app.storage.db, { groupBy, period, timeZone, asOf, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  context.log.records = rows.length;
  sendJson(res, 200, { groupBy, period, timeZone, asOf, rows }, { 'Cache-Control': 'public, max-age=60' });
}
