/**
 * One client connection speaking the y-websocket protocol to its team's room. Every frame is parsed before it is
 * acted on; a frame that is not a message of the protocol closes this connection only (1007), with the reason.
 * A readonly user's document updates are dropped (counted), its presence is shared; a connection speaks only for its
 * own presence (presence.ts). Updates beyond the rate limit close the connection (1008) without being applied: the
 * client sends them again in its sync step on reconnect.
 */
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { TeamRole } from '#core';
import { TokenBucket } from './limits.ts';
import { ownPresence } from './presence.ts';
import {
  CLOSE, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC, SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE, awarenessMessage, syncMessage,
} from './protocol.ts';
import type { Member, Room, Rooms } from './rooms.ts';

export type Principal = { team: string; user: string; jti: string; role: TeamRole; expiresAt: number; address: string };

export type PeerStats = { readonlyDropped: number; malformed: number; rateLimited: number };

/** A reason fits in a close frame (123 bytes of UTF-8). */
function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1);
  return reason;
}

/** Updates parked for missing dependencies, at most (a legitimate client's fill in within a message or two). */
const MAX_PARKED_BYTES = 4 * 1024 * 1024;

/** Past this many bytes waiting to be sent, a client is too slow to keep up and is closed (it resyncs later). */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

export class Peer implements Member {
  readonly awarenessClients = new Set<number>();
  readonly openedAt = Date.now();
  #bucket: TokenBucket;
  #closed = false;
  #alive = true;

  constructor(
    readonly ws: WebSocket,
    readonly room: Room,
    private readonly rooms: Rooms,
    public principal: Principal,
    limits: { updatesPerSecond: number; updateBurst: number },
    private readonly stats: PeerStats,
  ) {
    this.#bucket = new TokenBucket(limits.updatesPerSecond, limits.updateBurst, this.openedAt);
    ws.on('message', (data, isBinary) => this.#receive(data, isBinary));
    ws.on('pong', () => {
      this.#alive = true;
    });
    room.members.add(this);
    this.send(syncMessage(SYNC_STEP1, Y.encodeStateVector(room.doc)));
    const present = [...room.awareness.getStates().keys()];
    if (present.length > 0) this.send(awarenessMessage(encodeAwarenessUpdate(room.awareness, present)));
  }

  send(message: Uint8Array): void {
    if (this.#closed || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CLOSE.POLICY, 'client too slow to receive updates');
      return;
    }
    this.ws.send(message);
  }

  close(code: number, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
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
        if (!own.ok) this.close(CLOSE.POLICY, own.reason);
        else if (own.update) applyAwarenessUpdate(awareness, own.update, this);
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
      if (member !== this && member instanceof Peer && member.principal.user === this.principal.user && member.awarenessClients.delete(id)) return true;
    }
    return false;
  }

  /** `stateVector` was decoded once already (#handle): a malformed one closed the connection there. */
  #answerStep1(stateVector: Uint8Array): void {
    // What is pending for this document is committed first: the answer may send it to this client.
    this.rooms.committed(this.room.name).then(() => {
      if (this.#closed) return;
      this.send(syncMessage(SYNC_STEP2, this.room.encodeStored(stateVector)));
    }).catch((error: unknown) => this.#malformed(error instanceof Error ? error.message : String(error)));
  }

  #update(update: Uint8Array): void {
    if (this.principal.role === 'readonly') {
      this.stats.readonlyDropped++;
      return;
    }
    this.room.applyClientUpdate(update, this);
    // Yjs parks an update whose dependencies have not arrived yet (they normally follow at once). Parked data is
    // neither stored nor sent; a client that keeps sending what never fits is closed before it fills memory.
    if (this.room.parkedBytes() > MAX_PARKED_BYTES) {
      this.room.dropParked();
      this.close(CLOSE.POLICY, 'updates whose dependencies never arrived');
    }
  }

  #malformed(why: string): void {
    this.stats.malformed++;
    this.close(CLOSE.MALFORMED, `malformed message: ${why}`);
  }
}

function end(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the message');
}
