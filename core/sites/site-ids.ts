/**
 * Every site CreditLens reads and the pages of each, as WebExtension match patterns: data only (no reader, no zod), so
 * that a content script's loader can name its pages without carrying the reader. Ids are the adapters' file names.
 */
export const SITE_IDS = ['gsxt-gov-cn', 'creditchina-gov-cn'] as const;
export type SiteId = (typeof SITE_IDS)[number];

export const SITE_MATCHES: Readonly<Record<SiteId, readonly string[]>> = {
  'gsxt-gov-cn': ['*://*.gsxt.gov.cn/*'],
  'creditchina-gov-cn': ['*://www.creditchina.gov.cn/*', '*://public.creditchina.gov.cn/*'],
};
