import { type PerformanceMetrics } from '../metrics';
import { StrategyError } from '../strategy';
import { type ParamCombo } from './grid-from-spec';
import { type BacktestOptions } from './options';
import { runBacktestSummary } from './run-backtest';
import { type SweepEntry, type SweepInput, type SweepMetric } from './sweep-types';

/** The value a sweep ranks by; NaN counts as the worst. */
export function metricValue(metrics: PerformanceMetrics, metric: SweepMetric): number {
  const value = metric === 'totalReturn' ? metrics.totalReturnPct : metrics[metric];
  return Number.isNaN(value) ? -Infinity : value;
}

/**
 * Runs combination `index` of a sweep: the strategy's base params overridden by `combo`.
 * Params the strategy rejects (e.g. fast ≥ slow) give an invalid entry, not an exception.
 * Used by the sequential sweep and by the worker threads of the parallel one, which check the
 * candles once (`validateCandles`) and pass `candlesValidated`.
 */
export function sweepCombination(
  input: Omit<SweepInput, 'grid' | 'onProgress' | 'shouldCancel'>,
  options: BacktestOptions,
  index: number,
  combo: ParamCombo,
  candlesValidated = false,
): SweepEntry {
  const params = { ...input.strategy.params, ...combo };
  const metric = input.metric ?? 'sharpe';
  try {
    const summary = runBacktestSummary(
      {
        candles: input.candles,
        timeframe: input.timeframe,
        symbol: input.symbol,
        strategy: { ...input.strategy, params },
        tradeFrom: input.tradeFrom,
      },
      options,
      candlesValidated,
    );
    return {
      index,
      params: summary.params,
      combo,
      metrics: summary.metrics,
      score: metricValue(summary.metrics, metric),
    };
  } catch (error) {
    if (!(error instanceof StrategyError) || error.code !== 'bad_request') throw error;
    return { index, params, combo, metrics: null, score: -Infinity, error: error.message };
  }
}
