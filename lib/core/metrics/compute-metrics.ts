import { exposurePct } from './exposure';
import { curveStats } from './curve-stats';
import { periodsPerYear, safeRatio } from './ratio';
import { cagr, totalReturn } from './returns';
import { tradeStats } from './trade-stats';
import { type MetricsInput, type PerformanceMetrics } from './types';

/**
 * Performance of a run from its closed trades and equity curve. Annualised figures use the
 * candle timeframe (crypto trades 24/7: periods per year = 365 days / timeframe) and a risk-free
 * rate of 0. Float64 analytics: booking uses exact decimals elsewhere.
 */
export function computeMetrics(input: MetricsInput): PerformanceMetrics {
  const { equity, time } = input.equity;
  if (equity.length !== time.length) {
    throw new RangeError(`Equity curve has ${equity.length} values but ${time.length} times`);
  }
  if (input.inPosition && input.inPosition.length !== equity.length) {
    throw new RangeError(
      `inPosition has ${input.inPosition.length} flags for ${equity.length} bars`,
    );
  }
  const ppy = periodsPerYear(input.timeframe);
  const growth = cagr(input.equity);
  const { sharpe, sortino, drawdown } = curveStats(input.equity, ppy);
  const bh = input.buyAndHold;
  return {
    totalReturnPct: totalReturn(equity) * 100,
    cagrPct: growth * 100,
    sharpe,
    sortino,
    calmar: safeRatio(growth, drawdown.depth),
    maxDrawdownPct: drawdown.depth * 100,
    maxDrawdownDurationMs: drawdown.durationMs,
    maxDrawdownDurationBars: drawdown.durationBars,
    ...tradeStats(input.trades),
    exposurePct: input.exposurePct ?? exposurePct(time, input.trades, input.inPosition),
    buyAndHoldReturnPct: bh && bh.startPrice > 0 ? (bh.endPrice / bh.startPrice - 1) * 100 : null,
  };
}
