/**
 * One client connection speaking the y-websocket protocol to its team's room. Every frame is parsed before it is
 * acted on; a frame that is not a message of the protocol closes this connection only (1007), with the reason.
 * A readonly user's document updates are dropped (counted), its presence is shared; a connection speaks only for its
 * own presence (presence.ts). Updates beyond the rate limit close the connection (1008) without being applied: the
 * client sends them again in its sync step on reconnect. An update whose dependencies have not arrived waits with the
 * connection (pending.ts), never in the room's document, and is applied by the room once they have.
 */
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { TeamRole } from '#core';
import { TokenBucket } from './limits.ts';
import { PendingUpdates, needsMet, type PendingLimits } from './pending.ts';
import { ownPresence } from './presence.ts';
import { PresenceThrottle } from './presence-rate.ts';
import {
  CLOSE,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  awarenessMessage,
  syncMessage,
} from './protocol.ts';
import type { Member, Room, Rooms } from './rooms.ts';
import { newlyWritten, shapeOf } from './update-shape.ts';

export type Principal = { team: string; user: string; jti: string; role: TeamRole; expiresAt: number; address: string };

export type PeerStats = { readonlyDropped: number; malformed: number; rateLimited: number };

export type PeerLimits = {
  updatesPerSecond: number;
  updateBurst: number;
  teamQuotaBytes: number;
  pending: PendingLimits;
  presencePerSecond: number;
  presencePerUserPerSecond: number;
};

/** What the server hears of a connection: an update refused as another user's (for the audit trail). */
export type PeerEvents = { refused(reason: string): void };

/** A reason fits in a close frame (123 bytes of UTF-8). */
function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1);
  return reason;
}

/** Frames held while the client ids of an update are registered in the store (a round trip); more closes. */
const MAX_HELD_BYTES = 16 * 1024 * 1024;

/** Past this many bytes waiting to be sent, a client is too slow to keep up and is closed (it resyncs later). */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

export class Peer implements Member {
  readonly awarenessClients = new Set<number>();
  readonly openedAt = Date.now();
  readonly pending: PendingUpdates;
  #pendingTimer: NodeJS.Timeout | undefined;
  /** Frames that arrived while an update waited for its client ids to be claimed: handled after it, in order. */
  #held: Buffer[] | undefined;
  #heldBytes = 0;
  #bucket: TokenBucket;
  readonly #presence: PresenceThrottle;
  #closed = false;
  #alive = true;

  constructor(
    readonly ws: WebSocket,
    readonly room: Room,
    private readonly rooms: Rooms,
    public principal: Principal,
    private readonly limits: PeerLimits,
    private readonly stats: PeerStats,
    private readonly events: PeerEvents = { refused: () => {} },
  ) {
    this.#bucket = new TokenBucket(limits.updatesPerSecond, limits.updateBurst, this.openedAt);
    this.pending = new PendingUpdates(limits.pending);
    this.#presence = new PresenceThrottle(
      new TokenBucket(limits.presencePerSecond, limits.presencePerSecond, this.openedAt),
      room.presenceBucketOf(
        principal.user,
        () => new TokenBucket(limits.presencePerUserPerSecond, limits.presencePerUserPerSecond, this.openedAt),
      ),
      Math.ceil(1000 / Math.min(limits.presencePerSecond, limits.presencePerUserPerSecond)),
      (update) => applyAwarenessUpdate(this.room.awareness, update, this),
    );
    ws.on('message', (data, isBinary) => this.#receive(data, isBinary));
    ws.on('pong', () => {
      this.#alive = true;
    });
    room.members.add(this);
    room.afterBuild(() => this.send(syncMessage(SYNC_STEP1, Y.encodeStateVector(room.doc))));
    const present = [...room.awareness.getStates().keys()];
    if (present.length > 0) this.send(awarenessMessage(encodeAwarenessUpdate(room.awareness, present)));
  }

