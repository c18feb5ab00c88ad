/**
 * Starts the overlay of a content script: the browser side of `OverlaySession` (settings and the panel's remembered
 * place on this site from storage, messages to the background, the main-world sender, the notes page URL) and its
 * lifecycle — settings changes, in-page navigation, and removal of everything when the extension is updated or
 * disabled (the context is invalidated).
 */
import type { SiteAdapter } from '#core/page';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { injectScript } from 'wxt/utils/inject-script';
import * as z from 'zod/mini';
import type { Sender } from './sections.ts';
import { storageCache } from './session-cache.ts';
import { frameOrigin } from '../../frames/frame-token.ts';
import { requestFromPage as request } from '../../messaging/content-client.ts';
import { hintDismissedItem, readRuleSettingsForPage, ruleSettingsItem } from '../../storage/items.ts';
import { readPlacement, savePlacement } from '../../storage/panel-placement.ts';
import type { ProtocolError } from '../../messaging/errors.ts';
import { t, type MessageKey } from '../../ui/i18n.ts';
import { siteRulesFor } from '../../storage/site-rules-items.ts';
import { answerEvidence } from './evidence-answer.ts';
import { pageHint } from './page-hint.ts';
import { mainWorldSender, randomChannel } from './page-sender.ts';
import { OverlaySession } from './session.ts';

const log = (what: string, error: unknown) => console.warn(`[CreditLens] ${what}:`, error instanceof Error ? error.message : error);

/**
 * Runs at document_start: the script is compiled and the settings are read while the page loads, so that at
 * DOMContentLoaded only the reading of the page itself stands between the rows and the panel
 * (docs/adr/0005-overlay-first-paint.md).
 */
export async function startOverlay(ctx: ContentScriptContext, site: SiteAdapter): Promise<void> {
  const host = location.host;
  const [settings, placement, rules] = await Promise.all([
    readRuleSettingsForPage(),
    readPlacement(host),
    siteRulesFor(site.id),
    domReady(document),
  ]);
  if (settings.problem) log('settings', settings.problem);
  if (placement.problem) log('panel placement', placement.problem);
  const transport = (message: unknown) => browser.runtime.sendMessage(message);
  let sender: Promise<Sender | null> | null = null;
  const session = new OverlaySession(document, site, {
    settings: settings.value,
    ...(rules ? { rules } : {}),
    countRead: (read) => void request(transport, { type: 'reader:count', ...read }).catch((e: unknown) => log('reader health', e)),
    now: () => Date.now(),
    sender: () => (sender ??= mainWorld(ctx, site)),
    frameOrigin: frameOrigin(browser.runtime.getURL('/'), browser.runtime.id),
    notesUrl: (key, name, rep) => `${browser.runtime.getURL('/notes.html')}?${new URLSearchParams({ key, name, rep })}`,
    // The Firefox build has no side panel: straight to the frame.
    ...(import.meta.env.FIREFOX
      ? {}
      : { openSidePanel: () => request(transport, { type: 'sidepanel:open' }).then((answer) => answer.opened) }),
    frameToken: (purpose, entityKey) => request(transport, { type: 'frame:token', purpose, entityKey }).then((answer) => answer.token),
    linksUrl: (key, rep) => `${browser.runtime.getURL('/links.html')}?${new URLSearchParams({ key, rep })}`,
    saveEvidence: () => request(transport, { type: 'evidence:save' }),
    saveSnapshot: (seen) =>
      request(transport, { type: 'snapshot:save', ...seen }).then(
        () => {},
        (e: unknown) => log('snapshot', e),
      ),
    cache: storageCache(window.sessionStorage),
    clearBadge: () =>
      request(transport, { type: 'badge:clear' }).then(
        () => {},
        (e: unknown) => log('badge', e),
      ),
    unknownBadge: () =>
      request(transport, { type: 'badge:unknown' }).then(
        () => {},
        (e: unknown) => log('badge', e),
      ),
    extensionVersion: browser.runtime.getManifest().version,
    sendPageReport: (report) =>
      request(transport, { type: 'pagereport:send', report }).then(
        ({ outcome, text }) => ({ outcome, text }),
        (e: ProtocolError) => ({
          outcome: 'failed' as const,
          text: t('page_report_failed', e.key ? t(e.key as MessageKey, ...(e.subs ?? [])) : t('error_unexpected')),
        }),
      ),
    placement: {
      initial: placement.value,
      save: (chosen) => void savePlacement(host, chosen).catch((e: unknown) => log('panel placement', e)),
    },
    pageHint: pageHint(document, {
      // Read through zod like every stored value: anything but `true` (a hand edit, an older value) shows the hint.
      dismissed: async () => z.safeParse(z.literal(true), await hintDismissedItem.getValue()).success,
      dismiss: () => hintDismissedItem.setValue(true),
    }),
  });
  const unwatch = ruleSettingsItem.watch(() => {
    void readRuleSettingsForPage().then((read) => session.updateSettings(read.value));
  });
  // WXT may announce the change before the address has changed (the Navigation API's navigate event): read it after.
  ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(() => void session.navigated(), 0));
  const unanswer = answerEvidence(document, window.sessionStorage, () => Date.now(), rules);
  ctx.onInvalidated(() => {
    unwatch();
    unanswer();
    session.dispose();
  });
  await session.start();
}

function domReady(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

async function mainWorld(ctx: ContentScriptContext, site: SiteAdapter): Promise<Sender | null> {
  // Only a site whose sections are read from its own endpoints needs the page's own requests.
  if (!site.completeRead) return null;
  const channel = randomChannel();
  try {
    await injectScript('/page-sender.js', { modifyScript: (script) => void (script.dataset.channel = channel) });
  } catch (error) {
    log('page sender', error);
    return null;
  }
  return mainWorldSender(document, channel, ctx.signal);
}
