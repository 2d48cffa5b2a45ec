import { availableParallelism } from 'node:os';
import { rankSweep } from '../core/backtest/rank-sweep';
import { DEFAULT_MIN_TRADES } from '../core/backtest/run-sweep';
import { type SweepEntry, type SweepInput, type SweepResult } from '../core/backtest/sweep-types';
import { runSweepPool, sweepWorkerData } from './sweep-pool';
import { type SweepTask } from './sweep-worker-types';

export interface ParallelSweepOptions {
  /** Worker threads; default `os.availableParallelism()`. */
  threads?: number;
  /** Tasks per thread the grid is split into (more = smoother progress, finer cancel). Default 8. */
  tasksPerThread?: number;
}

/**
 * `runSweep` on all cores: the grid is split into contiguous index ranges run by a piscina pool
 * of worker threads. The candles go once into shared memory and every worker reads them in
 * place (no copy per worker or task); the rest of the sweep's fixed data is sent once per
 * worker. Entries are ranked by the same `rankSweep`, so the result equals the sequential
 * sweep's. `shouldCancel` is polled as tasks finish; no new task starts then, and once the
 * running ones are done the call rejects with `BacktestError('cancelled')`.
 */
export async function runParallelSweep(
  input: SweepInput,
  parallel: ParallelSweepOptions = {},
): Promise<SweepResult> {
  const data = sweepWorkerData(input);
  const { combos, options } = data;
  const metric = data.input.metric ?? 'sharpe';
  const threads = Math.max(1, Math.min(parallel.threads ?? availableParallelism(), combos.length));
  const size = Math.max(1, Math.ceil(combos.length / (threads * (parallel.tasksPerThread ?? 8))));
  const tasks: SweepTask[] = [];
  for (let from = 0; from < combos.length; from += size)
    tasks.push({ from, to: Math.min(combos.length, from + size) });
  const entries: SweepEntry[] = [];
  let done = 0;
  await runSweepPool({
    data,
    threads,
    tasks,
    onBatch: (batch) => {
      entries.push(...batch);
      done += batch.length;
      input.onProgress?.(done / combos.length);
    },
    shouldCancel: input.shouldCancel,
    label: 'Sweep',
  });
  return rankSweep(entries, input.grid, metric, input.minTrades ?? DEFAULT_MIN_TRADES, options);
}
