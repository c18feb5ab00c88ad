/**
 * The team documents in memory, and the one rule of durability: an update is committed to the store before it is
 * sent to any other client — here or, through the fan-out, on another instance. Updates arriving while a commit is
 * in flight are committed together in the next one (group commit), then sent on. Anything that sends document
 * state (the answer to a sync step 1) first waits for what is pending to be committed. A document is loaded from
 * the store before its first connection gets any answer, and unloaded (compacted first) when its last connection
 * leaves. Records two people created concurrently are merged here (core's watchConcurrentRecords). Whenever the
 * document's state advances, the members' updates that waited for it (pending.ts) are applied.
 */
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { mergeLostRecord, readTeamEntities, watchConcurrentRecords, type TeamRead } from '#core';
import type { FanOut } from './fan-out/fan-out.ts';
import { EntityHistoryWatch, type HistoryRow } from './history.ts';
import type { TokenBucket } from './limits.ts';
import { ClientOwners, SERVER_OWNER } from './ownership.ts';
import { JoinAnswers } from './join.ts';
import type { PendingUpdates } from './pending.ts';
import type { DocumentStore } from './persistence/store.ts';
import { CLOSE, SYNC_UPDATE, awarenessMessage, syncMessage } from './protocol.ts';
import { dropParked, parkedBytes, withoutParked } from './yjs-internals.ts';

/** One connection of a room, as the room sees it. */
export interface Member {
  send(message: Uint8Array): void;
  /** The awareness client ids this connection announced, removed when it leaves. */
  readonly awarenessClients: Set<number>;
  /** Its updates waiting for their dependencies (pending.ts), applied by the room once the state meets them. */
  readonly pending: PendingUpdates;
  /** One of its waiting updates failed to apply once its dependencies arrived. */
  waitingFailed(error: unknown): void;
  close(code: number, reason: string): void;
}

/** Origins of changes that are not a local client's. */
const LOADED = Symbol('loaded from the store');
const FANNED_IN = Symbol('from another instance');

const updateMessage = (update: Uint8Array) => syncMessage(SYNC_UPDATE, update);

