/**
 * Refused connections in the audit trail, aggregated: anyone can knock without a token, and one line per knock let a
 * loop fill the disk. Per remote address, status and minute, the first refusal is written at once, as it always was;
 * the rest of that minute become one `connect.refused.repeated` line with their count (and by reason), written when
 * the minute ends or the server stops. Past MAX_KEYS addresses and statuses in a minute, the others share one line
 * (address `*`), so the lines per minute are bounded whatever the addresses.
 */
import type { AuditEvent } from './audit.ts';

export type Refusal = Extract<AuditEvent, { event: 'connect.refused' }>;

const MAX_KEYS = 40;
/** Distinct reasons kept per line; the others are counted as `other`. */
const MAX_REASONS = 8;
const OTHERS = '*';

type Window = { address: string; status: number; count: number; from: string; to: string; reasons: Record<string, number> };

export class RefusalAudit {
  #windows = new Map<string, Window | null>();
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly write: (event: AuditEvent) => void,
    windowMs = 60_000,
  ) {
    this.#timer = setInterval(() => this.flush(), windowMs);
    this.#timer.unref();
  }

  refused(refusal: Refusal, at: Date = new Date()): void {
    const key = `${refusal.address} ${refusal.status}`;
    const known = this.#windows.has(key);
    if (!known && this.#windows.size < MAX_KEYS) {
      // The first of this address and status this minute: written as it is (null: nothing repeated yet).
      this.#windows.set(key, null);
      this.write(refusal);
      return;
    }
    const shared = known ? key : OTHERS;
    const time = at.toISOString();
    const window = this.#windows.get(shared) ?? {
      address: known ? refusal.address : OTHERS,
      status: known ? refusal.status : 0,
      count: 0,
      from: time,
      to: time,
      reasons: {},
    };
    window.count++;
    window.to = time;
    const reason = refusal.reason in window.reasons || Object.keys(window.reasons).length < MAX_REASONS ? refusal.reason : 'other';
    window.reasons[reason] = (window.reasons[reason] ?? 0) + 1;
    this.#windows.set(shared, window);
  }

  /** Writes the minute's repeated refusals and starts a new minute. */
  flush(): void {
    const windows = this.#windows;
    this.#windows = new Map();
    for (const window of windows.values()) {
      if (window) this.write({ event: 'connect.refused.repeated', ...window });
    }
  }

  close(): void {
    clearInterval(this.#timer);
    this.flush();
  }
}
