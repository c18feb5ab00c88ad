/**
 * Fan-out over Redis pub/sub (REDIS_URL): one channel per document for updates and one for presence. Each message
 * starts with the sending instance's id, so an instance skips its own. Pub/sub keeps nothing: while Redis is away
 * messages are lost — but every update is committed to the shared store before it is published, so when the
 * connection comes back each instance reloads its open documents from the store and is whole again (Yjs applies
 * what it already has as a no-op). Its clients receive what they missed as ordinary updates.
 */
import crypto from 'node:crypto';
import type { Redis } from 'ioredis';
import type { FanOut } from './fan-out.ts';

const UPDATES = 'creditlens:updates:';
const AWARENESS = 'creditlens:awareness:';

export class RedisFanOut implements FanOut {
  readonly #id = crypto.randomBytes(16);
  readonly #early = new Map<string, (update: Uint8Array) => void>();
  #onUpdate: (name: string, update: Uint8Array) => void = () => {};
  #onAwareness: (name: string, update: Uint8Array) => void = () => {};
  #onReconnect: () => void = () => {};

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    log: (line: string) => void,
  ) {
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      // A message that is not a Yjs update (another program on the channel, a bug) is dropped with a line, never
      // allowed to throw into the Redis client.
      try {
        this.#receive(channel.toString(), message);
      } catch (error) {
        log(`redis: dropped a message on ${channel.toString()} that could not be applied: ${String(error)}`);
      }
    });
    let lost = false;
    for (const [role, connection] of [
      ['publisher', publisher],
      ['subscriber', subscriber],
    ] as const) {
      connection.on('error', (error: Error) => {
        if (!lost) log(`redis ${role}: ${error.message}; reconnecting`);
        lost = true;
      });
    }
    // `ready` again after a lost connection (ioredis resubscribes first): catch up from the store.
    subscriber.on('ready', () => {
      if (!lost) return;
      lost = false;
      log('redis: connection back; reloading open documents from the store');
      // Now, and once more a moment later in case the resubscription was still under way.
      this.#onReconnect();
      setTimeout(() => this.#onReconnect(), 1_000).unref();
    });
  }

  static async connect(url: string, log: (line: string) => void): Promise<RedisFanOut> {
    // Loaded here, not at the top: a single instance never pays for the client's memory.
    const { Redis: Client } = await import('ioredis');
    const options = { lazyConnect: true, maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(times * 100, 1_000) };
    // No offline queue for publishing: while Redis is away a publish fails at once (and is made good by the reload
    // after reconnecting) instead of piling up in memory.
    const publisher = new Client(url, { ...options, enableOfflineQueue: false });
    const subscriber = new Client(url, options);
    await Promise.all([publisher.connect(), subscriber.connect()]);
    return new RedisFanOut(publisher, subscriber, log);
  }

  /** Called when the connection came back after a loss (messages may have been missed). */
  onReconnect(handler: () => void): void {
    this.#onReconnect = handler;
  }

  #receive(channel: string, message: Buffer): void {
    if (message.length < 16 || message.subarray(0, 16).equals(this.#id)) return;
    const payload = new Uint8Array(message.buffer, message.byteOffset + 16, message.byteLength - 16);
    if (channel.startsWith(UPDATES)) {
      const name = channel.slice(UPDATES.length);
      this.#early.get(name)?.(payload);
      this.#onUpdate(name, payload);
    } else if (channel.startsWith(AWARENESS)) {
      this.#onAwareness(channel.slice(AWARENESS.length), payload);
    }
  }

  async subscribe(name: string, early: (update: Uint8Array) => void): Promise<() => void> {
    this.#early.set(name, early);
    await this.subscriber.subscribe(UPDATES + name, AWARENESS + name);
    return () => this.#early.delete(name);
  }

  async unsubscribe(name: string): Promise<void> {
    this.#early.delete(name);
    await this.subscriber.unsubscribe(UPDATES + name, AWARENESS + name);
  }

  #publish(channel: string, payload: Uint8Array): void {
    this.publisher.publish(channel, Buffer.concat([this.#id, payload])).catch(() => {
      // Lost with the connection; the reload after reconnecting brings it to the others.
    });
  }

  publishUpdate(name: string, update: Uint8Array): void {
    this.#publish(UPDATES + name, update);
  }

  publishAwareness(name: string, update: Uint8Array): void {
    this.#publish(AWARENESS + name, update);
  }

  onUpdate(handler: (name: string, update: Uint8Array) => void): void {
    this.#onUpdate = handler;
  }

  onAwareness(handler: (name: string, update: Uint8Array) => void): void {
    this.#onAwareness = handler;
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    await this.publisher.quit().catch(() => this.publisher.disconnect());
  }
}
