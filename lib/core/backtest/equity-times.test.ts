import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countOnes, equityTimes } from './equity-times';

describe('countOnes', () => {
  it('counts the set flags of any length and offset', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 1)), fc.nat(5), (bits, offset) => {
        const flags = new Uint8Array(bits.length + offset).subarray(offset);
        flags.set(bits);
        expect(countOnes(flags)).toBe(bits.filter((b) => b === 1).length);
      }),
    );
  });

  it('counts a million all-set flags', () => {
    expect(countOnes(new Uint8Array(1_000_003).fill(1))).toBe(1_000_003);
  });
});

describe('equityTimes', () => {
  it('is the first traded open, then each close', () => {
    expect(Array.from(equityTimes(Float64Array.from([0, 60, 120, 180]), 1, 60))).toEqual([
      60, 120, 180, 240,
    ]);
  });
});
