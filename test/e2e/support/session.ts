/**
 * Per-file browser and per-test page lifecycles for the e2e scenarios: `useExtensionBrowser` starts one browser for
 * a describe block and closes it after; `openSimPage` opens a simulated page in a new tab that is closed when the
 * test ends. Isolates the teardown, so a failing scenario never leaves a Chromium or a tab behind.
 */
import { afterAll, beforeAll, inject, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionBrowser, type UiLanguage } from './browser.ts';
import { simPageUrl } from './hosts.ts';

/** One browser for the enclosing describe block (or file); read it inside tests and hooks. */
export function useExtensionBrowser(options: { language: UiLanguage; profileDir?: string; sidePanel?: boolean }): () => ExtensionBrowser {
  let browser: ExtensionBrowser | undefined;
  beforeAll(async () => {
    browser = await launchExtension({ ...options, simPort: inject('simPort'), extensionDir: inject('extensionDir') });
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
  return () => {
    if (!browser) throw new Error('the browser is not running (beforeAll failed?)');
    return browser;
  };
}

/**
 * A new tab on a simulated page under its real host name, closed when the current test finishes. `beforeOpen` runs
 * on the blank tab first (to listen for dialogs or errors from the very start).
 */
export async function openSimPage(browser: ExtensionBrowser, name: string, beforeOpen?: (page: Page) => void): Promise<Page> {
  const page = await browser.context.newPage();
  onTestFinished(() => closeTab(page));
  beforeOpen?.(page);
  const response = await page.goto(simPageUrl(name));
  if (response?.status() !== 200) throw new Error(`${name}: HTTP ${response?.status() ?? 'no response'}`);
  return page;
}

/** A new tab with the extension's popup, closed when the current test finishes. */
export async function openPopup(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.openPopup();
  onTestFinished(() => closeTab(page));
  return page;
}

/** A tab may already be gone with its browser (a test that restarts it). */
async function closeTab(page: Page): Promise<void> {
  if (!page.isClosed()) await page.close();
}
