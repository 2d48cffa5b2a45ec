import { computeMetrics, type PerformanceMetrics } from '../metrics';
import { createStrategy, parseStrategyParams, type StrategyInstance } from '../strategy';
import { TIMEFRAME_MS } from '../types';
import { BacktestError } from './backtest-error';
import { buyAndHoldMetrics } from './buy-and-hold';
import { drawdownCurve } from './drawdown-curve';
import { ENGINE_VERSION } from './engine-version';
import { countOnes, equityTimes } from './equity-times';
import { findGaps } from './find-gaps';
import { type BacktestOptions, parseBacktestOptions, toFillConfigInput } from './options';
import { BACKTEST_SEMANTICS } from './semantics';
import { simulate, type SimulationOutcome } from './simulate';
import { type BacktestConfig, type BacktestInput, type BacktestResult } from './types';
import { validateCandles } from './validate-candles';

/** A validated run, ready to simulate. */
interface PreparedRun {
  input: BacktestInput;
  options: BacktestOptions;
  params: Record<string, unknown>;
  instance: StrategyInstance;
  start: number;
  timeframeMs: number;
}

/**
 * Validates the input: candles, options (zod: throws `ZodError`), the strategy and its params
 * (registry: throws `StrategyError`) and `tradeFrom`. `options` may be passed already parsed
 * (sweeps parse once for all their runs).
 */
function prepare(input: BacktestInput, parsed?: BacktestOptions, validated = false): PreparedRun {
  if (!validated) validateCandles(input.candles);
  const n = input.candles.time.length;
  const start = input.tradeFrom ?? 0;
  if (!Number.isInteger(start) || start < 0 || start >= n) {
    throw new BacktestError(
      'bad_request',
      `tradeFrom ${start} must be an index from 0 to ${n - 1}`,
    );
  }
  const timeframeMs = TIMEFRAME_MS[input.timeframe];
  if (timeframeMs === undefined) {
    throw new BacktestError('bad_request', `Unknown timeframe ${String(input.timeframe)}`);
  }
  const options = parsed ?? parseBacktestOptions(input.options);
  const raw = input.strategy.params ?? {};
  const params = input.instance ? { ...raw } : parseStrategyParams(input.strategy.id, raw);
  const instance = input.instance ?? createStrategy(input.strategy.id, params);
  return { input, options, params, instance, start, timeframeMs };
}

function run(p: PreparedRun): SimulationOutcome {
  const { input } = p;
  return simulate({
    candles: input.candles,
    timeframeMs: p.timeframeMs,
    symbol: input.symbol ?? 'BACKTEST',
    strategy: p.instance,
    options: p.options,
    start: p.start,
    onProgress: input.onProgress,
    shouldCancel: input.shouldCancel,
    cancelCheckBars: Math.max(1, Math.floor(input.cancelCheckBars ?? 4096)),
  });
}

/**
 * Core metrics of the run. Exposure is the share of traded bars with a position open at some
 * point (the curve has one more point than bars: the starting balance).
 */
function metricsOf(
  p: PreparedRun,
  outcome: SimulationOutcome,
  curveTime: Float64Array,
  exposedBars = countOnes(outcome.book.exposed),
): PerformanceMetrics {
  const { open, close } = p.input.candles;
  return computeMetrics({
    trades: outcome.book.trades,
    equity: { time: curveTime, equity: outcome.equity },
    timeframe: p.timeframeMs,
    exposurePct: (exposedBars / outcome.book.exposed.length) * 100,
    buyAndHold: { startPrice: open[p.start]!, endPrice: close[close.length - 1]! },
  });
}

/**
 * Runs one backtest: the strategy bar by bar over the candles with the core fill, sizing and
 * risk rules (see `BACKTEST_SEMANTICS`), and returns trades, equity and drawdown curves, metrics,
 * buy-and-hold over the same bars, data gaps and the full configuration. Pure and synchronous;
 * progress and cancellation go through the input's callbacks.
 */
export function runBacktest(input: BacktestInput): BacktestResult {
  const p = prepare(input);
  const outcome = run(p);
  const { candles } = input;
  const { time } = candles;
  const n = time.length;
  const curveTime = equityTimes(time, p.start, p.timeframeMs);
  const exposedBars = countOnes(outcome.book.exposed);
  // buy-and-hold builds its equity curve in the array that then receives the drawdown curve:
  // one 8 MB allocation less per million bars (large arrays also bring on full GCs sooner)
  const drawdownPct = new Float64Array(outcome.equity.length);
  const buyAndHold = buyAndHoldMetrics(
    candles,
    p.start,
    p.options,
    p.timeframeMs,
    curveTime,
    drawdownPct,
  );
  drawdownCurve(outcome.equity, drawdownPct);
  const config: BacktestConfig = {
    engineVersion: ENGINE_VERSION,
    strategy: { id: input.strategy.id, params: p.params, version: input.strategy.version ?? null },
    symbol: input.symbol ?? 'BACKTEST',
    timeframe: input.timeframe,
    range: { from: time[p.start]!, to: time[n - 1]!, bars: n - p.start, warmupBars: p.start },
    options: p.options,
    fill: toFillConfigInput(p.options),
  };
  return {
    config,
    semantics: BACKTEST_SEMANTICS,
    trades: outcome.book.trades,
    curves: { time: curveTime, equity: outcome.equity, drawdownPct },
    metrics: metricsOf(p, outcome, curveTime, exposedBars),
    buyAndHold,
    gaps: findGaps(time, p.timeframeMs),
    stats: {
      bars: n - p.start,
      warmupBars: p.start,
      exposedBars,
      buySignals: outcome.buySignals,
      closeSignals: outcome.closeSignals,
      skippedEntries: outcome.skippedEntries,
      riskRejections: outcome.riskRejections,
      finalEquity: outcome.equity[outcome.equity.length - 1]!,
      totalFees: outcome.book.totalFees,
    },
  };
}

/** The metrics of a run without curves, gaps or buy-and-hold: what sweeps keep per combination. */
export interface BacktestSummary {
  params: Record<string, unknown>;
  metrics: PerformanceMetrics;
  finalEquity: number;
}

/**
 * Runs a backtest and keeps only its metrics (cheaper on memory: sweeps run thousands). `options`
 * may be given already parsed, and `candlesValidated` set when the caller already ran
 * `validateCandles` on these exact candles, to skip both per run.
 */
export function runBacktestSummary(
  input: BacktestInput,
  parsedOptions?: BacktestOptions,
  candlesValidated = false,
): BacktestSummary {
  const p = prepare(input, parsedOptions, candlesValidated);
  const outcome = run(p);
  return {
    params: p.params,
    metrics: metricsOf(p, outcome, equityTimes(input.candles.time, p.start, p.timeframeMs)),
    finalEquity: outcome.equity[outcome.equity.length - 1]!,
  };
}
