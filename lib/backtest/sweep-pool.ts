import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { BacktestError } from '../core/backtest/backtest-error';
import { gridFromSpec } from '../core/backtest/grid-from-spec';
import { parseBacktestOptions } from '../core/backtest/options';
import { type SweepEntry, type SweepInput } from '../core/backtest/sweep-types';
import { validateCandles } from '../core/backtest/validate-candles';
import { toSharedCandles } from './shared-candles';
import { runPoolTasks } from './run-pool-tasks';
import { type SweepTask, type SweepWorkerData } from './sweep-worker-types';

export interface SweepPoolRun {
  /** What every worker gets once, at start (the candles already in shared memory). */
  data: SweepWorkerData;
  threads: number;
  tasks: readonly SweepTask[];
  /** Each task's entries, in completion order. */
  onBatch: (entries: SweepEntry[], task: SweepTask) => void;
  shouldCancel?: () => boolean;
  /** Names the run in the cancel error: `Sweep`, `Walk-forward`. */
  label: string;
}

/**
 * What every sweep worker gets once (for a sweep or a walk-forward's train sweeps): the grid's
 * combinations, the parsed options and the metric (default Sharpe) after the candles are
 * checked, and the candles themselves in shared memory.
 */
export function sweepWorkerData(
  input: Pick<
    SweepInput,
    'candles' | 'grid' | 'timeframe' | 'symbol' | 'strategy' | 'options' | 'metric' | 'minTrades'
  > & { tradeFrom?: number },
): SweepWorkerData {
  const combos = gridFromSpec(input.grid);
  const options = parseBacktestOptions(input.options);
  validateCandles(input.candles);
  return {
    candles: toSharedCandles(input.candles),
    input: {
      timeframe: input.timeframe,
      symbol: input.symbol,
      strategy: input.strategy,
      options: input.options,
      metric: input.metric ?? 'sharpe',
      minTrades: input.minTrades,
      tradeFrom: input.tradeFrom,
    },
    options,
    combos,
  };
}

/**
 * Runs sweep tasks on a piscina pool of `threads` sweep workers (`sweep-worker.ts`), two tasks
 * per thread in flight so every thread stays busy. `shouldCancel` is polled as tasks finish; no
 * new task starts then, and once the running ones are done the call rejects with
 * `BacktestError('cancelled')`. The pool is destroyed in every case.
 */
export async function runSweepPool(run: SweepPoolRun): Promise<void> {
  const pool = new Piscina<SweepTask, SweepEntry[]>({
    filename: new URL('./sweep-worker.ts', import.meta.url).href,
    minThreads: run.threads,
    maxThreads: run.threads,
    idleTimeout: 1000,
    workerData: run.data,
    execArgv: workerExecArgv(),
  });
  try {
    const cancelled = await runPoolTasks(
      (task) => pool.run(task),
      run.tasks,
      run.threads * 2,
      run.onBatch,
      () => run.shouldCancel?.() ?? false,
    );
    if (cancelled) throw new BacktestError('cancelled', `${run.label} cancelled`);
  } finally {
    await pool.destroy();
  }
}

/**
 * Worker threads run TypeScript through tsx: reuse the parent's loader flags when it has them
 * (the worker process and `npm run` scripts start under tsx), otherwise add tsx's loader.
 */
function workerExecArgv(): string[] {
  if (process.execArgv.some((arg) => arg.includes('tsx'))) return process.execArgv;
  const loader = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(loader).href];
}
