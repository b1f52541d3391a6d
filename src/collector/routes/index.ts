import type { App } from '../app.js';
import type { Route } from '../http/router.js';
import { getAudit } from './audit.js';
import { postCases } from './cases.js';
import { deletePersonalData, getComplaint, listComplaintsRoute, patchComplaint } from './complaints.js';
import { deleteFlag, postFlag } from './flags.js';
import { getComplaintStats } from './complaint-stats.js';
import { getHealth } from './health.js';
import { open311Routes } from './open311.js';
import { getRecord, getRecords, getRecordsCsv } from './records.js';
import { postSubmissions } from './submissions.js';
import { getInvitation, getInvitationQr, postInvitations } from './invitations.js';
import { deleteKiosk, getNextArming, postArm, postKiosk } from './kiosks.js';
import { getHostedAsset, getHostedPage } from './hosted.js';
import { getSummary, summaryAccess } from './summary.js';
import { deleteToken, getTokens, postToken } from './tokens.js';

/**
 * Every route of CONTRACT §6 and §8, with who may read its answer from another origin. The
 * officials' routes (`access: 'admin'`) each call `requireAccess` (http/access.ts) for role and scope.
 */
export function routes(): Route<App>[] {
  return [
    { method: 'GET', path: '/healthz', access: 'public', handle: getHealth },
    { method: 'POST', path: '/v1/submissions', access: 'public', handle: postSubmissions },
    { method: 'GET', path: '/v1/complaints', access: 'admin', handle: listComplaintsRoute },
    // Before /v1/complaints/:key, which would take "stats" for a tracking code.
    { method: 'GET', path: '/v1/complaints/stats', access: 'public', handle: getComplaintStats },
    { method: 'GET', path: '/v1/complaints/:key', access: 'public', handle: getComplaint },
    { method: 'PATCH', path: '/v1/complaints/:key', access: 'admin', handle: patchComplaint },
    { method: 'DELETE', path: '/v1/complaints/:key/personal-data', access: 'admin', handle: deletePersonalData },
    { method: 'POST', path: '/v1/cases', access: 'admin', handle: postCases },
    { method: 'GET', path: '/v1/records', access: 'admin', handle: getRecords },
    { method: 'GET', path: '/v1/records.csv', access: 'admin', handle: getRecordsCsv },
    { method: 'GET', path: '/v1/records/:id', access: 'admin', handle: getRecord },
    { method: 'GET', path: '/v1/summary', access: summaryAccess, handle: getSummary },
    { method: 'POST', path: '/v1/invitations', access: 'admin', handle: postInvitations },
    { method: 'GET', path: '/v1/invitations/:code', access: 'public', handle: getInvitation },
    { method: 'GET', path: '/v1/invitations/:code/qr.svg', access: 'public', handle: getInvitationQr },
    { method: 'POST', path: '/v1/kiosks', access: 'admin', handle: postKiosk },
    { method: 'DELETE', path: '/v1/kiosks/:id', access: 'admin', handle: deleteKiosk },
    { method: 'POST', path: '/v1/kiosks/:id/arm', access: 'admin', handle: postArm },
    // The kiosk page may live on the agency's own site: its key, not an origin list, guards it.
    { method: 'GET', path: '/v1/kiosks/:id/next', access: 'public', handle: getNextArming },
    { method: 'GET', path: '/r/:code', access: 'public', handle: getHostedPage },
    { method: 'GET', path: '/r/assets/:file', access: 'public', handle: getHostedAsset },
    { method: 'GET', path: '/r/assets/chunks/:file', access: 'public', handle: getHostedAsset },
    { method: 'POST', path: '/v1/ratings/:id/flag', access: 'admin', handle: postFlag },
    { method: 'DELETE', path: '/v1/ratings/:id/flag', access: 'admin', handle: deleteFlag },
    { method: 'POST', path: '/v1/tokens', access: 'admin', handle: postToken },
    { method: 'GET', path: '/v1/tokens', access: 'admin', handle: getTokens },
    { method: 'DELETE', path: '/v1/tokens/:id', access: 'admin', handle: deleteToken },
    { method: 'GET', path: '/v1/audit', access: 'admin', handle: getAudit },
    ...open311Routes(),
  ];
}
