/**
 * Whether the frame is really visible to the user, as the browser sees the whole page: IntersectionObserver v2
 * (`trackVisibility`) reports a frame under opacity, a filter, a transform or another element as not visible — the
 * page's ways to hide a frame under a click. Chromium only; without it (Firefox) every write is confirmed instead.
 */
import { useEffect, useState } from 'react';

/** Visibility is tracked where IntersectionObserver v2 exists (Chromium); the Firefox build never has it. */
export function canTrackVisibility(): boolean {
  return !import.meta.env.FIREFOX && typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
}

/** How often, at most, visibility is computed (the least IntersectionObserver v2 allows). */
const VISIBILITY_DELAY_MS = 100;

/** True while `target` is visible; false until the first report. Always true where visibility cannot be tracked. */
export function useVisibleToUser(target: Element | null, tracked = canTrackVisibility()): boolean {
  const [visible, setVisible] = useState(!tracked);
  useEffect(() => {
    if (!tracked || !target) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1] as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
        if (last) setVisible(last.isVisible === true);
      },
      { threshold: [0, 1], trackVisibility: true, delay: VISIBILITY_DELAY_MS } as IntersectionObserverInit,
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [target, tracked]);
  return visible;
}
