/** `service-feedback/scorecard.js`: registers `<svc-scorecard>` (CONTRACT §9), nothing else. */
export { SvcScorecard, quarterOf, type ScorecardRow } from './components/scorecard/svc-scorecard.js';
