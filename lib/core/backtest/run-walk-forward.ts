import { computeMetrics, type PerformanceMetrics } from '../metrics';
import { type CandleColumns, TIMEFRAME_MS } from '../types';
import { BacktestError } from './backtest-error';
import { drawdownCurve } from './drawdown-curve';
import { ENGINE_VERSION } from './engine-version';
import { parseBacktestOptions } from './options';
import { runBacktest } from './run-backtest';
import { DEFAULT_MIN_TRADES, runSweep } from './run-sweep';
import { type SweepInput, type SweepResult } from './sweep-types';
import { type BacktestTrade, type EquityCurves } from './types';
import { type WalkForwardWindow, walkForwardWindows } from './walk-forward-windows';

export interface WalkForwardInput extends Omit<SweepInput, 'tradeFrom'> {
  trainBars: number;
  testBars: number;
  /** Default `testBars` (back-to-back test windows). */
  stepBars?: number;
}

/** One window: the params chosen on train and how they did on the test bars after it. */
export interface WalkForwardWindowResult extends WalkForwardWindow {
  /** Open times of the first and last candle of each part. */
  trainRange: { from: number; to: number };
  testRange: { from: number; to: number };
  /** Null when no combination could run on the train window (then nothing is tested). */
  bestParams: Record<string, unknown> | null;
  trainScore: number | null;
  trainMetrics: PerformanceMetrics | null;
  testMetrics: PerformanceMetrics | null;
  testTrades: number;
  /** The train sweep's warnings (edge of the grid, too few trades). */
  warnings: SweepResult['warnings'];
}

export interface WalkForwardResult {
  config: {
    engineVersion: string;
    strategy: { id: string; params: Record<string, unknown>; version: string | null };
    grid: SweepInput['grid'];
    metric: SweepResult['metric'];
    minTrades: number;
    trainBars: number;
    testBars: number;
    stepBars: number;
    options: SweepResult['options'];
  };
  windows: WalkForwardWindowResult[];
  /**
   * Out-of-sample only: the test windows chained (each starts with the equity the previous one
   * ended with), their trades (candle indices into the full series) and metrics.
   */
  outOfSample: {
    trades: BacktestTrade[];
    curves: EquityCurves;
    metrics: PerformanceMetrics;
    bars: number;
  };
}

function slice(c: CandleColumns, from: number, to: number): CandleColumns {
  return {
    time: c.time.subarray(from, to),
    open: c.open.subarray(from, to),
    high: c.high.subarray(from, to),
    low: c.low.subarray(from, to),
    close: c.close.subarray(from, to),
    volume: c.volume.subarray(from, to),
  };
}

/**
 * Walk-forward analysis: for each rolling window, sweep the grid on the train bars, pick the
 * best params by `metric`, and run them on the test bars that follow. The test run is fed the
 * train bars first to warm its indicators up (no trades there, as a live bot would have
 * history), and starts with the equity the previous test window ended with. Out-of-sample
 * results (per window and chained) use test bars only.
 */
export function runWalkForward(input: WalkForwardInput): WalkForwardResult {
  const windows = walkForwardWindows(
    input.candles.time.length,
    input.trainBars,
    input.testBars,
    input.stepBars,
  );
  const options = parseBacktestOptions(input.options);
  const metric = input.metric ?? 'sharpe';
  const minTrades = input.minTrades ?? DEFAULT_MIN_TRADES;
  return walkForwardFromTrained(input, windows, (w) =>
    runSweep({
      ...input,
      candles: slice(input.candles, w.trainFrom, w.trainTo),
      options,
      metric,
      minTrades,
      onProgress: undefined,
    }),
  );
}

/**
 * The walk-forward after (or while) each window's train sweep is known: `train(w, k)` gives
 * window k's sweep over its train bars (`runSweep`, or a parallel sweep run beforehand); the
 * best params are then run on the test bars and the out-of-sample results chained.
 */
