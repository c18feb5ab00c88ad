/**
 * The team documents in memory, and the one rule of durability: an update is committed to the store before it is
 * sent to any other client. Updates applied during one turn of the event loop are committed together in one
 * transaction (group commit), then fanned out; anything that sends document state (the answer to a sync step 1)
 * first commits what is pending. A document is loaded from the store, synchronously, before its first connection
 * gets any answer, and unloaded (compacted first) when its last connection leaves. Records two people created
 * concurrently are merged here (core's watchConcurrentRecords): the server is the one place that may merge.
 */
import * as Y from 'yjs';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { mergeLostRecord, readTeamEntities, watchConcurrentRecords, type TeamRead } from '#core';
import type { DocumentStore } from './persistence/store.ts';
import { MESSAGE_AWARENESS, MESSAGE_SYNC, SYNC_UPDATE } from './protocol.ts';

/** One connection of a room, as the room sees it. */
export interface Member {
  send(message: Uint8Array): void;
  /** The awareness client ids this connection announced, removed when it leaves. */
  readonly awarenessClients: Set<number>;
}

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly members = new Set<Member>();
  storedSinceCompaction = 0;
  readonly #concurrent = watchConcurrentRecords(this.doc);

  constructor(readonly name: string, updates: Uint8Array[], onUpdate: (room: Room, update: Uint8Array, origin: unknown) => void) {
    // The server announces no presence of its own.
    this.awareness.setLocalState(null);
    Y.transact(this.doc, () => {
      for (const update of updates) Y.applyUpdate(this.doc, update, LOAD);
    }, LOAD);
    this.#concurrent.take();
    this.storedSinceCompaction = updates.length;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== LOAD) onUpdate(this, update, origin);
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      if (isMember(origin)) {
        for (const id of added) origin.awarenessClients.add(id);
        for (const id of removed) origin.awarenessClients.delete(id);
      }
      const message = encoding.encode((e) => {
        encoding.writeVarUint(e, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(e, encodeAwarenessUpdate(this.awareness, changed));
      });
      for (const member of this.members) member.send(message);
    });
  }

  /** Applies a client's update; then merges any record it made that lost to a concurrent one. */
  applyClientUpdate(update: Uint8Array, origin: Member): void {
    Y.applyUpdate(this.doc, update, origin);
    for (const lost of this.#concurrent.take()) mergeLostRecord(this.doc, lost);
  }

  leave(member: Member): void {
    this.members.delete(member);
    if (member.awarenessClients.size > 0) removeAwarenessStates(this.awareness, [...member.awarenessClients], null);
  }

  destroy(): void {
    this.#concurrent.stop();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

const LOAD = Symbol('loaded from the store');

function isMember(origin: unknown): origin is Member {
  return typeof origin === 'object' && origin !== null && 'awarenessClients' in origin;
}

export type RoomStats = { documents: number; updates: number; commits: number };

export class Rooms {
  readonly #rooms = new Map<string, Room>();
  #pending: { room: Room; update: Uint8Array; origin: unknown }[] = [];
  #scheduled = false;
  readonly stats: RoomStats = { documents: 0, updates: 0, commits: 0 };

  constructor(
    private readonly store: DocumentStore,
    private readonly options: { compactAfterUpdates: number; onCommitFailure: (room: Room, error: unknown) => void },
  ) {}

  get size(): number {
    return this.#rooms.size;
  }

  /** The room of a team's document, loaded from the store if it is not in memory. */
  open(name: string): Room {
    let room = this.#rooms.get(name);
    if (!room) {
      room = new Room(name, this.store.loadDocument(name), (r, update, origin) => this.#queue(r, update, origin));
      this.#rooms.set(name, room);
      this.stats.documents = this.#rooms.size;
    }
    return room;
  }

  #queue(room: Room, update: Uint8Array, origin: unknown): void {
    this.#pending.push({ room, update, origin });
    this.stats.updates++;
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Commits every pending update, then sends each to the room's other members. Synchronous. */
  flush(): void {
    this.#scheduled = false;
    if (this.#pending.length === 0) return;
    const batch = this.#pending;
    this.#pending = [];
    try {
      this.store.appendUpdates(batch.map(({ room, update }) => ({ name: room.name, update })));
      this.stats.commits++;
    } catch (error) {
      // Nothing of the batch is sent. The rooms are dropped from memory without compaction, so what the store has
      // is the truth again; their clients reconnect and send what the store lacks in their sync step.
      for (const room of new Set(batch.map((b) => b.room))) this.options.onCommitFailure(room, error);
      return;
    }
    for (const { room, update, origin } of batch) {
      room.storedSinceCompaction++;
      const message = encoding.encode((e) => {
        encoding.writeVarUint(e, MESSAGE_SYNC);
        encoding.writeVarUint(e, SYNC_UPDATE);
        encoding.writeVarUint8Array(e, update);
      });
      for (const member of room.members) if (member !== origin) member.send(message);
    }
    for (const room of new Set(batch.map((b) => b.room))) {
      if (room.storedSinceCompaction >= this.options.compactAfterUpdates) setImmediate(() => this.compact(room));
    }
  }

  /** Replaces the room's stored log by one update of its whole state (after committing what is pending). */
  compact(room: Room): void {
    if (this.#rooms.get(room.name) !== room || room.storedSinceCompaction <= 1) return;
    this.flush();
    this.store.compact(room.name, Y.encodeStateAsUpdate(room.doc));
    room.storedSinceCompaction = 1;
  }

  /** Called when a member left: an empty room is compacted and leaves memory. */
  release(room: Room): void {
    if (room.members.size > 0 || this.#rooms.get(room.name) !== room) return;
    this.compact(room);
    this.#rooms.delete(room.name);
    this.stats.documents = this.#rooms.size;
    room.destroy();
  }

  /** Drops a room without writing anything (after a failed commit). */
  discard(room: Room): void {
    if (this.#rooms.get(room.name) === room) this.#rooms.delete(room.name);
    this.#pending = this.#pending.filter((p) => p.room !== room);
    this.stats.documents = this.#rooms.size;
    room.destroy();
  }

  /** The team document's records: from memory when it is open, else read from the store (and not kept). */
  entitiesOf(name: string): TeamRead[] {
    const room = this.#rooms.get(name);
    if (room) return readTeamEntities(room.doc);
    const doc = new Y.Doc();
    try {
      for (const update of this.store.loadDocument(name)) Y.applyUpdate(doc, update);
      return readTeamEntities(doc);
    } finally {
      doc.destroy();
    }
  }

  all(): Room[] {
    return [...this.#rooms.values()];
  }
}
