import { type ParamCombo } from '../core/backtest/grid-from-spec';
import { type BacktestOptions } from '../core/backtest/options';
import { type SweepInput } from '../core/backtest/sweep-types';
import { type SharedCandles } from './shared-candles';

/** What every sweep worker gets once, at start. */
export interface SweepWorkerData {
  candles: SharedCandles;
  input: Omit<SweepInput, 'candles' | 'grid' | 'onProgress' | 'shouldCancel'>;
  options: BacktestOptions;
  combos: ParamCombo[];
}

/** One task: combinations `from` (inclusive) to `to` (exclusive). */
export interface SweepTask {
  from: number;
  to: number;
  /** Run over candles [start, end) only (a walk-forward train window); default all. */
  window?: { start: number; end: number };
}
