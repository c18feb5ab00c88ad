/**
 * The operational log: one JSON line per server event on stderr (pino), for whoever runs the server. Refused
 * connections are counted per address and minute as in the audit trail (anyone can knock, a loop must not fill the
 * log); stdout keeps only the one "listening" line scripts wait for.
 */
import { pino, type Logger } from 'pino';
import type { AuditEvent } from './audit.ts';
import type { ServerEventBus, ServerEventName, ServerEvents } from './events.ts';
import { RefusalAudit } from './refusals.ts';

/** Every event and its level: the type makes a new event name impossible to leave out of the log. */
const LEVEL: Record<ServerEventName, 'info' | 'warn' | 'error'> = {
  connect: 'info',
  disconnect: 'info',
  'connect.refused': 'warn',
  'update.refused': 'warn',
  report: 'info',
  history: 'info',
  'page-report': 'info',
  problem: 'error',
  listening: 'info',
  closing: 'info',
};

/** Sync writes: a line is out before the process can exit (SIGTERM's shutdown ends in process.exit). */
export function stderrLogger(destination: number | NodeJS.WritableStream = 2): Logger {
  const options = { base: null, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (level: string) => ({ level }) } };
  return pino(options, typeof destination === 'number' ? pino.destination({ fd: destination, sync: true }) : destination);
}

export function operationalLog(events: ServerEventBus, logger: Logger): { close(): void } {
  const refusals = new RefusalAudit((line: AuditEvent) => logger.warn(line));
  for (const name of Object.keys(LEVEL) as ServerEventName[]) {
    if (name === 'connect.refused') events.on(name, (e) => refusals.refused({ event: 'connect.refused', ...e }));
    else events.on(name, (e: ServerEvents[typeof name]) => logger[LEVEL[name]]({ event: name, ...e }));
  }
  return { close: () => refusals.close() };
}
