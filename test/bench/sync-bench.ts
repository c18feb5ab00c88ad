/**
 * Benchmark of the sync server (issue: team co-annotation, Deliver 5), side by side in one run against the
 * reference, `@y/websocket-server` 0.1.1's own bin (no auth, no persistence), driven by the same y-websocket clients:
 *  (a) 10,000 updates between two clients, alternating, until both replicas converge (median of rounds, each in a
 *      fresh room; the servers' turns alternate so neither always runs second);
 *  (b) 200 clients in 20 rooms, 5 updates/s each for 20 s: arrival latency p50/p99 and the server's memory (VmRSS at
 *      the end of the load, VmHWM peak); both servers in fresh processes, their loads taking turns in slices
 *      (sync-fanout-run.ts).
 * Figures and ours/reference ratios only, never assertions.
 *
 * Env: BENCH_SYNC_SECONDS (20), BENCH_SYNC_CLIENTS (200), BENCH_SYNC_UPDATES (10000), BENCH_SYNC_ROUNDS (3),
 * BENCH_SYNC_SLICES (4);
 * BENCH_SYNC_OURS=reference puts a second reference server on our side (a check of the harness: ratios near 1.0).
 */
import os from 'node:os';
import type { BenchResult } from './report.ts';
import { convergeOnce, type ConvergeRound } from './sync-converge.ts';
import { fanoutInTurns, type FanoutFigures } from './sync-fanout-run.ts';
import { ourServer, ourServerExists, referenceServer, type ServerUnderTest } from './sync-servers.ts';
import { printSyncTable } from './sync-figures.ts';

const ROOMS = 20;
const UPDATES_PER_SECOND = 5;

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${process.env[name]}`);
  return value;
}

interface Config {
  seconds: number;
  clients: number;
  updates: number;
  rounds: number;
  /** Scenario (b)'s turns: each server's load runs in this many slices, alternating with the other's. */
  slices: number;
}

function config(): Config {
  return {
    seconds: envNumber('BENCH_SYNC_SECONDS', 20),
    clients: Math.round(envNumber('BENCH_SYNC_CLIENTS', 200)),
    updates: Math.round(envNumber('BENCH_SYNC_UPDATES', 10_000)),
    rounds: Math.round(envNumber('BENCH_SYNC_ROUNDS', 3)),
    slices: Math.round(envNumber('BENCH_SYNC_SLICES', 4)),
  };
}

const pairRoom = (round: number) => `bench-pair-${round + 1}`;
const fanoutRoom = (index: number) => `bench-${String(index + 1).padStart(2, '0')}`;

/** Rooms with their clients, spread evenly: 200 clients → 20 rooms of 10. */
function fanoutRooms(clients: number): Array<{ room: string; clients: number }> {
  const rooms = Math.min(ROOMS, Math.max(1, Math.floor(clients / 2)));
  return Array.from({ length: rooms }, (_, i) => ({
    room: fanoutRoom(i), clients: Math.floor(clients / rooms) + (i < clients % rooms ? 1 : 0),
  }));
}

/** Scenario (a): the rounds of each side. */
async function converge(sides: ServerUnderTest[], cfg: Config): Promise<ConvergeRound[][]> {
  const servers = await Promise.all(sides.map((side) => side.start()));
  try {
    const times: ConvergeRound[][] = sides.map(() => []);
    for (let round = 0; round < cfg.rounds; round++) {
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const s of order) {
        const server = servers[s];
        if (server) times[s]?.push(await convergeOnce(server, pairRoom(round), cfg.updates));
      }
    }
    return times;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** Scenario (b): both servers in fresh processes, taking turns. */
async function fanout(sides: ServerUnderTest[], cfg: Config): Promise<FanoutFigures[]> {
  const servers = await Promise.all(sides.map((side) => side.start()));
  try {
    return await fanoutInTurns(servers, {
      rooms: fanoutRooms(cfg.clients), updatesPerSecond: UPDATES_PER_SECOND, seconds: cfg.seconds, slices: cfg.slices,
    });
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

export async function benchSync(): Promise<BenchResult | undefined> {
  const cfg = config();
  const loadAverageAtStart = os.loadavg()[0] ?? Number.NaN;
  const ours = process.env.BENCH_SYNC_OURS === 'reference' ? referenceServer('ours=reference') : ourServerExists() ? ourServer() : undefined;
  if (!ours) {
    process.stdout.write('\nsync: skipped — sync-server/main.ts does not exist yet (BENCH_SYNC_OURS=reference checks the harness)\n');
    return undefined;
  }
  const reference = referenceServer();
  const sides = [ours, reference];
  try {
    const rooms = fanoutRooms(cfg.clients);
    const maxRoom = Math.max(...rooms.map((r) => r.clients));
    const setupStart = performance.now();
    await ours.prepareRooms([...Array.from({ length: cfg.rounds }, (_, r) => pairRoom(r)), ...rooms.map((r) => r.room)], maxRoom);
    const setupMs = performance.now() - setupStart;

    const [oursRounds = [], referenceRounds = []] = await converge(sides, cfg);
    const [oursLoad, referenceLoad] = await fanout(sides, cfg);
    if (!oursLoad || !referenceLoad) throw new Error('scenario (b) returned no figures');
    return printSyncTable({
      ...cfg, rooms: rooms.length, updatesPerSecond: UPDATES_PER_SECOND, setupMs, loadAverageAtStart,
      labels: { ours: ours.label, reference: reference.label },
      converge: { ours: oursRounds, reference: referenceRounds },
      load: { ours: oursLoad, reference: referenceLoad },
    });
  } finally {
    for (const side of sides) side.dispose();
  }
}
