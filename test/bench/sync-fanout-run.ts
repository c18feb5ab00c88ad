/**
 * Scenario (b) against both servers, taking turns: each side's load runs in slices, in the order ours, reference,
 * reference, ours, ours, … so that work of other processes on a shared machine falls on both alike, and each slice
 * drains before the next starts. Both servers are fresh processes that hold their clients from start to end; the
 * idle side costs next to nothing. Memory is read at the end of each side's last slice, CPU summed over its slices.
 */
import { performance } from 'node:perf_hooks';
import { FanoutGroup, type FanoutResult } from './sync-fanout.ts';
import { machineBusyMs, processCpuMs, processMemory, type ProcessMemory } from './sync-process.ts';
import type { RunningServer } from './sync-servers.ts';

export interface FanoutFigures extends FanoutResult {
  /** The server's memory right after start, before any client. */
  idle: ProcessMemory;
  /** At the end of the load, every client still connected. */
  memory: ProcessMemory;
  /** The server's and the harness's CPU during the load, % of one core. */
  serverCpuPercent: number;
  harnessCpuPercent: number;
  /** CPU the rest of the machine used during the load, % of one core: other work skews the figures. */
  othersCpuPercent: number;
}

export interface FanoutSettings {
  rooms: Array<{ room: string; clients: number }>;
  updatesPerSecond: number;
  seconds: number;
  slices: number;
}

interface Side {
  server: RunningServer;
  group: FanoutGroup;
  idle: ProcessMemory;
  memory?: ProcessMemory;
  serverCpuMs: number;
  harnessCpuMs: number;
  machineCpuMs: number;
  loadMs: number;
}

/** Runs the load on `servers` (started, no clients yet) and returns each one's figures, in the same order. */
export async function fanoutInTurns(servers: RunningServer[], settings: FanoutSettings): Promise<FanoutFigures[]> {
  const sides: Side[] = servers.map((server) => ({
    server,
    idle: processMemory(server.pid),
    group: new FanoutGroup({
      serverUrl: server.serverUrl,
      updatesPerSecond: settings.updatesPerSecond,
      rooms: settings.rooms.map(({ room, clients }) => ({
        room,
        tokens: Array.from({ length: clients }, (_, i) => server.token(room, i)),
      })),
    }),
    serverCpuMs: 0,
    harnessCpuMs: 0,
    machineCpuMs: 0,
    loadMs: 0,
  }));
  try {
    await Promise.all(sides.map((side) => side.group.ready()));
    // Warm-up, not measured: without it the side that ran first paid for the harness's JIT (+60 % at p50 between
    // two identical servers).
    for (const side of sides) {
      await side.group.load(Math.min(3000, (settings.seconds * 1000) / 4));
      await side.group.drain();
      side.group.startMeasuring();
    }
    const sliceMs = (settings.seconds * 1000) / settings.slices;
    for (let slice = 0; slice < settings.slices; slice++) {
      const order = slice % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) await loadSlice(side, sliceMs, slice === settings.slices - 1);
    }
    return sides.map(figures);
  } finally {
    for (const side of sides) side.group.close();
  }
}

async function loadSlice(side: Side, ms: number, last: boolean): Promise<void> {
  const server = processCpuMs(side.server.pid);
  const harness = process.cpuUsage();
  const machine = machineBusyMs();
  const start = performance.now();
  await side.group.load(ms);
  side.loadMs += performance.now() - start;
  side.serverCpuMs += processCpuMs(side.server.pid) - server;
  const used = process.cpuUsage(harness);
  side.harnessCpuMs += (used.user + used.system) / 1000;
  side.machineCpuMs += machineBusyMs() - machine;
  if (last) side.memory = processMemory(side.server.pid);
  await side.group.drain();
}

function figures(side: Side): FanoutFigures {
  const percent = (ms: number) => (ms / side.loadMs) * 100;
  return {
    ...side.group.result(),
    idle: side.idle,
    memory: side.memory ?? { rssKiB: Number.NaN, peakKiB: Number.NaN },
    serverCpuPercent: percent(side.serverCpuMs),
    harnessCpuPercent: percent(side.harnessCpuMs),
    othersCpuPercent: percent(side.machineCpuMs - side.serverCpuMs - side.harnessCpuMs),
  };
}
