/**
 * Sync scenario (b), the client side: many clients in several rooms each set a new entry `<sender>.<seq>` → sentAt
 * in the room's shared Y.Map at a fixed rate; every other client of the room records `now - sentAt` when the entry
 * arrives. A new key per update, so a server that batches several updates into one message still yields one sample
 * per update; a Y.Map because its events name the changed keys directly, where a Y.Array's delta walks the whole
 * array (quadratic: it cost the harness a full core). The send time is wall-clock ms (timeOrigin + now).
 *
 * One FanoutGroup is the clients of one server. The load runs in slices (`load(ms)`), so the benchmark can take
 * turns between two servers, each slice drained before the next.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { closeClients, connectClient, nowMs, whenSynced, type BenchClient } from './sync-clients.ts';

const MAP = 'fanout';
/** After a slice's last send, how long to wait at most for deliveries still on their way. */
const DRAIN_TIMEOUT_MS = 15_000;
/** Sampling interval of the harness's event-loop delay monitor. */
const LOOP_SAMPLE_MS = 1;

export interface FanoutRoom {
  room: string;
  /** One token per client of the room. */
  tokens: string[];
}

export interface FanoutPlan {
  /** One server, or several instances of one service: client i connects to the (i mod n)-th. */
  serverUrl: string | string[];
  rooms: FanoutRoom[];
  updatesPerSecond: number;
}

export interface FanoutResult {
  clients: number;
  sent: number;
  /** Each update × the other clients of its room. */
  expectedDeliveries: number;
  delivered: number;
  /** ms from send to arrival, one per (update, receiving client). */
  arrivals: Float64Array;
  /** ms from send to arrival at the last of the room's other clients, one per update that reached all of them. */
  complete: Float64Array;
  /** The worst delays of the harness's event loop during the load (ms): is the harness the limit? */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

/** Records arrivals: per receipt, and per update once its last receiver has it. */
class ArrivalLog {
  readonly arrivals: number[] = [];
  readonly complete: number[] = [];
  private readonly pending = new Map<number, { left: number; latest: number }>();

  constructor(private readonly receiversOf: (sender: number) => number) {}

  record(sender: number, seq: number, sentAt: number, at: number): void {
    const latency = at - sentAt;
    this.arrivals.push(latency);
    const key = sender * 1_000_000 + seq;
    const update = this.pending.get(key) ?? { left: this.receiversOf(sender), latest: 0 };
    update.left--;
    update.latest = Math.max(update.latest, latency);
    if (update.left > 0) this.pending.set(key, update);
    else {
      this.pending.delete(key);
      this.complete.push(update.latest);
    }
  }
}

export class FanoutGroup {
  private readonly clients: BenchClient[] = [];
  private readonly roomSizeOf: number[] = [];
  private readonly sent: number[] = [];
  private sentBeforeMeasuring = 0;
  private expected = 0;
  private log: ArrivalLog;
  private loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });

  constructor(private readonly plan: FanoutPlan) {
    const urls = Array.isArray(plan.serverUrl) ? plan.serverUrl : [plan.serverUrl];
    for (const { room, tokens } of plan.rooms) {
      for (const token of tokens) {
        this.roomSizeOf.push(tokens.length);
        this.sent.push(0);
        this.clients.push(connectClient(urls[this.clients.length % urls.length]!, room, token));
      }
    }
    this.log = this.newLog();
  }

  /** Every client synced, and listening for the others' entries. */
  async ready(): Promise<void> {
    await whenSynced(this.clients, 60_000);
    this.clients.forEach((client) => this.observeArrivals(client));
  }

  /** Forgets what was recorded so far (the warm-up): the figures count from here. */
  startMeasuring(): void {
    this.log = this.newLog();
    this.expected = 0;
    this.sentBeforeMeasuring = this.totalSent();
    this.loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
  }

  /** Every client sends for `ms`; resolves after the last send. */
  async load(ms: number): Promise<void> {
    const before = [...this.sent];
    this.loopDelay.enable();
    await sendFor(this.clients, this.sent, ms, 1000 / this.plan.updatesPerSecond);
    this.loopDelay.disable();
    this.expected += this.sent.reduce(
      (sum, count, sender) => sum + (count - (before[sender] ?? 0)) * ((this.roomSizeOf[sender] ?? 1) - 1),
      0,
    );
  }

  /** Waits until every expected arrival is in, or gives up after DRAIN_TIMEOUT_MS (the shortfall is reported). */
  async drain(): Promise<void> {
    const until = Date.now() + DRAIN_TIMEOUT_MS;
    while (this.log.arrivals.length < this.expected && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  result(): FanoutResult {
    return {
      clients: this.clients.length,
      sent: this.totalSent() - this.sentBeforeMeasuring,
      expectedDeliveries: this.expected,
      delivered: this.log.arrivals.length,
      arrivals: Float64Array.from(this.log.arrivals),
      complete: Float64Array.from(this.log.complete),
      // The histogram holds whole sampling intervals; the delay is what exceeds the interval.
      loopDelayP99Ms: Math.max(0, this.loopDelay.percentile(99) / 1e6 - LOOP_SAMPLE_MS),
      loopDelayMaxMs: Math.max(0, this.loopDelay.max / 1e6 - LOOP_SAMPLE_MS),
    };
  }

  close(): void {
    closeClients(this.clients);
  }

  private totalSent(): number {
    return this.sent.reduce((a, b) => a + b, 0);
  }

  private newLog(): ArrivalLog {
    return new ArrivalLog((sender) => (this.roomSizeOf[sender] ?? 1) - 1);
  }

  private observeArrivals(client: BenchClient): void {
    const map = client.doc.getMap<number>(MAP);
    map.observe((event, transaction) => {
      if (transaction.local) return;
      const at = nowMs();
      for (const key of event.keysChanged) {
        const dot = key.indexOf('.');
        this.log.record(Number(key.slice(0, dot)), Number(key.slice(dot + 1)), map.get(key) ?? Number.NaN, at);
      }
    });
  }
}

/**
 * Every client sets one entry per `periodMs`, each starting at a random phase so the sends spread evenly over
 * time instead of arriving in bursts of 200; `sent` counts each client's entries (its next sequence number).
 */
function sendFor(clients: readonly BenchClient[], sent: number[], durationMs: number, periodMs: number): Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const send = (sender: number) => {
    const seq = sent[sender] ?? 0;
    sent[sender] = seq + 1;
    (clients[sender] as BenchClient).doc.getMap<number>(MAP).set(`${sender}.${seq}`, nowMs());
  };
  return new Promise((resolve) => {
    clients.forEach((_, sender) => {
      timers.push(
        setTimeout(() => {
          send(sender);
          timers.push(setInterval(() => send(sender), periodMs));
        }, Math.random() * periodMs),
      );
    });
    setTimeout(() => {
      for (const timer of timers) clearTimeout(timer);
      resolve();
    }, durationMs);
  });
}
