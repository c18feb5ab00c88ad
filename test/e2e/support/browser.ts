/**
 * Starts Debian's Chromium with the built extension loaded, for e2e tests and the browser benchmark. Isolates how the
 * browser is launched: the extension flags, the host mapping that keeps all traffic on loopback, the UI language the
 * extension's i18n follows (LANGUAGE in Chromium's environment), and the profile folder's life.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { hostResolverRules } from './hosts.ts';
import { EXTENSION_DIR } from './paths.ts';

export const CHROMIUM = '/usr/bin/chromium';

export type UiLanguage = 'zh_CN' | 'en_US';

export interface LaunchOptions {
  /** The user-data folder. Given: kept on close (to start again with the same profile). Omitted: a fresh temporary one, removed on close. */
  profileDir?: string;
  /** Chromium's UI language, which `chrome.i18n` reports to the extension. */
  language: UiLanguage;
  /** Port of the simulated site every mapped host name resolves to. */
  simPort: number;
  /** The unpacked extension to load; default .output/chrome-mv3 (the e2e run passes its own copy of it). */
  extensionDir?: string;
  /**
   * false: the browser's side panel is switched off (sidePanel.setOptions), as in a Chromium core without one, so
   * 笔记与团队台账 opens the in-page frame — the fallback the frame tests exercise. Default: on, as Chromium 114+ has it.
   */
  sidePanel?: boolean;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The unpacked extension's id (it depends on the folder's absolute path, so it is read, never assumed). */
  extensionId: string;
  /** A new tab with the extension's popup page. */
  openPopup(): Promise<Page>;
  /** Closes the browser, then removes the profile folder if it was a temporary one. */
  close(): Promise<void>;
}

/** The part of the service worker's `chrome` the harness uses. */
type SidePanelGlobal = { chrome: { sidePanel: { setOptions(options: { enabled: boolean }): Promise<void> } } };

/** Chromium's environment: ours, minus unset entries, with the UI language. */
function browserEnv(language: UiLanguage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // LANGUAGE outranks LANG/LC_* in Chromium's locale choice; chromium-l10n provides the zh_CN resources.
  env.LANGUAGE = language;
  return env;
}

export function chromiumArgs(simPort: number, extensionDir: string = EXTENSION_DIR): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    // No update checks, component downloads or sync: nothing but the tests' own requests.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--host-resolver-rules=${hostResolverRules(simPort)}`,
  ];
}

export async function launchExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const temporary = options.profileDir === undefined;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'creditlens-e2e-'));
  const removeProfile = (): void => {
    if (temporary) rmSync(profileDir, { recursive: true, force: true });
  };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: chromiumArgs(options.simPort, options.extensionDir),
      env: browserEnv(options.language),
    });
  } catch (error) {
    removeProfile();
    throw error;
  }
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL(worker.url()).host;
    if (options.sidePanel === false)
      await worker.evaluate(() => (globalThis as unknown as SidePanelGlobal).chrome.sidePanel.setOptions({ enabled: false }));
    return {
      context,
      extensionId,
      async openPopup() {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/popup.html`);
        return page;
      },
      async close() {
        try {
          await context.close();
        } finally {
          removeProfile();
        }
      },
    };
  } catch (error) {
    await context.close().catch(() => {});
    removeProfile();
    throw error;
  }
}
