/** The background's two decisions that are not the router's: who a sender is, and where 在信用透镜中查询 leads. */
import { describe, expect, it } from 'vitest';
import { lookupUrl, messageListener, opensSidePanel, senderContext } from './main.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('senderContext', () => {
  it('tells the extension\u2019s pages from its content scripts by the URL the browser reports', () => {
    expect(senderContext({ id: ID, url: `${ORIGIN}popup.html`, tab: { id: 7 } }, ID, ORIGIN)).toEqual({ tabId: 7, extensionPage: true });
    expect(senderContext({ id: ID, url: 'https://www.gsxt.gov.cn/%7BAB%7D', tab: { id: 7 } }, ID, ORIGIN)).toEqual({
      tabId: 7,
      extensionPage: false,
    });
    // A page that names itself after the extension is still a page of the site.
    expect(senderContext({ id: ID, url: `https://www.gsxt.gov.cn/${ORIGIN}` }, ID, ORIGIN)?.extensionPage).toBe(false);
  });

  it('marks the frame pages shown inside credit pages, with where they are and the grant their frame holds', () => {
    const url = `${ORIGIN}notes.html?key=x`;
    expect(senderContext({ id: ID, url, tab: { id: 7 }, frameId: 4, documentId: 'D' }, ID, ORIGIN)).toEqual({
      tabId: 7,
      frameId: 4,
      extensionPage: true,
      frame: { purpose: 'notes', url, documentId: 'D', grant: null },
    });
    const grant = { purpose: 'links' as const, entityKey: 'x' };
    expect(
      senderContext({ id: ID, url: `${ORIGIN}links.html?key=x`, tab: { id: 7 }, frameId: 4 }, ID, ORIGIN, () => grant)?.frame?.grant,
    ).toBe(grant);
    // A page that names itself notes.html is still a page of the site.
    expect(
      senderContext({ id: ID, url: 'https://www.gsxt.gov.cn/notes.html', tab: { id: 7 }, frameId: 0 }, ID, ORIGIN)?.frame,
    ).toBeUndefined();
  });

  it('ignores anyone else', () => {
    expect(senderContext({ id: 'another-extension', url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBeNull();
    expect(senderContext({ url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBeNull();
  });
});

describe('lookupUrl', () => {
  it('opens the lookup with the selection, trimmed and cut to what the lookup takes', () => {
    const url = new URL(lookupUrl(`${ORIGIN}popup.html`, `  示例市鲜味坊 & co  `));
    expect(url.pathname).toBe('/popup.html');
    expect(url.searchParams.get('q')).toBe('示例市鲜味坊 & co');
    expect(new URL(lookupUrl(`${ORIGIN}popup.html`, 'x'.repeat(500))).searchParams.get('q')).toHaveLength(200);
    expect(new URL(lookupUrl(`${ORIGIN}popup.html`, undefined)).searchParams.get('q')).toBe('');
  });
});

describe('messageListener', () => {
  const never = new Promise<never>(() => {});

  it('answers sidepanel:open within the listener call, before the kept grants are restored; the rest waits for them', () => {
    const answered: unknown[] = [];
    const listener = messageListener(
      ID,
      async (message) => {
        answered.push(message);
        return { ok: true };
      },
      never,
    );
    const sender = { id: ID, url: 'https://www.gsxt.gov.cn/x.html', tab: { id: 7 }, frameId: 0 };
    expect(listener({ type: 'sidepanel:open' }, sender, () => {})).toBe(true);
    expect(answered).toEqual([{ type: 'sidepanel:open' }]);
    expect(listener({ type: 'notes:list', entityKey: 'k' }, sender, () => {})).toBe(true);
    expect(listener('sidepanel:open', sender, () => {})).toBe(true);
    expect(answered).toHaveLength(1);
    expect(opensSidePanel({ type: 'sidepanel:open' })).toBe(true);
    expect(opensSidePanel({ type: 'frame:token' })).toBe(false);
  });

  it('ignores messages of anyone else', () => {
    const listener = messageListener(ID, async () => ({ ok: true }), Promise.resolve());
    expect(listener({ type: 'sidepanel:open' }, { id: 'another-extension' }, () => {})).toBeUndefined();
  });
});