  /** `written`: called once the frame is handed to the operating system (not if it is not sent). */
  send(message: Uint8Array, written?: () => void): void {
    if (this.#closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CLOSE.POLICY, 'client too slow to receive updates');
      return;
    }
    this.ws.send(message, written);
  }

  close(code: number, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#pendingTimer);
    this.#presence.stop();
    this.room.waiting.delete(this);
    this.pending.clear();
    this.ws.close(code, closeReason(reason));
    // A peer that does not answer the close handshake is cut off.
    setTimeout(() => this.ws.terminate(), 2_000).unref();
  }

  /** For the keep-alive timer: false when the last ping got no pong (then the connection is ended). */
  ping(): boolean {
    if (!this.#alive) return false;
    this.#alive = false;
    if (this.ws.readyState === this.ws.OPEN) this.ws.ping();
    return true;
  }

  get closed(): boolean {
    return this.#closed;
  }

  #receive(data: unknown, isBinary: boolean): void {
    if (this.#closed) return;
    if (!isBinary || !(data instanceof Buffer)) {
      this.#malformed('a text frame; the protocol is binary');
      return;
    }
    if (this.#held) {
      this.#heldBytes += data.byteLength;
      if (this.#heldBytes > MAX_HELD_BYTES) this.close(CLOSE.POLICY, 'message rate limit exceeded');
      else this.#held.push(data);
      return;
    }
    this.#process(data);
  }

  #process(data: Buffer): void {
    const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    try {
      this.#handle(decoding.createDecoder(message));
    } catch (error) {
      this.#malformed(error instanceof Error ? error.message : String(error));
    }
  }

  #handle(decoder: decoding.Decoder): void {
    // Every message costs a token, not only updates: presence and sync requests can load the server too.
    if (!this.#bucket.take(Date.now())) {
      this.stats.rateLimited++;
      this.close(CLOSE.POLICY, 'message rate limit exceeded');
      return;
    }
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        end(decoder);
        if (step === SYNC_STEP1) this.#answerStep1(Y.decodeStateVector(payload) && payload);
        else if (step === SYNC_STEP2 || step === SYNC_UPDATE) this.#update(payload);
        else throw new Error(`unknown sync step ${step}`);
        return;
      }
      case MESSAGE_AWARENESS: {
        const payload = decoding.readVarUint8Array(decoder);
        end(decoder);
        const { awareness } = this.room;
        const own = ownPresence(payload, this.awarenessClients, {
          clockOf: (id) => awareness.meta.get(id)?.clock ?? 0,
          present: (id) => awareness.getStates().has(id),
          takeOver: (id) => this.#takeOver(id),
        });
        const refused = own.ok ? own.update && this.#presence.offer(own.update, this.awarenessClients) : own.reason;
        if (refused) this.close(CLOSE.POLICY, refused);
        return;
      }
      case MESSAGE_QUERY_AWARENESS: {
        end(decoder);
        const present = [...this.room.awareness.getStates().keys()];
        this.send(awarenessMessage(encodeAwarenessUpdate(this.room.awareness, present)));
        return;
      }
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  /**
   * A client id another connection of the same user holds passes to this one: the user reconnected before the server
   * noticed the old connection was gone (a laptop waking up), and its presence would otherwise be skipped until then.
   */
  #takeOver(id: number): boolean {
    for (const member of this.room.members) {
      if (member !== this && member instanceof Peer && member.principal.user === this.principal.user && member.awarenessClients.delete(id))
        return true;
    }
    return false;
  }

  /** `stateVector` was decoded once already (#handle): a malformed one closed the connection there. */
  #answerStep1(stateVector: Uint8Array): void {
    // What is pending for this document is committed first: the answer may send it to this client.
    this.rooms
      .committed(this.room.name)
      .then(() => {
        if (this.#closed) return;
        // A staged room builds its document once the answer is written, while the client applies it.
        this.send(this.room.answerStep1(stateVector), () => this.room.build());
      })
      .catch((error: unknown) => this.#malformed(error instanceof Error ? error.message : String(error)));
  }

  #update(update: Uint8Array): void {
    if (this.principal.role === 'readonly') {
      this.stats.readonlyDropped++;
      return;
    }
    const shape = shapeOf(update);
    const written = newlyWritten(shape, this.room.stateOf);
    // Over the team's quota nothing is added; deleting (which frees space at the next compaction) goes on.
    if (written.length > 0 && this.room.storedBytes + update.byteLength > this.limits.teamQuotaBytes) {
      this.close(
        CLOSE.POLICY,
        `team storage quota of ${this.limits.teamQuotaBytes} bytes reached: nothing more can be written, reading goes on`,
      );
      return;
    }
    // Structs under a client id are its owner's alone; the first user to write under one owns it.
    const presenceHolder = (client: number) => {
      for (const member of this.room.members)
        if (member instanceof Peer && member.awarenessClients.has(client)) return member.principal.user;
      return undefined;
    };
    const owned = this.room.owners.check(written, this.principal.user, presenceHolder);
    if (!owned.ok) {
      this.events.refused(owned.reason);
      this.close(CLOSE.POLICY, owned.reason);
      return;
    }
    if (owned.unknown.length > 0) {
      this.#claimThenUpdate(owned.unknown, update);
      return;
    }
    if (needsMet(shape.needs, this.room.stateOf)) {
      this.room.applyClientUpdate(update, this);
      // Nothing may be parked by Yjs now; if something was (a case the shape missed), it is dropped, not kept.
      if (this.room.parkedBytes() > 0) {
        this.room.dropParked();
        this.close(CLOSE.POLICY, 'updates whose dependencies never arrived');
      }
      return;
    }
    // Its dependencies have not arrived (they normally follow at once): it waits here, apart from the document.
    const over = this.pending.add(update, shape.needs, Date.now());
    if (over) {
      this.close(CLOSE.POLICY, over);
      return;
    }
    this.room.waiting.add(this);
    this.#armPendingTimer();
  }

  /** Claims new client ids in the store, then handles the update and the frames that came meanwhile, in order. */
  #claimThenUpdate(clients: number[], update: Uint8Array): void {
    this.#held = [];
    this.#heldBytes = 0;
    this.room.owners.claim(clients, this.principal.user).then(
      () => {
        if (this.#closed) return;
        const held = this.#held ?? [];
        this.#held = undefined;
        try {
          this.#update(update);
        } catch (error) {
          this.#malformed(error instanceof Error ? error.message : String(error));
        }
        while (held.length > 0 && !this.#held && !this.#closed) this.#process(held.shift()!);
        // Another update of them waits for its own claim: the rest stays behind it.
        const again = this.#held as Buffer[] | undefined;
        again?.unshift(...held);
      },
      () => this.close(CLOSE.INTERNAL, 'storage failure; reconnect'),
    );
  }

  /** Closes the connection when its oldest waiting update is past the age limit. */
  #armPendingTimer(): void {
    if (this.#pendingTimer || this.#closed) return;
    const expiresAt = this.pending.expiresAt();
    if (expiresAt === undefined) return;
    this.#pendingTimer = setTimeout(
      () => {
        this.#pendingTimer = undefined;
        const due = this.pending.expiresAt();
        if (due !== undefined && due <= Date.now()) this.close(CLOSE.POLICY, 'updates whose dependencies never arrived');
        else this.#armPendingTimer();
      },
      Math.max(0, expiresAt - Date.now()),
    );
    this.#pendingTimer.unref();
  }

  waitingFailed(error: unknown): void {
    this.#malformed(error instanceof Error ? error.message : String(error));
  }

  #malformed(why: string): void {
    this.stats.malformed++;
    this.close(CLOSE.MALFORMED, `malformed message: ${why}`);
  }
}

function end(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the message');
}
