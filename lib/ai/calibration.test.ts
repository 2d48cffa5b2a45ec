import { describe, expect, it } from 'vitest';
import { calibrate } from './calibration';

describe('calibrate', () => {
  it('buckets confidence against take-profit-before-stop-loss with the Brier score', () => {
    const result = calibrate([
      { confidence: 80, exitReason: 'take_profit' },
      { confidence: 85, exitReason: 'stop_loss' },
      { confidence: 60, exitReason: 'take_profit' },
      { confidence: 100, exitReason: 'take_profit' },
      { confidence: 70, exitReason: 'timeout' },
      { confidence: 65, exitReason: null },
    ]);
    expect(result.samples).toBe(4);
    expect(result.skipped).toBe(2);
    // (0.8-1)^2 + (0.85-0)^2 + (0.6-1)^2 + (1-1)^2 = 0.04 + 0.7225 + 0.16 + 0 = 0.9225 → /4
    expect(result.brierScore).toBeCloseTo(0.230625, 12);
    const b80 = result.buckets[8]!;
    expect(b80).toEqual({
      from: 80,
      to: 90,
      count: 2,
      wins: 1,
      avgConfidence: 82.5,
      hitRatePct: 50,
      gapPct: -32.5,
    });
    expect(result.buckets[9]!.count).toBe(1); // 100 belongs to the last bucket
    expect(result.buckets[6]!.hitRatePct).toBe(100);
    expect(result.buckets[0]!.hitRatePct).toBeNull();
  });

  it('is perfect for certain, correct calls and empty without outcomes', () => {
    expect(
      calibrate([
        { confidence: 100, exitReason: 'take_profit' },
        { confidence: 0, exitReason: 'stop_loss' },
      ]).brierScore,
    ).toBe(0);
    expect(calibrate([]).brierScore).toBeNull();
    expect(calibrate([], 25).buckets.map((b) => b.from)).toEqual([0, 25, 50, 75]);
    expect(() => calibrate([], 30)).toThrow(RangeError);
  });
});
