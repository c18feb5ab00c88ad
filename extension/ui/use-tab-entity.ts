/**
 * The side panel's entity: the one the active tab of its window shows, followed as the
 * user switches tabs (at once) and as the tab navigates (the content script reports a new page once it is read, so
 * the background is asked again every second, as the team record is: use-team-entity.ts says why polling).
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { request, type Transport } from '../messaging/client.ts';
import type { TabEntity } from '../messaging/protocol.ts';
import { messageOf } from './format.ts';

export const TAB_POLL_MS = 1_000;

/** Which tab the panel shows, and when that may have changed. */
export interface TabSource {
  current(): Promise<number | null>;
  /** Calls `changed` when another tab may have become the one shown; returns the unsubscription. */
  watch(changed: () => void): () => void;
}

/** The active tab of the panel's own window (`currentWindow`: the side panel's). */
export function activeTabSource(): TabSource {
  return {
    current: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null,
    watch: (changed) => {
      const listener = () => changed();
      browser.tabs.onActivated.addListener(listener);
      return () => browser.tabs.onActivated.removeListener(listener);
    },
  };
}

export type TabEntityView =
  { state: 'loading' } | { state: 'none' } | { state: 'entity'; entity: TabEntity } | { state: 'error'; error: string };

const same = (a: TabEntityView, b: TabEntityView) => JSON.stringify(a) === JSON.stringify(b);

export function useTabEntity(transport: Transport, tabs: TabSource, pollMs = TAB_POLL_MS): TabEntityView {
  const [view, setView] = useState<TabEntityView>({ state: 'loading' });
  useEffect(() => {
    let alive = true;
    let asked = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = async (): Promise<TabEntityView> => {
      const tabId = await tabs.current();
      if (tabId === null) return { state: 'none' };
      const { entity } = await request(transport, { type: 'tab:entity', tabId });
      return entity ? { state: 'entity', entity } : { state: 'none' };
    };
    const check = () => {
      clearTimeout(timer);
      const mine = ++asked;
      void ask()
        .catch((failure: unknown): TabEntityView => ({ state: 'error', error: messageOf(failure) }))
        .then((next) => {
          // An answer overtaken by a later question (a quick tab switch) is dropped; an unchanged one keeps the page as it is.
          if (!alive || mine !== asked) return;
          setView((previous) => (same(previous, next) ? previous : next));
          timer = setTimeout(check, pollMs);
        });
    };
    check();
    const unwatch = tabs.watch(check);
    return () => {
      alive = false;
      clearTimeout(timer);
      unwatch();
    };
  }, [transport, tabs, pollMs]);
  return view;
}
