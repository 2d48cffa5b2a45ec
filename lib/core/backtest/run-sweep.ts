import { BacktestError } from './backtest-error';
import { gridFromSpec } from './grid-from-spec';
import { parseBacktestOptions } from './options';
import { rankSweep } from './rank-sweep';
import { sweepCombination } from './sweep-combination';
import { type SweepEntry, type SweepInput, type SweepResult } from './sweep-types';
import { validateCandles } from './validate-candles';

/** Default minimum number of trades below which the best result is flagged. */
export const DEFAULT_MIN_TRADES = 30;

/**
 * Runs the strategy once per combination of the grid, in order, on one thread, and ranks the
 * results by `metric` (see `rankSweep` for the warnings). Progress is reported per combination
 * (at most ~100 times); `shouldCancel` is polled between combinations. For all cores, use
 * `runParallelSweep` from `lib/backtest`, which gives the same result.
 */
export function runSweep(input: SweepInput): SweepResult {
  const combos = gridFromSpec(input.grid);
  const options = parseBacktestOptions(input.options);
  validateCandles(input.candles);
  const metric = input.metric ?? 'sharpe';
  const every = Math.max(1, Math.ceil(combos.length / 100));
  const entries: SweepEntry[] = [];
  combos.forEach((combo, index) => {
    if (input.shouldCancel?.()) throw new BacktestError('cancelled', 'Sweep cancelled');
    entries.push(sweepCombination(input, options, index, combo, true));
    if ((index + 1) % every === 0 || index === combos.length - 1) {
      input.onProgress?.((index + 1) / combos.length);
    }
  });
  return rankSweep(entries, input.grid, metric, input.minTrades ?? DEFAULT_MIN_TRADES, options);
}
