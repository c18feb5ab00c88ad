/**
 * Saved pages on disk → a DOM the site adapters can read, in Node: happy-dom with scripts, styles and frames
 * switched off (a saved page is untrusted and must never run), and the page's URL from --url or from the
 * `<!-- saved from url=(NNNN)… -->` line browsers write when saving.
 */
import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { SITES, rulesForSite, savedFromUrl, siteFor, type ParseResult, type SiteAdapter, type SiteRules } from '#core';
import { InputError, readText } from './io.ts';
import { MAX_NESTING, nestingDepth } from './nesting.ts';

/** A happy-dom window that never runs or fetches anything a page names: saved pages are untrusted. */
export function inertWindow(url: string): Window {
  return new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
}

export interface LoadedPage {
  file: string;
  url: URL;
  observedAt: string;
  result: ParseResult;
}

/** Reads, parses and closes: the DOM lives only as long as the adapter needs it. */
/** `rules`: the team's site rules (a `site-rules.json`), applied for the page's site. */
export async function parseSavedPage(file: string, urlOption?: string, rules?: SiteRules): Promise<LoadedPage> {
  const html = await readText(file);
  let url: URL | null = null;
  if (urlOption !== undefined) {
    try {
      url = new URL(urlOption);
    } catch {
      throw new InputError([`--url: not a URL: "${urlOption}"`]);
    }
  }
  url ??= savedFromUrl(html) ?? pathToFileURL(file);
  const observedAt = (await stat(file)).mtime.toISOString();
  // Refused before a DOM is built: building it is what costs seconds and gigabytes on such a page.
  if (nestingDepth(html) > MAX_NESTING) {
    const result: ParseResult = {
      ok: false,
      reason: 'structure-changed',
      detail: `the page nests elements more than ${MAX_NESTING} levels deep: not a page a browser shows as it is`,
    };
    return { file, url, observedAt, result };
  }
  return { file, url, observedAt, result: await parseHtml(html, url, observedAt, undefined, rules) };
}

/**
 * One page's HTML read at `observedAt` by `chosen`, else by its site's adapter, with the team's site rules if given
 * (the caller has checked its nesting).
 */
export async function parseHtml(html: string, url: URL, observedAt: string, chosen?: SiteAdapter, rules?: SiteRules): Promise<ParseResult> {
  const window = inertWindow(url.protocol === 'file:' ? 'about:blank' : url.href);
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    // Without a site URL (no saved-from line, a file: URL, or a host that is gone: old provincial sites, bare IPs) the
    // page decides: the first adapter that sees an entity page in it reads it.
    const adapter = chosen ?? siteFor(url) ?? SITES.find((site) => site.pageKind(url, document) === 'entity') ?? SITES[0];
    return adapter
      ? adapter.parse(document, url, observedAt, { rules: rulesForSite(rules, adapter.id) })
      : { ok: false, reason: 'unsupported-page', detail: 'no site adapter' };
  } finally {
    await window.happyDOM.close();
  }
}
