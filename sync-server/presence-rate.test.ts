import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenBucket } from './limits.ts';
import { PresenceThrottle } from './presence-rate.ts';

const update = (entries: [number, number, string][]) =>
  encoding.encode((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const [id, clock, state] of entries) {
      encoding.writeVarUint(e, id);
      encoding.writeVarUint(e, clock);
      encoding.writeVarString(e, state);
    }
  });

const read = (u: Uint8Array) => {
  const d = decoding.createDecoder(u);
  return Array.from({ length: decoding.readVarUint(d) }, () => [
    decoding.readVarUint(d),
    decoding.readVarUint(d),
    decoding.readVarString(d),
  ]);
};

afterEach(() => vi.useRealTimers());

describe('presence rate', () => {
  it('passes what the buckets allow, coalesces the rest to the latest entry per id, and shares the user’s bucket', () => {
    vi.useFakeTimers({ now: 0 });
    const applied: unknown[][] = [];
    const user = new TokenBucket(3, 3, 0);
    const one = new PresenceThrottle(new TokenBucket(2, 2, 0), user, 100, (u) => applied.push(read(u)));
    const two = new PresenceThrottle(new TokenBucket(2, 2, 0), user, 100, (u) => applied.push(read(u)));
    for (let clock = 1; clock <= 50; clock++) expect(one.offer(update([[1, clock, `"${clock}"`]]), new Set([1]), 0)).toBeUndefined();
    two.offer(update([[2, 1, '"a"']]), new Set(), 0);
    two.offer(update([[2, 2, '"b"']]), new Set(), 0);
    expect(applied).toEqual([[[1, 1, '"1"']], [[1, 2, '"2"']], [[2, 1, '"a"']]]);
    vi.advanceTimersByTime(1_000);
    expect(applied.slice(3)).toEqual(expect.arrayContaining([[[1, 50, '"50"']], [[2, 2, '"b"']]]));
    expect(applied).toHaveLength(5);
    one.stop();
    two.stop();
    // Ids waiting count with those applied: no more than 4 in all.
    const three = new PresenceThrottle(new TokenBucket(1, 1, 0), new TokenBucket(1, 1, 0), 100, () => {});
    expect(three.offer(update([[5, 1, '"x"']]), new Set(), 2_000)).toBeUndefined();
    expect(
      three.offer(
        update([
          [6, 1, '"x"'],
          [7, 1, '"x"'],
          [8, 1, '"x"'],
        ]),
        new Set([5]),
        2_000,
      ),
    ).toBeUndefined();
    expect(three.offer(update([[9, 1, '"x"']]), new Set([5]), 2_000)).toBe('more than 4 presence states on one connection');
    three.stop();
  });
});
