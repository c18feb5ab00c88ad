/**
 * The e2e harness itself: the built extension loads in Debian's Chromium, its service worker runs, the simulated
 * credit sites open under their real host names through the host mapping (and only on loopback), the UI language
 * reaches the extension, and a name the mapping does not know resolves to nothing.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { ENTITIES, PROVINCIAL_HOST } from '../sim-site/entities.ts';
import { launchExtension, type ExtensionBrowser } from './support/browser.ts';
import { simPageUrl } from './support/hosts.ts';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe('e2e harness', () => {
  const simPort = inject('simPort');
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchExtension({ language: 'zh_CN', simPort, extensionDir: inject('extensionDir') });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads the extension and runs its service worker', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    const worker = browser.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`));
    expect(worker?.url()).toBe(`chrome-extension://${browser.extensionId}/background.js`);
    // The worker answers, and Chromium's UI language (LANGUAGE=zh_CN with chromium-l10n) is what the extension sees.
    const language = await worker?.evaluate(() =>
      (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage(),
    );
    expect(language).toBe('zh-CN');
  });

  it('opens the simulated gsxt page under its real name, served from loopback', async () => {
    const page = await browser.context.newPage();
    try {
      const url = simPageUrl('clean-2026');
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      expect(new URL(page.url()).host).toBe('www.gsxt.gov.cn');
      expect(await response?.serverAddr()).toEqual({ ipAddress: '127.0.0.1', port: simPort });
      expect(await page.title()).toContain(ENTITIES.clean.record.entity.name);
    } finally {
      await page.close();
    }
  });

  it('sends the real Host header: the provincial page exists only on zj.gsxt.gov.cn', async () => {
    const page = await browser.context.newPage();
    try {
      const url = simPageUrl('listed-zj-provincial');
      expect(new URL(url).host).toBe(PROVINCIAL_HOST);
      expect((await page.goto(url))?.status()).toBe(200);
      // The same path under www is a 404 on the simulated site, so a 200 above means the server saw zj's name.
      expect((await page.goto(url.replace(PROVINCIAL_HOST, 'www.gsxt.gov.cn')))?.status()).toBe(404);
    } finally {
      await page.close();
    }
  });

  it('resolves no name outside the mapping', async () => {
    const page = await browser.context.newPage();
    try {
      // .invalid never exists (RFC 2606), so no real DNS answer can matter.
      await expect(page.goto('http://creditlens-e2e.invalid/')).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/);
    } finally {
      await page.close();
    }
  });
});
