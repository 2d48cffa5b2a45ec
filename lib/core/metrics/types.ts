import { type ClosedTrade, type Timeframe } from '../types';

/** Equity sampled once per bar: `time[i]` (epoch ms) and `equity[i]` (quote currency). */
export interface EquityCurve {
  time: ArrayLike<number>;
  equity: ArrayLike<number>;
}

export interface MetricsInput {
  /** Closed trades in any order; `pnl` is net of fees, `pnlPct` in percent. */
  trades: readonly ClosedTrade[];
  equity: EquityCurve;
  /** Candle timeframe (or its length in ms): sets periods per year for annualising. */
  timeframe: Timeframe | number;
  /**
   * Per equity point, whether a position was open during that bar. When absent, exposure is
   * derived from trade intervals: bar `i` is exposed when `entryTime ≤ time[i] < exitTime`.
   */
  inPosition?: ArrayLike<boolean | number>;
  /** Exposure in percent when the caller already knows it (the backtester counts its bars). */
  exposurePct?: number;
  /** Prices for buy-and-hold over the same window: first open (or close) and last close. */
  buyAndHold?: { startPrice: number; endPrice: number };
}

/**
 * Performance summary of a run. Percentages are in percent (12.5 = 12.5%); money in quote
 * currency; durations in ms. Ratios with a zero denominator follow `safeRatio`: +Infinity when
 * the numerator is positive, −Infinity when negative, 0 when both are zero.
 */
export interface PerformanceMetrics {
  totalReturnPct: number;
  cagrPct: number;
  sharpe: number;
  sortino: number;
  calmar: number;
  maxDrawdownPct: number;
  /** From the peak before the deepest drawdown to the recovery of that peak (or the last bar). */
  maxDrawdownDurationMs: number;
  maxDrawdownDurationBars: number;
  tradeCount: number;
  winRatePct: number;
  /** Gross profit / gross loss; Infinity with profits and no losses, 0 with no trades. */
  profitFactor: number;
  netPnl: number;
  grossProfit: number;
  /** Sum of losing trades' P&L as a positive number. */
  grossLoss: number;
  /** Mean P&L per trade (quote), and mean `pnlPct`. */
  expectancy: number;
  expectancyPct: number;
  /** Mean P&L of winning trades (> 0), of losing trades (< 0, so negative); 0 when none. */
  averageWin: number;
  averageLoss: number;
  bestTradePnl: number;
  worstTradePnl: number;
  bestTradePct: number;
  worstTradePct: number;
  /** Share of bars with an open position. */
  exposurePct: number;
  averageHoldMs: number;
  /** Null when `buyAndHold` prices were not given. */
  buyAndHoldReturnPct: number | null;
  totalFees: number;
}
