import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { PendingUpdates, needsMet } from './pending.ts';
import { newlyWritten, shapeOf } from './update-shape.ts';

/** The updates of a document's own transactions, one each. */
function recorded(clientID: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (transaction.local) updates.push(u);
  });
  return { doc, updates };
}

const stateOf = (doc: Y.Doc) => (client: number) => Y.getState(doc.store, client);

describe('what an update needs', () => {
  it('an update after a gap in its own client needs the clocks before it', () => {
    const { doc, updates } = recorded(7);
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('b', 2);
    const server = new Y.Doc();
    const second = shapeOf(updates[1]!);
    expect([...second.writes]).toEqual([[7, { from: 1, to: 2 }]]);
    expect(needsMet(second.needs, stateOf(server))).toBe(false);
    Y.applyUpdate(server, updates[0]!);
    expect(needsMet(second.needs, stateOf(server))).toBe(true);
    expect(newlyWritten(second, stateOf(server))).toEqual([7]);
    Y.applyUpdate(server, updates[1]!);
    expect(server.store.pendingStructs).toBeNull();
    expect(newlyWritten(second, stateOf(server))).toEqual([]);
  });

  it('an item placed next to another client’s item, or deleting it, needs that item', () => {
    const a = recorded(1);
    const b = recorded(2);
    a.doc.getArray('list').insert(0, ['a']);
    Y.applyUpdate(b.doc, a.updates[0]!);
    b.doc.getArray('list').insert(1, ['b']);
    b.doc.getArray('list').delete(0, 1);
    const insert = shapeOf(b.updates[0]!);
    const remove = shapeOf(b.updates[1]!);
    expect(remove.deletes).toBe(true);
    const server = new Y.Doc();
    expect(needsMet(insert.needs, stateOf(server))).toBe(false);
    expect(needsMet(remove.needs, stateOf(server))).toBe(false);
    Y.applyUpdate(server, a.updates[0]!);
    expect(needsMet(insert.needs, stateOf(server))).toBe(true);
    expect(needsMet(remove.needs, stateOf(server))).toBe(true);
  });

  it('whatever order the updates of a few documents come in, applying each once its needs are met parks nothing and converges', () => {
    const a = recorded(1);
    const b = recorded(2);
    for (let i = 0; i < 20; i++) {
      a.doc.getArray('list').insert(0, [`a${i}`]);
      Y.applyUpdate(b.doc, a.updates.at(-1)!);
      const before = b.updates.length;
      b.doc.getArray('list').insert(1, [`b${i}`]);
      if (i % 3 === 0) b.doc.getArray('list').delete(0, 1);
      for (const u of b.updates.slice(before)) Y.applyUpdate(a.doc, u);
    }
    const all = [...a.updates, ...b.updates].reverse();
    const server = new Y.Doc();
    const pending = new PendingUpdates({ maxUpdates: 1_000, maxBytes: 1 << 20, maxAgeMs: 1_000 });
    for (const update of all) {
      const { needs } = shapeOf(update);
      if (!needsMet(needs, stateOf(server))) {
        expect(pending.add(update, needs, 0)).toBeUndefined();
        continue;
      }
      Y.applyUpdate(server, update);
      for (let ready = pending.takeSatisfied(stateOf(server)); ready.length > 0; ready = pending.takeSatisfied(stateOf(server))) {
        for (const u of ready) Y.applyUpdate(server, u);
      }
      expect(server.store.pendingStructs).toBeNull();
      expect(server.store.pendingDs).toBeNull();
    }
    expect(pending.size).toBe(0);
    expect(server.getArray('list').toJSON()).toEqual(a.doc.getArray('list').toJSON());
  });
});

describe('pending updates', () => {
  it('are bounded in count and bytes, and say when the oldest expires', () => {
    const pending = new PendingUpdates({ maxUpdates: 2, maxBytes: 100, maxAgeMs: 500 });
    expect(pending.add(new Uint8Array(10), [[1, 5]], 1_000)).toBeUndefined();
    expect(pending.add(new Uint8Array(95), [[1, 5]], 1_100)).toBe('more than 100 bytes of updates waiting for their dependencies');
    expect(pending.add(new Uint8Array(10), [[1, 6]], 1_200)).toBeUndefined();
    expect(pending.add(new Uint8Array(10), [[1, 6]], 1_300)).toBe('more than 2 updates waiting for their dependencies');
    expect(pending.expiresAt()).toBe(1_500);
    expect(pending.takeSatisfied(() => 5)).toHaveLength(1);
    expect(pending.expiresAt()).toBe(1_700);
    expect(pending.bytes).toBe(10);
  });
});
