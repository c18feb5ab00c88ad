/**
 * The browser's side panel (chrome.sidePanel, Chromium 114+), where it exists: notes and the team record open there,
 * beside the page. Older Chromium cores and the Firefox build have none, and the overlay opens its frame instead.
 */
import type { OpenSidePanel } from '../messaging/side-panel-handlers.ts';

/** The part of chrome.sidePanel used here. */
export interface SidePanelApi {
  open(options: { tabId: number }): Promise<void>;
}

/**
 * Opens the side panel of a tab, calling the browser at once (a user gesture reaches only what runs inside the
 * message listener). `api` is read at each call: absent, or refusing (no user gesture, a disabled panel), is false.
 */
export function sidePanelOpener(api: () => SidePanelApi | undefined, log: (line: string) => void): OpenSidePanel {
  const refused = (error: unknown) => {
    log(`side panel: not opened (${error instanceof Error ? error.message : String(error)})`);
    return false;
  };
  return (tabId) => {
    const sidePanel = api();
    if (typeof sidePanel?.open !== 'function') return Promise.resolve(false);
    try {
      return sidePanel.open({ tabId }).then(() => true, refused);
    } catch (error) {
      return Promise.resolve(refused(error));
    }
  };
}
