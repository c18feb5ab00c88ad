/**
 * Which user each Yjs client id of a team's document belongs to: the first user whose connection writes under it.
 * Structs under a client id (items, GC and skip ranges) are only ever that user's to add; deleting anyone's content
 * stays allowed (a delete set is editing). Without this, one forged frame under a colleague's client id, at the
 * clock of the colleague's offline edit, took that edit's place on the server and in the colleague's own copy. The
 * mapping is in the store (claimed atomically, so two instances agree) and cached per room; a client id someone
 * else announced as their presence cannot be claimed (presence shows every client id before its first write).
 */
import * as z from 'zod';
import type { DocumentStore } from './persistence/store.ts';

/** The owner of the server's own client id (merges of concurrently created records): no account id looks like it. */
export const SERVER_OWNER = '(server)';

export const ClientId = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export type OwnershipCheck = { ok: true; unknown: number[] } | { ok: false; reason: string };

export class ClientOwners {
  readonly #owners = new Map<number, string>();

  constructor(
    private readonly store: Pick<DocumentStore, 'claimClients'>,
    readonly doc: string,
  ) {}

  /**
   * `clients`: the client ids an update adds structs under. Refused when one belongs to someone else, or is held as
   * presence by someone else (`presenceHolder`); otherwise the ids still to claim (none: go ahead).
   */
  check(clients: number[], user: string, presenceHolder: (client: number) => string | undefined): OwnershipCheck {
    const unknown: number[] = [];
    for (const client of clients) {
      const owner = this.#owners.get(client);
      if (owner === undefined) {
        const holder = presenceHolder(client);
        if (holder !== undefined && holder !== user) return { ok: false, reason: `client id ${client} is another user's` };
        unknown.push(client);
      } else if (owner !== user) {
        return { ok: false, reason: `client id ${client} is another user's` };
      }
    }
    return { ok: true, unknown };
  }

  /** Claims the ids for the user where nobody has; afterwards every one of them has a known owner. */
  async claim(clients: number[], user: string): Promise<void> {
    const owners = await this.store.claimClients(
      this.doc,
      user,
      clients.map((c) => ClientId.parse(c)),
    );
    for (const client of clients) {
      const owner = owners.get(client);
      if (owner === undefined) throw new Error(`the store kept no owner for client id ${client}`);
      this.#owners.set(client, owner);
    }
  }

  owner(client: number): string | undefined {
    return this.#owners.get(client);
  }
}

/** A row of the ownership table, as a store reads it back. */
export const OwnerRow = z.object({ client: z.coerce.number().pipe(ClientId), owner: z.string().min(1) });
