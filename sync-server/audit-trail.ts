/**
 * The audit trail (留痕) as a subscriber: connections, refusals and the reads of reports and history and the page reports
 * received go to the store's audit log; refused connections aggregated per address and minute (refusals.ts).
 */
import type { AuditEvent } from './audit.ts';
import type { ServerEventBus } from './events.ts';
import { RefusalAudit } from './refusals.ts';

export function auditTrail(events: ServerEventBus, append: (event: AuditEvent, at: Date) => Promise<void>): { close(): void } {
  const write = (event: AuditEvent): void => {
    append(event, new Date()).catch((error: unknown) => events.problem(`audit trail not written: ${String(error)}`));
  };
  const refusals = new RefusalAudit(write);
  events.on('connect', (e) => write({ event: 'connect', ...e }));
  events.on('disconnect', (e) => write({ event: 'disconnect', ...e }));
  events.on('update.refused', (e) => write({ event: 'update.refused', ...e }));
  events.on('report', (e) => write({ event: 'report', ...e }));
  events.on('history', (e) => write({ event: 'history', ...e }));
  events.on('page-report', (e) => write({ event: 'page-report', ...e }));
  events.on('connect.refused', (e) => refusals.refused({ event: 'connect.refused', ...e }));
  return { close: () => refusals.close() };
}
