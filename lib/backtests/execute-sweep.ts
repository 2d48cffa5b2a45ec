import { BacktestError, ENGINE_VERSION, gridFromSpec, type SweepInput } from '../core/backtest';
import { getStrategyOrThrow, parseStrategyParams } from '../core/strategy';
import type { Timeframe } from '../core/types';
import { runParallelSweep } from '../backtest/parallel-sweep';
import { runParallelWalkForward } from '../backtest/parallel-walk-forward';
import { backtestStatusOf, finishBacktest } from '../db/queries/backtests';
import type { Backtest, NewBacktest } from '../db/schema';
import type {
  ExecuteBacktestDeps,
  ExecuteBacktestOptions,
  ExecuteOutcome,
} from './execute-backtest';
import { loadBacktestCandles } from './load-backtest-candles';
import { DISPLAY_POINTS, plainJson } from './stored-result';
import { toGridSpec } from './sweep-input';
import type { StoredSweepSpec } from './sweep-queue';
import { toStoredSweep, toStoredWalkForward, walkForwardCurves } from './sweep-result';

/** Progress while loading candles; the sweep takes the rest up to `RUN_PERCENT`. */
const LOAD_PERCENT = 10;
const RUN_PERCENT = 97;

export interface ExecuteSweepOptions extends ExecuteBacktestOptions {
  /** Worker threads (default: every core). */
  threads?: number;
}

/**
 * Runs a claimed sweep or walk-forward: loads the candles (0–10 %), runs the grid on all cores
 * (`runParallelSweep` / `runParallelWalkForward`, piscina worker threads), storing the progress
 * and extending the lease as chunks of combinations finish (10–97 %); a cancel or delete is seen
 * there and stops the pool between chunks. Stores the compact ranked table or the per-window
 * table (`sweep_result`), the best (sweep) or out-of-sample (walk-forward) metrics, and for a
 * walk-forward the out-of-sample trades and curves. Errors are thrown to `executeBacktest`,
 * which records them as for a single run.
 */
export async function executeSweep(
  deps: ExecuteBacktestDeps,
  run: Backtest,
  options: ExecuteSweepOptions,
  report: (percent: number) => Promise<boolean>,
): Promise<ExecuteOutcome> {
  const spec = run.sweepSpec as unknown as StoredSweepSpec;
  const params = parseStrategyParams(run.strategyId, run.strategyParams);
  const grid = toGridSpec(spec.grid);
  const definition = getStrategyOrThrow(run.strategyId);
  // a sweep warms up for its slowest combination; walk-forward test runs warm up on train bars
  const warmupBars =
    run.mode === 'sweep'
      ? Math.max(
          0,
          ...gridFromSpec(grid).map((combo) => {
            const parsed = definition.params.safeParse({ ...params, ...combo });
            return parsed.success ? definition.warmup(parsed.data) : 0;
          }),
        )
      : 0;
  if (!(await report(0))) return 'cancelled';
  const loaded = await loadBacktestCandles(deps.db, run, {
    seed: options.seed,
    now: deps.now(),
    feedFor: options.candleFeed,
    warmupBars,
    onChunk: (fraction) => report(fraction * LOAD_PERCENT),
  });
  if (!loaded) return 'cancelled';

  // the pool reports synchronously; the lease update (which also sees a cancel) runs behind it
  let cancelled = false;
  let chain = Promise.resolve();
  const onProgress = (fraction: number) => {
    const percent = LOAD_PERCENT + fraction * (RUN_PERCENT - LOAD_PERCENT);
    chain = chain
      .then(() => (cancelled ? true : report(percent)))
      .then((held) => {
        if (!held) cancelled = true;
      });
  };
  const base: Omit<SweepInput, 'tradeFrom'> = {
    candles: loaded.candles,
    timeframe: run.timeframe as Timeframe,
    symbol: run.symbol,
    strategy: { id: run.strategyId, params, version: null },
    grid,
    options: run.options,
    metric: spec.metric,
    minTrades: spec.minTrades,
    onProgress,
    shouldCancel: () => cancelled,
  };
  const parallel = { threads: options.threads, tasksPerThread: 16 };
  let values: Omit<Partial<NewBacktest>, 'status'>;
  try {
    if (run.mode === 'sweep') {
      const result = await runParallelSweep({ ...base, tradeFrom: loaded.tradeFrom }, parallel);
      const stored = toStoredSweep(result);
      const best = stored.top[0];
      values = {
        config: plainJson({
          engineVersion: ENGINE_VERSION,
          mode: 'sweep',
          strategy: { id: run.strategyId, params, version: null },
          grid,
          metric: result.metric,
          minTrades: result.minTrades,
          options: result.options,
          range: { bars: loaded.candles.time.length - loaded.tradeFrom, warmupBars },
        }),
        metrics: result.best?.metrics ? plainJson(result.best.metrics) : null,
        sweepResult: plainJson(stored),
        tradeCount: best?.metrics.tradeCount ?? 0,
      };
    } else {
      const wf = spec.walkForward!;
      const result = await runParallelWalkForward(
        { ...base, trainBars: wf.trainBars, testBars: wf.testBars, stepBars: wf.stepBars },
        parallel,
      );
      values = {
        config: plainJson({ ...result.config, mode: 'walk-forward' }),
        metrics: plainJson(result.outOfSample.metrics),
        sweepResult: plainJson(toStoredWalkForward(result)),
        curves: plainJson(walkForwardCurves(result, DISPLAY_POINTS)),
        trades: plainJson(result.outOfSample.trades) as unknown as Record<string, unknown>[],
        tradeCount: result.outOfSample.trades.length,
      };
    }
  } catch (error) {
    await chain;
    if (error instanceof BacktestError && error.code === 'cancelled') return 'cancelled';
    throw error;
  }
  await chain;
  if (cancelled || (await backtestStatusOf(deps.db, run.id)) !== 'running') return 'cancelled';
  if (!(await report(RUN_PERCENT))) return 'cancelled';
  const stored = await finishBacktest(deps.db, run.id, options.owner, {
    ...values,
    status: 'completed',
    progress: 100,
  });
  if (!stored) return 'cancelled';
  const label =
    run.mode === 'sweep'
      ? `${spec.combinations} combinations ranked`
      : `${(values.sweepResult as { windows: unknown[] }).windows.length} walk-forward windows`;
  deps.progress(run, 100, 'completed', label);
  return 'completed';
}
