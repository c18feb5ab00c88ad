/**
 * The fallback when the section JSON cannot be read: open the record sections through the page's own menu, as a
 * person would, and let the page render them. Today's gsxt loads a section only when it is
 * opened. Each section is opened once, one after another, and waited for with a timeout; nothing is retried. The
 * team's site rules apply here as in the reading (a menu item under a renamed title is found by its alias).
 */
import { labelForm, siteFor, type AppliedRules, type SectionKind } from '#core/page';

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
function loaded(doc: Document, kind: SectionKind, rules?: AppliedRules): boolean {
  const url = new URL(doc.location?.href ?? 'https://www.gsxt.gov.cn/');
  const result = siteFor(url)?.parse(doc, url, '', rules ? { rules } : {});
  if (!result?.ok) return false;
  const c = result.completeness[kind];
  return c.read > 0 || c.total !== null;
}

/** The team's section-title aliases of every layout (a menu item is found by its text before any layout is known). */
function titleAliases(rules?: AppliedRules): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const layout of Object.values(rules?.site.layouts ?? {})) {
    for (const [alias, own] of Object.entries(layout.sectionAliases ?? {})) aliases.set(labelForm(alias), labelForm(own));
  }
  return aliases;
}

function menuItem(doc: Document, kind: SectionKind, aliases: ReadonlyMap<string, string>): HTMLElement | null {
  const candidates = Array.from(doc.querySelectorAll<HTMLElement>(CLICKABLE)).filter((el) => {
    const text = (el.textContent ?? '').replace(/\s+/g, '');
    return text.length <= 24 && (TITLES[kind].test(text) || TITLES[kind].test(aliases.get(labelForm(text)) ?? ''));
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
export async function openSections(
  doc: Document, options: OpenOptions = { timeoutMs: 4000 }, rules?: AppliedRules,
): Promise<{ opened: SectionKind[]; failed: SectionKind[] }> {
  const opened: SectionKind[] = [];
  const failed: SectionKind[] = [];
  const aliases = titleAliases(rules);
  for (const kind of ['penalties', 'abnormal', 'serious'] as const) {
    if (loaded(doc, kind, rules)) continue;
    const item = menuItem(doc, kind, aliases);
    if (!item) {
      failed.push(kind);
      continue;
    }
    item.click();
    (await waitFor(doc, () => loaded(doc, kind, rules), options.timeoutMs) ? opened : failed).push(kind);
  }
  return { opened, failed };
}
