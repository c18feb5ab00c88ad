/**
 * The complete reads of sections, kept for the tab's session (the page origin's sessionStorage): reloading an
 * entity page, or coming back to it, does not ask the site again (features/overlay/sections.ts says why that matters).
 * The page's own scripts can see and change this storage, so what is read back is parsed like any page data; a
 * value that does not parse is treated as absent.
 */
import { DataTablesPage } from '#core/page';
import * as z from 'zod/mini';
import type { SectionCache, SectionsRead } from './sections.ts';

const PREFIX = 'creditlens:sections:';

const Stored = z.strictObject({
  sections: z.array(z.strictObject({ kind: z.enum(['penalties', 'abnormal', 'serious']), pages: z.array(DataTablesPage) })),
  requests: z.number().check(z.int(), z.nonnegative()),
  stopped: z.nullable(
    z.strictObject({
      reason: z.enum(['blocked', 'captcha', 'not-json', 'http-error', 'timeout', 'cap-reached', 'network']),
      detail: z.string(),
      value: z.string().check(z.maxLength(100)),
    }),
  ),
});

/** The complete read kept for a page's path, read at once (保存取证 reads what the overlay used); undefined when none parses. */
export function storedSections(storage: Pick<Storage, 'getItem'>, key: string): SectionsRead | undefined {
  try {
    const stored = Stored.safeParse(JSON.parse(storage.getItem(PREFIX + key) ?? 'null'));
    return stored.success ? (stored.data as SectionsRead) : undefined;
  } catch {
    return undefined;
  }
}

/** A SectionCache over a Storage (window.sessionStorage); a full or unavailable storage just caches nothing. */
export function storageCache(storage: Pick<Storage, 'getItem' | 'setItem'>): SectionCache {
  return {
    get: async (key) => storedSections(storage, key),
    set: async (key, value) => {
      try {
        storage.setItem(PREFIX + key, JSON.stringify(value));
      } catch {
        // Quota or privacy settings: the next view of this page reads the site again, which is still correct.
      }
    },
  };
}
