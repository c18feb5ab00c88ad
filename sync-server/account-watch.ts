/**
 * Account changes made by the account commands, on any instance, reach open connections: the store's change mark is
 * polled, and when it moved (or a token expired) every affected connection is checked again — closed when its right
 * was withdrawn, given its current role otherwise. The mark advances only once every check succeeded, so a failed
 * check is tried again at the next poll.
 */
import { recheck } from './auth.ts';
import type { ServerEventBus } from './events.ts';
import type { Peer } from './peer.ts';
import type { AccountStore } from './persistence/store.ts';
import { CLOSE } from './protocol.ts';

export class AccountWatch {
  #mark = '';
  #timer: NodeJS.Timeout | undefined;
  #polling = false;

  constructor(
    private readonly accounts: AccountStore,
    private readonly peers: () => Iterable<Peer>,
    private readonly events: ServerEventBus,
  ) {}

  async start(intervalMs: number): Promise<void> {
    this.#mark = await this.accounts.changeMark();
    this.#timer = setInterval(() => this.poll(), intervalMs);
  }

  /** The change mark as last seen; a connection admitted under an older one is checked at once (see checkIfMoved). */
  get mark(): string {
    return this.#mark;
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** Accounts changed since `markSeen` (the connection's admission): check that connection now. */
  async checkIfMoved(peer: Peer, markSeen: string): Promise<void> {
    if (this.#mark !== markSeen) await this.check(peer, Date.now());
  }

  private poll(): void {
    if (this.#polling) return;
    this.#polling = true;
    void (async () => {
      const now = Date.now();
      const moved = await this.accounts.changeMark();
      const changed = moved !== this.#mark;
      for (const peer of this.peers()) {
        if (!changed && now < peer.principal.expiresAt) continue;
        await this.check(peer, now);
      }
      this.#mark = moved;
    })()
      .catch((error: unknown) => this.events.problem(`account check failed: ${String(error)}`))
      .finally(() => {
        this.#polling = false;
      });
  }

  private async check(peer: Peer, now: number): Promise<void> {
    const still = await recheck(peer.principal, this.accounts, now);
    if (!still.ok) peer.close(CLOSE.WITHDRAWN, still.reason);
    else peer.principal = { ...peer.principal, role: still.role };
  }
}
