import { claimBacktest } from '../../lib/db/queries/backtests';
import { executeBacktest, type ExecuteOutcome } from '../../lib/backtests/execute-backtest';
import type { TradingDeps } from '../../lib/trading/deps';
import type { AiExecuteOptions } from '../../lib/backtests/execute-ai-backtest';
import { publicCandleFeeds, type CandleFeedFor } from '../../lib/backtests/exchange-candle-feeds';

/** How often an idle worker looks for queued backtests. */
export const BACKTEST_POLL_MS = 1000;
/** A claimed run's lease; progress extends it, so only a dead worker's run expires. */
export const BACKTEST_LEASE_MS = 2 * 60_000;

/**
 * One pass of the backtest job: claims queued runs one at a time (`FOR UPDATE SKIP LOCKED`, so
 * several workers share the queue) and executes each, sending `job:progress` to the owner's
 * room. Stops after `maxRuns` runs so a long queue never blocks graceful shutdown for long.
 */
export async function backtestPass(
  deps: Pick<TradingDeps, 'db' | 'now' | 'notify'>,
  workerId: string,
  options: {
    seed: string;
    maxRuns?: number;
    ai?: AiExecuteOptions;
    /** Source `exchange`: where candles are fetched (default: the venues' public APIs). */
    candleFeed?: CandleFeedFor;
  },
): Promise<ExecuteOutcome[]> {
  const outcomes: ExecuteOutcome[] = [];
  for (let i = 0; i < (options.maxRuns ?? 5); i++) {
    const run = await claimBacktest(deps.db, workerId, deps.now(), BACKTEST_LEASE_MS);
    if (!run) break;
    const outcome = await executeBacktest(
      {
        db: deps.db,
        now: deps.now,
        progress: (r, percent, status, message) =>
          void deps.notify({
            type: 'job:progress',
            userId: r.userId,
            payload: {
              jobId: r.id,
              kind: 'backtest',
              status,
              percent,
              message,
              at: deps.now().toISOString(),
            },
          }),
      },
      run,
      {
        owner: workerId,
        seed: options.seed,
        leaseMs: BACKTEST_LEASE_MS,
        ai: options.ai,
        candleFeed: options.candleFeed ?? publicCandleFeeds(),
      },
    );
    outcomes.push(outcome);
  }
  return outcomes;
}
