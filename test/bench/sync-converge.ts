/**
 * Sync scenario (a): two clients of one room write `updates` map entries, alternating, one transaction per entry,
 * all issued at once; the time until both replicas hold every entry.
 */
import { performance } from 'node:perf_hooks';
import type * as Y from 'yjs';
import { closeClients, connectClient, whenSynced } from './sync-clients.ts';
import { processCpuMs } from './sync-process.ts';
import type { RunningServer } from './sync-servers.ts';

const MAP = 'converge';
/** Far above any plausible figure: only a server that lost an update gets here. */
const CONVERGE_TIMEOUT_MS = 120_000;

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Resolves when `map` holds `size` entries. Counted from the events, since every key is set once: `Y.Map.size`
 * walks the whole map, and calling it after each of 10,000 updates made the harness quadratic (7 s instead of 1).
 */
function whenMapHolds(doc: Y.Doc, size: number): Promise<void> {
  const map = doc.getMap(MAP);
  let entries = map.size;
  return new Promise((resolve) => {
    if (entries >= size) return resolve();
    const count = (event: Y.YMapEvent<unknown>) => {
      entries += event.keysChanged.size;
      if (entries < size) return;
      map.unobserve(count);
      resolve();
    };
    map.observe(count);
  });
}

export interface ConvergeRound {
  /** From the first write to both replicas holding every entry. */
  ms: number;
  /** CPU the server and the harness used in that time, % of one core: which side is the bottleneck. */
  serverCpuPercent: number;
  harnessCpuPercent: number;
}

/** One round in a fresh room. */
export async function convergeOnce(server: RunningServer, room: string, updates: number): Promise<ConvergeRound> {
  const clients = [0, 1].map((i) => connectClient(server.serverUrl, room, server.token(room, i)));
  try {
    await whenSynced(clients);
    const [a, b] = clients.map((client) => client.doc) as [Y.Doc, Y.Doc];
    const converged = Promise.race([
      Promise.all([whenMapHolds(a, updates), whenMapHolds(b, updates)]),
      // A server that closes a connection mid-round (a limit, a crash) fails the round at once, with its reason.
      ...clients.map(
        ({ provider }) =>
          new Promise<never>((_, reject) =>
            provider.once('connection-close', (event) =>
              reject(new Error(`${room}: the server closed a connection: ${event?.code} ${event?.reason}`)),
            ),
          ),
      ),
    ]);
    const serverCpuAtStart = processCpuMs(server.pid);
    const harnessCpuAtStart = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < updates; i++) {
      // Outside a transact() each set is its own transaction, hence its own update message to the server.
      (i % 2 === 0 ? a : b).getMap(MAP).set(`k${i}`, i);
    }
    await withTimeout(converged, CONVERGE_TIMEOUT_MS, `${room}: not converged within ${CONVERGE_TIMEOUT_MS} ms`);
    const ms = performance.now() - start;
    const harness = process.cpuUsage(harnessCpuAtStart);
    if (a.getMap(MAP).size !== updates || b.getMap(MAP).size !== updates) throw new Error(`${room}: replicas differ`);
    return {
      ms,
      serverCpuPercent: ((processCpuMs(server.pid) - serverCpuAtStart) / ms) * 100,
      harnessCpuPercent: ((harness.user + harness.system) / 1000 / ms) * 100,
    };
  } finally {
    closeClients(clients);
  }
}
