import { describe, expect, it } from 'vitest';
import { runBacktest } from './run-backtest';
import { runWalkForward } from './run-walk-forward';
import { seededCandles } from './seeded-candles';
import { walkForwardWindows } from './walk-forward-windows';

describe('walkForwardWindows', () => {
  it('rolls train and test forward by the step; test follows train, never overlapping', () => {
    expect(walkForwardWindows(100, 40, 20)).toEqual([
      { index: 0, trainFrom: 0, trainTo: 40, testFrom: 40, testTo: 60 },
      { index: 1, trainFrom: 20, trainTo: 60, testFrom: 60, testTo: 80 },
      { index: 2, trainFrom: 40, trainTo: 80, testFrom: 80, testTo: 100 },
    ]);
    expect(walkForwardWindows(100, 40, 10, 25).map((w) => w.testFrom)).toEqual([40, 65, 90]);
  });

  it('refuses overlapping test windows and too little data', () => {
    expect(() => walkForwardWindows(100, 40, 20, 10)).toThrow(/do not overlap/);
    expect(() => walkForwardWindows(50, 40, 20)).toThrow(/too few/);
  });
});

describe('runWalkForward', () => {
  const candles = seededCandles(6000, 5, 900_000);
  const input = {
    candles,
    timeframe: '15m' as const,
    strategy: { id: 'sma-cross', params: { stopLossAtr: 0, takeProfitAtr: 0 } },
    grid: { fastPeriod: [5, 10, 15], slowPeriod: [30, 50] },
    metric: 'sharpe' as const,
    trainBars: 2000,
    testBars: 1000,
  };
  const result = runWalkForward(input);

  it('has one window per step, each tested right after its train part', () => {
    expect(result.windows.map((w) => [w.trainFrom, w.trainTo, w.testFrom, w.testTo])).toEqual([
      [0, 2000, 2000, 3000],
      [1000, 3000, 3000, 4000],
      [2000, 4000, 4000, 5000],
      [3000, 5000, 5000, 6000],
    ]);
    for (const w of result.windows) {
      expect(w.trainRange.to).toBeLessThan(w.testRange.from);
      expect(w.bestParams).not.toBeNull();
    }
  });

  it('uses only test bars out of sample: trades inside test windows, one point per test bar', () => {
    expect(result.outOfSample.bars).toBe(4000);
    expect(result.outOfSample.curves.equity).toHaveLength(4001);
    for (const t of result.outOfSample.trades) {
      const w = result.windows.find((x) => t.entryIndex >= x.testFrom && t.entryIndex < x.testTo);
      expect(w).toBeDefined();
      expect(t.exitIndex).toBeLessThan(w!.testTo);
    }
    expect(result.outOfSample.curves.time[0]).toBe(candles.time[2000]);
    expect(result.outOfSample.curves.time[4000]).toBe(candles.time[5999]! + 900_000);
  });

  it('picks the best train params and scores exactly them on the test bars', () => {
    const w = result.windows[1]!;
    const trainOnly = runBacktest({
      candles: {
        time: candles.time.subarray(w.trainFrom, w.trainTo),
        open: candles.open.subarray(w.trainFrom, w.trainTo),
        high: candles.high.subarray(w.trainFrom, w.trainTo),
        low: candles.low.subarray(w.trainFrom, w.trainTo),
        close: candles.close.subarray(w.trainFrom, w.trainTo),
        volume: candles.volume.subarray(w.trainFrom, w.trainTo),
      },
      timeframe: '15m',
      strategy: { id: 'sma-cross', params: w.bestParams! },
    });
    expect(w.trainScore).toBe(trainOnly.metrics.sharpe);
    expect(w.testTrades).toBe(
      result.outOfSample.trades.filter((t) => t.entryIndex >= w.testFrom && t.entryIndex < w.testTo)
        .length,
    );
  });

  it('chains the test windows: the out-of-sample curve ends at the sum of OOS trade P&L', () => {
    const sum = result.outOfSample.trades.reduce((acc, t) => acc + t.pnl, 0);
    const curve = result.outOfSample.curves.equity;
    expect(curve[0]).toBe(10_000);
    expect(Math.abs(curve[curve.length - 1]! - (10_000 + sum)) / 10_000).toBeLessThan(1e-9);
    expect(result.outOfSample.metrics.tradeCount).toBe(result.outOfSample.trades.length);
    expect(result.outOfSample.trades.map((t) => t.id)).toEqual(
      result.outOfSample.trades.map((_, i) => i + 1),
    );
  });
});
