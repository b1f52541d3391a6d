import type { App } from '../app.js';
import type { Route } from '../http/router.js';
import { postCases } from './cases.js';
import { getComplaint, patchComplaint } from './complaints.js';
import { getComplaintStats } from './complaint-stats.js';
import { getHealth } from './health.js';
import { open311Routes } from './open311.js';
import { getRecord, getRecords, getRecordsCsv } from './records.js';
import { postSubmissions } from './submissions.js';
import { getSummary, summaryAccess } from './summary.js';

/** Every route of CONTRACT §6, with who may read its answer from another origin. */
export function routes(): Route<App>[] {
  return [
    { method: 'GET', path: '/healthz', access: 'public', handle: getHealth },
    { method: 'POST', path: '/v1/submissions', access: 'public', handle: postSubmissions },
    // Before /v1/complaints/:key, which would take "stats" for a tracking code.
    { method: 'GET', path: '/v1/complaints/stats', access: 'public', handle: getComplaintStats },
    { method: 'GET', path: '/v1/complaints/:key', access: 'public', handle: getComplaint },
    { method: 'PATCH', path: '/v1/complaints/:key', access: 'admin', handle: patchComplaint },
    { method: 'POST', path: '/v1/cases', access: 'admin', handle: postCases },
    { method: 'GET', path: '/v1/records', access: 'admin', handle: getRecords },
    { method: 'GET', path: '/v1/records.csv', access: 'admin', handle: getRecordsCsv },
    { method: 'GET', path: '/v1/records/:id', access: 'admin', handle: getRecord },
    { method: 'GET', path: '/v1/summary', access: summaryAccess, handle: getSummary },
    ...open311Routes(),
  ];
}
