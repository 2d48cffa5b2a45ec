import { type FillConfigInput } from '../fills';
import { type PerformanceMetrics } from '../metrics';
import { type StrategyInstance } from '../strategy';
import { type CandleColumns, type ClosedTrade, type Timeframe } from '../types';
import { type BacktestOptions, type BacktestOptionsInput } from './options';
import { type BacktestSemantics } from './semantics';

/** Which strategy a run uses: a built-in id with raw params, and its version when versioned. */
export interface StrategyRef {
  id: string;
  /** Raw parameters; built-ins validate them and fill defaults (the parsed set is recorded). */
  params?: Record<string, unknown>;
  /** Strategy version (e.g. an AI prompt version), recorded for reproduction. */
  version?: string | null;
}

/** Everything a run needs, as plain data (plus two optional callbacks). */
export interface BacktestInput {
  candles: CandleColumns;
  timeframe: Timeframe;
  /** Recorded with the run and used as the risk engine's symbol. */
  symbol?: string;
  strategy: StrategyRef;
  /**
   * A ready strategy instance (e.g. an AI strategy or a test script) used instead of creating
   * `strategy.id` from the registry; `strategy` then only labels the run. It must be fresh.
   */
  instance?: StrategyInstance;
  options?: BacktestOptionsInput;
  /**
   * Index of the first bar that may trade (default 0). Earlier bars only warm the strategy up:
   * no orders, no equity points, no metrics. Walk-forward test windows use it.
   */
  tradeFrom?: number;
  /** Called with the fraction done (0–1), at most about 100 times, last with 1. */
  onProgress?: (fraction: number) => void;
  /** Polled every `cancelCheckBars` bars; returning true stops the run with `BacktestError('cancelled')`. */
  shouldCancel?: () => boolean;
  /** Default 4096. */
  cancelCheckBars?: number;
}

/** A closed trade of a run (always long: spot), with the bar indices and fee split. */
export interface BacktestTrade extends ClosedTrade {
  /** Sequence number, from 1 in order of entry. */
  id: number;
  /** Bars in which the position was open at some point (0 when held only between two bars). */
  barsHeld: number;
  /** Index of the bar in which the entry and the exit filled. */
  entryIndex: number;
  exitIndex: number;
  entryFee: number;
  exitFee: number;
  /** Protective levels attached at entry (null = none). */
  stopLoss: number | null;
  takeProfit: number | null;
  /** Confidence of the strategy decision that opened it. */
  confidence: number;
}

/** Missing bars: the candle at `from` is followed directly by the one at `to`. */
export interface CandleGap {
  from: number;
  to: number;
  missingBars: number;
}

/** Counters about what happened besides the trades. */
export interface BacktestStats {
  /** Bars in the traded window (equity points) and bars used only for warm-up before it. */
  bars: number;
  warmupBars: number;
  /** Traded bars with a position open at some point. */
  exposedBars: number;
  /** Decisions that asked to open (buy) or to close (close or sell) when that was possible. */
  buySignals: number;
  closeSignals: number;
  /** Entry signals that did not become a position, by reason (e.g. `RISK_REJECTED`, `NO_CASH`). */
  skippedEntries: Record<string, number>;
  /** Failed risk rules over all rejected entries, by rule code. */
  riskRejections: Record<string, number>;
  finalEquity: number;
  totalFees: number;
}

/** The run's complete configuration: enough to reproduce it exactly. */
export interface BacktestConfig {
  engineVersion: string;
  strategy: { id: string; params: Record<string, unknown>; version: string | null };
  symbol: string;
  timeframe: Timeframe;
  /** Open times of the first and last traded candles, the traded bar count and the warm-up bars. */
  range: { from: number; to: number; bars: number; warmupBars: number };
  options: BacktestOptions;
  /** The same fees, slippage and OCO policy as input for the core fill model. */
  fill: FillConfigInput;
}

/**
 * Equity and drawdown, one point more than traded bars: point 0 is the starting balance at the
 * first traded bar's open; point k the equity at the close of traded bar k − 1, at its close
 * time (open time + timeframe).
 */
export interface EquityCurves {
  /** Valuation times, epoch ms. */
  time: Float64Array;
  equity: Float64Array;
  /** (equity / running peak − 1) × 100: 0 at a new peak, negative below it. */
  drawdownPct: Float64Array;
}

/** Result of `runBacktest`: plain data and typed arrays (structured-clone safe; see `toJsonResult`). */
export interface BacktestResult {
  config: BacktestConfig;
  semantics: BacktestSemantics;
  trades: BacktestTrade[];
  curves: EquityCurves;
  metrics: PerformanceMetrics;
  /** Buy at the first traded bar's open, sell at the last close, same fees and slippage. */
  buyAndHold: PerformanceMetrics;
  gaps: CandleGap[];
  stats: BacktestStats;
}
