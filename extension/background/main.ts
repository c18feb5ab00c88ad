/**
 * The background service worker's wiring: the local database behind the message protocol (with each sender's rights
 * taken from the browser), the toolbar badge, retention after each snapshot and at start, and the context menu
 * "在信用透镜中查询" that opens the lookup page with the selected text.
 */
import { browser, type Browser } from 'wxt/browser';
import { daysBefore, handlersFor } from '../messaging/handlers.ts';
import { router } from '../messaging/router.ts';
import { CreditLensDb } from '../storage/db.ts';
import { readRetentionDays, readRuleSettings } from '../storage/items.ts';
import { purgeSnapshots } from '../storage/repository.ts';
import { t } from '../ui/i18n.ts';
import { badgeFor } from './badge.ts';

const MENU_LOOKUP = 'creditlens-lookup';
const log = (line: string) => console.warn(`[CreditLens] ${line}`);

export function startBackground(): void {
  const db = new CreditLensDb();
  const now = () => new Date().toISOString();
  const retention = async () => {
    const days = (await readRetentionDays()).value;
    if (days > 0) await purgeSnapshots(db, daysBefore(now(), days));
  };
  const handle = router(handlersFor(db, {
    now,
    afterSave: retention,
    setBadge: async (tabId, seen) => {
      if (!seen) {
        await browser.action.setBadgeText({ tabId, text: '' });
        return;
      }
      const badge = badgeFor(seen, (await readRuleSettings()).value);
      await browser.action.setBadgeText({ tabId, text: badge.text });
      await browser.action.setBadgeBackgroundColor({ tabId, color: badge.color });
    },
  }), log);

  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    // Only this extension's own contexts reach onMessage (no externally_connectable); pages are told apart by URL.
    if (sender.id !== browser.runtime.id) return undefined;
    const extensionPage = (sender.url ?? '').startsWith(browser.runtime.getURL('/'));
    return handle(message, { tabId: sender.tab?.id, extensionPage });
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_LOOKUP, title: t('menu_lookup'), contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_LOOKUP) return;
    const query = (info.selectionText ?? '').trim().slice(0, 200);
    void browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}?${new URLSearchParams({ q: query })}` });
  });

  void retention().catch((error: unknown) => log(`retention: ${String(error)}`));
}
