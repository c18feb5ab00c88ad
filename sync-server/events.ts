/**
 * What happens on the server, as typed events: the parts that act (upgrade, peers, routes, rooms) emit, and the parts
 * that keep account of it — the audit trail, the metrics and the operational log — subscribe. A subscriber that throws
 * is reported once as a problem and never stops the others or the emitter.
 */
import type { AuditEvent } from './audit.ts';

type Audited<E extends AuditEvent['event']> = Omit<Extract<AuditEvent, { event: E }>, 'event'>;

export type ServerEvents = {
  connect: Audited<'connect'>;
  disconnect: Audited<'disconnect'>;
  'connect.refused': Audited<'connect.refused'>;
  'update.refused': Audited<'update.refused'>;
  report: Audited<'report'>;
  history: Audited<'history'>;
  'page-report': Audited<'page-report'>;
  /** Something failed that an operator should see (a store error, a failed check); the server carries on. */
  problem: { message: string };
  listening: { host: string; port: number; dataDir: string };
  closing: Record<string, never>;
};

export type ServerEventName = keyof ServerEvents;
type Listener<K extends ServerEventName> = (event: ServerEvents[K]) => void;

export class ServerEventBus {
  readonly #listeners = new Map<ServerEventName, Array<(event: never) => void>>();

  on<K extends ServerEventName>(name: K, listener: Listener<K>): void {
    this.#listeners.set(name, [...(this.#listeners.get(name) ?? []), listener as (event: never) => void]);
  }

  emit<K extends ServerEventName>(name: K, event: ServerEvents[K]): void {
    for (const listener of this.#listeners.get(name) ?? []) {
      try {
        (listener as Listener<K>)(event);
      } catch (error) {
        if (name !== 'problem') this.emit('problem', { message: `${name} subscriber failed: ${String(error)}` });
      }
    }
  }

  /** The `log(line)` the stores, rooms and fan-out take: each line a problem event. */
  readonly problem = (message: string): void => this.emit('problem', { message });
}
