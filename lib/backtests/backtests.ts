import { getStrategyOrThrow } from '../core/strategy';
import type { Db } from '../db/client';
import {
  cancelBacktest,
  deleteBacktest,
  findBacktest,
  findBacktests,
  insertBacktest,
  listBacktests,
  type BacktestSummaryRow,
} from '../db/queries/backtests';
import type { Backtest } from '../db/schema';
import { AppError } from '../errors/app-error';
import { DEFAULT_SIMULATED_SYMBOLS } from '../exchange/market-data';
import type { BacktestRunRequest } from './backtest-input';
import { sweepColumns } from './sweep-queue';
import { aiVersionIdOf } from './ai-backtest-input';
import { type AiEstimateOptions } from './ai-backtest-estimate';
import { queueAiBacktest } from './ai-backtest-queue';
import { runRow } from './run-row';

/** Most runs a user may have queued or running at once. */
export const MAX_ACTIVE_RUNS = 5;

/** Queues a run for the worker; the request was parsed by `backtestRunSchema`. */
export async function queueBacktest(
  db: Db,
  userId: string,
  input: BacktestRunRequest,
  /** AI strategies: the simulated market's seed, the caps, the clock (`ai-backtest-queue.ts`). */
  ai: AiEstimateOptions = { seed: 'osprey', now: new Date() },
): Promise<Backtest> {
  const active = (await listBacktests(db, userId, 200)).filter(
    (r) => r.status === 'queued' || r.status === 'running',
  );
  if (active.length >= MAX_ACTIVE_RUNS) {
    throw new AppError('conflict', `At most ${MAX_ACTIVE_RUNS} backtests can wait or run at once.`);
  }
  if (input.source === 'simulated' && !DEFAULT_SIMULATED_SYMBOLS.includes(input.symbol)) {
    throw new AppError('bad_request', 'The simulated market does not list that symbol.', {
      symbol: [`Simulated symbols: ${DEFAULT_SIMULATED_SYMBOLS.join(', ')}.`],
    });
  }
  if (aiVersionIdOf(input.strategyId)) return queueAiBacktest(db, userId, input, ai);
  const strategy = getStrategyOrThrow(input.strategyId);
  const params = Object.values(input.params).join('/');
  return insertBacktest(db, {
    ...runRow(userId, input, `${strategy.name}${params ? ` ${params}` : ''}`),
    strategyId: input.strategyId,
    strategyParams: input.params,
    ...sweepColumns(input, strategy.name),
  });
}

export function listUserBacktests(db: Db, userId: string): Promise<BacktestSummaryRow[]> {
  return listBacktests(db, userId);
}

/** A user's run; someone else's is simply not found. */
export async function getBacktestOrThrow(db: Db, userId: string, id: string): Promise<Backtest> {
  const run = await findBacktest(db, userId, id);
  if (!run) throw new AppError('not_found', 'Backtest not found.');
  return run;
}

/** Two to six of a user's runs for a side-by-side comparison. */
export async function compareBacktests(db: Db, userId: string, ids: string[]): Promise<Backtest[]> {
  const unique = [...new Set(ids)].slice(0, 6);
  const runs = await findBacktests(db, userId, unique);
  if (runs.length !== unique.length) throw new AppError('not_found', 'Backtest not found.');
  return runs;
}

/** Stops a queued or running run (the worker sees it at its next check). */
export async function cancelUserBacktest(db: Db, userId: string, id: string): Promise<Backtest> {
  const run = await cancelBacktest(db, userId, id);
  if (run) return run;
  await getBacktestOrThrow(db, userId, id);
  throw new AppError('conflict', 'Only a queued or running backtest can be cancelled.');
}

/** Deletes a run and its results (a running one stops: its worker loses the row). */
export async function removeBacktest(db: Db, userId: string, id: string): Promise<void> {
  if (!(await deleteBacktest(db, userId, id)))
    throw new AppError('not_found', 'Backtest not found.');
}
