import { del, get, type UseStore } from 'idb-keyval';
import { attempt, openStore, write } from './idb.js';

let store: UseStore | undefined | null = null;
const draftStore = () => (store === null ? (store = openStore('svc-feedback-drafts')) : store);

/**
 * Half-written forms, kept on this device so a reload or a crash loses nothing. Each draft is
 * removed once its record is queued. Never holds contact details (see `<svc-complaint>`).
 */
export async function loadDraft<T>(key: string): Promise<T | undefined> {
  const drafts = draftStore();
  if (!drafts) return undefined;
  try {
    return await get<T>(key, drafts);
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, value: unknown): Promise<boolean> {
  return attempt(() => write(draftStore(), key, value));
}

export async function clearDraft(key: string): Promise<void> {
  const drafts = draftStore();
  if (drafts) await attempt(() => del(key, drafts));
}
