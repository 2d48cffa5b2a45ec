import { availableParallelism } from 'node:os';
import { rankSweep } from '../core/backtest/rank-sweep';
import { DEFAULT_MIN_TRADES } from '../core/backtest/run-sweep';
import {
  walkForwardFromTrained,
  type WalkForwardInput,
  type WalkForwardResult,
} from '../core/backtest/run-walk-forward';
import { type SweepEntry, type SweepResult } from '../core/backtest/sweep-types';
import { walkForwardWindows } from '../core/backtest/walk-forward-windows';
import { type ParallelSweepOptions } from './parallel-sweep';
import { runSweepPool, sweepWorkerData } from './sweep-pool';
import { type SweepTask } from './sweep-worker-types';

/** Share of the progress the train sweeps take; the test runs (one per window) the rest. */
const TRAIN_SHARE = 0.95;

/**
 * `runWalkForward` on all cores: the train sweeps of every window run on one piscina pool (the
 * same worker as `runParallelSweep`, each task a range of combinations over one window's train
 * bars; the candles once in shared memory), then the best params of each window are run on its
 * test bars in order (`walkForwardFromTrained`, cheap: one run per window). The result equals
 * the sequential `runWalkForward`'s. `shouldCancel` is polled as tasks finish and between test
 * windows; the call then rejects with `BacktestError('cancelled')`.
 */
export async function runParallelWalkForward(
  input: WalkForwardInput,
  parallel: ParallelSweepOptions = {},
): Promise<WalkForwardResult> {
  const windows = walkForwardWindows(
    input.candles.time.length,
    input.trainBars,
    input.testBars,
    input.stepBars,
  );
  const minTrades = input.minTrades ?? DEFAULT_MIN_TRADES;
  const data = sweepWorkerData({ ...input, minTrades });
  const { combos, options } = data;
  const metric = data.input.metric ?? 'sharpe';
  const threads = Math.max(
    1,
    Math.min(parallel.threads ?? availableParallelism(), combos.length * windows.length),
  );
  const chunksPerWindow = Math.max(
    1,
    Math.ceil((threads * (parallel.tasksPerThread ?? 8)) / windows.length),
  );
  const size = Math.max(1, Math.ceil(combos.length / chunksPerWindow));
  const total = combos.length * windows.length;
  const tasks: SweepTask[] = [];
  for (const w of windows) {
    for (let from = 0; from < combos.length; from += size) {
      tasks.push({
        from,
        to: Math.min(combos.length, from + size),
        window: { start: w.trainFrom, end: w.trainTo },
      });
    }
  }
  const byStart = new Map(windows.map((w) => [w.trainFrom, w.index]));
  const entries: SweepEntry[][] = windows.map(() => []);
  let done = 0;
  await runSweepPool({
    data,
    threads,
    tasks,
    onBatch: (batch, task) => {
      entries[byStart.get(task.window!.start)!]!.push(...batch);
      done += batch.length;
      input.onProgress?.((done / total) * TRAIN_SHARE);
    },
    shouldCancel: input.shouldCancel,
    label: 'Walk-forward',
  });
  const trained: SweepResult[] = entries.map((list) =>
    rankSweep(list, input.grid, metric, minTrades, options),
  );
  return walkForwardFromTrained(
    {
      ...input,
      onProgress: (f) => input.onProgress?.(TRAIN_SHARE + f * (1 - TRAIN_SHARE)),
    },
    windows,
    (_w, k) => trained[k]!,
  );
}
