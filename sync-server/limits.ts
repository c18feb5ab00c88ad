/**
 * A token bucket: `rate` per second sustained, `burst` at once after a quiet spell. One per connection, for its
 * document updates; an update over the limit is refused (the connection is closed), never applied and dropped.
 */
export class TokenBucket {
  #tokens: number;
  #last: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    now: number,
  ) {
    this.#tokens = burst;
    this.#last = now;
  }

  /** Whether a token is there at `now` (ms), without taking it. */
  ready(now: number): boolean {
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) * this.rate) / 1000);
    this.#last = now;
    return this.#tokens >= 1;
  }

  /** Takes one token at `now` (ms); false when there is none. */
  take(now: number): boolean {
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) * this.rate) / 1000);
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
