/**
 * The background service worker's wiring: the local database and the team (sync/) behind the message protocol (with
 * each sender's rights taken from the browser), the toolbar badge, retention after each snapshot and at start, the
 * context menu "在信用透镜中查询" that opens the lookup page with the selected text, and which entity each tab shows
 * (for the team's awareness and the side panel), forgotten when the tab navigates or closes; the team's site rules
 * fetched at start and every half hour (background/site-rules.ts).
 */
import { browser } from 'wxt/browser';
import { daysBefore, handlersFor } from '../messaging/handlers.ts';
import type { FramePurpose, SenderContext } from '../messaging/protocol.ts';
import { router } from '../messaging/router.ts';
import { CreditLensDb } from '../storage/db.ts';
import { readRetentionDays, readRuleSettings } from '../storage/items.ts';
import { purgeSnapshots } from '../storage/repository.ts';
import { indexedDbConfigStore } from '../sync/config-store.ts';
import { TeamService } from '../sync/team-service.ts';
import { t } from '../ui/i18n.ts';
import { UNKNOWN_BADGE, badgeFor } from './badge.ts';
import { saveDownload } from './save-download.ts';
import { browserEvidence } from './evidence.ts';
import { FrameGrants, type FrameSender } from './frame-grants.ts';
import { keepGrants, type SessionArea } from './grant-store.ts';
import { sidePanelOpener, type SidePanelApi } from './side-panel.ts';
import { CHECK_MINUTES, SITE_RULES_ALARM, SiteRulesSync } from './site-rules.ts';
import { TabEntities } from './tab-entities.ts';

const MENU_LOOKUP = 'creditlens-lookup';
const log = (line: string) => console.warn(`[CreditLens] ${line}`);

/** The toolbar button: `action` in MV3 (Chromium), `browserAction` in the MV2 Firefox build. */
function toolbarAction(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/** The pages shown as frames inside credit pages (web-accessible, so a page can load them too), by path. */
const FRAME_PAGES: Readonly<Record<string, FramePurpose>> = { '/notes.html': 'notes', '/links.html': 'links' };

/** What the browser says of a sender; documentId is Chromium 106+ only. */
export interface BrowserSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  documentId?: string;
}

/**
 * Who sent a message, from what the browser says: only this extension's own contexts count (there is no
 * externally_connectable, but a stray message is still ignored), its pages are told from content scripts by URL, and
 * a frame page carries the grant its frame holds (`grantOf`).
 */
export function senderContext(
  sender: BrowserSender,
  ownId: string,
  ownOrigin: string,
  grantOf: (frame: FrameSender) => ReturnType<FrameGrants['grantOf']> = () => null,
): SenderContext | null {
  if (sender.id !== ownId) return null;
  const url = sender.url ?? '';
  const extensionPage = url.startsWith(ownOrigin);
  const from: SenderContext = {
    tabId: sender.tab?.id,
    ...(sender.frameId === undefined ? {} : { frameId: sender.frameId }),
    extensionPage,
  };
  const purpose = extensionPage ? FRAME_PAGES[new URL(url).pathname] : undefined;
  if (!purpose) return from;
  const where = { url, purpose, ...(sender.documentId ? { documentId: sender.documentId } : {}) };
  return { ...from, frame: { ...where, grant: grantOf({ ...where, tabId: from.tabId, frameId: sender.frameId }) } };
}

/** The one message handled before the kept state is restored (its answer needs none of it). */
export function opensSidePanel(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'sidepanel:open';
}

/**
 * The runtime.onMessage listener: messages wait until the kept state (frame grants, tab entities) is restored, except
 * sidepanel:open — the browser opens a side panel only while the click's user gesture lasts, i.e. within this call.
 */
export function messageListener(
  ownId: string,
  answer: (message: unknown, sender: BrowserSender) => Promise<unknown>,
  ready: Promise<unknown>,
) {
  return (message: unknown, sender: BrowserSender, sendResponse: (answer: unknown) => void): true | undefined => {
    if (sender.id !== ownId) return undefined;
    // Answered through sendResponse with the channel kept open (`return true`): Chromium before 144 ignores a
    // returned Promise, and office browsers run far older versions (minimum_chrome_version 92).
    if (opensSidePanel(message)) void answer(message, sender).then(sendResponse);
    else void ready.then(() => answer(message, sender)).then(sendResponse);
    return true;
  };
}

/** The lookup page for a selection: popup.html?q=<the text, trimmed, at most 200 characters as the lookup takes>. */
export function lookupUrl(popupUrl: string, selection: string | undefined): string {
  return `${popupUrl}?${new URLSearchParams({ q: (selection ?? '').trim().slice(0, 200) })}`;
}

export function startBackground(): void {
  const db = new CreditLensDb();
  const now = () => new Date().toISOString();
  // Started again each time the service worker starts (docs/user/team.md): the local copy loads, then it reconnects.
  const team = new TeamService({ store: indexedDbConfigStore(), now: () => Date.now(), log });
  void team.start().catch((error: unknown) => log(`team: ${String(error)}`));
  const retention = async () => {
    const days = (await readRetentionDays()).value;
    if (days > 0) await purgeSnapshots(db, daysBefore(now(), days));
  };
  const siteRules = new SiteRulesSync({ access: () => team.access(), now, log });
  const grants = new FrameGrants(() => Date.now());
  const session = (browser.storage as { session?: SessionArea }).session;
  const tabs = new TabEntities(log);
  const ready = Promise.all([keepGrants(grants, session, log), tabs.keepIn(session)]);
  const handle = router(
    handlersFor(
      db,
      {
        now,
        afterSave: retention,
        setBadge: async (tabId, seen) => {
          const action = toolbarAction();
          if (!seen) {
            await action.setBadgeText({ tabId, text: '' });
            return;
          }
          const badge = seen === 'unknown' ? UNKNOWN_BADGE : badgeFor(seen, (await readRuleSettings()).value);
          await action.setBadgeText({ tabId, text: badge.text });
          await action.setBadgeBackgroundColor({ tabId, color: badge.color });
        },
        saveFile: saveDownload,
        evidence: browserEvidence(),
        openSidePanel: sidePanelOpener(() => (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel, log),
        siteRules,
      },
      team,
      grants,
      tabs,
    ),
    log,
  );
  const answer = (message: unknown, sender: BrowserSender) => {
    const from = senderContext(sender, browser.runtime.id, browser.runtime.getURL('/'), (frame) => grants.grantOf(frame));
    return from ? handle(message, from) : Promise.resolve(undefined);
  };

  browser.runtime.onMessage.addListener(messageListener(browser.runtime.id, answer, ready));

  // The content script of the new page reports its entity again once it is read.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    team.setTabEntity(tabId, null);
    tabs.set(tabId, null);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    team.setTabEntity(tabId, null);
    tabs.set(tabId, null);
    grants.forgetTab(tabId);
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_LOOKUP, title: t('menu_lookup'), contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === MENU_LOOKUP)
      void browser.tabs.create({ url: lookupUrl(browser.runtime.getURL('/popup.html'), info.selectionText) });
  });

  void retention().catch((error: unknown) => log(`retention: ${String(error)}`));

  // The team's site rules: at start, then every CHECK_MINUTES (an alarm outlives the sleeping service worker).
  void browser.alarms.create(SITE_RULES_ALARM, { periodInMinutes: CHECK_MINUTES });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SITE_RULES_ALARM) void siteRules.check();
  });
  void siteRules.check();
}
