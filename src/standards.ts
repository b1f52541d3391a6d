/** `service-feedback/standards.js`: registers `<svc-standards>` (and the `<svc-rating>` it opens). */
export { SvcStandards } from './components/standards/svc-standards.js';
export { SvcRating } from './components/rating/svc-rating.js';
export { TEN_STANDARDS, STANDARD_IDS, type StandardDefinition } from './core/standards.js';
