/**
 * Presence is sent to everyone in the team, so its rate is limited twice: per connection and per user (all the
 * user's connections in the room together). What comes faster is not refused but coalesced: the latest entry of
 * each client id waits and goes out as one update when both buckets allow — a cursor that moves 1,000 times a second
 * still shows where it stopped, and the team receives a few presence messages a second instead of thousands.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { TokenBucket } from './limits.ts';
import { MAX_PRESENCE_IDS } from './presence.ts';

type Entry = { clock: number; state: Uint8Array };

function entriesOf(update: Uint8Array): [number, Entry][] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  return Array.from({ length: count }, () => {
    const id = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    return [id, { clock, state: decoding.readVarUint8Array(decoder) }];
  });
}

export class PresenceThrottle {
  readonly #waiting = new Map<number, Entry>();
  #timer: NodeJS.Timeout | undefined;

  /** `retryMs`: how soon a coalesced update tries again; `apply` hands an update to the room. */
  constructor(
    private readonly connection: TokenBucket,
    private readonly user: TokenBucket,
    private readonly retryMs: number,
    private readonly apply: (update: Uint8Array) => void,
  ) {}

  /**
   * An update already filtered to the connection's own ids (presence.ts). `owned`: the ids the room has applied for
   * this connection; together with those waiting they stay within MAX_PRESENCE_IDS, else the reason to close.
   */
  offer(update: Uint8Array, owned: ReadonlySet<number>, now = Date.now()): string | undefined {
    if (this.#waiting.size === 0 && this.#take(now)) {
      this.apply(update);
      return undefined;
    }
    for (const [id, entry] of entriesOf(update)) {
      const before = this.#waiting.get(id);
      if (!before || entry.clock >= before.clock) this.#waiting.set(id, entry);
    }
    const ids = new Set([...owned, ...this.#waiting.keys()]);
    if (ids.size > MAX_PRESENCE_IDS) return `more than ${MAX_PRESENCE_IDS} presence states on one connection`;
    this.#timer ??= setTimeout(() => this.#flush(), this.retryMs);
    return undefined;
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#waiting.clear();
  }

  #take(now: number): boolean {
    if (!this.connection.ready(now) || !this.user.ready(now)) return false;
    return this.connection.take(now) && this.user.take(now);
  }

  #flush(): void {
    this.#timer = undefined;
    if (this.#waiting.size === 0) return;
    if (!this.#take(Date.now())) {
      this.#timer = setTimeout(() => this.#flush(), this.retryMs);
      return;
    }
    const update = encoding.encode((encoder) => {
      encoding.writeVarUint(encoder, this.#waiting.size);
      for (const [id, { clock, state }] of this.#waiting) {
        encoding.writeVarUint(encoder, id);
        encoding.writeVarUint(encoder, clock);
        encoding.writeVarUint8Array(encoder, state);
      }
    });
    this.#waiting.clear();
    this.apply(update);
  }
}
