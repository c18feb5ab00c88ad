/**
 * The fallback when the section JSON cannot be read: open the record sections through the page's own menu, as a
 * person would, and let the page render them. A site whose adapter declares openSections loads a section only when it is
 * opened. Each section is opened once, one after another, and waited for with a timeout; nothing is retried. Whether
 * a section is there is judged with the team's site rules, as the reading is.
 */
import type { AppliedRules, OpenSections, SectionKind, SiteAdapter } from '#core/page';

const CLICKABLE = '[role="button"], [data-target], a, button, li, [onclick], .tab, span, div';

export interface OpenOptions {
  /** How long to wait for one section to render after its click. */
  timeoutMs: number;
}

/** A section is there once the page shows its rows or says it has none (a count is known or rows were read). */
function loaded(doc: Document, site: Pick<SiteAdapter, 'parse'>, kind: SectionKind, rules?: AppliedRules): boolean {
  const url = new URL(doc.location.href);
  const result = site.parse(doc, url, '', rules ? { rules } : {});
  if (!result.ok) return false;
  const c = result.completeness[kind];
  return c.read > 0 || c.total !== null;
}

function menuItem(doc: Document, title: RegExp): HTMLElement | null {
  const candidates = Array.from(doc.querySelectorAll<HTMLElement>(CLICKABLE)).filter((el) => {
    const text = (el.textContent ?? '').replace(/\s+/g, '');
    return text.length <= 24 && title.test(text);
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

/** Opens each record section that is not rendered yet through the menu the adapter names; says which opened and which did not. */
export async function openSections(
  doc: Document,
  site: Pick<SiteAdapter, 'parse'>,
  menu: OpenSections,
  options: OpenOptions = { timeoutMs: 4000 },
  rules?: AppliedRules,
): Promise<{ opened: SectionKind[]; failed: SectionKind[] }> {
  const opened: SectionKind[] = [];
  const failed: SectionKind[] = [];
  for (const kind of ['penalties', 'abnormal', 'serious'] as const) {
    if (loaded(doc, site, kind, rules)) continue;
    const item = menuItem(doc, menu.menuTitles[kind]);
    if (!item) {
      failed.push(kind);
      continue;
    }
    item.click();
    ((await waitFor(doc, () => loaded(doc, site, kind, rules), options.timeoutMs)) ? opened : failed).push(kind);
  }
  return { opened, failed };
}
