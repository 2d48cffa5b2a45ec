import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { curveStats } from './curve-stats';
import { maxDrawdown } from './max-drawdown';
import { periodReturns, sharpeRatio, sortinoRatio } from './returns';

function reference(equity: Float64Array, time: Float64Array, ppy: number) {
  const returns = periodReturns(equity);
  return {
    sharpe: sharpeRatio(returns, ppy),
    sortino: sortinoRatio(returns, ppy),
    drawdown: maxDrawdown({ equity, time }),
  };
}

/** Equity with repeats, zeros, falls and rises, and any double now and then (NaN, ±∞, −0…). */
const equityArb = fc
  .array(
    fc.oneof(
      { arbitrary: fc.double({ min: -50, max: 1e6, noNaN: true }), weight: 4 },
      { arbitrary: fc.double(), weight: 1 },
      { arbitrary: fc.constantFrom(0, 100, 100, 99.5, 100.5), weight: 4 },
    ),
    { maxLength: 60 },
  )
  .map((values) => Float64Array.from(values));

describe('curveStats', () => {
  it('equals sharpeRatio, sortinoRatio and maxDrawdown bit for bit', () => {
    fc.assert(
      fc.property(equityArb, fc.constantFrom(365, 8760, 525_600), (equity, ppy) => {
        const time = Float64Array.from(equity, (_, i) => i * 60_000);
        const got = curveStats({ equity, time }, ppy);
        const want = reference(equity, time, ppy);
        expect(Object.is(got.sharpe, want.sharpe)).toBe(true);
        expect(Object.is(got.sortino, want.sortino)).toBe(true);
        expect(got.drawdown).toEqual(want.drawdown);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives 0 ratios with fewer than two returns', () => {
    const one = curveStats({ equity: [100, 110], time: [0, 1] }, 365);
    expect([one.sharpe, one.sortino, one.drawdown.depth]).toEqual([0, 0, 0]);
  });
});
