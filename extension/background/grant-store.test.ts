import { describe, expect, it } from 'vitest';
import { FrameGrants, TOKEN_TTL_MS, type FrameSender } from './frame-grants.ts';
import { keepGrants, type SessionArea } from './grant-store.ts';

const KEY = '91330106MA27QX8BXF';
const FRAME: FrameSender = {
  tabId: 7,
  frameId: 3,
  url: `chrome-extension://abc/notes.html?key=${KEY}`,
  purpose: 'notes',
  documentId: 'D1',
};

function memoryArea(initial: Record<string, unknown> = {}): SessionArea & { items: Record<string, unknown> } {
  const items = { ...initial };
  return { items, get: async (key) => ({ [key]: items[key] }), set: async (more) => void Object.assign(items, more) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('frame grants kept across service-worker runs', () => {
  it('a frame bound in one run still holds its grant in the next, and a token issued before the stop can still be claimed', async () => {
    let now = 1_000;
    const area = memoryArea();
    const first = new FrameGrants(() => now);
    await keepGrants(first, area, () => {});
    expect(first.claim(first.issue(7, 'notes', KEY), KEY, FRAME)).toEqual({ granted: true });
    const unclaimed = first.issue(7, 'notes', KEY);
    await settle();

    const next = new FrameGrants(() => now);
    expect(next.grantOf(FRAME)).toBeNull();
    await keepGrants(next, area, () => {});
    expect(next.grantOf(FRAME)).toEqual({ purpose: 'notes', entityKey: KEY });
    expect(next.claim(unclaimed, KEY, { ...FRAME, frameId: 4, documentId: 'D2' })).toEqual({ granted: true });

    // Closing the tab is kept too; an expired token is not restored.
    next.forgetTab(7);
    const stale = next.issue(8, 'notes', KEY);
    await settle();
    now += TOKEN_TTL_MS + 1;
    const third = new FrameGrants(() => now);
    await keepGrants(third, area, () => {});
    expect(third.grantOf(FRAME)).toBeNull();
    expect(third.claim(stale, KEY, { ...FRAME, tabId: 8 })).toEqual({ granted: false, reason: 'unknown-token' });
  });

  it('a kept value that does not parse restores nothing and says so; without session storage grants live in memory', async () => {
    const lines: string[] = [];
    const broken = memoryArea({ frameGrants: { pending: 'x', bound: [] } });
    const grants = new FrameGrants(() => 0);
    await keepGrants(grants, broken, (line) => lines.push(line));
    expect(grants.snapshot()).toEqual({ pending: [], bound: [] });

    const failing: SessionArea = {
      get: async () => Promise.reject(new Error('quota')),
      set: async () => Promise.reject(new Error('quota')),
    };
    const alone = new FrameGrants(() => 0);
    await keepGrants(alone, failing, (line) => lines.push(line));
    alone.issue(1, 'notes', KEY);
    await settle();
    expect(lines).toEqual([
      'frame grants: the kept value is not understood, none restored',
      'frame grants: not restored (Error: quota)',
      'frame grants: not kept (Error: quota)',
    ]);

    const noArea = new FrameGrants(() => 0);
    await keepGrants(noArea, undefined, () => {});
    expect(noArea.claim(noArea.issue(7, 'notes', KEY), KEY, FRAME)).toEqual({ granted: true });
  });
});
