/**
 * The toolbar icon on entity pages, in the real browser: its badge says what the overlay says — 失信 on a listed
 * entity, the 3-year penalty count on a clean one — and is cleared on a page that is no entity page.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { readyOverlay } from './support/assertions.ts';
import { openSimPage, useExtensionBrowser } from './support/session.ts';
import type { ExtensionBrowser } from './support/browser.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

interface WorkerChrome {
  tabs: { query(filter: object): Promise<Array<{ id?: number; url?: string }>> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}

/** The badge text of the tab showing `page`, asked of the extension's service worker. */
async function badgeOf(browser: ExtensionBrowser, page: Page): Promise<string> {
  const worker = browser.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  const url = page.url();
  return worker.evaluate(async (href) => {
    // The service worker's own `chrome`; typed here by the little this test uses of it.
    const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
    const tab = (await api.tabs.query({})).find((t) => t.url === href);
    return tab?.id === undefined ? 'no tab' : api.action.getBadgeText({ tabId: tab.id });
  }, url);
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
});
