/**
 * What a client's Yjs update writes and what it needs, read before anything is applied: the ranges of client ids
 * its structs (items, GC and skip ranges) cover, and the state the document must have reached for Yjs to integrate
 * all of it at once — each written client contiguous with the document, every item's origin, right origin and parent
 * present, every deleted range present. An update whose needs are met is never parked by Yjs.
 */
import * as Y from 'yjs';

/** One client's structs in an update: [from, to) clocks. */
export type Written = { from: number; to: number };

export type UpdateShape = {
  /** By client id: the clocks the update's structs cover. */
  writes: Map<number, Written>;
  /** [client, clock]: the document's state for the client must be at least the clock. */
  needs: [number, number][];
  /** The update deletes something (a delete set is editing, allowed under anyone's client id). */
  deletes: boolean;
};

/** Throws on an update Yjs cannot read (the caller closes with 1007). */
export function shapeOf(update: Uint8Array): UpdateShape {
  const { structs, ds } = Y.decodeUpdate(update);
  const writes = new Map<number, Written>();
  /** By client: the clock the document must have reached — past any gap (skip) in the update's own range. */
  const required = new Map<number, number>();
  for (const struct of structs) {
    const { client, clock } = struct.id;
    const written = writes.get(client);
    if (written) written.to = clock + struct.length;
    else {
      writes.set(client, { from: clock, to: clock + struct.length });
      required.set(client, clock);
    }
    if (struct instanceof Y.Skip) required.set(client, clock + struct.length);
  }
  const need = (client: number, clock: number) => {
    if (clock > (required.get(client) ?? 0)) required.set(client, clock);
  };
  /** A struct's reference to another: present once the state of its client is past its clock. */
  const reference = (own: number, id: Y.ID | null) => {
    if (!id || id.client === own) return;
    const written = writes.get(id.client);
    if (written && id.clock >= written.from && id.clock < written.to) return;
    need(id.client, id.clock + 1);
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    reference(struct.id.client, struct.origin);
    reference(struct.id.client, struct.rightOrigin);
    if (struct.parent instanceof Y.ID) reference(struct.id.client, struct.parent);
  }
  let deletes = false;
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      if (len === 0) continue;
      deletes = true;
      const written = writes.get(client);
      if (!written || clock + len > written.to) need(client, clock + len);
    }
  }
  return { writes, needs: [...required], deletes };
}

/** The clients whose structs go past the document's state: what the update adds. */
export function newlyWritten(shape: UpdateShape, stateOf: (client: number) => number): number[] {
  return [...shape.writes].filter(([client, { to }]) => to > stateOf(client)).map(([client]) => client);
}
