/**
 * The late join's fast path, per room. A client with nothing yet (an empty state vector) is sent the document's whole
 * stored state, kept here as one ready sync step 2 frame until the document changes: joiners after the first cost no
 * encoding and no copy. A client with part of the document gets the diff against its state vector, encoded each time.
 *
 * A room opened from one stored row (its log compacted at the last unload) holds that row staged: the first joiners
 * are sent it as it is, and the room builds its document only once the first answer is out (or anything needs the
 * document first, or after STAGED_AT_MOST_MS). The joiner's applying and the server's loading then overlap, instead of
 * the joiner waiting for the server to apply the state and encode it again.
 */
import * as Y from 'yjs';
import { SYNC_STEP2, syncMessage } from './protocol.ts';

/** A staged state is applied at the latest this long after the room opened, even if no joiner asked for it. */
const STAGED_AT_MOST_MS = 250;

/** What an empty Y.Doc sends; a state vector naming clients, all at clock 0, asks for everything too. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  if (stateVector.byteLength === 1 && stateVector[0] === 0) return true;
  for (const clock of Y.decodeStateVector(stateVector).values()) if (clock > 0) return false;
  return true;
}

type Whole = { frame: Uint8Array; state: Uint8Array };

function whole(state: Uint8Array): Whole {
  const frame = syncMessage(SYNC_STEP2, state);
  return { frame, state: frame.subarray(frame.byteLength - state.byteLength) };
}

export class JoinAnswers {
  #whole: Whole | undefined;
  #staged: { state: Uint8Array; build(state: Uint8Array): void; timer: NodeJS.Timeout } | undefined;
  #afterBuild: (() => void)[] = [];

  /** `encode(stateVector)`: the document's stored state as an update for a client with that state vector. */
  constructor(private readonly encode: (stateVector: Uint8Array) => Uint8Array) {}

  /** `state` is the whole document as stored; `build(state)` applies it to the document, later (see above). */
  stage(state: Uint8Array, build: (state: Uint8Array) => void): void {
    this.#whole = whole(state);
    const timer = setTimeout(() => this.build(), STAGED_AT_MOST_MS);
    timer.unref();
    this.#staged = { state, build, timer };
  }

  /** Applies a staged state now (idempotent); then runs what waited for the document. */
  build(): void {
    const staged = this.#staged;
    if (staged) {
      this.#staged = undefined;
      clearTimeout(staged.timer);
      staged.build(staged.state);
    }
    const waiting = this.#afterBuild;
    this.#afterBuild = [];
    for (const run of waiting) run();
  }

  /** Runs `work` once the document is built: at once, unless a stored state is staged. */
  afterBuild(work: () => void): void {
    if (this.#staged) this.#afterBuild.push(work);
    else work();
  }

  /** The document changed: the whole-state frame is stale. */
  invalidate(): void {
    this.#whole = undefined;
  }

  /** The whole stored state as one update (kept). */
  wholeState(): Uint8Array {
    return (this.#whole ??= whole(this.encode(new Uint8Array([0])))).state;
  }

  /** The sync step 2 frame for a client with `stateVector`. */
  answer(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return syncMessage(SYNC_STEP2, this.encode(stateVector));
    return (this.#whole ??= whole(this.encode(new Uint8Array([0])))).frame;
  }

  /** The room is going away: nothing staged is built any more. */
  stop(): void {
    if (this.#staged) clearTimeout(this.#staged.timer);
    this.#staged = undefined;
    this.#afterBuild = [];
  }
}
