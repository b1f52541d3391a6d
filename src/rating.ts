/** `service-feedback/rating.js`: registers `<svc-rating>`. */
export { SvcRating } from './components/rating/svc-rating.js';
export type { SvcSubmitDetail, SvcQueuedDetail, SvcSentDetail, SvcErrorDetail, SvcErrorCode } from './core/events.js';
