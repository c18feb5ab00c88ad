/**
 * Scale-out benchmark (docs/admin/scale-out.md): the load of the sync benchmark — 200 clients in 20 rooms, 5 updates/s
 * each — on one PostgreSQL and one Redis (real servers from Debian's packages, started here), side by side in one run:
 *   1 instance without Redis · 1 instance publishing to Redis · 3 instances, each room's clients spread over them.
 * Throughput (updates sent and deliveries per second), fan-out latency, the instances' and Redis's CPU per update,
 * and what Redis adds per update: the instance's extra CPU with Redis plus Redis's own. Figures only.
 *
 * Env: BENCH_SCALE_SECONDS (20), BENCH_SYNC_CLIENTS (200).
 */
import { startPostgres, startRedis } from '../support/services.ts';
import { commandOutput } from '../support/sync-server.ts';
import { report, type BenchResult } from './report.ts';
import { FanoutGroup } from './sync-fanout.ts';
import { processCpuMs, startServerProcess, type ServerProcess } from './sync-process.ts';
import { OUR_MAIN } from './sync-servers.ts';
import { fmt, percentile } from './sync-table.ts';

const ROOMS = 20;
const UPDATES_PER_SECOND = 5;
const CONNECTIONS_PER_USER = 10;

interface Setup {
  label: string;
  instances: number;
  redis: boolean;
}

const SETUPS: Setup[] = [
  { label: '1 instance', instances: 1, redis: false },
  { label: '1 + Redis', instances: 1, redis: true },
  { label: '3 + Redis', instances: 3, redis: true },
];

interface Figures {
  sentPerSecond: number;
  deliveredPerSecond: number;
  deliveredShare: number;
  p50: number;
  p99: number;
  everyOtherP99: number;
  instanceCpuUsPerUpdate: number;
  redisCpuUsPerUpdate: number;
}

const command = (env: Record<string, string>, args: string[]) => commandOutput(args, env);

/** Teams for the setup's rooms, one user per 10 clients, a token each: room → tokens. */
async function accounts(env: Record<string, string>, rooms: string[], clientsPerRoom: number): Promise<Map<string, string[]>> {
  const tokens = new Map<string, string[]>();
  for (const room of rooms) {
    await command(env, ['team', 'add', room]);
    const list: string[] = [];
    for (let u = 1; u <= Math.ceil(clientsPerRoom / CONNECTIONS_PER_USER); u++) {
      await command(env, ['user', 'add', room, `u${u}`]);
      list.push(await command(env, ['token', room, `u${u}`]));
    }
    tokens.set(room, list);
  }
  return tokens;
}

async function runSetup(
  setup: Setup,
  store: Record<string, string>,
  redisUrl: string,
  redisPid: number,
  seconds: number,
  clients: number,
): Promise<Figures> {
  const env = { ...store, ...(setup.redis ? { REDIS_URL: redisUrl } : {}) };
  const rooms = Array.from({ length: ROOMS }, (_, i) => `scale-${setup.instances}${setup.redis ? 'r' : ''}-${i + 1}`);
  const perRoom = Math.floor(clients / ROOMS);
  const tokens = await accounts(store, rooms, perRoom);
  const instances: ServerProcess[] = [];
  for (let i = 0; i < setup.instances; i++) {
    instances.push(
      await startServerProcess({
        args: [OUR_MAIN],
        env: { ...env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: `/tmp/creditlens-scale-${process.pid}-${i}` },
        readyPort: (stdout) => {
          const port = /listening on ws:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1];
          return port === undefined ? undefined : Number(port);
        },
      }),
    );
  }
  const group = new FanoutGroup({
    serverUrl: instances.map((s) => `ws://127.0.0.1:${s.port}/team`),
    updatesPerSecond: UPDATES_PER_SECOND,
    rooms: rooms.map((room) => ({
      room,
      tokens: Array.from({ length: perRoom }, (_, c) => tokens.get(room)![Math.floor(c / CONNECTIONS_PER_USER)]!),
    })),
  });
  try {
    await group.ready();
    await group.load(Math.min(3_000, (seconds * 1000) / 4));
    await group.drain();
    group.startMeasuring();
    const cpuBefore = instances.reduce((sum, s) => sum + processCpuMs(s.pid), 0);
    const redisBefore = processCpuMs(redisPid);
    await group.load(seconds * 1000);
    await group.drain();
    const instanceCpu = instances.reduce((sum, s) => sum + processCpuMs(s.pid), 0) - cpuBefore;
    const redisCpu = setup.redis ? processCpuMs(redisPid) - redisBefore : 0;
    const result = group.result();
    return {
      sentPerSecond: result.sent / seconds,
      deliveredPerSecond: result.delivered / seconds,
      deliveredShare: result.delivered / Math.max(1, result.expectedDeliveries),
      p50: percentile(result.arrivals, 50),
      p99: percentile(result.arrivals, 99),
      everyOtherP99: percentile(result.complete, 99),
      instanceCpuUsPerUpdate: (instanceCpu * 1000) / Math.max(1, result.sent),
      redisCpuUsPerUpdate: (redisCpu * 1000) / Math.max(1, result.sent),
    };
  } finally {
    group.close();
    await Promise.all(instances.map((s) => s.stop()));
  }
}

