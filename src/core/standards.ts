import type { StandardDefinition } from './standard-text.js';

export { standardText, type StandardDefinition } from './standard-text.js';

/**
 * The ten standards of conduct that every one-stop counter in Hanoi posts
 * ("Khách đến, được chào hỏi; …; Khách về, được hài lòng"), in the order they are posted.
 */
export const TEN_STANDARDS: readonly StandardDefinition[] = Object.freeze([
  { id: 'greet', vi: 'Khách đến, được chào hỏi', en: 'When you arrive, you are greeted' },
  { id: 'smile', vi: 'Khách ở, luôn tươi cười', en: 'While you are here, we always smile' },
  { id: 'advise', vi: 'Khách hỏi, được tư vấn', en: 'When you ask, you are advised' },
  { id: 'dedicate', vi: 'Khách yêu cầu, phải tận tâm', en: 'When you make a request, we serve it wholeheartedly' },
  { id: 'inform', vi: 'Khách cần, được thông báo', en: 'When you need to know, you are informed' },
  { id: 'expedite', vi: 'Khách vội, giải quyết nhanh', en: 'When you are in a hurry, we resolve it quickly' },
  { id: 'apologize', vi: 'Khách chờ, được xin lỗi', en: 'When you have to wait, we apologise' },
  { id: 'listen', vi: 'Khách phàn nàn, phải lắng nghe', en: 'When you complain, we listen' },
  { id: 'assist', vi: 'Khách nhờ, luôn chu đáo', en: 'When you ask for help, we are always thoughtful' },
  { id: 'satisfy', vi: 'Khách về, được hài lòng', en: 'When you leave, you are satisfied' },
].map((standard) => Object.freeze(standard)));

/** Ids of the ten standards, in posting order. */
export const STANDARD_IDS: readonly string[] = TEN_STANDARDS.map((standard) => standard.id);

/**
 * Checks an agency's own list (`standardDefinitions`, `standards-src`) and returns it frozen.
 * Throws a `TypeError` that names the offending entry, so a page author sees what is wrong.
 */
export function parseStandardDefinitions(value: unknown): readonly StandardDefinition[] {
  if (!Array.isArray(value)) throw new TypeError('Standard definitions must be an array of { id, vi, en }.');
  const seen = new Set<string>();
  return Object.freeze(
    value.map((entry: unknown, index) => {
      const item = entry as Record<string, unknown> | null;
      if (!item || typeof item !== 'object') throw new TypeError(`Standard definition ${index} is not an object.`);
      for (const key of ['id', 'vi', 'en']) {
        if (typeof item[key] !== 'string' || (item[key] as string).trim() === '') {
          throw new TypeError(`Standard definition ${index} needs a non-empty string "${key}".`);
        }
      }
      const id = item['id'] as string;
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
        throw new TypeError(`Standard id "${id}" may use only letters, digits, "-" and "_" (at most 64).`);
      }
      if (seen.has(id)) throw new TypeError(`Standard id "${id}" appears twice.`);
      seen.add(id);
      const copy: StandardDefinition = { id, vi: item['vi'] as string, en: item['en'] as string };
      for (const [key, text] of Object.entries(item)) {
        if (typeof text === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(key)) copy[key] = text;
      }
      return Object.freeze(copy);
    }),
  );
}
