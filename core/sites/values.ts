/** Small helpers both site readers use to turn what a page shows into record fields. */
import { parseSiteDate } from '../lib/dates.ts';

/** A date as the site prints it → 'YYYY-MM-DD', or undefined when it is not a date. */
export function siteDate(value: string | undefined): string | undefined {
  return parseSiteDate(value ?? '') ?? undefined;
}

/** Optional fields are left out when the page shows nothing for them. */
export function withoutUndefined<T extends object>(item: T): T {
  // A copy, not `delete`: an object that lost properties is slow to read for the rest of the reading (V8 dictionary mode).
  const out = {} as T;
  for (const key of Object.keys(item) as Array<keyof T>) if (item[key] !== undefined) out[key] = item[key];
  return out;
}
