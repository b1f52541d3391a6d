/** `service-feedback/complaint.js`: registers `<svc-complaint>` and `<svc-complaint-status>`. */
export { SvcComplaint, type ComplaintCategory } from './components/complaint/svc-complaint.js';
export { SvcComplaintStatus, type ComplaintStatusReply } from './components/complaint-status/svc-complaint-status.js';
export type { SvcSubmitDetail, SvcQueuedDetail, SvcSentDetail, SvcErrorDetail, SvcErrorCode } from './core/events.js';
