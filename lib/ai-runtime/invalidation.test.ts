import { describe, expect, it } from 'vitest';
import { invalidationHit, invalidationOf } from './invalidation';

describe('invalidation', () => {
  const below = { type: 'close_below' as const, price: 100, text: 'Below the swing low.' };

  it('is hit only by a close through the level', () => {
    expect(invalidationHit(below, 99.99)).toBe(true);
    expect(invalidationHit(below, 100)).toBe(false);
    expect(invalidationHit({ ...below, type: 'close_above' }, 100.01)).toBe(true);
    expect(invalidationHit({ ...below, type: 'close_above' }, 99)).toBe(false);
    expect(invalidationHit(below, Number.NaN)).toBe(false);
  });

  it('reads a valid invalidation from a parsed decision and ignores anything else', () => {
    expect(invalidationOf({ action: 'buy', invalidation: below })).toEqual(below);
    expect(
      invalidationOf({ invalidation: { type: 'close_below', price: -1, text: 'x' } }),
    ).toBeNull();
    expect(invalidationOf({ invalidation: null })).toBeNull();
    expect(invalidationOf(null)).toBeNull();
  });
});
