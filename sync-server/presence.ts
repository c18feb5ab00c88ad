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
  | { ok: true; update: Uint8Array | undefined }
  | { ok: false; reason: string };

/**
 * `owned`: the ids this connection introduced; `heldElsewhere(id)`: someone else's presence is under that id. A
 * malformed update throws (the caller closes with 1007); the JSON of each state is parsed later, by y-protocols.
 */
export function ownPresence(update: Uint8Array, owned: ReadonlySet<number>, heldElsewhere: (id: number) => boolean): OwnPresence {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { id: number; clock: number; state: Uint8Array }[] = [];
  const introduced = new Set<number>();
  for (let i = 0; i < count; i++) {
    const id = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    // A varString is a varUint8Array of UTF-8: read as bytes, its size is known before anything is decoded.
    const state = decoding.readVarUint8Array(decoder);
    if (state.byteLength > MAX_PRESENCE_STATE_BYTES) {
      return { ok: false, reason: `presence state over ${MAX_PRESENCE_STATE_BYTES} bytes` };
    }
    if (!owned.has(id)) {
      if (heldElsewhere(id)) continue;
      introduced.add(id);
    }
    kept.push({ id, clock, state });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the presence update');
  if (owned.size + introduced.size > MAX_PRESENCE_IDS) {
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
