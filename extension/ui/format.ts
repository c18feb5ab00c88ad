/**
 * Small display helpers shared by the popup and the options page: local dates (what the user's clock shows, not UTC),
 * the site's own title, and which stored URLs may become links. Pure apart from the local time zone.
 */
import { SITES } from '#core';
import { errorText } from './errors.ts';
import { uiLanguage } from './i18n.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD in local time: unambiguous in Chinese and English alike. */
export function localDate(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** YYYY-MM-DD HH:mm in local time, for an ISO timestamp. */
export function localDateTime(iso: string): string {
  const at = new Date(iso);
  return `${localDate(at)} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The site's title in the UI language; an unknown id (an imported file from a newer version) is shown as it is. */
export function siteTitle(id: string): string {
  return SITES.find((site) => site.id === id)?.title[uiLanguage()] ?? id;
}

/**
 * Only web pages become links: a snapshot's URL may come from an imported file, and a `javascript:` or `data:` URL
 * must never be opened from the extension's own pages.
 */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s/?#]+/i.test(url);
}

/** One line for any failure, in the UI language: a refusal's own message, else a general one (ui/errors.ts). */
export function messageOf(error: unknown): string {
  return errorText(error);
}

/** YYYY-MM-DD HH:mm:ss in 北京时间 (UTC+8, no daylight saving), whatever the computer's zone: the server's record. */
export function beijingDateTime(iso: string): string {
  const at = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
}
