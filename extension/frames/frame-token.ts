/**
 * How the frame token travels: the overlay posts it into the frame it opened (postMessage to the extension's origin
 * only), so it never appears in the DOM, where the page could read it from the open shadow root and spend it on a
 * frame of its own. The frame presents each token it is handed; a page can post tokens too, but cannot know one.
 */
import * as z from 'zod/mini';
import { FrameToken } from '../messaging/content-protocol.ts';
import type { GrantState } from './WriteGuard.tsx';

export const TOKEN_MESSAGE = 'creditlens:frame-token';

/**
 * The origin our frame documents run at. Chromium serves a use_dynamic_url resource from a per-session address but
 * runs it at the extension's fixed origin; Firefox's getURL address is the document's own.
 */
export function frameOrigin(extensionUrl: string, runtimeId: string): string {
  const { protocol, host } = new URL(extensionUrl);
  // protocol + host: URL.origin is "null" for extension schemes in some engines (Node's URL, older browsers).
  return protocol === 'chrome-extension:' ? `chrome-extension://${runtimeId}` : `${protocol}//${host}`;
}

/** The overlay's side: hands the token (null: none could be had) to the frame, at `origin` only, once it has loaded. */
export function postFrameToken(frame: HTMLIFrameElement, token: string | null, origin: string): void {
  frame.addEventListener('load', () => frame.contentWindow?.postMessage({ type: TOKEN_MESSAGE, token }, origin), { once: true });
}

/** The overlay posts at the frame's load event; a frame no token reached by then was not opened by the overlay. */
export const TOKEN_WAIT_MS = 3_000;
/** Tokens tried at most (a page posting forged ones cannot make the frame ask the background without end). */
export const MAX_TOKEN_TRIES = 5;

interface Host {
  parent: unknown;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  setTimeout(run: () => void, ms: number): unknown;
}

/**
 * The frame's side: presents the tokens its parent posts until one is granted. It is refused when none came in time,
 * when the overlay said it has none, or after MAX_TOKEN_TRIES; a later token that is granted still upgrades it.
 */
export function awaitFrameGrant(host: Host, claim: (token: string) => Promise<boolean>, onState: (state: GrantState) => void): void {
  let state: GrantState = 'checking';
  let tries = 0;
  const set = (next: GrantState) => {
    if (state === 'granted' || state === next) return;
    state = next;
    onState(next);
  };
  const listener = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (event.source !== host.parent || typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== TOKEN_MESSAGE)
      return;
    const token = z.nullable(FrameToken).safeParse((data as { token?: unknown }).token);
    if (!token.success || token.data === null) {
      set('refused');
      return;
    }
    if (++tries >= MAX_TOKEN_TRIES) host.removeEventListener('message', listener);
    void claim(token.data).then(
      (granted) => {
        if (granted) host.removeEventListener('message', listener);
        set(granted ? 'granted' : 'refused');
      },
      () => set('refused'),
    );
  };
  host.addEventListener('message', listener);
  host.setTimeout(() => set('refused'), TOKEN_WAIT_MS);
}
