/** Small HTML helpers shared by the page renderers. */
import type { IsoDate } from '#core';
import type { Layout } from '../entities.ts';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON for an inline <script>: `</` must not close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/<\//g, '<\\/');
}

const LAYOUT_NAMES: Record<Layout, string> = {
  'gsxt-2017': 'gsxt 2017/18 unified web design (credit-sites.md §3)',
  'gsxt-2026': 'gsxt 2026 redesign with #resultMenu and div.yyzz-all (credit-sites.md §3b)',
  'gsxt-provincial': 'gsxt older provincial sub-site layout, th/td tables, Guangxi-style list columns (credit-sites.md §3 notes, §1.3)',
  'gsxt-search': 'gsxt 2017/18 search results page corp-query-search-1.html (credit-sites.md §1.1)',
  creditchina: 'Credit China entity detail page rendered from private-api rows (credit-sites.md §4.2b)',
};

/** The first line of every served page: which layout it follows. Everything on the page is invented. */
export function layoutComment(layout: Layout): string {
  return `<!-- layout: ${LAYOUT_NAMES[layout]}; invented data -->`;
}

/** The line a browser writes at the top of a saved page: the URL's length as 4 digits, then the URL. */
export function savedFromLine(url: string): string {
  return `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->`;
}

/** 2023年11月02日 */
export function cnDate(date: IsoDate): string {
  return `${date.slice(0, 4)}年${date.slice(5, 7)}月${date.slice(8, 10)}日`;
}

/** 2023年11月2日 — the older provincial pages did not pad. */
export function cnDateUnpadded(date: IsoDate): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
