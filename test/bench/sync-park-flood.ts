/**
 * The park flood, as figures: one member's connection floods updates whose dependencies never arrive (three frames
 * near the 1 MiB message limit, then small ones, until the server closes it) while two clients of another team
 * exchange an update every 20 ms and /healthz is probed every 500 ms. Prints the other team's latency p99 before
 * and during the flood, the slowest /healthz answer and how the flood ended. Our server only: the reference keeps
 * no such bound. Figures, never assertions (test/integration/sync-pending.test.ts holds the bounds).
 */
import WebSocket from 'ws';
import { orphanUpdate, syncUpdateFrame } from '../support/forged.ts';
import { synced, teamClient } from '../support/sync-server.ts';
import { report, type BenchResult } from './report.ts';
import { ourServer } from './sync-servers.ts';

const EAST = 'flood-east';
const WEST = 'flood-west';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const p99 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.99))] ?? Number.NaN;

export async function benchParkFlood(): Promise<BenchResult> {
  const ours = ourServer('ours');
  await ours.prepareRooms([EAST, WEST], 2);
  const server = await ours.start();
  const base = { url: server.serverUrl.replace(/\/team$/, '') };
  const writer = teamClient(base, WEST, server.token(WEST, 0));
  const reader = teamClient(base, WEST, server.token(WEST, 1));
  try {
    await Promise.all([synced(writer), synced(reader)]);
    const latencies: Array<{ at: number; ms: number }> = [];
    reader.doc.getMap('clock').observe(() => {
      const sent = reader.doc.getMap('clock').get('at') as number | undefined;
      if (sent !== undefined) latencies.push({ at: Date.now(), ms: Date.now() - sent });
    });
    const ticking = setInterval(() => writer.doc.getMap('clock').set('at', Date.now()), 20);
    const probes: number[] = [];
    const probing = setInterval(() => {
      const start = Date.now();
      fetch(`http://127.0.0.1:${server.port}/healthz`, { signal: AbortSignal.timeout(5_000) }).then(
        () => probes.push(Date.now() - start),
        () => probes.push(Date.now() - start),
      );
    }, 500);
    try {
      await sleep(3_000);
      const attackStart = Date.now();
      const ws = await new Promise<WebSocket>((resolve, reject) => {
        const socket = new WebSocket(`${server.serverUrl}/${EAST}?token=${server.token(EAST, 0)}`);
        socket.once('open', () => resolve(socket));
        socket.once('error', reject);
      });
      const closed = new Promise<{ code: number; at: number }>((resolve) => ws.once('close', (code) => resolve({ code, at: Date.now() })));
      for (let i = 0; i < 3; i++) ws.send(syncUpdateFrame(orphanUpdate(1_000 + i, 'x'.repeat(1_000_000))));
      let frames = 3;
      while (ws.readyState === ws.OPEN && frames < 5_000) {
        ws.send(syncUpdateFrame(orphanUpdate(2_000 + frames, 's')));
        if (++frames % 20 === 0) await sleep(5);
      }
      const close = await Promise.race([closed, sleep(15_000).then(() => ({ code: 0, at: Date.now() }))]);
      await sleep(1_000);
      const before = latencies.filter((l) => l.at < attackStart).map((l) => l.ms);
      const during = latencies.filter((l) => l.at >= attackStart && l.at <= close.at + 1_000).map((l) => l.ms);
      const [p99Before, p99During] = [p99(before), p99(during)];
      return report('sync: park flood from one member (our server; other team 1 update / 20 ms, /healthz / 500 ms)', [
        ['other team p99 before', `${p99Before} ms (${before.length} updates)`],
        [
          'other team p99 during the flood',
          `${p99During} ms (${during.length} updates), ${(p99During / Math.max(p99Before, 1)).toFixed(1)}× before`,
        ],
        ['slowest /healthz', `${Math.max(...probes)} ms over ${probes.length} probes`],
        [
          'flood ended',
          close.code
            ? `closed with ${close.code} after ${frames} frames, ${close.at - attackStart} ms`
            : `not closed after ${frames} frames`,
        ],
      ]);
    } finally {
      clearInterval(ticking);
      clearInterval(probing);
    }
  } finally {
    writer.destroy();
    reader.destroy();
    await server.stop();
    ours.dispose();
  }
}
