/**
 * Admission at the WebSocket upgrade: the token and the account (auth.ts), then the connection limits counted on this
 * instance (admitted connections whose document is still loading count too). Every refusal is a `connect.refused`
 * event; the caller answers the socket.
 */
import type { Config } from './config.ts';
import type { ServerEventBus } from './events.ts';
import { admit, type Admission } from './auth.ts';
import type { AccountStore } from './persistence/store.ts';
import type { Principal } from './peer.ts';
import { CLOSE } from './protocol.ts';

type Limits = Pick<Config, 'MAX_CONNECTIONS_PER_USER' | 'MAX_CONNECTIONS_PER_TEAM'>;

/** Admission, or 400 for a request path that does not parse. */
export type Verdict = Admission | { ok: false; status: 400; reason: string; team?: undefined; user?: undefined };

export class Admissions {
  constructor(
    private readonly limits: Limits,
    private readonly secret: Uint8Array,
    private readonly accounts: AccountStore,
    private readonly events: ServerEventBus,
    private readonly connected: () => Iterable<Principal>,
  ) {}

  /** Admitted connections whose document is still loading. */
  readonly loading = new Set<Principal>();

  /** The token's verdict (null url: a request path that does not parse). */
  async check(url: URL | null, address: string, nowMs: number): Promise<Verdict> {
    const admission: Verdict = url
      ? await admit(url, address, this.secret, this.accounts, nowMs)
      : { ok: false, status: 400, reason: 'no address' };
    if (!admission.ok) {
      this.refuse({
        team: admission.team ?? '-',
        status: admission.status,
        reason: admission.reason,
        address,
        ...(admission.user ? { user: admission.user } : {}),
      });
    }
    return admission;
  }

  /** Why an admitted principal may not open one more connection here (undefined: it may). */
  overLimit(principal: Principal): string | undefined {
    const mine = [...this.connected(), ...this.loading].filter((p) => p.team === principal.team);
    const reason =
      mine.filter((p) => p.user === principal.user).length >= this.limits.MAX_CONNECTIONS_PER_USER
        ? 'too many connections for this user'
        : mine.length >= this.limits.MAX_CONNECTIONS_PER_TEAM
          ? 'too many connections for this team'
          : undefined;
    if (reason) this.refuse({ team: principal.team, status: CLOSE.POLICY, reason, address: principal.address, user: principal.user });
    return reason;
  }

  private refuse(refusal: { team: string; status: number; reason: string; address: string; user?: string }): void {
    this.events.emit('connect.refused', refusal);
  }
}
