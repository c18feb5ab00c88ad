/**
 * The frame token check: only a frame presenting a fresh token issued for its own tab, purpose and entity is bound,
 * a token works once, and only the bound frame — same tab, frame, address and document — holds the grant. Then the
 * router: a frame page without a grant reads but cannot write, and a granted frame writes only for its own entity.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { handlersFor } from '../messaging/handlers.ts';
import type { SenderContext } from '../messaging/protocol.ts';
import { router } from '../messaging/router.ts';
import { CreditLensDb } from '../storage/db.ts';
import { FrameGrants, TOKEN_TTL_MS, randomToken, type FrameSender } from './frame-grants.ts';
import { senderContext } from './main.ts';

const KEY = '91330106MA27QX8BXF';
const NOTES = `chrome-extension://abc/notes.html?key=${KEY}`;
const frame = (over: Partial<FrameSender> = {}): FrameSender => ({
  tabId: 7,
  frameId: 3,
  url: `${NOTES}#token=x`,
  purpose: 'notes',
  documentId: 'D1',
  ...over,
});

function grants() {
  let now = 1_000;
  let n = 0;
  const g = new FrameGrants(
    () => now,
    () => `token${++n}`,
  );
  return { g, later: (ms: number) => (now += ms) };
}

describe('frame tokens', () => {
  it('binds the frame that presents a token issued for its tab, purpose and entity', () => {
    const { g } = grants();
    const token = g.issue(7, 'notes', KEY);
    expect(g.grantOf(frame())).toBeNull();
    expect(g.claim(token, KEY, frame())).toEqual({ granted: true });
    expect(g.grantOf(frame())).toEqual({ purpose: 'notes', entityKey: KEY });
    // The frame drops the token from its address afterwards: the fragment does not count.
    expect(g.grantOf(frame({ url: NOTES }))).toEqual({ purpose: 'notes', entityKey: KEY });
  });

  it('refuses a frame with no token', () => {
    expect(grants().g.claim(null, KEY, frame())).toEqual({ granted: false, reason: 'no-token' });
  });

  it('refuses a token issued for another tab, and the token is spent', () => {
    const { g } = grants();
    const token = g.issue(8, 'notes', KEY);
    expect(g.claim(token, KEY, frame())).toEqual({ granted: false, reason: 'wrong-tab' });
    expect(g.claim(token, KEY, frame({ tabId: 8 }))).toEqual({ granted: false, reason: 'unknown-token' });
    expect(g.grantOf(frame())).toBeNull();
  });

  it('refuses a token presented a second time, by another frame or the same', () => {
    const { g } = grants();
    const token = g.issue(7, 'notes', KEY);
    expect(g.claim(token, KEY, frame()).granted).toBe(true);
    expect(g.claim(token, KEY, frame({ frameId: 4 }))).toEqual({ granted: false, reason: 'unknown-token' });
    expect(g.claim(token, KEY, frame())).toEqual({ granted: false, reason: 'unknown-token' });
    expect(g.grantOf(frame({ frameId: 4 }))).toBeNull();
  });

  it('refuses a token issued for another purpose or entity', () => {
    const { g } = grants();
    expect(g.claim(g.issue(7, 'links', KEY), KEY, frame())).toEqual({ granted: false, reason: 'wrong-purpose' });
    expect(g.claim(g.issue(7, 'notes', 'name:其他公司'), KEY, frame())).toEqual({ granted: false, reason: 'wrong-entity' });
    expect(g.grantOf(frame())).toBeNull();
  });

  it('refuses a token never issued, and one presented too late', () => {
    const { g, later } = grants();
    expect(g.claim(randomToken(), KEY, frame())).toEqual({ granted: false, reason: 'unknown-token' });
    const token = g.issue(7, 'notes', KEY);
    later(TOKEN_TTL_MS + 1);
    expect(g.claim(token, KEY, frame())).toEqual({ granted: false, reason: 'expired' });
  });

  it('holds the grant only for the bound frame: another document, address, frame or tab has none; a closed tab none', () => {
    const { g } = grants();
    g.claim(g.issue(7, 'notes', KEY), KEY, frame());
    expect(g.grantOf(frame({ documentId: 'D2' }))).toBeNull();
    expect(g.grantOf(frame({ url: 'chrome-extension://abc/notes.html?key=other' }))).toBeNull();
    expect(g.grantOf(frame({ frameId: 4 }))).toBeNull();
    expect(g.grantOf(frame({ tabId: 9 }))).toBeNull();
    expect(g.grantOf(frame({ purpose: 'links', url: 'chrome-extension://abc/links.html' }))).toBeNull();
    g.forgetTab(7);
    expect(g.grantOf(frame())).toBeNull();
  });

  it('makes unguessable tokens', () => {
    const tokens = new Set(Array.from({ length: 100 }, randomToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('frames through the router', () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const ORIGIN = `chrome-extension://${ID}/`;
  const NOTE = {
    id: 'n1',
    entityKey: KEY,
    text: '私密',
    tags: [],
    createdAt: '2024-07-01T08:00:00.000Z',
    editedAt: '2024-07-01T08:00:00.000Z',
  };

  function background() {
    const g = new FrameGrants(() => Date.now());
    const handle = router(handlersFor(new CreditLensDb({ indexedDB: new IDBFactory(), IDBKeyRange }), undefined, undefined, g));
    const contentScript: SenderContext = { tabId: 7, frameId: 0, extensionPage: false };
    const notesFrame = (frameId: number, key = KEY) =>
      senderContext({ id: ID, url: `${ORIGIN}notes.html?key=${encodeURIComponent(key)}`, tab: { id: 7 }, frameId }, ID, ORIGIN, (f) =>
        g.grantOf(f),
      ) as SenderContext;
    return { handle, contentScript, notesFrame };
  }

  it('a frame the page loaded itself reads, but every write is refused', async () => {
    const { handle, notesFrame } = background();
    expect(await handle({ type: 'notes:list', entityKey: KEY }, notesFrame(5))).toEqual({ ok: true, notes: [] });
    expect(await handle({ type: 'frame:claim', entityKey: KEY, token: null }, notesFrame(5))).toEqual({ ok: true, granted: false });
    expect(await handle({ type: 'notes:save', note: NOTE }, notesFrame(5))).toEqual({
      ok: false,
      error: 'notes:save refused: this frame was not opened by the overlay',
      key: 'error_frame_refused',
    });
    for (const message of [
      { type: 'team:update', entityKey: KEY, patch: { status: 'verifying' } },
      { type: 'team:note-share', noteId: 'n1', entity: { name: '示例公司', uscc: KEY } },
      { type: 'notes:delete', id: 'n1' },
    ])
      expect(await handle(message, notesFrame(5))).toMatchObject({
        ok: false,
        error: expect.stringContaining('not opened by the overlay'),
      });
    expect(await handle({ type: 'data:wipe' }, notesFrame(5))).toEqual({
      ok: false,
      error: 'data:wipe refused: frames may not ask for it',
      key: 'error_frame_refused',
    });
  });

  it('the overlay\u2019s own frame, with its token, writes for its entity only', async () => {
    const { handle, contentScript, notesFrame } = background();
    const issued = await handle({ type: 'frame:token', purpose: 'notes', entityKey: KEY }, contentScript);
    if (!('token' in issued)) throw new Error(JSON.stringify(issued));
    expect(await handle({ type: 'frame:claim', entityKey: KEY, token: issued.token }, notesFrame(5))).toEqual({ ok: true, granted: true });
    expect(await handle({ type: 'notes:save', note: NOTE }, notesFrame(5))).toMatchObject({ ok: true });
    expect(await handle({ type: 'notes:save', note: { ...NOTE, id: 'n2', entityKey: 'name:其他公司' } }, notesFrame(5))).toEqual({
      ok: false,
      error: 'notes:save refused: the frame was opened for another entity',
      key: 'error_frame_refused',
    });
    // The same token in another frame of the tab (the page copied the frame's address): refused.
    expect(await handle({ type: 'frame:claim', entityKey: KEY, token: issued.token }, notesFrame(6))).toEqual({ ok: true, granted: false });
    expect(await handle({ type: 'notes:delete', id: 'n1' }, notesFrame(6))).toMatchObject({ ok: false });
    expect(await handle({ type: 'notes:delete', id: 'n1' }, notesFrame(5))).toEqual({ ok: true });
  });

  it('gives tokens to the content script of a top frame only', async () => {
    const { handle, contentScript, notesFrame } = background();
    const ask = { type: 'frame:token', purpose: 'notes', entityKey: KEY };
    expect(await handle(ask, { ...contentScript, frameId: 2 })).toMatchObject({ ok: false });
    expect(await handle(ask, notesFrame(5))).toMatchObject({ ok: false });
    expect(await handle(ask, { extensionPage: true })).toMatchObject({ ok: false });
  });
});
