/**
 * The site registry: one adapter per public credit site, each in its own file named by its id. The extension's
 * host permissions and content-script matches are derived from `matchPatterns` here (never typed twice); the
 * registry test checks every adapter file is listed and has fixtures.
 */
import { adapter as creditchina } from './creditchina-gov-cn.ts';
import { adapter as gsxt } from './gsxt-gov-cn.ts';
import type { SiteAdapter } from './site.ts';

export const SITES: readonly SiteAdapter[] = [gsxt, creditchina];

/** The adapter for a URL, or null when CreditLens does not read that site. */
export function siteFor(url: URL): SiteAdapter | null {
  return SITES.find((site) => site.matches(url)) ?? null;
}

/** Every match pattern of every adapter: the extension's host permissions. */
export function allMatchPatterns(): string[] {
  return [...new Set(SITES.flatMap((s) => s.matchPatterns))];
}

/** The adapter with this id; the extension's content scripts name theirs. A typo is a build-time error. */
export function siteById(id: string): SiteAdapter {
  const site = SITES.find((s) => s.id === id);
  if (!site) throw new RangeError(`no site adapter ${id}`);
  return site;
}
