/** The sync benchmark's figures: what each scenario measured, as rows of ours, reference and ours/reference. */
import os from 'node:os';
import { median, type BenchResult } from './report.ts';
import type { ConvergeRound } from './sync-converge.ts';
import type { FanoutFigures } from './sync-fanout-run.ts';
import type { JoinFigures } from './sync-join.ts';
import { compareTable, fmt, percentile, type ComparedFigure } from './sync-table.ts';

/** Above this much CPU of other processes during (b), the table warns that the figures are not clean. */
const BUSY_MACHINE_PERCENT = 25;

type Pair<T> = { ours: T; reference: T };

export interface SyncRun {
  seconds: number;
  clients: number;
  rooms: number;
  updatesPerSecond: number;
  updates: number;
  /** Scenario (a), every round of each side. */
  converge: Pair<ConvergeRound[]>;
  /** Scenario (b). */
  load: Pair<FanoutFigures>;
  /** Scenario (c), against the reference: the room in memory only (the reference keeps nothing without clients). */
  join: Pair<JoinFigures>;
  joinKeys: number;
  labels: Pair<string>;
  setupMs: number;
  loadAverageAtStart: number;
}

/** Scenario (c) against Hocuspocus 4.7 + its SQLite extension: the room in memory, and loaded from the store. */
export function printJoinTable(run: { keys: number; labels: Pair<string>; title?: string } & Pair<JoinFigures>): BenchResult {
  const spread = (values: number[]) => (values.length === 0 ? '' : ` (${fmt.ms(Math.min(...values))}–${fmt.ms(Math.max(...values))})`);
  const row = (name: string, pick: (figures: JoinFigures) => number[]): ComparedFigure => ({
    name: `${name} (median of ${pick(run.ours).length})`,
    better: 'lower',
    format: fmt.ms,
    ours: median(pick(run.ours)),
    reference: median(pick(run.reference)),
  });
  return compareTable(
    `sync: ours vs ${run.title ?? 'Hocuspocus 4.7.0 + @hocuspocus/extension-sqlite 4.7.0'} — (c) a client joining a room of ${fmt.count(run.keys)} keys`,
    run.labels,
    [row('(c) late join, room in memory', (f) => f.warm), row('(c) late join, room loaded from the store', (f) => f.cold)],
    [
      ['ours, every join: in memory / from the store', `${spread(run.ours.warm).trim()} / ${spread(run.ours.cold).trim()}`],
      [
        `${run.labels.reference}, every join: in memory / from the store`,
        `${spread(run.reference.warm).trim()} / ${spread(run.reference.cold).trim()}`,
      ],
    ],
  );
}

export function printSyncTable(run: SyncRun): BenchResult {
  const { converge: rounds, load } = run;
  const convergeMs = { ours: median(rounds.ours.map((r) => r.ms)), reference: median(rounds.reference.map((r) => r.ms)) };
  const eachRound = (name: string, pick: (round: ConvergeRound) => number): ComparedFigure => ({
    name,
    better: 'info',
    format: fmt.percent,
    ours: median(rounds.ours.map(pick)),
    reference: median(rounds.reference.map(pick)),
  });
  const both = (
    name: string,
    better: ComparedFigure['better'],
    format: (v: number) => string,
    pick: (side: FanoutFigures) => number,
  ): ComparedFigure => ({ name, better, format, ours: pick(load.ours), reference: pick(load.reference) });
  const figures: ComparedFigure[] = [
    {
      name: `(a) ${fmt.count(run.updates)} updates, 2 clients: converged (median of ${rounds.ours.length})`,
      better: 'lower',
      format: fmt.ms,
      ...convergeMs,
    },
    {
      name: '(a) updates/s',
      better: 'higher',
      format: fmt.perSecond,
      ours: run.updates / (convergeMs.ours / 1000),
      reference: run.updates / (convergeMs.reference / 1000),
    },
    eachRound('(a) server CPU (% of a core)', (r) => r.serverCpuPercent),
    eachRound('(a) harness CPU (% of a core)', (r) => r.harnessCpuPercent),
    both('(b) arrival latency p50', 'lower', fmt.ms, (s) => percentile(s.arrivals, 50)),
    both('(b) arrival latency p99', 'lower', fmt.ms, (s) => percentile(s.arrivals, 99)),
    both('(b) at every other client p50', 'lower', fmt.ms, (s) => percentile(s.complete, 50)),
    both('(b) at every other client p99', 'lower', fmt.ms, (s) => percentile(s.complete, 99)),
    both('(b) server RSS at end of load', 'lower', fmt.mib, (s) => s.memory.rssKiB),
    both('(b) server RSS at start, before any client', 'info', fmt.mib, (s) => s.idle.rssKiB),
    both('(b) server RSS growth, start → end of load', 'lower', fmt.mib, (s) => s.memory.rssKiB - s.idle.rssKiB),
    both('(b) server peak RSS (VmHWM)', 'lower', fmt.mib, (s) => s.memory.peakKiB),
    both('(b) server CPU during load (% of a core)', 'lower', fmt.percent, (s) => s.serverCpuPercent),
    both('(b) updates sent', 'info', fmt.count, (s) => s.sent),
    both(
      '(b) deliveries received / expected %',
      'info',
      (v) => `${v.toFixed(2)} %`,
      (s) => (s.delivered / s.expectedDeliveries) * 100,
    ),
    both('(b) harness CPU during load (% of a core)', 'info', fmt.percent, (s) => s.harnessCpuPercent),
    both('(b) harness event-loop delay p99', 'info', fmt.ms, (s) => s.loopDelayP99Ms),
    both("(b) other processes' CPU during load (% of a core)", 'info', fmt.percent, (s) => Math.max(0, s.othersCpuPercent)),
    {
      name: `(c) late join, ${fmt.count(run.joinKeys)} keys, room in memory (median of ${run.join.ours.warm.length})`,
      better: 'lower',
      format: fmt.ms,
      ours: median(run.join.ours.warm),
      reference: median(run.join.reference.warm),
    },
  ];
  const busiest = Math.max(load.ours.othersCpuPercent, load.reference.othersCpuPercent);
  const quiet: Array<[string, string]> =
    busiest > BUSY_MACHINE_PERCENT
      ? [['warning', `other processes used up to ${busiest.toFixed(0)} % of a core during the load: latencies are skewed`]]
      : [];
  return compareTable(
    `sync: ours vs @y/websocket-server 0.1.1 — (b) ${run.clients} clients in ${run.rooms} rooms, ` +
      `${run.updatesPerSecond} updates/s each for ${run.seconds} s`,
    run.labels,
    figures,
    [
      ['set-up of our accounts (not timed above)', `${(run.setupMs / 1000).toFixed(1)} s`],
      [
        'machine load average (1 min), start → end',
        `${run.loadAverageAtStart.toFixed(1)} → ${os.loadavg()[0]?.toFixed(1)} on ${os.availableParallelism()} cores`,
      ],
      ...quiet,
    ],
  );
}
