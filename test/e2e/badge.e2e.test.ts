/**
 * The toolbar icon on entity pages, in the real browser: its badge says what the overlay says — 失信 on a listed
 * entity, the 3-year penalty count on a clean one, a grey "?" where the page's sections could not be read (and the
 * overlay says 未知 there, never 未列入) — and is cleared on a page that is no entity page.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { readyOverlay } from './support/assertions.ts';
import { message } from './support/expected.ts';
import { readOverlay } from './support/overlay.ts';
import { openSimPage, useExtensionBrowser } from './support/session.ts';
import type { ExtensionBrowser } from './support/browser.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

interface WorkerChrome {
  tabs: { query(filter: object): Promise<Array<{ id?: number; url?: string }>> };
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
    getBadgeBackgroundColor(details: { tabId: number }): Promise<number[]>;
  };
}

/** The badge text of the tab showing `page` and its colour (r,g,b,a), asked of the extension's service worker. */
async function badgeWithColor(browser: ExtensionBrowser, page: Page): Promise<string> {
  const worker = browser.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  const url = page.url();
  return worker.evaluate(async (href) => {
    // The service worker's own `chrome`; typed here by the little this test uses of it.
    const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
    const tab = (await api.tabs.query({})).find((t) => t.url === href);
    if (tab?.id === undefined) return 'no tab';
    const [text, color] = await Promise.all([
      api.action.getBadgeText({ tabId: tab.id }),
      api.action.getBadgeBackgroundColor({ tabId: tab.id }),
    ]);
    return `${text} ${color.join(',')}`;
  }, url);
}

async function badgeOf(browser: ExtensionBrowser, page: Page): Promise<string> {
  return (await badgeWithColor(browser, page)).split(' ')[0] ?? '';
}

describe('toolbar badge', () => {
  const browser = useExtensionBrowser({ language: 'zh_CN' });

  it('shows 失信 on a listed entity and 0 on a clean one', async () => {
    const listed = await openSimPage(browser(), 'listed-2026');
    await readyOverlay(listed);
    await expect.poll(() => badgeOf(browser(), listed)).toBe('失信');
    const clean = await openSimPage(browser(), 'clean-2026');
    await readyOverlay(clean);
    await expect.poll(() => badgeOf(browser(), clean)).toBe('0');
  });

  it("says 未知 in the overlay and a grey ? on the badge where the page's sections were not loaded (captcha)", async () => {
    // captcha-2018 draws its sections from endpoints that answer a captcha page: none of them is ever loaded.
    const page = await openSimPage(browser(), 'captcha-2018');
    await readyOverlay(page);
    const view = await readOverlay(page);
    const unloaded = message('zh_CN', 'status_unknown_unloaded');
    expect(view.serious).toBe(unloaded);
    expect(view.abnormal).toBe(unloaded);
    expect(view.repeat).toBe(unloaded);
    expect(view.text).not.toContain(message('zh_CN', 'overlay_serious_none'));
    await expect.poll(() => badgeWithColor(browser(), page)).toBe('? 140,140,140,255');
  });
});
