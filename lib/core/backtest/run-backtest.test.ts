import { describe, expect, it } from 'vitest';
import { StrategyError } from '../strategy';
import { BacktestError } from './backtest-error';
import { runBacktest } from './run-backtest';
import { scriptedStrategy } from './scripted-strategy';
import { candlesFromRows, seededCandles } from './seeded-candles';
import { toJsonResult } from './to-json-result';

const candles = seededCandles(3000, 11);

describe('runBacktest input checks', () => {
  it('rejects inconsistent candles with the first bad index', () => {
    const bad = candlesFromRows([
      [100, 101, 99, 100],
      [100, 99, 98, 100],
    ]);
    expect(() =>
      runBacktest({ candles: bad, timeframe: '1m', strategy: { id: 'sma-cross' } }),
    ).toThrow(/Candle 1 .*low <= open, close <= high/);
    const unsorted = candlesFromRows([
      [100, 101, 99, 100],
      [100, 101, 99, 100],
    ]);
    unsorted.time[1] = unsorted.time[0]!;
    expect(() =>
      runBacktest({ candles: unsorted, timeframe: '1m', strategy: { id: 'sma-cross' } }),
    ).toThrow(BacktestError);
  });

  it('passes on unknown strategies and bad params as StrategyError', () => {
    expect(() => runBacktest({ candles, timeframe: '1m', strategy: { id: 'nope' } })).toThrow(
      StrategyError,
    );
    expect(() =>
      runBacktest({
        candles,
        timeframe: '1m',
        strategy: { id: 'sma-cross', params: { fastPeriod: 50, slowPeriod: 10 } },
      }),
    ).toThrow(/Fast period must be below slow period/);
  });

  it('rejects bad options with the field named', () => {
    expect(() =>
      runBacktest({
        candles,
        timeframe: '1m',
        strategy: { id: 'sma-cross' },
        options: { feeRate: 2 },
      }),
    ).toThrow(/feeRate/);
  });
});

describe('runBacktest output', () => {
  const result = runBacktest({
    candles,
    timeframe: '1m',
    symbol: 'BTC/USDT',
    strategy: { id: 'sma-cross', params: { fastPeriod: 8 }, version: 'v3' },
    options: { slippageBps: 5 },
  });

  it('records the parsed params, version, range and engine version', () => {
    expect(result.config.strategy).toEqual({
      id: 'sma-cross',
      params: { fastPeriod: 8, slowPeriod: 30, atrPeriod: 14, stopLossAtr: 2, takeProfitAtr: 4 },
      version: 'v3',
    });
    expect(result.config.symbol).toBe('BTC/USDT');
    expect(result.config.range).toEqual({
      from: candles.time[0],
      to: candles.time[2999],
      bars: 3000,
      warmupBars: 0,
    });
  });

  it('reproduces itself exactly from its own configuration', () => {
    const again = runBacktest({
      candles,
      timeframe: result.config.timeframe,
      symbol: result.config.symbol,
      strategy: result.config.strategy,
      options: result.config.options,
    });
    expect(again.trades).toEqual(result.trades);
    expect(again.metrics).toEqual(result.metrics);
  });

  it('gives curves one point longer than the bars, and JSON-safe data via toJsonResult', () => {
    expect(result.curves.equity).toHaveLength(3001);
    expect(result.curves.drawdownPct).toHaveLength(3001);
    const json = JSON.parse(JSON.stringify(toJsonResult(result, 200))) as ReturnType<
      typeof toJsonResult
    >;
    expect(json.curves.points).toBe(3001);
    expect(json.curves.equity.values.length).toBeLessThanOrEqual(200);
    expect(Math.min(...json.curves.drawdownPct.values)).toBe(
      Math.min(...result.curves.drawdownPct),
    );
    expect(json.trades).toEqual(result.trades);
    expect(json.semantics.fillTiming).toMatch(/next-open/);
  });

  it('writes infinite ratios as null in JSON (a profit factor without a losing trade)', () => {
    const rising = candlesFromRows(
      Array.from({ length: 8 }, (_, i) => [100 + i, 101 + i, 99 + i, 100 + i] as const),
    );
    const won = runBacktest({
      candles: rising,
      timeframe: '1m',
      strategy: { id: 'script' },
      instance: scriptedStrategy({ 0: { action: 'buy' } }),
      options: { feeRate: 0 },
    });
    expect(won.metrics.profitFactor).toBe(Infinity);
    const json = JSON.parse(JSON.stringify(toJsonResult(won))) as {
      metrics: { profitFactor: unknown };
    };
    expect(json.metrics.profitFactor).toBeNull();
  });

  it('reports its fees and signals consistently', () => {
    const fees = result.trades.reduce((acc, t) => acc + t.fees, 0);
    expect(result.stats.totalFees).toBeCloseTo(fees, 9);
    expect(result.metrics.totalFees).toBeCloseTo(fees, 9);
    expect(result.stats.buySignals).toBe(result.trades.length);
  });
});

describe('warm-up window, progress and cancellation', () => {
  it('only warms the strategy up before tradeFrom: same decisions, no trades there', () => {
    const full = runBacktest({ candles, timeframe: '1m', strategy: { id: 'sma-cross' } });
    const late = runBacktest({
      candles,
      timeframe: '1m',
      strategy: { id: 'sma-cross' },
      tradeFrom: 1500,
    });
    expect(late.curves.equity).toHaveLength(1501);
    expect(late.config.range).toMatchObject({
      from: candles.time[1500],
      bars: 1500,
      warmupBars: 1500,
    });
    expect(late.trades.every((t) => t.entryIndex > 1500)).toBe(true);
    // once both runs are flat at the same bar, their entries agree from there on
    const firstLate = late.trades[0]!;
    const same = full.trades.find((t) => t.entryIndex === firstLate.entryIndex);
    expect(same?.exitIndex).toBe(firstLate.exitIndex);
  });

  it('reports progress at most ~100 times, increasing, ending at 1', () => {
    const seen: number[] = [];
    runBacktest({
      candles,
      timeframe: '1m',
      strategy: { id: 'sma-cross' },
      onProgress: (f) => seen.push(f),
    });
    expect(seen.length).toBeGreaterThan(50);
    expect(seen.length).toBeLessThanOrEqual(101);
    expect(seen.every((f, i) => i === 0 || f > seen[i - 1]!)).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('stops with BacktestError("cancelled") when shouldCancel says so', () => {
    let polls = 0;
    const run = () =>
      runBacktest({
        candles,
        timeframe: '1m',
        strategy: { id: 'sma-cross' },
        cancelCheckBars: 100,
        shouldCancel: () => ++polls >= 3,
      });
    expect(run).toThrow(expect.objectContaining({ code: 'cancelled' }) as Error);
    expect(polls).toBe(3);
  });

  it('reports gaps in the candle series without filling them', () => {
    const gappy = candlesFromRows(
      Array.from({ length: 10 }, () => [100, 101, 99, 100] as const),
      3_600_000,
    );
    for (let i = 4; i < 10; i++) gappy.time[i] = gappy.time[i]! + 2 * 3_600_000;
    for (let i = 8; i < 10; i++) gappy.time[i] = gappy.time[i]! + 3_600_000;
    const result = runBacktest({
      candles: gappy,
      timeframe: '1h',
      strategy: { id: 'script' },
      instance: scriptedStrategy({}),
    });
    expect(result.gaps).toEqual([
      { from: gappy.time[3], to: gappy.time[4], missingBars: 2 },
      { from: gappy.time[7], to: gappy.time[8], missingBars: 1 },
    ]);
    expect(result.stats.bars).toBe(10);
  });
});
