/**
 * The fallback when the section JSON cannot be read: open the record sections through the page's own menu, as a
 * person would, and let the page render them. Today's gsxt loads a section only when it is
 * opened. Each section is opened once, one after another, and waited for with a timeout; nothing is retried. Whether
 * a section is there is judged with the team's site rules, as the reading is.
 */
import { type AppliedRules, type SectionKind, type SiteAdapter } from '#core/page';

/** Menu items and section headings by their text, as the site titles the three record sections. */
const TITLES: Record<SectionKind, RegExp> = {
  penalties: /^行政处罚(信息)?$/,
  abnormal: /^(列入)?经营异常(名录)?(信息)?$/,
  serious: /^(列入)?严重违法(失信)?(企业)?(名单)?(（黑名单）|\(黑名单\))?(信息)?$/,
};
const CLICKABLE = '[role="button"], [data-target], a, button, li, [onclick], .tab, span, div';

export interface OpenOptions {
  /** How long to wait for one section to render after its click. */
  timeoutMs: number;
}

/** A section is there once the page shows its rows or says it has none (a count is known or rows were read). */
function loaded(doc: Document, kind: SectionKind, site: SiteAdapter, rules?: AppliedRules): boolean {
  const url = new URL(doc.location?.href ?? 'https://www.gsxt.gov.cn/');
  const result = site.parse(doc, url, '', rules ? { rules } : {});
  if (!result?.ok) return false;
  const c = result.completeness[kind];
  return c.read > 0 || c.total !== null;
}

function menuItem(doc: Document, kind: SectionKind): HTMLElement | null {
  const candidates = Array.from(doc.querySelectorAll<HTMLElement>(CLICKABLE)).filter((el) => {
    const text = (el.textContent ?? '').replace(/\s+/g, '');
    return text.length <= 24 && TITLES[kind].test(text);
  });
  // The innermost element with the title: the one the page's handler is bound to, or inside it.
  return candidates.find((el) => !candidates.some((other) => other !== el && el.contains(other))) ?? null;
}

/** How often, at most, a rendering page is re-read while waiting: each check parses the whole page. */
const CHECK_EVERY_MS = 50;

function waitFor(doc: Document, ready: () => boolean, timeoutMs: number): Promise<boolean> {
  const view = doc.defaultView;
  if (ready() || !view) return Promise.resolve(ready());
  return new Promise((resolve) => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    // A page renders a table in many mutations: one check after a burst, not one per mutation.
    const observer = new view.MutationObserver(() => {
      pending ??= setTimeout(() => {
        pending = undefined;
        if (ready()) finish(true);
      }, CHECK_EVERY_MS);
    });
    const timer = setTimeout(() => finish(ready()), timeoutMs);
    function finish(ok: boolean): void {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(pending);
      resolve(ok);
    }
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  });
}

/** Opens each record section that is not rendered yet; says which opened and which did not. */
/** `site`: the page's reader (the content script's own: it carries no other site's). */
export async function openSections(
  doc: Document, site: SiteAdapter, options: OpenOptions = { timeoutMs: 4000 }, rules?: AppliedRules,
): Promise<{ opened: SectionKind[]; failed: SectionKind[] }> {
  const opened: SectionKind[] = [];
  const failed: SectionKind[] = [];
  for (const kind of ['penalties', 'abnormal', 'serious'] as const) {
    if (loaded(doc, kind, site, rules)) continue;
    const item = menuItem(doc, kind);
    if (!item) {
      failed.push(kind);
      continue;
    }
    item.click();
    (await waitFor(doc, () => loaded(doc, kind, site, rules), options.timeoutMs) ? opened : failed).push(kind);
  }
  return { opened, failed };
}
