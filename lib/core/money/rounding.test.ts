import { describe, it, expect } from 'vitest';
import { divRound, ROUNDING_MODES, type RoundingMode } from './rounding';

/** Java's RoundingMode table: value ×10 divided by 10 gives the value itself. */
const TABLE: Record<string, Record<RoundingMode, number>> = {
  '5.5': { down: 5, up: 6, floor: 5, ceil: 6, 'half-up': 6, 'half-even': 6 },
  '2.5': { down: 2, up: 3, floor: 2, ceil: 3, 'half-up': 3, 'half-even': 2 },
  '1.6': { down: 1, up: 2, floor: 1, ceil: 2, 'half-up': 2, 'half-even': 2 },
  '1.1': { down: 1, up: 2, floor: 1, ceil: 2, 'half-up': 1, 'half-even': 1 },
  '1.0': { down: 1, up: 1, floor: 1, ceil: 1, 'half-up': 1, 'half-even': 1 },
  '-1.0': { down: -1, up: -1, floor: -1, ceil: -1, 'half-up': -1, 'half-even': -1 },
  '-1.1': { down: -1, up: -2, floor: -2, ceil: -1, 'half-up': -1, 'half-even': -1 },
  '-1.6': { down: -1, up: -2, floor: -2, ceil: -1, 'half-up': -2, 'half-even': -2 },
  '-2.5': { down: -2, up: -3, floor: -3, ceil: -2, 'half-up': -3, 'half-even': -2 },
  '-5.5': { down: -5, up: -6, floor: -6, ceil: -5, 'half-up': -6, 'half-even': -6 },
};

describe('divRound', () => {
  for (const [value, expected] of Object.entries(TABLE)) {
    for (const mode of ROUNDING_MODES) {
      it(`${value} rounds ${mode} to ${expected[mode]}`, () => {
        const tenths = BigInt(Math.round(Number(value) * 10));
        expect(divRound(tenths, 10n, mode)).toBe(BigInt(expected[mode]));
      });
    }
  }

  it('handles a negative divisor like a negative dividend', () => {
    expect(divRound(25n, -10n, 'half-even')).toBe(-2n);
    expect(divRound(11n, -10n, 'floor')).toBe(-2n);
    expect(divRound(-11n, -10n, 'ceil')).toBe(2n);
  });

  it('rejects division by zero', () => {
    expect(() => divRound(1n, 0n, 'down')).toThrow(RangeError);
  });
});
