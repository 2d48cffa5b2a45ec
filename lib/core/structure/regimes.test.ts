import { describe, expect, it } from 'vitest';
import { TrendRegimeTracker } from './trend-regime';
import { VolatilityRegimeTracker } from './volatility-regime';

const trendOptions = {
  adxPeriod: 14,
  adxThreshold: 25,
  trendMa: 'ema' as const,
  trendMaPeriod: 20,
  slopeBars: 5,
  minSlopePct: 0,
};

function runTrend(closes: number[]): TrendRegimeTracker {
  const t = new TrendRegimeTracker(trendOptions);
  for (const c of closes) t.update(c * 1.002, c * 0.998, c);
  return t;
}

describe('TrendRegimeTracker', () => {
  it('calls a steady rise trend-up and a steady fall trend-down', () => {
    const up = runTrend(Array.from({ length: 80 }, (_, i) => 100 * 1.01 ** i));
    expect(up.regime).toBe('trend-up');
    expect(up.adx).toBeGreaterThan(50);
    // The EMA of a geometric series grows at the series' rate once its seed has decayed.
    expect(up.slopePct).toBeCloseTo((1.01 ** 5 - 1) * 100, 2);
    const down = runTrend(Array.from({ length: 80 }, (_, i) => 100 * 0.99 ** i));
    expect(down.regime).toBe('trend-down');
  });

  it('calls a back-and-forth market range (ADX low)', () => {
    const t = runTrend(Array.from({ length: 120 }, (_, i) => 100 + (i % 2 === 0 ? 1 : -1)));
    expect(t.adx).toBeLessThan(25);
    expect(t.regime).toBe('range');
  });

  it('is null until the ADX and the slope are warmed up', () => {
    expect(runTrend(Array.from({ length: 26 }, (_, i) => 100 + i)).regime).toBeNull();
  });
});

describe('VolatilityRegimeTracker', () => {
  const options = { atrPeriod: 1, volatilityLookback: 5, lowPercentile: 20, highPercentile: 80 };

  it('ranks the current ATR% in its window: 0 lowest, 100 highest, ties halved', () => {
    const v = new VolatilityRegimeTracker(options);
    // ATR(1) of bars without gaps = high − low; close 100 → ATR% = range.
    const ranges = [2, 3, 4, 5];
    for (const r of ranges) v.update(100 + r / 2, 100 - r / 2, 100);
    expect(v.percentile).toBeNull();
    v.update(103, 97, 100); // range 6: highest of 2, 3, 4, 5, 6
    expect([v.percentile, v.regime]).toEqual([100, 'high']);
    v.update(100.5, 99.5, 100); // range 1 among 3, 4, 5, 6, 1: lowest
    expect([v.percentile, v.regime]).toEqual([0, 'low']);
    v.update(102, 98, 100); // range 4 among 4, 5, 6, 1, 4: one below, one tie
    expect(v.percentile).toBe(((1 + 0.5) / 4) * 100);
    expect(v.regime).toBe('normal');
    expect(v.atrPct).toBeCloseTo(4, 12);
  });
});
