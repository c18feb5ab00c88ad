/**
 * The background's handlers of frame:* messages: a one-time token for the content script about to open a frame in
 * its tab, and the frame presenting it (background/frame-grants.ts decides; this only checks who is asking).
 */
import type { FrameGrants } from '../background/frame-grants.ts';
import type { Handlers } from './router.ts';

export function frameHandlersFor(
  grants: FrameGrants,
  log: (line: string) => void = () => {},
): Pick<Handlers, 'frame:token' | 'frame:claim'> {
  return {
    'frame:token': async ({ purpose, entityKey }, from) => {
      // Only the overlay's content script, in the tab's top frame, opens our frames.
      if (from.extensionPage || from.tabId === undefined || from.frameId !== 0) throw new Error('frame tokens are for the overlay only');
      return { ok: true, token: grants.issue(from.tabId, purpose, entityKey) };
    },
    'frame:claim': async ({ entityKey, token }, from) => {
      if (!from.frame) throw new Error('only a frame page presents a frame token');
      const claimed = grants.claim(token, entityKey, {
        tabId: from.tabId,
        frameId: from.frameId,
        url: from.frame.url,
        purpose: from.frame.purpose,
        ...(from.frame.documentId ? { documentId: from.frame.documentId } : {}),
      });
      if (!claimed.granted) log(`frame:claim refused (${claimed.reason}): the frame stays read-only`);
      return { ok: true, granted: claimed.granted };
    },
  };
}
