/**
 * The four citizen elements, registered, and nothing else: what the CDN's `service-feedback.js`
 * is built from (rollup.config.mjs). The package root (`index.ts`) registers the same elements and
 * also exports the data (the ten standards, the limits); in the CDN file that data comes only in
 * the lazily loaded standards part, when a page shows standards.
 */
export { SvcRating } from './components/rating/svc-rating.js';
export { SvcStandards } from './components/standards/svc-standards.js';
export { SvcComplaint } from './components/complaint/svc-complaint.js';
export { SvcComplaintStatus } from './components/complaint-status/svc-complaint-status.js';
