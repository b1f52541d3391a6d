/**
 * `service-feedback/officials.js`: the officials' elements of CONTRACT §8 and §9 —
 * `<svc-complaint-inbox>` and `<svc-report>`. Their strings are their own dictionaries, never part
 * of the citizen bundle.
 *
 * `<svc-report>` is a lazy part of this entry: it reads records and Summaries with the analytics
 * module and the dashboard's data loading, which would weigh more than the inbox itself. Its module
 * is imported at once (a static string: bundlers make it a chunk of its own, `dist/cdn/chunks/` in
 * the CDN build), in parallel, so the inbox never waits for it and the entry keeps its budget. An
 * `<svc-report>` on the page upgrades as soon as the chunk has run; `reportDefined` says when.
 */
export { SvcComplaintInbox, type SvcComplaintUpdatedDetail } from './components/officials/inbox/svc-complaint-inbox.js';
export type { SvcReport } from './components/officials/report/svc-report.js';
export type { SvcLoadDetail, SvcLoadErrorDetail, SvcProgressDetail } from './components/officials/shared/data-element.js';

/** Resolves once `<svc-report>` is defined (rejects if its chunk cannot be loaded). */
export const reportDefined: Promise<void> = import('./components/officials/report/svc-report.js').then(() => undefined);
// An unhandled rejection would be reported twice: the console already names the failed import.
reportDefined.catch((error: unknown) => console.error('[service-feedback] <svc-report> could not be loaded:', error));
