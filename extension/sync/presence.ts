/**
 * Who on the team is looking at which entity now (Yjs awareness). Each browser publishes one state: its user and
 * the entity keys shown in its tabs. Other clients' states arrive from the network and are parsed like any input —
 * a malformed one is ignored, never shown.
 */
import * as z from 'zod';
import { AccountId } from '#core';

/** At most this many entity keys are published (one per open entity tab; more tabs are rare and add nothing). */
export const MAX_VIEWING = 50;

export const Presence = z.object({
  user: AccountId,
  viewing: z.array(z.string().min(1).max(310)).max(MAX_VIEWING),
});
export type Presence = z.infer<typeof Presence>;

/** The users of other clients (other people, or the same user in another browser) viewing `key`, sorted, once each. */
export function viewersOf(states: ReadonlyMap<number, unknown>, ownClientId: number, key: string): string[] {
  const users = new Set<string>();
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue;
    const presence = Presence.safeParse(state);
    if (presence.success && presence.data.viewing.includes(key)) users.add(presence.data.user);
  }
  return [...users].sort();
}

/** Which entity each tab shows, from what the tabs' content scripts report; the keys change the awareness state. */
export class ViewingTabs {
  private readonly byTab = new Map<number, string>();

  constructor(private readonly onChange: (keys: string[]) => void) {}

  /** The tab shows `key`, or (null) no entity page any more. */
  set(tabId: number, key: string | null): void {
    if ((this.byTab.get(tabId) ?? null) === key) return;
    if (key === null) this.byTab.delete(tabId);
    else this.byTab.set(tabId, key);
    this.onChange(this.keys());
  }

  /** The distinct keys shown, in the order the tabs first showed them, at most MAX_VIEWING. */
  keys(): string[] {
    return [...new Set(this.byTab.values())].slice(0, MAX_VIEWING);
  }
}