function isMember(origin: unknown): origin is Member {
  return typeof origin === 'object' && origin !== null && 'awarenessClients' in origin;
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

export class Room {
  readonly #doc = new Y.Doc();
  /** Answers to sync step 1, and the stored state staged at open (join.ts). */
  readonly #join = new JoinAnswers((stateVector) => this.encodeStored(stateVector));
  readonly awareness = new Awareness(this.doc);
  readonly members = new Set<Member>();
  /** Members with updates waiting for their dependencies. */
  readonly waiting = new Set<Member>();
  /** Which user each client id of the document belongs to (ownership.ts). */
  readonly owners: ClientOwners;
  /** Per user: the presence rate all the user's connections here share (presence-rate.ts). */
  readonly #presenceBuckets = new Map<string, TokenBucket>();
  /** Bytes of the document in the store, as far as this instance knows (loaded, committed, fanned in, compacted). */
  storedBytes = 0;
  readonly #concurrent = watchConcurrentRecords(this.#doc);
  /** What each transaction changed in the records, attributed by the server (history.ts). */
  readonly #history: EntityHistoryWatch;
  #applyingWaiting = false;
  /** The document's state for a client id: the next clock it expects. */
  readonly stateOf = (client: number): number => Y.getState(this.doc.store, client);

  constructor(
    readonly name: string,
    private readonly rooms: Rooms,
  ) {
    this.owners = new ClientOwners(rooms.store, name);
    // Watching builds nothing: a state staged for the first joiners is applied with origin LOADED, never recorded.
    this.#history = new EntityHistoryWatch(this.#doc, name);
    // The server announces no presence of its own.
    this.awareness.setLocalState(null);
    this.#doc.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (origin === LOADED) return;
      this.#join.invalidate();
      if (origin === FANNED_IN) {
        // Committed by the instance that received it: straight to this instance's clients.
        const message = updateMessage(update);
        for (const member of this.members) member.send(message);
        return;
      }
      rooms.queue(this, update, origin, this.#history.rowsOf(transaction, origin));
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      if (isMember(origin)) {
        // `updated` too: a client back with its old id (its state removed, its clock kept) or taking over from its
        // own old connection is an update, not an addition. peer.ts lets a member change no one else's ids.
        for (const id of [...added, ...updated]) origin.awarenessClients.add(id);
        for (const id of removed) origin.awarenessClients.delete(id);
      }
      const update = encodeAwarenessUpdate(this.awareness, changed);
      const message = awarenessMessage(update);
      for (const member of this.members) member.send(message);
      // Presence is not stored; other instances get it straight away (not what they sent us themselves).
      if (origin !== FANNED_IN) rooms.fanOut?.publishAwareness(this.name, update);
    });
  }

  presenceBucketOf(user: string, make: () => TokenBucket): TokenBucket {
    let bucket = this.#presenceBuckets.get(user);
    if (!bucket) this.#presenceBuckets.set(user, (bucket = make()));
    return bucket;
  }

  /** The document; a stored state still staged for the first joiners is applied first. */
  get doc(): Y.Doc {
    this.#join.build();
    return this.#doc;
  }

  /** The client id the server's own merges are written under; reading it builds nothing. */
  get serverClient(): number {
    return this.#doc.clientID;
  }

  set serverClient(id: number) {
    this.#doc.clientID = id;
  }

  load(updates: Uint8Array[]): void {
    // One row is the whole document (the log compacted at unload): sent to the first joiners as it is, applied after.
    if (updates.length === 1) this.#join.stage(updates[0] as Uint8Array, (state) => this.#buildStaged(state));
    else this.#apply(updates);
  }

  #apply(updates: Uint8Array[]): void {
    Y.transact(
      this.#doc,
      () => {
        for (const update of updates) Y.applyUpdate(this.#doc, update, LOADED);
      },
      LOADED,
    );
    this.#mergeConcurrent();
  }

  /** A staged state that does not apply: its connections are closed and the room dropped, as after a failed commit. */
  #buildStaged(state: Uint8Array): void {
    try {
      this.#apply([state]);
    } catch (error) {
      this.rooms.unloadable(this, error);
      return;
    }
    // Whatever Yjs parked was never the stored state's to send.
    if (this.parkedBytes() > 0) this.#join.invalidate();
  }

  /** Runs `work` once the document is built (join.ts): the state vector the server asks with must be the real one. */
  afterBuild(work: () => void): void {
    this.#join.afterBuild(work);
  }

  /** The sync step 2 frame for a client with `stateVector` (join.ts); for an empty one, the same bytes each time. */
  answerStep1(stateVector: Uint8Array): Uint8Array {
    return this.#join.answer(stateVector);
  }

  /** Builds a staged document (the first answer is out). */
  build(): void {
    this.#join.build();
  }

  /** Applies a client's update; then merges any record it made that lost to a concurrent one. */
  applyClientUpdate(update: Uint8Array, origin: Member): void {
    Y.applyUpdate(this.doc, update, origin);
    this.#applyWaiting();
    this.#mergeConcurrent();
  }

  /** The state advanced: applies the members' waiting updates it now satisfies, until nothing more fits. */
  #applyWaiting(): void {
    if (this.#applyingWaiting || this.waiting.size === 0) return;
    this.#applyingWaiting = true;
    try {
      for (let progress = true; progress;) {
        progress = false;
        for (const member of this.waiting) {
          for (const update of member.pending.takeSatisfied(this.stateOf)) {
            try {
              Y.applyUpdate(this.doc, update, member);
              progress = true;
            } catch (error) {
              member.waitingFailed(error);
            }
          }
          if (member.pending.size === 0) this.waiting.delete(member);
        }
      }
    } finally {
      this.#applyingWaiting = false;
    }
  }

  /** Bytes of updates Yjs parked because their dependencies have not arrived. */
  parkedBytes(): number {
    return parkedBytes(this.doc);
  }

  dropParked(): void {
    dropParked(this.doc);
  }

  /**
   * The document as an update for a client with `stateVector`, without what Yjs parked: parked data is not stored
   * yet (it has not been applied), and only stored data may be sent.
   */
  encodeStored(stateVector: Uint8Array): Uint8Array {
    return withoutParked(this.doc, () => Y.encodeStateAsUpdate(this.doc, stateVector));
  }

  /** The whole document as one update, without what Yjs parked (see encodeStored); kept until it changes. */
  storedState(): Uint8Array {
    return this.#join.wholeState();
  }

  /** An update another instance committed and published. */
  applyFannedIn(update: Uint8Array): void {
    this.storedBytes += update.byteLength;
    Y.applyUpdate(this.doc, update, FANNED_IN);
    this.#applyWaiting();
    this.#mergeConcurrent();
  }

  applyFannedInAwareness(update: Uint8Array): void {
    applyAwarenessUpdate(this.awareness, update, FANNED_IN);
  }

  /**
   * Merges what a concurrent record creation lost. Every instance that notices may merge: the merge only adds what
   * is missing and readers take notes and listings once per id, so two merges of the same loss agree.
   */
  #mergeConcurrent(): void {
    for (const lost of this.#concurrent.take()) mergeLostRecord(this.doc, lost);
  }

  leave(member: Member): void {
    this.members.delete(member);
    this.waiting.delete(member);
    member.pending.clear();
    if (member.awarenessClients.size > 0) removeAwarenessStates(this.awareness, [...member.awarenessClients], null);
  }

  destroy(): void {
    this.#join.stop();
    this.#concurrent.stop();
    this.#history.stop();
    this.awareness.destroy();
    this.#doc.destroy();
  }
}

