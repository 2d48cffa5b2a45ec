/**
 * The backtest engine: built-in strategies bar by bar over columnar candles with the core fill,
 * sizing and risk rules; metrics, curves and full configuration out; grid sweeps and
 * walk-forward analysis on top. Pure and synchronous. See README.md for the semantics.
 */
export { BacktestError } from './backtest-error';
export { downsample, type SampledSeries, type Series } from './downsample';
export { ENGINE_VERSION } from './engine-version';
export { findGaps } from './find-gaps';
export {
  gridFromSpec,
  gridValues,
  MAX_COMBINATIONS,
  rangeValues,
  type GridSpec,
  type ParamCombo,
  type ParamRange,
  type ParamValue,
} from './grid-from-spec';
export {
  backtestOptionsSchema,
  parseBacktestOptions,
  sizingSchema,
  toFillConfigInput,
  type BacktestOptions,
  type BacktestOptionsInput,
  type Sizing,
} from './options';
export { rankSweep } from './rank-sweep';
export { runBacktest, runBacktestSummary, type BacktestSummary } from './run-backtest';
export { DEFAULT_MIN_TRADES, runSweep } from './run-sweep';
export {
  runWalkForward,
  walkForwardFromTrained,
  type WalkForwardInput,
  type WalkForwardResult,
  type WalkForwardWindowResult,
} from './run-walk-forward';
export { scriptedStrategy, type ScriptStep } from './scripted-strategy';
export { candlesFromRows, mulberry32, SEEDED_START_TIME, seededCandles } from './seeded-candles';
export { BACKTEST_SEMANTICS, type BacktestSemantics } from './semantics';
export { metricValue, sweepCombination } from './sweep-combination';
export {
  SWEEP_METRICS,
  type SweepEntry,
  type SweepInput,
  type SweepMetric,
  type SweepResult,
  type SweepWarning,
} from './sweep-types';
export { toJsonResult, type JsonBacktestResult, type JsonSeries } from './to-json-result';
export {
  type BacktestConfig,
  type BacktestInput,
  type BacktestResult,
  type BacktestStats,
  type BacktestTrade,
  type CandleGap,
  type EquityCurves,
  type StrategyRef,
} from './types';
export { walkForwardWindows, type WalkForwardWindow } from './walk-forward-windows';
