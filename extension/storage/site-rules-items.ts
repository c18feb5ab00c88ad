/**
 * The team's site rules as this browser keeps them (browser.storage.local): the last good copy the background
 * fetched from the team server (how the last check went is the background's: background/site-rules.ts). The overlay
 * reads the copy when it starts and hands its site's part to the reader; a copy that no longer parses is not used (the
 * reader reads without rules). zod/mini, like everything the overlay loads.
 */
import { SiteRules, rulesForSite, type AppliedRules, type SiteId } from '#core/page';
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';

const Text = (max: number) => z.string().check(z.maxLength(max));

/** The last good copy: the file as the server gave it, its ETag, when it came and from which server. */
export const StoredSiteRules = z.object({ rules: SiteRules, etag: z.nullable(Text(200)), fetchedAt: Text(40), server: Text(2_000) });
export type StoredSiteRules = z.infer<typeof StoredSiteRules>;

export const siteRulesItem = storage.defineItem<unknown>('local:siteRules', { fallback: null });

/** The stored copy, or null when there is none or it does not parse. */
export async function readStoredSiteRules(): Promise<StoredSiteRules | null> {
  const parsed = z.safeParse(StoredSiteRules, await siteRulesItem.getValue());
  return parsed.success ? parsed.data : null;
}

/** What a reader of `site` is handed: the stored rules of that site with their version (undefined: none). */
export async function siteRulesFor(site: SiteId): Promise<AppliedRules | undefined> {
  return rulesForSite((await readStoredSiteRules())?.rules, site);
}
