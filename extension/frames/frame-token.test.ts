import { describe, expect, it } from 'vitest';
import type { GrantState } from './WriteGuard.tsx';
import { MAX_TOKEN_TRIES, TOKEN_MESSAGE, awaitFrameGrant, frameOrigin } from './frame-token.ts';

const PARENT = { name: 'the page that holds the frame' };
const GOOD = 'g'.repeat(43);
const forged = (n: number) => `f${String(n).padStart(42, '0')}`;

/** A frame's window: messages delivered by hand, the one timer fired by hand. */
function frameWindow() {
  let listener: ((event: MessageEvent) => void) | null = null;
  let timer: (() => void) | null = null;
  return {
    host: {
      parent: PARENT,
      addEventListener: (_: 'message', l: (event: MessageEvent) => void) => (listener = l),
      removeEventListener: () => (listener = null),
      setTimeout: (run: () => void) => (timer = run),
    },
    post: (data: unknown, source: unknown = PARENT) => listener?.({ data, source } as MessageEvent),
    listening: () => listener !== null,
    timeout: () => timer?.(),
  };
}

function start(grants: (token: string) => boolean) {
  const win = frameWindow();
  const states: GrantState[] = [];
  const claimed: string[] = [];
  awaitFrameGrant(
    win.host,
    async (token) => (claimed.push(token), grants(token)),
    (state) => states.push(state),
  );
  return { win, states, claimed };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the frame token, posted into the frame', () => {
  it('is granted by the token its parent posts', async () => {
    const { win, states, claimed } = start((token) => token === GOOD);
    win.post({ type: TOKEN_MESSAGE, token: GOOD });
    await settle();
    expect(claimed).toEqual([GOOD]);
    expect(states).toEqual(['granted']);
    win.timeout();
    expect(states).toEqual(['granted']);
    expect(win.listening()).toBe(false);
  });

  it('ignores messages from anyone but its parent, and anything that is not a token', async () => {
    const { win, states, claimed } = start(() => true);
    win.post({ type: TOKEN_MESSAGE, token: GOOD }, { name: 'another frame' });
    win.post({ type: 'other', token: GOOD });
    win.post('creditlens:frame-token');
    win.post({ type: TOKEN_MESSAGE, token: 'short' });
    await settle();
    expect(claimed).toEqual([]);
    expect(states).toEqual(['refused']);
  });

  it('is refused when no token comes in time or the overlay has none, and a later granted token still upgrades it', async () => {
    const late = start((token) => token === GOOD);
    late.win.timeout();
    expect(late.states).toEqual(['refused']);
    late.win.post({ type: TOKEN_MESSAGE, token: GOOD });
    await settle();
    expect(late.states).toEqual(['refused', 'granted']);

    const none = start(() => true);
    none.win.post({ type: TOKEN_MESSAGE, token: null });
    expect(none.states).toEqual(['refused']);
    expect(none.claimed).toEqual([]);
  });

  it('a page posting forged tokens gets the frame refused and stops being heard after a few', async () => {
    const { win, states, claimed } = start((token) => token === GOOD);
    for (let n = 0; n < MAX_TOKEN_TRIES + 3; n += 1) win.post({ type: TOKEN_MESSAGE, token: forged(n) });
    win.post({ type: TOKEN_MESSAGE, token: GOOD });
    await settle();
    expect(claimed).toHaveLength(MAX_TOKEN_TRIES);
    expect(states).toEqual(['refused']);
  });
});

describe('the origin a token is posted to', () => {
  it('is the extension\u2019s fixed origin in Chromium, whatever per-session address the frame was loaded from', () => {
    expect(frameOrigin('chrome-extension://e9cfe4e3-c72d-4edb-8034-7f0b5975cb02/', 'lagdlkcefgipldplilhccgceadbkegkk')).toBe(
      'chrome-extension://lagdlkcefgipldplilhccgceadbkegkk',
    );
    expect(frameOrigin('moz-extension://2c127fa4-62c7-7e4f-90e5-472b45eecfdc/', '{creditlens@example}')).toBe(
      'moz-extension://2c127fa4-62c7-7e4f-90e5-472b45eecfdc',
    );
  });
});
