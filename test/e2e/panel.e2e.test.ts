/**
 * The overlay panel never hides the page's own data, in a real Chromium with the built extension: at 1400 px wide it
 * starts as a slim tab with the key facts that covers no cell of the penalty table nor the site's menu; a click opens
 * and folds it; its title bar and its tab are dragged with the mouse (top/left, never a transform, inside the
 * viewport), and where it was put and whether it was folded come back after a reload on that site, not on another.
 */
import { describe, expect, it, vi } from 'vitest';
import { onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { readyOverlay } from './support/assertions.ts';
import { simPageUrl } from './support/hosts.ts';
import { OVERLAY_TAG, expandOverlay, readOverlay } from './support/overlay.ts';
import { useExtensionBrowser } from './support/session.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const WAIT = { timeout: 10_000 };
const tab = (page: Page) => page.locator(`${OVERLAY_TAG} [data-testid="panel-tab"]`);
const head = (page: Page) => page.locator(`${OVERLAY_TAG} .head`);
const panel = (page: Page) => page.locator(`${OVERLAY_TAG} section.panel`);

type Rect = { left: number; top: number; right: number; bottom: number };

/** A rect as the page lays it out now. */
async function rectOf(page: Page, selector: string): Promise<Rect> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not laid out`);
  return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
}

/** Each part of the overlay, the host included: its inline top/left and its computed transform. */
function placement(page: Page) {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag);
    const root = host?.shadowRoot;
    const parts = [
      host,
      root?.querySelector('.overlay'),
      root?.querySelector('section.panel'),
      root?.querySelector('[data-testid=panel-tab]'),
    ];
    return {
      transforms: parts.map((el) => (el ? getComputedStyle(el).transform : 'missing')),
      panel: { top: (parts[2] as HTMLElement | null)?.style.top ?? '', left: (parts[2] as HTMLElement | null)?.style.left ?? '' },
      tab: { top: (parts[3] as HTMLElement | null)?.style.top ?? '', left: (parts[3] as HTMLElement | null)?.style.left ?? '' },
      viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    };
  }, OVERLAY_TAG);
}

/** A real mouse drag: press on the element's middle, move in steps, release. */
async function drag(page: Page, selector: string, dx: number, dy: number): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not laid out`);
  const [x, y] = [box.x + Math.min(box.width / 2, 60), box.y + Math.min(box.height / 2, 12)];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 8 });
  await page.mouse.up();
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the overlay panel beside the page, not over it', () => {
  // The in-page notes frame (the side panel's fallback) is what this file exercises.
  const browser = useExtensionBrowser({ language: 'zh_CN', sidePanel: false });

  /** A tab of the given width on a simulated page: the width is set before the page loads, as a window would be. */
  async function open(name: string, width: number, height = 900): Promise<Page> {
    const page = await browser().context.newPage();
    onTestFinished(() => (page.isClosed() ? undefined : page.close()));
    await page.setViewportSize({ width, height });
    await page.goto(simPageUrl(name));
    await readyOverlay(page);
    return page;
  }

  it.each([
    ['listed-2026', '#resultMenu [data-target="#xzcf"]', '#xzcf', '#resultMenu'],
    ['repeat-2017', '#tab_primary3', '#needPaging_punish', '#tab_primary3'],
  ])(
    '%s at 1400 px: starts as the tab with the key facts, covering no cell of the penalty table nor the menu',
    async (name, opener, table, menu) => {
      const page = await open(name, 1400);
      await page.locator(opener).click();
      await page.locator(`${table} td`).first().waitFor(WAIT);
      expect(await tab(page).isVisible()).toBe(true);
      expect(await panel(page).isVisible()).toBe(false);
      // The panel's hooks are still in the shadow root while folded, and the tab says what they say, in short.
      const view = await readOverlay(page);
      for (const line of [view.serious, view.abnormal, view.penalties, view.repeat, view.completeness]) expect(line).not.toBeNull();
      const facts = await page.evaluate(
        (tag) =>
          ['tab-serious', 'tab-abnormal', 'tab-penalties'].map(
            (id) => document.querySelector(tag)?.shadowRoot?.querySelector(`[data-testid=${id}]`)?.textContent ?? null,
          ),
        OVERLAY_TAG,
      );
      expect(facts[0]).toBe(view.serious?.startsWith('已列入') ? '已列入' : view.serious);
      expect(facts[1]).toBe(view.abnormal?.startsWith('已列入') ? '已列入' : view.abnormal);
      expect(facts[2]).toBe(`${/(\d+) 件/.exec(view.penalties ?? '')?.[1]}件`);

      const tabRect = await rectOf(page, `${OVERLAY_TAG} [data-testid="panel-tab"]`);
      const cells = await page.locator(`${table} td, ${table} th, ${menu}`).evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        }),
      );
      expect(cells.length).toBeGreaterThan(4);
      expect(cells.filter((cell) => overlaps(cell, tabRect))).toEqual([]);
      // Beside the page, not just between its rows: no scroll position brings a cell under the tab.
      expect(Math.max(...cells.map((c) => c.right))).toBeLessThanOrEqual(tabRect.left);
      const { viewport, transforms } = await placement(page);
      expect(tabRect.right).toBeLessThanOrEqual(viewport.width);
      expect(transforms).toEqual(['none', 'none', 'none', 'none']);
    },
  );

  it('opens on a click on the tab and folds on 收起, whatever the width', async () => {
    const page = await open('clean-2026', 1400);
    await tab(page).click();
    await panel(page).waitFor({ state: 'visible', ...WAIT });
    expect(await tab(page).isVisible()).toBe(false);
    const collapse = page.locator(`${OVERLAY_TAG} [data-testid="collapse"]`);
    expect(await collapse.getAttribute('aria-expanded')).toBe('true');
    expect(await collapse.textContent()).toBe('收起');
    await collapse.click();
    await tab(page).waitFor({ state: 'visible', ...WAIT });
    expect(await panel(page).isVisible()).toBe(false);
    expect(await tab(page).getAttribute('aria-expanded')).toBe('false');
    // From the keyboard: Enter on the focused tab opens it again.
    await tab(page).focus();
    await page.keyboard.press('Enter');
    await panel(page).waitFor({ state: 'visible', ...WAIT });

    // A wide window opens it at once; a fresh site has no choice remembered.
    const wide = await open('entity-detail', 1800);
    expect(await panel(wide).isVisible()).toBe(true);
    expect(await tab(wide).isVisible()).toBe(false);
  });

  it('is dragged by its title bar and its tab, inside the viewport, and both places and the fold survive a reload on that site only', async () => {
    const page = await open('listed-2026', 1400);
    await expandOverlay(page);
    const before = await rectOf(page, `${OVERLAY_TAG} section.panel`);
    await drag(page, `${OVERLAY_TAG} .head`, -600, 120);
    const moved = await rectOf(page, `${OVERLAY_TAG} section.panel`);
    expect(moved.left).toBeCloseTo(before.left - 600, -1);
    expect(moved.top).toBeCloseTo(before.top + 120, -1);
    const placed = await placement(page);
    expect(placed.panel.left).toContain(`${Math.round(moved.left)}px`);
    expect(placed.panel.top).toContain(`${Math.round(moved.top)}px`);
    expect(placed.transforms).toEqual(['none', 'none', 'none', 'none']);

    // Where it was put, its notes frame is visible to the browser's own check: its buttons are not paused.
    await page.locator(`${OVERLAY_TAG} [data-testid="notes-toggle"]`).click();
    const notes = page.frameLocator('[data-testid="notes-frame"]');
    await expect.poll(() => notes.locator('[data-testid="note-save"]').isEnabled(), WAIT).toBe(true);

    // Dragged past the top-left corner, it stops at it.
    await drag(page, `${OVERLAY_TAG} .head`, -2000, -2000);
    expect(await rectOf(page, `${OVERLAY_TAG} section.panel`)).toMatchObject({ left: 0, top: 0 });
    await drag(page, `${OVERLAY_TAG} .head`, 200, 60);
    const panelAt = await rectOf(page, `${OVERLAY_TAG} section.panel`);

    // Folded, then the tab dragged: a drag is no click, the panel stays folded.
    await page.locator(`${OVERLAY_TAG} [data-testid="collapse"]`).click();
    await tab(page).waitFor({ state: 'visible', ...WAIT });
    const tabBefore = await rectOf(page, `${OVERLAY_TAG} [data-testid="panel-tab"]`);
    await drag(page, `${OVERLAY_TAG} [data-testid="panel-tab"]`, -150, 200);
    expect(await panel(page).isVisible()).toBe(false);
    const tabAt = await rectOf(page, `${OVERLAY_TAG} [data-testid="panel-tab"]`);
    expect(tabAt.left).toBeCloseTo(tabBefore.left - 150, -1);
    expect(tabAt.top).toBeCloseTo(tabBefore.top + 200, -1);
    // Past the right edge, it stops inside the viewport.
    await drag(page, `${OVERLAY_TAG} [data-testid="panel-tab"]`, 3000, 0);
    const atEdge = await rectOf(page, `${OVERLAY_TAG} [data-testid="panel-tab"]`);
    expect(atEdge.right).toBeCloseTo((await placement(page)).viewport.width, 0);
    await drag(page, `${OVERLAY_TAG} [data-testid="panel-tab"]`, -150, 0);
    const tabKept = await rectOf(page, `${OVERLAY_TAG} [data-testid="panel-tab"]`);

    // Storage is written after the gesture; the reload reads it.
    await page.waitForTimeout(300);
    await page.reload();
    await readyOverlay(page);
    expect(await tab(page).isVisible()).toBe(true);
    expect(await rectOf(page, `${OVERLAY_TAG} [data-testid="panel-tab"]`)).toMatchObject({ left: tabKept.left, top: tabKept.top });
    await tab(page).click();
    await panel(page).waitFor({ state: 'visible', ...WAIT });
    // Its height follows what it holds (the notes frame is closed now): the place is its top-left corner.
    expect(await rectOf(page, `${OVERLAY_TAG} section.panel`)).toMatchObject({ left: panelAt.left, top: panelAt.top });
    // Left open: open it stays after the next reload.
    await page.waitForTimeout(300);
    await page.reload();
    await readyOverlay(page);
    expect(await panel(page).isVisible()).toBe(true);

    // Another site keeps its own: folded at this width, at the right edge.
    const other = await open('entity-detail', 1400);
    expect(await tab(other).isVisible()).toBe(true);
    const otherTab = await rectOf(other, `${OVERLAY_TAG} [data-testid="panel-tab"]`);
    expect(otherTab.right).toBeGreaterThan((await placement(other)).viewport.width - 10);
    expect((await placement(other)).tab).toEqual({ top: '', left: '' });
  });

  it('moves with the arrow keys on its focused title bar, and remembers it', async () => {
    const page = await open('repeat-2017', 1400);
    await expandOverlay(page);
    const before = await rectOf(page, `${OVERLAY_TAG} section.panel`);
    await head(page).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowDown');
    const after = await rectOf(page, `${OVERLAY_TAG} section.panel`);
    expect(after.left).toBeCloseTo(before.left - 48, 0);
    expect(after.top).toBeCloseTo(before.top + 64, 0);
    await page.waitForTimeout(300);
    await page.reload();
    await readyOverlay(page);
    expect(await rectOf(page, `${OVERLAY_TAG} section.panel`)).toMatchObject({ left: after.left, top: after.top });
  });
});
