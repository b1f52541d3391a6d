/**
 * `service-feedback/officials.js`: the officials' elements of CONTRACT §8 — `<svc-complaint-inbox>`.
 * Its strings are its own dictionary, never part of the citizen bundle.
 */
export { SvcComplaintInbox, type SvcComplaintUpdatedDetail } from './components/officials/inbox/svc-complaint-inbox.js';