export async function benchSyncScale(): Promise<BenchResult> {
  const seconds = Number(process.env.BENCH_SCALE_SECONDS ?? 20);
  const clients = Number(process.env.BENCH_SYNC_CLIENTS ?? 200);
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  try {
    const store = { STORE: 'postgres', DATABASE_URL: postgres.url };
    const figures: Figures[] = [];
    for (const setup of SETUPS) figures.push(await runSetup(setup, store, redis.url, redis.pid(), seconds, clients));
    const [alone, withRedis, three] = figures as [Figures, Figures, Figures];
    const row = (name: string, pick: (f: Figures) => string): [string, string] => [name, figures.map((f) => pick(f).padStart(12)).join('')];
    const us = (value: number) => `${value.toFixed(0)} µs`;
    return report(
      `sync scale-out: ${clients} clients in ${ROOMS} rooms, ${UPDATES_PER_SECOND} updates/s each, ${seconds} s, PostgreSQL store`,
      [
        ['', SETUPS.map((s) => s.label.padStart(12)).join('')],
        row('updates sent per second', (f) => fmt.perSecond(f.sentPerSecond)),
        row('deliveries per second', (f) => fmt.perSecond(f.deliveredPerSecond)),
        row('deliveries received / expected', (f) => `${(f.deliveredShare * 100).toFixed(2)} %`),
        row('fan-out latency p50', (f) => fmt.ms(f.p50)),
        row('fan-out latency p99', (f) => fmt.ms(f.p99)),
        row('at every other client p99', (f) => fmt.ms(f.everyOtherP99)),
        row("instances' CPU per update", (f) => us(f.instanceCpuUsPerUpdate)),
        row("Redis's CPU per update", (f) => us(f.redisCpuUsPerUpdate)),
        [
          'what Redis adds per update',
          `${us(withRedis.instanceCpuUsPerUpdate - alone.instanceCpuUsPerUpdate + withRedis.redisCpuUsPerUpdate)} of CPU (instance ${us(withRedis.instanceCpuUsPerUpdate - alone.instanceCpuUsPerUpdate)}, Redis ${us(withRedis.redisCpuUsPerUpdate)}); fan-out p99 ${fmt.ms(withRedis.p99 - alone.p99)}`,
        ],
        [
          '3 instances / 1 instance',
          `throughput ${(three.deliveredPerSecond / alone.deliveredPerSecond).toFixed(2)}, fan-out p99 ${(three.p99 / alone.p99).toFixed(2)} (on 2 cores all instances share the same CPUs: the point here is correctness under load, not more capacity)`,
        ],
      ],
    );
  } finally {
    await redis.stop();
    await postgres.stop();
  }
}
