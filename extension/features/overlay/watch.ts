/**
 * Follows the page: one callback after each burst of changes to the page's own content (a table paged, a tab
 * opened, a section loaded), none for the overlay's own elements — otherwise marking rows would re-trigger itself.
 */

/** Quiet time after the last change before the page is read again; well inside the 100 ms the overlay has. */
export const SETTLE_MS = 30;

export function watchPage(doc: Document, isOurs: (node: Node) => boolean, onChange: () => void, settleMs = SETTLE_MS): () => void {
  const view = doc.defaultView;
  if (!view) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  const theirs = (record: MutationRecord): boolean => {
    if (isOurs(record.target)) return false;
    if (record.type !== 'childList') return true;
    const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
    return nodes.length === 0 || nodes.some((node) => !isOurs(node));
  };
  const observer = new view.MutationObserver((records) => {
    if (!records.some(theirs)) return;
    // Throttled, not debounced: a page that never stops changing (a ticking clock) still gets read.
    timer ??= setTimeout(() => {
      timer = undefined;
      onChange();
    }, settleMs);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
}
