/**
 * Updates whose dependencies have not arrived. A member's connection flooding such frames — a few near the message
 * size limit, then small ones, as in the attack that used to make the server merge its parked buffer again on every
 * frame — costs another team nothing measurable: its update latency stays within max(500 ms, 5× its p99 before),
 * every /healthz probe (one each 500 ms) answers within 1 s, and the attacker is closed with 1008. Updates that
 * legitimately arrive out of order — a chain sent backwards, or a colleague's edit that arrives before what it was
 * placed next to — wait, are applied when their dependencies come, and every client converges.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { orphanUpdate, syncUpdateFrame } from '../support/forged.ts';
import { synced, until } from '../support/sync-server.ts';
import { useTeamServer } from '../support/team-server-fixture.ts';

const team = useTeamServer({ east: { mallory: 'member', li: 'member', wang: 'member' }, west: { zhou: 'member', wu: 'member' } });

function open(teamId: string, user: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${team.server().url}/team/${teamId}?token=${team.token(teamId, user)}`);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

const syncUpdate = syncUpdateFrame;
const orphan = orphanUpdate;

const p99 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.99))]!;

describe('sync server: updates waiting for their dependencies', () => {
  it('a member flooding updates with missing dependencies does not slow another team, /healthz answers, and the flood is closed with 1008', async () => {
    const zhou = team.client('west', 'zhou');
    const wu = team.client('west', 'wu');
    await Promise.all([synced(zhou), synced(wu)]);
    // zhou writes the time every 20 ms; wu measures how long each took to arrive.
    const latencies: { at: number; ms: number }[] = [];
    wu.doc.getMap('clock').observe(() => {
      const sent = wu.doc.getMap('clock').get('at') as number | undefined;
      if (sent !== undefined) latencies.push({ at: Date.now(), ms: Date.now() - sent });
    });
    const writer = setInterval(() => zhou.doc.getMap('clock').set('at', Date.now()), 20);
    const probes: { at: number; ms: number; status: number }[] = [];
    const prober = setInterval(() => {
      const start = Date.now();
      fetch(`${team.server().httpUrl}/healthz`, { signal: AbortSignal.timeout(5_000) })
        .then((res) => probes.push({ at: start, ms: Date.now() - start, status: res.status }))
        .catch(() => probes.push({ at: start, ms: Date.now() - start, status: 0 }));
    }, 500);
    try {
      await new Promise((r) => setTimeout(r, 3_000));
      const attackStart = Date.now();
      const ws = await open('east', 'mallory');
      const closed = new Promise<{ code: number; reason: string; at: number }>((resolve) =>
        ws.once('close', (code, reason) => resolve({ code, reason: reason.toString(), at: Date.now() })),
      );
      // Three frames near the message size limit (1 MiB), then small ones, until the server closes the connection.
      for (let i = 0; i < 3; i++) ws.send(syncUpdate(orphan(1_000 + i, 'x'.repeat(1_000_000))));
      let small = 0;
      while (ws.readyState === ws.OPEN && small < 5_000) {
        ws.send(syncUpdate(orphan(2_000 + small, 's')));
        small++;
        if (small % 20 === 0) await new Promise((r) => setTimeout(r, 5));
      }
      const close = await closed;
      expect(close.code).toBe(1008);
      expect(close.reason).toMatch(/waiting for their dependencies/);
      await new Promise((r) => setTimeout(r, 1_500));
      const before = latencies.filter((l) => l.at < attackStart).map((l) => l.ms);
      const during = latencies.filter((l) => l.at >= attackStart).map((l) => l.ms);
      const bound = Math.max(500, 5 * p99(before));
      console.log(
        `another team's latency p99: ${p99(before)} ms before, ${p99(during)} ms during the attack (${during.length} samples, bound ${bound} ms); ` +
          `small frames sent ${small}; closed after ${close.at - attackStart} ms: ${close.reason}; /healthz worst ${Math.max(...probes.map((p) => p.ms))} ms over ${probes.length} probes`,
      );
      expect(before.length).toBeGreaterThan(50);
      expect(during.length).toBeGreaterThan(50);
      expect(p99(during)).toBeLessThanOrEqual(bound);
      expect(probes.length).toBeGreaterThanOrEqual(8);
      for (const probe of probes) expect(probe).toMatchObject({ status: 200 });
      expect(Math.max(...probes.map((p) => p.ms))).toBeLessThanOrEqual(1_000);
    } finally {
      clearInterval(writer);
      clearInterval(prober);
    }
  }, 60_000);

  it('closes with 1008 a connection whose waiting update never gets its dependencies', async () => {
    const ws = await open('east', 'mallory');
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    const sentAt = Date.now();
    ws.send(syncUpdate(orphan(3_000, 'never')));
    expect(await closed).toEqual({ code: 1008, reason: 'updates whose dependencies never arrived' });
    // PENDING_MAX_AGE_MS, 10 s by default.
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(9_500);
  }, 30_000);

  it('applies updates that arrive out of order once what they need arrives, and every client converges', async () => {
    const wang = team.client('east', 'wang');
    await synced(wang);
    // A chain of five edits of one client, sent backwards.
    const author = new Y.Doc();
    const chain: Uint8Array[] = [];
    author.on('update', (u: Uint8Array) => chain.push(u));
    for (let i = 0; i < 5; i++) author.getArray('chain').insert(i, [`c${i}`]);
    const ws = await open('east', 'li');
    for (const u of [...chain].reverse()) ws.send(syncUpdate(u));
    await until(() => wang.doc.getArray('chain').length === 5, 'the whole chain at wang');
    expect(wang.doc.getArray('chain').toJSON()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);

    // Two colleagues who edited offline side by side (each had the other's edits): the second one's edit, placed
    // next to the first one's, reaches the server first.
    const first = new Y.Doc();
    const second = new Y.Doc();
    const firstUpdates: Uint8Array[] = [];
    first.on('update', (u: Uint8Array) => firstUpdates.push(u));
    first.getArray('side').insert(0, ['first']);
    Y.applyUpdate(second, firstUpdates[0]!);
    const beforeSecond = Y.encodeStateVector(second);
    second.getArray('side').insert(1, ['second']);
    second.getMap('notes').set('n', 'second');
    const secondUpdate = Y.encodeStateAsUpdate(second, beforeSecond);
    const other = await open('east', 'wang');
    other.send(syncUpdate(secondUpdate));
    await new Promise((r) => setTimeout(r, 300));
    expect(wang.doc.getArray('side').length).toBe(0);
    ws.send(syncUpdate(firstUpdates[0]!));
    await until(() => wang.doc.getArray('side').length === 2, 'both offline edits at wang');
    expect(wang.doc.getArray('side').toJSON()).toEqual(['first', 'second']);
    expect(ws.readyState).toBe(ws.OPEN);
    expect(other.readyState).toBe(other.OPEN);
    const fresh = team.client('east', 'li');
    await synced(fresh);
    expect(fresh.doc.getArray('side').toJSON()).toEqual(['first', 'second']);
    expect(fresh.doc.getArray('chain').toJSON()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    ws.close();
    other.close();
  }, 30_000);
});
