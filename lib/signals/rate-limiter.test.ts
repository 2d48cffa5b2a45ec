import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter';

describe('createRateLimiter', () => {
  it('allows a burst, then the refill rate, per key', () => {
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 2 });
    expect([0, 0, 0, 0].map(() => limiter.take('a', 1000))).toEqual([true, true, true, false]);
    expect(limiter.take('b', 1000)).toBe(true);
    expect(limiter.take('a', 1400)).toBe(false);
    expect(limiter.take('a', 1500)).toBe(true);
    expect(limiter.take('a', 1500)).toBe(false);
  });
});
