/**
 * The one place the server reaches into Yjs beyond its public API: the updates a document parked because their
 * dependencies had not arrived (`doc.store.pendingStructs` / `pendingDs`). Public Yjs offers no way to measure, drop or
 * leave them out of an encoding; yjs-internals.test.ts pins the version these fields were checked against.
 */
import * as Y from 'yjs';

/** Bytes of updates the document parked. */
export function parkedBytes(doc: Y.Doc): number {
  const { pendingStructs, pendingDs } = doc.store;
  return (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
}

/** Forgets what the document parked (the sender is gone; its updates come again on its next sync). */
export function dropParked(doc: Y.Doc): void {
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
}

/** Runs `work` with the parked updates set aside: an encoding made meanwhile holds only what was applied. */
export function withoutParked<T>(doc: Y.Doc, work: () => T): T {
  const store = doc.store;
  const { pendingStructs, pendingDs } = store;
  store.pendingStructs = null;
  store.pendingDs = null;
  try {
    return work();
  } finally {
    store.pendingStructs = pendingStructs;
    store.pendingDs = pendingDs;
  }
}
