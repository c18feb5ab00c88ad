/**
 * The side panel's messages: the overlay's content script may ask to open it for its own tab only, and the browser is
 * called before the handler first waits (a user gesture lasts only that long); only extension pages learn which entity
 * a tab shows — not content scripts, not the frames a page can load.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { CreditLensDb } from '../storage/db.ts';
import { LISTED } from '../../test/support/extension/background.ts';
import { assessRecord } from '#core';
import { handlersFor } from './handlers.ts';
import { router } from './router.ts';
import type { SenderContext } from './protocol.ts';

const CONTENT: SenderContext = { tabId: 7, frameId: 0, extensionPage: false };
const PANEL: SenderContext = { extensionPage: true };

function background(opened: boolean | 'throws' = true) {
  const open = vi.fn((_tabId: number) => (opened === 'throws' ? Promise.reject(new Error('no')) : Promise.resolve(opened)));
  const db = new CreditLensDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  const handle = router(
    handlersFor(db, { now: () => '2024-07-01T08:00:00.000Z', setBadge: async () => {}, afterSave: async () => {}, openSidePanel: open }),
  );
  return { handle, open };
}

describe('sidepanel:open', () => {
  it('opens the side panel beside the sender\u2019s own tab, calling the browser before the handler first waits', async () => {
    const { handle, open } = background();
    const answer = handle({ type: 'sidepanel:open' }, CONTENT);
    expect(open).toHaveBeenCalledWith(7);
    expect(await answer).toEqual({ ok: true, opened: true });
  });

  it('answers opened: false when the browser has no side panel or refused, so the overlay opens its frame', async () => {
    expect(await background(false).handle({ type: 'sidepanel:open' }, CONTENT)).toEqual({ ok: true, opened: false });
    expect(await background('throws').handle({ type: 'sidepanel:open' }, CONTENT)).toMatchObject({ ok: false });
  });

  it('names no tab: a message naming another tab does not parse, and only a tab\u2019s top frame may ask', async () => {
    const { handle, open } = background();
    expect(await handle({ type: 'sidepanel:open', tabId: 8 }, CONTENT)).toMatchObject({
      ok: false,
      error: expect.stringContaining('invalid message'),
    });
    for (const from of [{ ...CONTENT, frameId: 3 }, { extensionPage: false }, PANEL, { tabId: 7, frameId: 0, extensionPage: true }]) {
      expect(await handle({ type: 'sidepanel:open' }, from)).toMatchObject({ ok: false });
    }
    const frame: SenderContext = {
      tabId: 7,
      frameId: 4,
      extensionPage: true,
      frame: { purpose: 'notes', url: 'chrome-extension://x/notes.html', grant: null },
    };
    expect(await handle({ type: 'sidepanel:open' }, frame)).toMatchObject({
      ok: false,
      error: 'sidepanel:open refused: frames may not ask for it',
    });
    expect(open).not.toHaveBeenCalled();
  });
});

describe('tab:entity', () => {
  it('tells an extension page the entity a tab\u2019s page reported, and none once the tab leaves it', async () => {
    const { handle } = background();
    expect(await handle({ type: 'tab:entity', tabId: 7 }, PANEL)).toEqual({ ok: true, entity: null });
    const seen = {
      record: LISTED,
      assessment: assessRecord(LISTED, { asOf: '2024-06-30' }),
      url: 'https://www.gsxt.gov.cn/x.html',
      site: 'gsxt-gov-cn',
      observedAt: '2024-07-01T08:00:00.000Z',
    };
    await handle({ type: 'snapshot:save', ...seen }, CONTENT);
    expect(await handle({ type: 'tab:entity', tabId: 7 }, PANEL)).toEqual({
      ok: true,
      entity: { key: 'name:示例市丙商贸有限公司', name: '示例市丙商贸有限公司', legalRepresentative: '李某某' },
    });
    expect(await handle({ type: 'tab:entity', tabId: 8 }, PANEL)).toEqual({ ok: true, entity: null });
    await handle({ type: 'badge:clear' }, CONTENT);
    expect(await handle({ type: 'tab:entity', tabId: 7 }, PANEL)).toEqual({ ok: true, entity: null });
  });

  it('is refused to content scripts and to the frames a page can load', async () => {
    const { handle } = background();
    expect(await handle({ type: 'tab:entity', tabId: 7 }, CONTENT)).toMatchObject({
      ok: false,
      error: 'tab:entity refused: content scripts may not ask for it',
    });
    const frame: SenderContext = {
      tabId: 7,
      frameId: 4,
      extensionPage: true,
      frame: { purpose: 'notes', url: 'chrome-extension://x/notes.html', grant: { purpose: 'notes', entityKey: 'k' } },
    };
    expect(await handle({ type: 'tab:entity', tabId: 7 }, frame)).toMatchObject({
      ok: false,
      error: 'tab:entity refused: frames may not ask for it',
    });
  });
});
