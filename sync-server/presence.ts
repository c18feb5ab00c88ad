/**
 * Presence (y-protocols awareness) from one connection, filtered before the room applies it. A connection speaks only
 * for the client ids it introduced: entries about any id another holder has (a colleague here, or on another instance)
 * are skipped, so nobody can change or remove a colleague's presence (the caller lets a user's new connection take
 * over from that user's old one). They are skipped without complaint, because the y-websocket client echoes every
 * presence change it sees — others' states, their timeouts — back to the server.
 * Presence costs memory and is sent to everyone in the team: a connection may hold at most MAX_PRESENCE_IDS ids (a
 * real client holds one), each state at most MAX_PRESENCE_STATE_BYTES; beyond either the connection is closed (1008).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MAX_PRESENCE_IDS = 4;
export const MAX_PRESENCE_STATE_BYTES = 16 * 1024;

export type OwnPresence =
  /** What the room may apply: this connection's own entries, re-encoded byte for byte; undefined when none is left. */
  { ok: true; update: Uint8Array | undefined } | { ok: false; reason: string };

/** What the room's presence holds now, and the one way to take over an id someone holds. */
export interface PresenceHeld {
  /** The clock of the id's last entry (kept after its state is removed), 0 if never seen. */
  clockOf(id: number): number;
  /** Someone's presence is under the id now. */
  present(id: number): boolean;
  /** The id passes to this connection if its holder is the same user's old connection (a reconnect): true if so. */
  takeOver(id: number): boolean;
}

const NULL_STATE = new TextEncoder().encode('null');
const isRemoval = (state: Uint8Array) => state.byteLength === NULL_STATE.byteLength && state.every((b, i) => b === NULL_STATE[i]);

/**
 * `owned`: the ids this connection introduced. Entries y-protocols would ignore anyway (an older or equal clock: the
 * echoes) are dropped first, so they neither count nor take anything over. A malformed update throws (the caller closes
 * with 1007); the JSON of each state is parsed later, by y-protocols.
 */
export function ownPresence(update: Uint8Array, owned: ReadonlySet<number>, held: PresenceHeld): OwnPresence {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { id: number; clock: number; state: Uint8Array }[] = [];
  const claimed = new Set<number>();
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    // A varString is a varUint8Array of UTF-8: read as bytes, its size is known before anything is decoded.
    const state = decoding.readVarUint8Array(decoder);
    if (state.byteLength > MAX_PRESENCE_STATE_BYTES) {
      return { ok: false, reason: `presence state over ${MAX_PRESENCE_STATE_BYTES} bytes` };
    }
    const removal = isRemoval(state);
    const current = held.clockOf(id);
    if (!(clock > current || (clock === current && removal && held.present(id)))) continue;
    if (!owned.has(id)) {
      if (held.present(id) ? !held.takeOver(id) : removal) continue;
      claimed.add(id);
    }
    kept.push({ id, clock, state });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the presence update');
  if (owned.size + claimed.size > MAX_PRESENCE_IDS) {
    return { ok: false, reason: `more than ${MAX_PRESENCE_IDS} presence states on one connection` };
  }
  if (kept.length === 0) return { ok: true, update: undefined };
  if (kept.length === count) return { ok: true, update };
  return {
    ok: true,
    update: encoding.encode((encoder) => {
      encoding.writeVarUint(encoder, kept.length);
      for (const { id, clock, state } of kept) {
        encoding.writeVarUint(encoder, id);
        encoding.writeVarUint(encoder, clock);
        encoding.writeVarUint8Array(encoder, state);
      }
    }),
  };
}
