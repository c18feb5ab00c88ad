// @vitest-environment happy-dom
/**
 * The side panel against a real background (router + handlers over fake-indexeddb) and WXT's fake browser tabs: it
 * shows the notes and team record of the entity the active tab reported, follows a switch to another tab at once and
 * a navigation within a second, says when the tab shows no entity, and writes — as the extension's own page, with no
 * frame grant — only on the user's own clicks.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { assessRecord, type EntityRecord } from '#core';
import { handlersFor } from '../../messaging/handlers.ts';
import { router } from '../../messaging/router.ts';
import { CreditLensDb } from '../../storage/db.ts';
import { notesOf } from '../../storage/repository.ts';
import { SidePanel, type SidePanelProps } from './SidePanel.tsx';
import { CLEAN, LISTED, NOW, trusted } from '../../../test/support/extension/background.ts';
import { activeTabSource } from '../../ui/use-tab-entity.ts';

afterEach(cleanup);
let active: number | null = null;
beforeEach(() => {
  fakeBrowser.reset();
  active = null;
  // The fake browser's query cannot find an active tab (it activates only duplicates, which it does not list): the
  // active tab of the panel's window is this test's, the switch is the fake's onActivated event.
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async (query) =>
    query.active && query.currentWindow && active !== null
      ? [{ id: active, index: 0, highlighted: true, active: true, pinned: false, incognito: false }]
      : [],
  );
});

let nextTab = 100;
/** The user switches to a new tab of the panel's window. */
async function activeTab(): Promise<number> {
  const previousTabId = active ?? undefined;
  active = ++nextTab;
  await fakeBrowser.tabs.onActivated.trigger({ tabId: active, windowId: 1, previousTabId });
  return active;
}

function background() {
  const db = new CreditLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  const handle = router(handlersFor(db, { now: () => NOW, setBadge: async () => {}, afterSave: async () => {} }));
  const sent: Array<{ type: string }> = [];
  const transport = (message: unknown) => (sent.push(message as { type: string }), handle(message));
  /** What the overlay's content script in a tab reports. */
  const shows = (tabId: number, record: EntityRecord | null) =>
    handle(
      record
        ? {
            type: 'snapshot:save',
            record,
            assessment: assessRecord(record, { asOf: '2024-06-30' }),
            url: 'https://www.gsxt.gov.cn/x.html',
            site: 'gsxt-gov-cn',
            observedAt: NOW,
          }
        : { type: 'badge:clear' },
      { tabId, frameId: 0, extensionPage: false },
    );
  return { db, transport, sent, shows };
}

function mount(transport: (message: unknown) => Promise<unknown>, pollMs = 30, saveEvidence?: SidePanelProps['saveEvidence']) {
  let ids = 0;
  render(
    <SidePanel
      transport={transport}
      tabs={activeTabSource()}
      pollMs={pollMs}
      now={() => NOW}
      newId={() => `id${++ids}`}
      {...(saveEvidence ? { saveEvidence } : {})}
    />,
  );
}

const entityShown = () => screen.queryByTestId('notes-entity')?.textContent ?? null;

describe('side panel', () => {
  it('follows a switch to another tab at once, and says when that tab shows no entity', async () => {
    const { transport, shows } = background();
    await shows(await activeTab(), LISTED);
    // Asked again only when the tab changes (no poll within the test): the switch itself is followed.
    mount(transport, 60_000);
    await waitFor(() => expect(entityShown()).toBe('示例市丙商贸有限公司'));
    expect(screen.getByTestId('team-panel')).toBeTruthy();
    await activeTab();
    await waitFor(() => expect(screen.getByTestId('sidepanel-no-entity').textContent).toContain('当前标签页不是主体详情页'));
    expect(entityShown()).toBeNull();
  });

  it('follows the tab’s navigations: another entity, then no entity page', async () => {
    const { transport, shows } = background();
    const tab = await activeTab();
    await shows(tab, LISTED);
    mount(transport);
    await waitFor(() => expect(entityShown()).toBe('示例市丙商贸有限公司'));
    await shows(tab, CLEAN);
    await waitFor(() => expect(entityShown()).toBe('北京乙科技有限公司'));
    await shows(tab, null);
    await waitFor(() => expect(screen.queryByTestId('sidepanel-no-entity')).not.toBeNull());
  });

  it('saves a note as the extension\u2019s own page, with no frame token, on the user\u2019s clicks only', async () => {
    const { db, transport, sent, shows } = background();
    await shows(await activeTab(), CLEAN);
    mount(transport);
    await waitFor(() => expect(entityShown()).toBe('北京乙科技有限公司'));
    fireEvent.change(screen.getByTestId('note-text'), { target: { value: '侧边栏里的笔记' } });
    // A click no user made (a script's) writes nothing.
    fireEvent.click(screen.getByTestId('note-save'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent.some((m) => m.type === 'notes:save')).toBe(false);
    trusted.click(screen.getByTestId('note-save'));
    await waitFor(async () => expect((await notesOf(db, '91110000101623741K')).map((n) => n.text)).toEqual(['侧边栏里的笔记']));
    expect(sent.some((m) => m.type === 'frame:claim')).toBe(false);
  });

  it('saves the evidence of the page shown on the user\u2019s click only, and offers it only beside an entity', async () => {
    const { transport, shows } = background();
    const tab = await activeTab();
    await shows(tab, CLEAN);
    const saves: number[] = [];
    mount(transport, 30, async () => {
      saves.push(tab);
      return { ok: true, fileName: '取证-北京乙科技有限公司-20240701-160000.zip', mhtml: 'not-granted' };
    });
    await waitFor(() => expect(entityShown()).toBe('北京乙科技有限公司'));
    fireEvent.click(screen.getByTestId('popup-evidence'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(saves).toEqual([]);
    trusted.click(screen.getByTestId('popup-evidence'));
    await waitFor(() =>
      expect(screen.getByTestId('popup-evidence-saved').textContent).toContain('取证-北京乙科技有限公司-20240701-160000.zip'),
    );
    expect(saves).toEqual([tab]);
    await shows(tab, null);
    await waitFor(() => expect(screen.queryByTestId('sidepanel-no-entity')).not.toBeNull());
    expect(screen.queryByTestId('popup-evidence')).toBeNull();
  });
});
