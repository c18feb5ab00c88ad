/**
 * Frame grants outlive the service worker: Chromium stops an idle worker after about 30 s, and an open notes frame
 * must keep its grant when the next message starts a new one. Session storage is memory-only, cleared when the
 * browser closes, and not readable by content scripts (its default access level), so the tokens never reach a page.
 */
import type { FrameGrants } from './frame-grants.ts';
import { GrantsSnapshot } from './frame-grants.ts';

const KEY = 'frameGrants';

/** The part of `browser.storage.session` used here (absent before Chromium 102: grants then live as long as the worker). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Restores what an earlier run kept, then keeps every change; resolves once the grants may be consulted. */
export async function keepGrants(grants: FrameGrants, area: SessionArea | undefined, log: (line: string) => void): Promise<void> {
  if (!area) return;
  try {
    const stored = (await area.get(KEY))[KEY];
    const kept = GrantsSnapshot.safeParse(stored);
    if (kept.success) grants.restore(kept.data);
    else if (stored !== undefined) log('frame grants: the kept value is not understood, none restored');
  } catch (error) {
    log(`frame grants: not restored (${String(error)})`);
  }
  // Writes chain so that the last change is the one kept.
  let writing = Promise.resolve();
  grants.onChange((snapshot) => {
    writing = writing.then(() => area.set({ [KEY]: snapshot })).catch((error: unknown) => log(`frame grants: not kept (${String(error)})`));
  });
}
