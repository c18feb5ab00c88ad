import { describe, expect, it } from 'vitest';
import type { AuditEvent } from './audit.ts';
import { RefusalAudit } from './refusals.ts';

describe('refused connections in the audit trail', () => {
  it('bounds the lines of a minute whatever the addresses, and loses no count', () => {
    const lines: AuditEvent[] = [];
    const refusals = new RefusalAudit((e) => lines.push(e));
    for (let i = 0; i < 3_000; i++)
      refusals.refused({
        event: 'connect.refused',
        team: '-',
        status: 401,
        reason: `no token ${i % 20}`,
        address: `10.0.${i >> 8}.${i & 255}`,
      });
    refusals.refused({ event: 'connect.refused', team: '-', status: 401, reason: 'no token', address: '10.0.0.0' });
    refusals.close();
    expect(lines.length).toBeLessThanOrEqual(42);
    const counted = lines.reduce(
      (n, e) => n + (e.event === 'connect.refused' ? 1 : e.event === 'connect.refused.repeated' ? e.count : 0),
      0,
    );
    expect(counted).toBe(3_001);
    const others = lines.find((e) => e.event === 'connect.refused.repeated' && e.address === '*');
    expect(others).toMatchObject({ count: 2_960 });
    // A new minute writes the first refusal of an address at once again.
    refusals.refused({ event: 'connect.refused', team: '-', status: 401, reason: 'no token', address: '10.0.0.0' });
    expect(lines.at(-1)).toMatchObject({ event: 'connect.refused', address: '10.0.0.0' });
  });
});
