import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { auditTrail } from './audit-trail.ts';
import type { AuditEvent } from './audit.ts';
import { ServerEventBus } from './events.ts';
import { operationalLog, stderrLogger } from './operational-log.ts';

const WHO = { team: 't1', user: 'alice', jti: 'j1', address: '127.0.0.1', connection: 1 };

function logLines(events: ServerEventBus): { lines: () => Array<Record<string, unknown>>; close(): void } {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const log = operationalLog(events, stderrLogger(out));
  return {
    lines: () =>
      text
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    close: () => log.close(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('server events', () => {
  it('reach the audit trail and the operational log, one JSON line per event', async () => {
    const events = new ServerEventBus();
    const audited: AuditEvent[] = [];
    const trail = auditTrail(events, async (event) => void audited.push(event));
    const log = logLines(events);
    events.emit('connect', { ...WHO, role: 'member' });
    events.emit('update.refused', { ...WHO, reason: 'client id 7 belongs to bob' });
    events.emit('problem', { message: 'store slow' });
    await settle();
    expect(audited).toEqual([
      { event: 'connect', ...WHO, role: 'member' },
      { event: 'update.refused', ...WHO, reason: 'client id 7 belongs to bob' },
    ]);
    expect(log.lines()).toEqual([
      expect.objectContaining({ level: 'info', event: 'connect', user: 'alice', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }),
      expect.objectContaining({ level: 'warn', event: 'update.refused', reason: 'client id 7 belongs to bob' }),
      expect.objectContaining({ level: 'error', event: 'problem', message: 'store slow' }),
    ]);
    trail.close();
    log.close();
  });

  it('refused connections stay aggregated: 3,000 knocks from one address make two lines in the trail and in the log', async () => {
    const events = new ServerEventBus();
    const audited: AuditEvent[] = [];
    const trail = auditTrail(events, async (event) => void audited.push(event));
    const log = logLines(events);
    for (let i = 0; i < 3_000; i++) events.emit('connect.refused', { team: '-', status: 401, reason: 'no token', address: '10.0.0.9' });
    trail.close();
    log.close();
    await settle();
    expect(audited.map((e) => e.event)).toEqual(['connect.refused', 'connect.refused.repeated']);
    expect(audited[1]).toMatchObject({ count: 2_999 });
    expect(log.lines().map((line) => line.event)).toEqual(['connect.refused', 'connect.refused.repeated']);
  });

  it('a subscriber that throws is reported as a problem and does not stop the others', () => {
    const events = new ServerEventBus();
    const seen: string[] = [];
    events.on('connect', () => {
      throw new Error('broken subscriber');
    });
    events.on('connect', (e) => seen.push(e.user));
    events.on('problem', (e) => seen.push(e.message));
    events.emit('connect', { ...WHO, role: 'member' });
    expect(seen).toEqual(['connect subscriber failed: Error: broken subscriber', 'alice']);
  });
});
