/**
 * A connection's updates whose dependencies have not arrived, kept apart from the room's document. Yjs would park
 * them in the document and merge the whole parked buffer again on every update (80 ms a frame near 4 MiB, for
 * every team of the server); here each waits with its needs (update-shape.ts) and is checked against the room's
 * state when that advances, at a cost of one comparison per entry (a cursor past the needs already met). Bounded in
 * count, bytes and age: beyond any bound the connection is closed (1008); its client sends them again, with what they
 * need, in the sync step of its next connection (docs/adr/0008-pending-updates-apart.md).
 */
export type PendingLimits = { maxUpdates: number; maxBytes: number; maxAgeMs: number };

type Entry = { update: Uint8Array; needs: [number, number][]; met: number; at: number };

export class PendingUpdates {
  #entries: Entry[] = [];
  #bytes = 0;

  constructor(readonly limits: PendingLimits) {}

  get size(): number {
    return this.#entries.length;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Keeps the update; the reason to close the connection when a bound is exceeded (then nothing is kept). */
  add(update: Uint8Array, needs: [number, number][], now: number): string | undefined {
    if (this.#entries.length + 1 > this.limits.maxUpdates)
      return `more than ${this.limits.maxUpdates} updates waiting for their dependencies`;
    if (this.#bytes + update.byteLength > this.limits.maxBytes)
      return `more than ${this.limits.maxBytes} bytes of updates waiting for their dependencies`;
    this.#entries.push({ update, needs, met: 0, at: now });
    this.#bytes += update.byteLength;
    return undefined;
  }

  /** Removes and returns, oldest first, the updates whose needs the state now meets. */
  takeSatisfied(stateOf: (client: number) => number): Uint8Array[] {
    const ready: Uint8Array[] = [];
    this.#entries = this.#entries.filter((entry) => {
      while (entry.met < entry.needs.length) {
        const [client, clock] = entry.needs[entry.met]!;
        if (stateOf(client) < clock) return true;
        entry.met++;
      }
      ready.push(entry.update);
      this.#bytes -= entry.update.byteLength;
      return false;
    });
    return ready;
  }

  /** When the oldest entry passes its age limit (ms since the epoch), or undefined when nothing waits. */
  expiresAt(): number | undefined {
    const oldest = this.#entries[0];
    return oldest && oldest.at + this.limits.maxAgeMs;
  }

  clear(): void {
    this.#entries = [];
    this.#bytes = 0;
  }
}

/** True when every need is met by the state. */
export function needsMet(needs: [number, number][], stateOf: (client: number) => number): boolean {
  return needs.every(([client, clock]) => stateOf(client) >= clock);
}
