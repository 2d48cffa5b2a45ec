import { describe, expect, it } from 'vitest';
import { adjustForPerformance } from './adjust-for-performance';
import { makePolicy } from './test-fixtures';

const policy = makePolicy();

describe('adjustForPerformance', () => {
  it('changes nothing without a record or with a good one', () => {
    const unchanged = { minConfidence: 60, baseMinConfidence: 60, sizeMultiplier: 1, reasons: [] };
    expect(adjustForPerformance(policy, null)).toEqual(unchanged);
    expect(
      adjustForPerformance(policy, { closedTrades: 15, winRatePct: 40, losingStreak: 2 }),
    ).toEqual(unchanged);
  });

  it('tightens after a low win rate over enough trades', () => {
    expect(
      adjustForPerformance(policy, { closedTrades: 5, winRatePct: 20, losingStreak: 0 }),
    ).toEqual({
      minConfidence: 70,
      baseMinConfidence: 60,
      sizeMultiplier: 0.5,
      reasons: [
        {
          code: 'LOW_WIN_RATE',
          message: 'Win rate 20% over the last 5 closed trades is below 40%',
          observed: 20,
          limit: 40,
        },
      ],
    });
  });

  it('ignores the win rate with too few trades', () => {
    expect(
      adjustForPerformance(policy, { closedTrades: 4, winRatePct: 0, losingStreak: 2 })
        .sizeMultiplier,
    ).toBe(1);
  });

  it('tightens after a losing streak regardless of the trade count', () => {
    const result = adjustForPerformance(policy, {
      closedTrades: 3,
      winRatePct: 0,
      losingStreak: 3,
    });
    expect(result.minConfidence).toBe(70);
    expect(result.reasons).toEqual([
      {
        code: 'LOSING_STREAK',
        message: '3 losing trades in a row (threshold 3)',
        observed: 3,
        limit: 3,
      },
    ]);
  });

  it('uses the configured amounts, caps confidence at 100, and can be switched off', () => {
    const custom = makePolicy({
      minConfidence: { min: 95 },
      performance: { confidenceIncrease: 20, sizeMultiplier: 0.25 },
    });
    const poor = { closedTrades: 15, winRatePct: 10, losingStreak: 6 };
    expect(adjustForPerformance(custom, poor)).toMatchObject({
      minConfidence: 100,
      sizeMultiplier: 0.25,
    });
    const off = makePolicy({ performance: { enabled: false } });
    expect(adjustForPerformance(off, poor)).toMatchObject({
      minConfidence: 60,
      sizeMultiplier: 1,
      reasons: [],
    });
  });
});
