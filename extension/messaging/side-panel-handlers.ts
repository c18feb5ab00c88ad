/**
 * The background's handlers for the side panel: the overlay's 笔记与团队台账 asks to open it beside its own tab, and the
 * side panel asks which entity a tab shows (background/tab-entities.ts).
 */
import type { TabEntities } from '../background/tab-entities.ts';
import type { Handlers } from './router.ts';

/** Opens the side panel for a tab; false when the browser has none or refused. Must reach the browser synchronously. */
export type OpenSidePanel = (tabId: number) => Promise<boolean>;

export function sidePanelHandlersFor(tabs: TabEntities, open: OpenSidePanel): Pick<Handlers, 'sidepanel:open' | 'tab:entity'> {
  return {
    'sidepanel:open': async (_, from) => {
      // Only the overlay, in a tab's top frame, and only for that tab: the tab is the browser's word, never the message's.
      if (from.extensionPage || from.tabId === undefined || from.frameId !== 0)
        throw new Error('the side panel opens for the overlay\u2019s own tab only');
      // Before any await: the browser opens a side panel only while the click's user gesture lasts.
      return { ok: true, opened: await open(from.tabId) };
    },
    'tab:entity': async ({ tabId }) => ({ ok: true, entity: tabs.get(tabId) }),
  };
}
