/**
 * Benchmark of the sync server (docs/performance.md), side by side in one run against the
 * reference, `@y/websocket-server` 0.1.1's own bin (no auth, no persistence), driven by the same y-websocket clients:
 *  (a) 10,000 updates between two clients, alternating, until both replicas converge (median of rounds, each in a
 *      fresh room; the servers' turns alternate so neither always runs second);
 *  (b) 200 clients in 20 rooms, 5 updates/s each for 20 s: arrival latency p50/p99 and the server's memory (VmRSS at
 *      the end of the load, VmHWM peak); both servers in fresh processes, their loads taking turns in slices
 *      (sync-fanout-run.ts);
 *  (c) the late join (sync-join.ts): a client joining a room of 20,000 keys, until it holds them all, with the room in
 *      memory and loaded from the store; against the reference and against Hocuspocus 4.7 with its SQLite extension
 *      (hocuspocus-main.mjs), each round in a fresh room, the servers' turns alternating.
 * Figures and ours/reference ratios only, never assertions.
 *
 * Env: BENCH_SYNC_SECONDS (20), BENCH_SYNC_CLIENTS (200), BENCH_SYNC_UPDATES (10000), BENCH_SYNC_ROUNDS (3),
 * BENCH_SYNC_SLICES (4), BENCH_SYNC_JOIN_KEYS (20000), BENCH_SYNC_JOINS (3 of each kind per round);
 * BENCH_SYNC_OURS=reference puts a second reference server on our side (a check of the harness: ratios near 1.0).
 */
import os from 'node:os';
import type { BenchResult } from './report.ts';
import { convergeOnce, type ConvergeRound } from './sync-converge.ts';
import { fanoutInTurns, type FanoutFigures } from './sync-fanout-run.ts';
import { lateJoins, type JoinFigures } from './sync-join.ts';
import { hocuspocusServer, ourServer, ourServerExists, referenceServer, type RunningServer, type ServerUnderTest } from './sync-servers.ts';
import { printJoinTable, printSyncTable } from './sync-figures.ts';

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
  joinKeys: number;
  joins: number;
}

function config(): Config {
  return {
    seconds: envNumber('BENCH_SYNC_SECONDS', 20),
    clients: Math.round(envNumber('BENCH_SYNC_CLIENTS', 200)),
    updates: Math.round(envNumber('BENCH_SYNC_UPDATES', 10_000)),
    rounds: Math.round(envNumber('BENCH_SYNC_ROUNDS', 3)),
    slices: Math.round(envNumber('BENCH_SYNC_SLICES', 4)),
    joinKeys: Math.round(envNumber('BENCH_SYNC_JOIN_KEYS', 20_000)),
    joins: Math.round(envNumber('BENCH_SYNC_JOINS', 3)),
  };
}

const pairRoom = (round: number) => `bench-pair-${round + 1}`;
const fanoutRoom = (index: number) => `bench-${String(index + 1).padStart(2, '0')}`;
const joinRoom = (round: number) => `bench-join-${round + 1}`;

