/**
 * What each site's content script carries: nothing but this loader. The overlay itself (reader, rules, panel) is
 * loaded once the page has painted its first frame after DOMContentLoaded, so the site's own page never waits for
 * us to be fetched, compiled or run (docs/adr/0005-overlay-first-paint.md).
 */
import type { SiteId } from '#core/page';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Where the loaded overlay leaves its start function (the content scripts' own global, not the page's). */
export const OVERLAY_START = '__creditlensStartOverlay';
/** The overlay's file, listed in web_accessible_resources (wxt.config.ts). */
export const OVERLAY_FILE = '/overlay.js';

type Start = (ctx: ContentScriptContext, site: SiteId) => Promise<void>;

/** After the frame being prepared is painted: a frame callback, then a task of its own. */
function afterNextPaint(view: Window): Promise<void> {
  return new Promise((resolve) => view.requestAnimationFrame(() => view.setTimeout(resolve, 0)));
}

export async function loadOverlay(ctx: ContentScriptContext, site: SiteId): Promise<void> {
  await afterNextPaint(window);
  if (ctx.isInvalid) return;
  try {
    await import(/* @vite-ignore */ browser.runtime.getURL(OVERLAY_FILE));
    const start = (globalThis as Record<string, unknown>)[OVERLAY_START] as Start | undefined;
    if (typeof start !== 'function') throw new Error('the overlay did not register');
    await start(ctx, site);
  } catch (error) {
    console.warn('[CreditLens] overlay:', error instanceof Error ? error.message : error);
  }
}
