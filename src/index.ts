/**
 * `service-feedback`: registers the citizen elements. Registration is idempotent: loading this
 * module twice, or beside another copy of the library, throws nothing.
 */
export { SvcRating } from './components/rating/svc-rating.js';
export { SvcStandards } from './components/standards/svc-standards.js';
export { SvcComplaint, type ComplaintCategory } from './components/complaint/svc-complaint.js';
export { SvcComplaintStatus } from './components/complaint-status/svc-complaint-status.js';
export { TEN_STANDARDS, STANDARD_IDS, type StandardDefinition } from './core/standards.js';
export { LIMITS } from './core/limits.js';
export type * from './core/record.js';
export type * from './core/events.js';