/** Rooms with their clients, spread evenly: 200 clients → 20 rooms of 10. */
function fanoutRooms(clients: number): Array<{ room: string; clients: number }> {
  const rooms = Math.min(ROOMS, Math.max(1, Math.floor(clients / 2)));
  return Array.from({ length: rooms }, (_, i) => ({
    room: fanoutRoom(i),
    clients: Math.floor(clients / rooms) + (i < clients % rooms ? 1 : 0),
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

/** Scenario (c): every side's joins, round after round in fresh rooms; `stores[s]`: side s has a cold figure. */
async function join(sides: ServerUnderTest[], stores: boolean[], cfg: Config): Promise<JoinFigures[]> {
  const servers = await Promise.all(sides.map((side) => side.start()));
  try {
    const figures: JoinFigures[] = sides.map(() => ({ warm: [], cold: [] }));
    for (let round = 0; round < cfg.rounds; round++) {
      const order = servers.map((_, s) => s);
      if (round % 2 === 1) order.reverse();
      for (const s of order) {
        const joined = await lateJoins(servers[s] as RunningServer, joinRoom(round), cfg.joinKeys, cfg.joins, stores[s] === true);
        figures[s]?.warm.push(...joined.warm);
        figures[s]?.cold.push(...joined.cold);
      }
    }
    return figures;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** Scenario (b): both servers in fresh processes, taking turns. */
async function fanout(sides: ServerUnderTest[], cfg: Config): Promise<FanoutFigures[]> {
  const servers = await Promise.all(sides.map((side) => side.start()));
  try {
    return await fanoutInTurns(servers, {
      rooms: fanoutRooms(cfg.clients),
      updatesPerSecond: UPDATES_PER_SECOND,
      seconds: cfg.seconds,
      slices: cfg.slices,
    });
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

export async function benchSync(): Promise<BenchResult | undefined> {
  const cfg = config();
  const loadAverageAtStart = os.loadavg()[0] ?? Number.NaN;
  const ours =
    process.env.BENCH_SYNC_OURS === 'reference' ? referenceServer('ours=reference') : ourServerExists() ? ourServer() : undefined;
  if (!ours) {
    process.stdout.write('\nsync: skipped — sync-server/main.ts does not exist yet (BENCH_SYNC_OURS=reference checks the harness)\n');
    return undefined;
  }
  const reference = referenceServer();
  const hocuspocus = hocuspocusServer();
  const sides = [ours, reference, hocuspocus];
  try {
    const rooms = fanoutRooms(cfg.clients);
    const maxRoom = Math.max(...rooms.map((r) => r.clients));
    const setupStart = performance.now();
    const rounds = Array.from({ length: cfg.rounds }, (_, r) => r);
    await ours.prepareRooms([...rounds.map(pairRoom), ...rounds.map(joinRoom), ...rooms.map((r) => r.room)], maxRoom);
    const setupMs = performance.now() - setupStart;

    const [oursRounds = [], referenceRounds = []] = await converge([ours, reference], cfg);
    const [oursLoad, referenceLoad] = await fanout([ours, reference], cfg);
    if (!oursLoad || !referenceLoad) throw new Error('scenario (b) returned no figures');
    // The reference keeps nothing once its last client left: it has no cold join.
    const [oursJoin, referenceJoin, hocuspocusJoin] = await join(sides, [true, false, true], cfg);
    if (!oursJoin || !referenceJoin || !hocuspocusJoin) throw new Error('scenario (c) returned no figures');
    printJoinTable({
      keys: cfg.joinKeys,
      ours: oursJoin,
      reference: hocuspocusJoin,
      labels: { ours: ours.label, reference: hocuspocus.label },
    });
    return printSyncTable({
      ...cfg,
      rooms: rooms.length,
      updatesPerSecond: UPDATES_PER_SECOND,
      setupMs,
      loadAverageAtStart,
      labels: { ours: ours.label, reference: reference.label },
      converge: { ours: oursRounds, reference: referenceRounds },
      load: { ours: oursLoad, reference: referenceLoad },
      join: { ours: oursJoin, reference: referenceJoin },
      joinKeys: cfg.joinKeys,
    });
  } finally {
    for (const side of sides) side.dispose();
  }
}

/** Scenario (c) alone (BENCH_ONLY=join): the three servers' late joins, for checking a change to the join path. */
export async function benchJoin(): Promise<BenchResult | undefined> {
  const cfg = config();
  if (!ourServerExists()) return undefined;
  const sides = [ourServer(), referenceServer(), hocuspocusServer()];
  const [ours, reference, hocuspocus] = sides;
  try {
    const rounds = Array.from({ length: cfg.rounds }, (_, r) => r);
    await ours?.prepareRooms(rounds.map(joinRoom), 1);
    const [oursJoin, referenceJoin, hocuspocusJoin] = await join(sides, [true, false, true], cfg);
    if (!ours || !reference || !hocuspocus || !oursJoin || !referenceJoin || !hocuspocusJoin)
      throw new Error('scenario (c) returned no figures');
    printJoinTable({
      keys: cfg.joinKeys,
      ours: oursJoin,
      reference: referenceJoin,
      labels: { ours: ours.label, reference: reference.label },
      title: '@y/websocket-server 0.1.1',
    });
    return printJoinTable({
      keys: cfg.joinKeys,
      ours: oursJoin,
      reference: hocuspocusJoin,
      labels: { ours: ours.label, reference: hocuspocus.label },
    });
  } finally {
    for (const side of sides) side.dispose();
  }
}
