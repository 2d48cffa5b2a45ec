import type { NewBacktest } from '../db/schema';
import type { BacktestRunRequest } from './backtest-input';
import { runName } from './run-row';
import { gridParamValues, walkForwardBars } from './sweep-input';

/** What a sweep request is stored as (`backtests.sweep_spec`). */
export interface StoredSweepSpec {
  grid: NonNullable<BacktestRunRequest['grid']>;
  metric: BacktestRunRequest['metric'];
  minTrades: number;
  combinations: number;
  walkForward?: NonNullable<BacktestRunRequest['walkForward']> & {
    trainBars: number;
    testBars: number;
    stepBars: number;
  };
}

/**
 * The columns a sweep or walk-forward adds to its `backtests` row: the mode, the parsed spec
 * and, unless the user named the run, a name saying what is swept.
 */
export function sweepColumns(
  input: BacktestRunRequest,
  strategyName: string,
): Pick<NewBacktest, 'mode' | 'sweepSpec'> & { name?: string } {
  if (input.mode === 'single' || !input.grid) return { mode: 'single' };
  const grid = input.grid;
  const combinations = Object.entries(grid).reduce((n, [key, value]) => {
    const values = gridParamValues(key, value);
    return n * (typeof values === 'string' ? 0 : values.length);
  }, 1);
  const spec: StoredSweepSpec = {
    grid,
    metric: input.metric,
    minTrades: input.minTrades,
    combinations,
    ...(input.mode === 'walk-forward' && input.walkForward
      ? {
          walkForward: {
            ...input.walkForward,
            ...walkForwardBars(input.walkForward, input.timeframe),
          },
        }
      : {}),
  };
  const label = input.mode === 'sweep' ? 'Sweep' : 'Walk-forward';
  return {
    mode: input.mode,
    sweepSpec: spec as unknown as Record<string, unknown>,
    name: runName(
      input,
      `${label} ${strategyName} ${Object.keys(grid).join('×')} (${combinations})`,
    ),
  };
}