export type RoomStats = { documents: number; updates: number; commits: number };

export class Rooms {
  readonly #rooms = new Map<string, Room>();
  readonly #opening = new Map<string, Promise<Room>>();
  #pending: { room: Room; update: Uint8Array; origin: unknown; history: HistoryRow[] }[] = [];
  /** The commit in flight, if any. */
  #committing: Promise<void> | undefined;
  readonly #storedSince = new WeakMap<Room, number>();
  /** Per document: updates queued and not yet committed and sent on, and who waits for that to reach 0. */
  readonly #uncommitted = new Map<string, number>();
  readonly #waiting = new Map<string, (() => void)[]>();
  readonly stats: RoomStats = { documents: 0, updates: 0, commits: 0 };

  constructor(
    readonly store: DocumentStore,
    private readonly options: {
      compactAfterUpdates: number;
      onCommitFailure: (room: Room, error: unknown) => void;
      log: (line: string) => void;
    },
    readonly fanOut?: FanOut,
  ) {
    fanOut?.onUpdate((name, update) => this.#rooms.get(name)?.applyFannedIn(update));
    fanOut?.onAwareness((name, update) => this.#rooms.get(name)?.applyFannedInAwareness(update));
    fanOut?.onReconnect(() => void this.#reloadAll());
  }

  /** Catches up on updates other instances committed while the fan-out was away: they are all in the store. */
  async #reloadAll(): Promise<void> {
    for (const room of this.all()) {
      try {
        for (const update of await this.store.loadDocument(room.name)) room.applyFannedIn(update);
      } catch {
        // The store is away too: the next reconnect or a later load catches up.
      }
    }
  }

  /** Work off the message path (compaction, unloading): a failure is logged, never an unhandled rejection. */
  background(what: string, work: Promise<unknown>): void {
    work.catch((error: unknown) => this.options.log(`${what} failed: ${String(error)}`));
  }

  get size(): number {
    return this.#rooms.size;
  }

  /**
   * The room of a team's document, loaded if it is not in memory. With a fan-out, the room listens before it
   * loads, so nothing published while it loads is missed (updates apply in any order, and twice is harmless).
   */
  open(name: string): Promise<Room> {
    const open = this.#rooms.get(name);
    if (open) return Promise.resolve(open);
    let opening = this.#opening.get(name);
    if (!opening) {
      opening = (async () => {
        // A room being released may still be committing: load after that, so the store has it all.
        await this.committed(name);
        const early: Uint8Array[] = [];
        const stopEarly = this.fanOut ? await this.fanOut.subscribe(name, (update) => early.push(update)) : () => {};
        const room = new Room(name, this);
        let stored: Uint8Array[];
        try {
          stored = await this.store.loadDocument(name);
          room.load(stored);
          room.storedBytes = stored.reduce((bytes, update) => bytes + update.byteLength, 0);
          await this.#claimServerClient(room);
        } catch (error) {
          room.destroy();
          throw error;
        } finally {
          stopEarly();
        }
        for (const update of early) room.applyFannedIn(update);
        this.#rooms.set(name, room);
        this.#storedSince.set(room, stored.length);
        this.stats.documents = this.#rooms.size;
        // A long log (a crash before the last compaction) is merged now, in the background.
        if (stored.length >= this.options.compactAfterUpdates) this.background(`compacting ${name}`, this.compact(room));
        return room;
      })().finally(() => this.#opening.delete(name));
      this.#opening.set(name, opening);
    }
    return opening;
  }

  /** The server writes merges under its document's client id: one nobody else owns, owned by no user. */
  async #claimServerClient(room: Room): Promise<void> {
    for (;;) {
      await room.owners.claim([room.serverClient], SERVER_OWNER);
      if (room.owners.owner(room.serverClient) === SERVER_OWNER) return;
      room.serverClient = Math.floor(Math.random() * 2 ** 32);
    }
  }

  queue(room: Room, update: Uint8Array, origin: unknown, history: HistoryRow[] = []): void {
    this.#pending.push({ room, update, origin, history });
    this.#uncommitted.set(room.name, (this.#uncommitted.get(room.name) ?? 0) + 1);
    this.stats.updates++;
    if (!this.#committing) this.#startCommitting();
  }

  #startCommitting(): void {
    this.#committing = this.#commitLoop()
      .catch((error: unknown) => this.options.log(`commit loop failed: ${String(error)}`))
      .finally(() => {
        this.#committing = undefined;
        // Anything queued after the loop's last look goes in a new one.
        if (this.#pending.length > 0) this.#startCommitting();
      });
  }

  /** Commits batch after batch until nothing is pending; each batch is sent on only once it is durable. */
  async #commitLoop(): Promise<void> {
    // The first batch is what this message brought (committed at once: waiting for the other sockets' messages would
    // add their handling to this update's latency); whatever arrives while a commit is in flight forms the next one.
    await Promise.resolve();
    while (this.#pending.length > 0) {
      const batch = this.#pending;
      this.#pending = [];
      try {
        await this.store.appendUpdates(batch.map(({ room, update, history }) => ({ name: room.name, update, history })));
        this.stats.commits++;
      } catch (error) {
        // Nothing of the batch is sent. The rooms are dropped from memory unwritten, so the store is the truth
        // again; their clients reconnect and send what the store lacks in their sync step.
        for (const room of new Set(batch.map((b) => b.room))) this.options.onCommitFailure(room, error);
        for (const { room } of batch) this.#settled(room.name);
        continue;
      }
      for (const { room, update, origin } of batch) {
        this.#storedSince.set(room, (this.#storedSince.get(room) ?? 0) + 1);
        room.storedBytes += update.byteLength;
        const message = updateMessage(update);
        for (const member of room.members) if (member !== origin) member.send(message);
        this.fanOut?.publishUpdate(room.name, update);
        this.#settled(room.name);
      }
      for (const room of new Set(batch.map((b) => b.room))) {
        if ((this.#storedSince.get(room) ?? 0) >= this.options.compactAfterUpdates)
          this.background(`compacting ${room.name}`, this.compact(room));
      }
    }
  }

  /** One update of the document is committed and sent on (or dropped with a failed batch). */
  #settled(name: string): void {
    const left = (this.#uncommitted.get(name) ?? 1) - 1;
    if (left > 0) {
      this.#uncommitted.set(name, left);
      return;
    }
    this.#uncommitted.delete(name);
    const waiting = this.#waiting.get(name) ?? [];
    this.#waiting.delete(name);
    for (const resolve of waiting) resolve();
  }

  /**
   * Resolves at a moment when nothing of the document (or, without a name, of any document) waits to be committed:
   * its state in memory is then exactly what is stored. Per document, so a busy team does not hold up another's
   * answers.
   */
  async committed(name?: string): Promise<void> {
    if (name === undefined) {
      while (this.#committing) await this.#committing;
      return;
    }
    if (!this.#uncommitted.has(name)) return;
    await new Promise<void>((resolve) => {
      const waiting = this.#waiting.get(name) ?? [];
      waiting.push(resolve);
      this.#waiting.set(name, waiting);
    });
  }

  /**
   * Merges the room's stored log into one update, off the message path. The room's memory is the merged state once
   * nothing of it waits to be committed, so the store is offered that instead of merging its log again (reading and
   * applying a thousand updates stalled every client of the server for a tenth of a second).
   */
  async compact(room: Room): Promise<void> {
    this.#storedSince.set(room, 0);
    // Looped: an update applied after the wait resolved would be in memory and not in the store yet.
    while (this.#uncommitted.has(room.name)) await this.committed(room.name);
    const state = this.#rooms.get(room.name) === room ? room.storedState() : undefined;
    await this.store.compact(room.name, state);
    // The merged log is about the document's state in size, whichever way the store merged it.
    if (state) room.storedBytes = state.byteLength;
  }

  /** Called when a member left: an empty room is compacted and leaves memory. */
  async release(room: Room): Promise<void> {
    if (room.members.size > 0 || this.#rooms.get(room.name) !== room) return;
    this.#rooms.delete(room.name);
    this.stats.documents = this.#rooms.size;
    await this.committed(room.name);
    // Reopened meanwhile: the new room has loaded (and may have appended) more than this one holds.
    const alone = !this.#rooms.has(room.name) && !this.#opening.has(room.name);
    // Called before any other await: a document opened after this line loads what this compaction leaves.
    const compacted = this.store.compact(room.name, alone ? room.storedState() : undefined);
    room.destroy();
    // A connection for the same team may have opened the document again meanwhile: its subscription stays.
    await Promise.all([compacted, this.fanOut && alone ? this.fanOut.unsubscribe(room.name) : undefined]);
  }

  /** A room whose stored state did not apply: logged, its connections closed (they reconnect), dropped. */
  unloadable(room: Room, error: unknown): void {
    this.options.log(`stored document of team ${room.name} does not load: ${String(error)}; its connections are closed`);
    for (const member of [...room.members]) member.close(CLOSE.INTERNAL, 'document unavailable; reconnect');
    this.discard(room);
  }

  /** Drops a room without writing anything (after a failed commit). */
  discard(room: Room): void {
    if (this.#rooms.get(room.name) === room) this.#rooms.delete(room.name);
    for (const dropped of this.#pending.filter((p) => p.room === room)) this.#settled(dropped.room.name);
    this.#pending = this.#pending.filter((p) => p.room !== room);
    this.stats.documents = this.#rooms.size;
    room.destroy();
    if (this.fanOut && !this.#opening.has(room.name)) this.background(`unsubscribing ${room.name}`, this.fanOut.unsubscribe(room.name));
  }

  /** The team document's records: from memory when it is open, else read from the store (and not kept). */
  async entitiesOf(name: string): Promise<TeamRead[]> {
    const room = this.#rooms.get(name);
    if (room) return readTeamEntities(room.doc);
    const doc = new Y.Doc();
    try {
      for (const update of await this.store.loadDocument(name)) Y.applyUpdate(doc, update);
      return readTeamEntities(doc);
    } finally {
      doc.destroy();
    }
  }

  all(): Room[] {
    return [...this.#rooms.values()];
  }
}
