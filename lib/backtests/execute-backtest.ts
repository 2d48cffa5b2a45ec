import { BacktestError, runBacktest } from '../core/backtest';
import { getStrategyOrThrow, parseStrategyParams, StrategyError } from '../core/strategy';
import type { Timeframe } from '../core/types';
import type { Db } from '../db/client';
import { backtestStatusOf, finishBacktest, touchBacktest } from '../db/queries/backtests';
import type { Backtest } from '../db/schema';
import { AppError } from '../errors/app-error';
import { ExchangeError } from '../exchange/exchange-error';
import { executeSweep } from './execute-sweep';
import { executeAiBacktest, type AiExecuteOptions } from './execute-ai-backtest';
import type { CandleFeedFor } from './exchange-candle-feeds';
import { loadBacktestCandles } from './load-backtest-candles';
import { completedRunColumns } from './stored-result';

export interface ExecuteBacktestDeps {
  db: Db;
  now(): Date;
  /** Progress for the run's owner (0–100); never throws. */
  progress(
    run: Backtest,
    percent: number,
    status: 'running' | 'completed' | 'failed',
    message: string | null,
  ): void;
}

export interface ExecuteBacktestOptions {
  owner: string;
  seed: string;
  leaseMs: number;
  /** Source `exchange`: the venues' public candle feeds (missing candles fetched and cached). */
  candleFeed?: CandleFeedFor;
  /** AI runs: caps per run, the key ring, a shutdown signal (`execute-ai-backtest.ts`). */
  ai?: AiExecuteOptions;
}

export type ExecuteOutcome = 'completed' | 'failed' | 'cancelled';

/**
 * Runs a run this worker has claimed: loads the candles in chunks (progress 0–80 %, a cancel is
 * seen between chunks and extends the lease), runs the engine (synchronous, seconds at most for
 * `MAX_BACKTEST_BARS`), checks once more for a cancel, and stores the JSON result (curves
 * downsampled to `DISPLAY_POINTS`, every trade). Bad params or data end the run as `failed`
 * with the reason; a cancelled or deleted run is left as it is.
 */
export async function executeBacktest(
  deps: ExecuteBacktestDeps,
  run: Backtest,
  options: ExecuteBacktestOptions,
): Promise<ExecuteOutcome> {
  const { db } = deps;
  let lastPercent = -1;
  const report = async (percent: number): Promise<boolean> => {
    const rounded = Math.floor(percent);
    const until = new Date(deps.now().getTime() + options.leaseMs);
    if (!(await touchBacktest(db, run.id, options.owner, rounded, until))) return false;
    if (rounded !== lastPercent) deps.progress(run, rounded, 'running', null);
    lastPercent = rounded;
    return true;
  };
  try {
    // sweeps and walk-forward: on all cores, see execute-sweep.ts
    if (run.mode !== 'single') return await executeSweep(deps, run, options, report);
    // AI strategies: decisions from the ledger's cache or the provider, see execute-ai-backtest.ts
    if (run.strategyId === 'ai') return await executeAiBacktest(deps, run, options, report);
    const params = parseStrategyParams(run.strategyId, run.strategyParams);
    const warmupBars = getStrategyOrThrow(run.strategyId).warmup(params);
    if (!(await report(0))) return 'cancelled';
    const loaded = await loadBacktestCandles(db, run, {
      seed: options.seed,
      now: deps.now(),
      feedFor: options.candleFeed,
      warmupBars,
      onChunk: (fraction) => report(fraction * 80),
    });
    if (!loaded) return 'cancelled';
    const result = runBacktest({
      candles: loaded.candles,
      tradeFrom: loaded.tradeFrom,
      timeframe: run.timeframe as Timeframe,
      symbol: run.symbol,
      strategy: { id: run.strategyId, params, version: null },
      options: run.options,
    });
    if ((await backtestStatusOf(db, run.id)) !== 'running' || !(await report(95)))
      return 'cancelled';
    const stored = await finishBacktest(db, run.id, options.owner, completedRunColumns(result));
    if (!stored) return 'cancelled';
    deps.progress(run, 100, 'completed', `${result.trades.length} trades`);
    return 'completed';
  } catch (error) {
    const message = failureMessage(error);
    if (!(await finishBacktest(db, run.id, options.owner, { status: 'failed', error: message }))) {
      return 'cancelled';
    }
    deps.progress(run, lastPercent < 0 ? 0 : lastPercent, 'failed', message);
    return 'failed';
  }
}

/** A reason the user can act on; anything unexpected is logged and shown as a generic failure. */
function failureMessage(error: unknown): string {
  if (error instanceof AppError || error instanceof StrategyError) return error.message;
  if (error instanceof BacktestError) return error.message;
  if (error instanceof Error && error.name === 'ZodError')
    return `Invalid options: ${error.message}`;
  if (error instanceof ExchangeError) return error.message; // e.g. a symbol the market does not list
  console.error('[backtests] run failed', error);
  return 'The backtest failed unexpectedly.';
}
