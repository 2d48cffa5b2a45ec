import {
  downsample,
  type SweepEntry,
  type SweepMetric,
  type SweepResult,
  type SweepWarning,
  type WalkForwardResult,
} from '../core/backtest';
import type { PerformanceMetrics } from '../core/metrics';
import { SWEEP_TOP_ROWS } from './sweep-input';

/** The metrics a sweep table shows per combination (null: infinite or undefined). */
export interface KeyMetrics {
  totalReturnPct: number | null;
  sharpe: number | null;
  sortino: number | null;
  calmar: number | null;
  profitFactor: number | null;
  maxDrawdownPct: number | null;
  winRatePct: number | null;
  tradeCount: number;
}

export interface StoredSweepRow {
  rank: number;
  /** Position in the grid. */
  index: number;
  /** The swept values, and the full params the run used. */
  combo: Record<string, unknown>;
  params: Record<string, unknown>;
  score: number | null;
  metrics: KeyMetrics;
}

/** `backtests.sweep_result` of a sweep. */
export interface StoredSweepResult {
  kind: 'sweep';
  metric: SweepMetric;
  minTrades: number;
  combinations: number;
  valid: number;
  invalid: number;
  /** A few rejected combinations with the reason (e.g. fast ≥ slow). */
  invalidSamples: { combo: Record<string, unknown>; error: string }[];
  /** The best `SWEEP_TOP_ROWS` combinations, best first. */
  top: StoredSweepRow[];
  warnings: SweepWarning[];
}

export interface StoredWalkForwardWindow {
  index: number;
  trainRange: { from: number; to: number };
  testRange: { from: number; to: number };
  trainBars: number;
  testBars: number;
  bestParams: Record<string, unknown> | null;
  /** The swept values of the best params. */
  bestCombo: Record<string, unknown> | null;
  trainScore: number | null;
  inSample: KeyMetrics | null;
  outOfSample: KeyMetrics | null;
  warnings: SweepWarning[];
}

/** `backtests.sweep_result` of a walk-forward. */
export interface StoredWalkForwardResult {
  kind: 'walk-forward';
  metric: SweepMetric;
  minTrades: number;
  trainBars: number;
  testBars: number;
  stepBars: number;
  windows: StoredWalkForwardWindow[];
  /** Out-of-sample only: the test windows chained. */
  outOfSample: { bars: number; trades: number; metrics: KeyMetrics };
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function keyMetrics(m: PerformanceMetrics): KeyMetrics {
  return {
    totalReturnPct: finite(m.totalReturnPct),
    sharpe: finite(m.sharpe),
    sortino: finite(m.sortino),
    calmar: finite(m.calmar),
    profitFactor: finite(m.profitFactor),
    maxDrawdownPct: finite(m.maxDrawdownPct),
    winRatePct: finite(m.winRatePct),
    tradeCount: m.tradeCount,
  };
}

function row(entry: SweepEntry, rank: number): StoredSweepRow {
  return {
    rank,
    index: entry.index,
    combo: entry.combo,
    params: entry.params,
    score: finite(entry.score),
    metrics: keyMetrics(entry.metrics!),
  };
}

/** A sweep's result as stored: the top of the ranking, the counts and the warnings. */
export function toStoredSweep(result: SweepResult, topRows = SWEEP_TOP_ROWS): StoredSweepResult {
  return {
    kind: 'sweep',
    metric: result.metric,
    minTrades: result.minTrades,
    combinations: result.combinations,
    valid: result.ranked.length,
    invalid: result.invalid.length,
    invalidSamples: result.invalid
      .slice(0, 5)
      .map((e) => ({ combo: e.combo, error: e.error ?? 'invalid' })),
    top: result.ranked.slice(0, topRows).map((e, k) => row(e, k + 1)),
    warnings: result.warnings,
  };
}

/** The swept keys' values of a params object. */
function comboOf(params: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, params[k]]));
}

/** A walk-forward's per-window table and out-of-sample summary as stored. */
export function toStoredWalkForward(result: WalkForwardResult): StoredWalkForwardResult {
  const keys = Object.keys(result.config.grid);
  return {
    kind: 'walk-forward',
    metric: result.config.metric,
    minTrades: result.config.minTrades,
    trainBars: result.config.trainBars,
    testBars: result.config.testBars,
    stepBars: result.config.stepBars,
    windows: result.windows.map((w) => ({
      index: w.index,
      trainRange: w.trainRange,
      testRange: w.testRange,
      trainBars: w.trainTo - w.trainFrom,
      testBars: w.testTo - w.testFrom,
      bestParams: w.bestParams,
      bestCombo: w.bestParams ? comboOf(w.bestParams, keys) : null,
      trainScore: w.trainScore === null ? null : finite(w.trainScore),
      inSample: w.trainMetrics ? keyMetrics(w.trainMetrics) : null,
      outOfSample: w.testMetrics ? keyMetrics(w.testMetrics) : null,
      warnings: w.warnings,
    })),
    outOfSample: {
      bars: result.outOfSample.bars,
      trades: result.outOfSample.trades.length,
      metrics: keyMetrics(result.outOfSample.metrics),
    },
  };
}

/** The out-of-sample equity and drawdown, downsampled like a single run's curves. */
export function walkForwardCurves(result: WalkForwardResult, maxPoints: number) {
  const { time, equity, drawdownPct } = result.outOfSample.curves;
  const plain = (s: { time: Float64Array; values: Float64Array }) => ({
    time: Array.from(s.time),
    values: Array.from(s.values),
  });
  return {
    equity: plain(downsample({ time, values: equity }, maxPoints)),
    drawdownPct: plain(downsample({ time, values: drawdownPct }, maxPoints)),
    points: equity.length,
  };
}