export function walkForwardFromTrained(
  input: WalkForwardInput,
  windows: readonly WalkForwardWindow[],
  train: (w: WalkForwardWindow, k: number) => SweepResult,
): WalkForwardResult {
  const { candles } = input;
  const options = parseBacktestOptions(input.options);
  const metric = input.metric ?? 'sharpe';
  const minTrades = input.minTrades ?? DEFAULT_MIN_TRADES;
  const timeframeMs = TIMEFRAME_MS[input.timeframe];
  const results: WalkForwardWindowResult[] = [];
  const trades: BacktestTrade[] = [];
  const times: number[] = [];
  const equity: number[] = [options.startingBalance];
  let exposedBars = 0;
  let oosBars = 0;
  let balance = options.startingBalance;
  windows.forEach((w, k) => {
    if (input.shouldCancel?.()) throw new BacktestError('cancelled', 'Walk-forward cancelled');
    if (k === 0) times.push(candles.time[w.testFrom]!);
    const trained = train(w, k);
    const best = trained.best;
    const base = {
      ...w,
      trainRange: { from: candles.time[w.trainFrom]!, to: candles.time[w.trainTo - 1]! },
      testRange: { from: candles.time[w.testFrom]!, to: candles.time[w.testTo - 1]! },
      warnings: trained.warnings,
    };
    if (!best) {
      // nothing to trade: the out-of-sample equity stays flat over these test bars
      for (let i = w.testFrom; i < w.testTo; i++) {
        times.push(candles.time[i]! + timeframeMs);
        equity.push(balance);
      }
      oosBars += w.testTo - w.testFrom;
      results.push({
        ...base,
        bestParams: null,
        trainScore: null,
        trainMetrics: null,
        testMetrics: null,
        testTrades: 0,
      });
      return;
    }
    const test = runBacktest({
      candles: slice(candles, w.trainFrom, w.testTo),
      timeframe: input.timeframe,
      symbol: input.symbol,
      strategy: { ...input.strategy, params: best.params },
      options: { ...options, startingBalance: balance },
      tradeFrom: w.testFrom - w.trainFrom,
    });
    for (const t of test.trades) {
      trades.push({
        ...t,
        id: trades.length + 1,
        entryIndex: t.entryIndex + w.trainFrom,
        exitIndex: t.exitIndex + w.trainFrom,
      });
    }
    const { time: curveTime, equity: curve } = test.curves;
    for (let i = 1; i < curve.length; i++) {
      times.push(curveTime[i]!);
      equity.push(curve[i]!);
    }
    balance = test.stats.finalEquity;
    exposedBars += test.stats.exposedBars;
    oosBars += test.stats.bars;
    results.push({
      ...base,
      bestParams: best.params,
      trainScore: best.score,
      trainMetrics: best.metrics,
      testMetrics: test.metrics,
      testTrades: test.trades.length,
    });
    input.onProgress?.((k + 1) / windows.length);
  });
  return {
    config: {
      engineVersion: ENGINE_VERSION,
      strategy: {
        id: input.strategy.id,
        params: { ...input.strategy.params },
        version: input.strategy.version ?? null,
      },
      grid: input.grid,
      metric,
      minTrades,
      trainBars: input.trainBars,
      testBars: input.testBars,
      stepBars: input.stepBars ?? input.testBars,
      options,
    },
    windows: results,
    outOfSample: outOfSample(input, windows, trades, times, equity, exposedBars, oosBars),
  };
}

function outOfSample(
  input: WalkForwardInput,
  windows: readonly WalkForwardWindow[],
  trades: BacktestTrade[],
  times: number[],
  values: number[],
  exposedBars: number,
  bars: number,
): WalkForwardResult['outOfSample'] {
  const { open, close } = input.candles;
  const first = windows[0]!;
  const last = windows[windows.length - 1]!;
  const time = Float64Array.from(times);
  const equity = Float64Array.from(values);
  const metrics = computeMetrics({
    trades,
    equity: { time, equity },
    timeframe: input.timeframe,
    buyAndHold: { startPrice: open[first.testFrom]!, endPrice: close[last.testTo - 1]! },
  });
  metrics.exposurePct = bars === 0 ? 0 : (exposedBars / bars) * 100;
  return { trades, curves: { time, equity, drawdownPct: drawdownCurve(equity) }, metrics, bars };
}
