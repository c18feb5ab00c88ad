/**
 * Reading the overlay the way the host page could: from the page's main world, through the open shadow root of
 * `<creditlens-overlay>` and the `<creditlens-chip>` elements in the page's rows (the contract of the overlay's test
 * hooks). Isolates those selectors and attribute names from the scenarios.
 */
import type { Frame, Page } from 'playwright-core';

export const OVERLAY_TAG = 'creditlens-overlay';
export const CHIP_TAG = 'creditlens-chip';

export type OverlayState = 'reading' | 'ready' | 'not-understood';

export interface OverlayView {
  state: string | null;
  /** performance.now() of the first paint and of the paint after the complete read, as the host's attributes say. */
  firstPaint: number | null;
  completePaint: number | null;
  serious: string | null;
  abnormal: string | null;
  penalties: string | null;
  repeat: string | null;
  completeness: string | null;
  /** All text inside the shadow root. */
  text: string;
  /** Lower-case tag names of every element inside the shadow root. */
  tags: string[];
  /** How many overlay hosts the page holds (one, or none on pages that are no entity page). */
  hosts: number;
}

export interface ChipView {
  domain: string | null;
  heavy: string | null;
  /** Text of the row's cells without the chip (the chip's own text is in its shadow root). */
  rowText: string;
}

/**
 * The overlay as the page's main world sees it; `null` fields where an element is missing. The function runs in the
 * page, so it declares no named inner functions: tsx (the benchmark's loader) would wrap those in a `__name` helper
 * that does not exist there.
 */
export function readOverlay(page: Page | Frame): Promise<OverlayView> {
  return page.evaluate(
    ({ tag, ids }) => {
      const hosts = document.querySelectorAll(tag);
      const host = hosts[0];
      const root = host?.shadowRoot ?? null;
      const [serious = null, abnormal = null, penalties = null, repeat = null, completeness = null] = ids.map(
        (id) => root?.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
      );
      const [firstPaint = null, completePaint = null] = ['data-first-paint', 'data-complete-paint'].map((name) => {
        const value = host?.getAttribute(name);
        return value === null || value === undefined || value === '' ? null : Number(value);
      });
      // Text nodes only, without the overlay's own <style>.
      const parts: string[] = [];
      if (root) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode())
          if (n.parentElement?.localName !== 'style') parts.push(n.textContent ?? '');
      }
      return {
        state: host?.getAttribute('data-state') ?? null,
        firstPaint,
        completePaint,
        serious,
        abnormal,
        penalties,
        repeat,
        completeness,
        text: parts.join(' '),
        // The overlay's own extension-origin frames (person links, notes) are not page content: left out, so that any
        // element a payload could have made still shows.
        tags: root
          ? Array.from(root.querySelectorAll('*'))
              .filter((el) => !(el.localName === 'iframe' && (el.getAttribute('src') ?? '').startsWith('chrome-extension://')))
              .map((el) => el.localName)
          : [],
        hosts: hosts.length,
      };
    },
    { tag: OVERLAY_TAG, ids: ['serious-status', 'abnormal-status', 'penalties-3y', 'repeat-offender', 'completeness'] },
  );
}

/** Waits until the overlay's host is in one of `states`, then reads it. */
export async function waitForOverlay(page: Page, states: readonly OverlayState[] = ['ready'], timeout = 20_000): Promise<OverlayView> {
  await page.waitForFunction(
    ({ tag, wanted }) => {
      const state = document.querySelector(tag)?.getAttribute('data-state');
      return typeof state === 'string' && wanted.includes(state);
    },
    { tag: OVERLAY_TAG, wanted: states.map(String) },
    { timeout },
  );
  return readOverlay(page);
}

/** Waits for the complete paint (the host's data-complete-paint), then reads the overlay. */
export async function waitForCompletePaint(page: Page, timeout = 20_000): Promise<OverlayView> {
  await page.waitForFunction((tag) => document.querySelector(tag)?.hasAttribute('data-complete-paint') === true, OVERLAY_TAG, { timeout });
  return readOverlay(page);
}

/** The chips in the rows of a table (by CSS selector), in row order. */
export function chipsIn(page: Page, tableSelector: string): Promise<ChipView[]> {
  return page.evaluate(
    ({ selector, tag }) =>
      Array.from(document.querySelectorAll(`${selector} tr`)).flatMap((row) => {
        const chip = row.querySelector(tag);
        if (!chip) return [];
        const cells = Array.from(row.querySelectorAll('td'), (td) =>
          Array.from(td.childNodes)
            .filter((n) => !(n instanceof Element && n.localName === tag))
            .map((n) => n.textContent ?? '')
            .join(''),
        );
        return [{ domain: chip.getAttribute('data-domain'), heavy: chip.getAttribute('data-heavy'), rowText: cells.join(' | ') }];
      }),
    { selector: tableSelector, tag: CHIP_TAG },
  );
}

/**
 * The completeness line added up over the record: `行政处罚 23/23 · 经营异常 1/1 · 严重违法 0/0` → [24, 24]; null when
 * some section states no count or was not loaded.
 */
export function fraction(text: string | null): [number, number] | null {
  const sections = (text ?? '').split(' · ').map((part) => /(\d+)\s*\/\s*(\d+)$/.exec(part.trim()));
  if (sections.length === 0 || sections.some((match) => match === null)) return null;
  return sections.reduce<[number, number]>((sum, match) => [sum[0] + Number(match?.[1]), sum[1] + Number(match?.[2])], [0, 0]);
}

/**
 * Opens the panel as a person would, by clicking its tab, when it started folded (viewports under 1600 px, as the
 * e2e browser's default one is); then waits until the open panel shows.
 */
export async function expandOverlay(page: Page): Promise<void> {
  const tab = page.locator(`${OVERLAY_TAG} [data-testid="panel-tab"]`);
  if (await tab.isVisible()) await tab.click();
  await page.locator(`${OVERLAY_TAG} [data-testid="collapse"]`).waitFor({ state: 'visible', timeout: 5_000 });
}
