import { type PerformanceMetrics } from '../metrics';
import { type CandleColumns, type Timeframe } from '../types';
import { type GridSpec } from './grid-from-spec';
import { type BacktestOptions, type BacktestOptionsInput } from './options';
import { type StrategyRef } from './types';

/** What a sweep ranks by (`totalReturn` is `metrics.totalReturnPct`). */
export type SweepMetric = 'sharpe' | 'sortino' | 'calmar' | 'profitFactor' | 'totalReturn';

export const SWEEP_METRICS: readonly SweepMetric[] = [
  'sharpe',
  'sortino',
  'calmar',
  'profitFactor',
  'totalReturn',
];

export interface SweepInput {
  candles: CandleColumns;
  timeframe: Timeframe;
  symbol?: string;
  /** A built-in strategy; `params` are the base every combination overrides. */
  strategy: StrategyRef;
  grid: GridSpec;
  options?: BacktestOptionsInput;
  /** Default `sharpe`. */
  metric?: SweepMetric;
  /** Warn when the best result has fewer trades (default 30). */
  minTrades?: number;
  /** Bars before this index only warm each run up (see `BacktestInput.tradeFrom`). */
  tradeFrom?: number;
  onProgress?: (fraction: number) => void;
  shouldCancel?: () => boolean;
}

/** One combination's outcome; `metrics` is null when its params were invalid (`error`). */
export interface SweepEntry {
  /** Position in the grid (combination order). */
  index: number;
  /** The full parsed params of the run (base + combination). */
  params: Record<string, unknown>;
  /** The grid values of this combination. */
  combo: Record<string, unknown>;
  metrics: PerformanceMetrics | null;
  /** The ranking metric's value; -Infinity when invalid or NaN. */
  score: number;
  error?: string;
}

export type SweepWarning =
  | { code: 'BEST_ON_EDGE'; param: string; value: unknown; message: string }
  | { code: 'TOO_FEW_TRADES'; trades: number; minTrades: number; message: string }
  | { code: 'NO_VALID_RESULT'; message: string };

export interface SweepResult {
  metric: SweepMetric;
  minTrades: number;
  combinations: number;
  /** Valid entries, best first (ties keep grid order). */
  ranked: SweepEntry[];
  /** Combinations whose params the strategy rejected, with the reason. */
  invalid: SweepEntry[];
  best: SweepEntry | null;
  warnings: SweepWarning[];
  /** Options shared by every run, parsed. */
  options: BacktestOptions;
}
