import { describe, expect, it } from 'vitest';
import { runBacktest } from './run-backtest';
import { runSweep } from './run-sweep';
import { seededCandles } from './seeded-candles';

const candles = seededCandles(3000, 21, 900_000);
const strategy = { id: 'sma-cross', params: { stopLossAtr: 0, takeProfitAtr: 0 } };

describe('runSweep', () => {
  const result = runSweep({
    candles,
    timeframe: '15m',
    strategy,
    grid: { fastPeriod: [5, 10, 20], slowPeriod: { from: 20, to: 60, step: 20 } },
    metric: 'totalReturn',
  });

  it('runs every combination and ranks the valid ones by the metric, best first', () => {
    expect(result.combinations).toBe(9);
    // fast 20 / slow 20 is invalid (fast must be below slow)
    expect(result.invalid.map((e) => e.combo)).toEqual([{ fastPeriod: 20, slowPeriod: 20 }]);
    expect(result.invalid[0]?.error).toMatch(/Fast period must be below slow period/);
    expect(result.ranked).toHaveLength(8);
    const scores = result.ranked.map((e) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(result.best).toBe(result.ranked[0]);
  });

  it('scores each combination exactly as a single backtest with those params', () => {
    const best = result.best!;
    const single = runBacktest({
      candles,
      timeframe: '15m',
      strategy: { id: 'sma-cross', params: best.params },
    });
    expect(best.metrics).toEqual(single.metrics);
    expect(best.score).toBe(single.metrics.totalReturnPct);
  });

  it('flags a best result with fewer trades than minTrades', () => {
    const few = runSweep({
      candles,
      timeframe: '15m',
      strategy,
      grid: { fastPeriod: [50], slowPeriod: [200] },
      minTrades: 1000,
    });
    expect(few.warnings).toEqual([
      expect.objectContaining({
        code: 'TOO_FEW_TRADES',
        minTrades: 1000,
        trades: few.best!.metrics!.tradeCount,
      }),
    ]);
  });

  it('reports NO_VALID_RESULT when no combination can run', () => {
    const none = runSweep({
      candles,
      timeframe: '15m',
      strategy,
      grid: { fastPeriod: [30], slowPeriod: [10] },
    });
    expect(none.best).toBeNull();
    expect(none.warnings.map((w) => w.code)).toEqual(['NO_VALID_RESULT']);
  });

  it('ranks by each supported metric and keeps grid order among ties', () => {
    for (const metric of ['sharpe', 'sortino', 'calmar', 'profitFactor'] as const) {
      const r = runSweep({
        candles,
        timeframe: '15m',
        strategy,
        grid: { fastPeriod: [5, 10], slowPeriod: [30, 40] },
        metric,
      });
      expect(r.best!.score).toBe(r.best!.metrics![metric]);
      for (let i = 1; i < r.ranked.length; i++) {
        const [a, b] = [r.ranked[i - 1]!, r.ranked[i]!];
        expect(a.score > b.score || (a.score === b.score && a.index < b.index)).toBe(true);
      }
    }
  });
});
