import type { Config } from '../../lib/config';
import { logSystem } from '../../lib/log/system-log';
import { notifyArgsOf } from '../../lib/realtime/emitter';
import { createPriceTicks } from '../../lib/realtime/price-ticks';
import type { AiDecider } from '../../lib/trading/bot-decision';
import type { TradingDeps } from '../../lib/trading/deps';
import { BACKTEST_POLL_MS, backtestPass } from './backtests';
import { CYCLE_BATCH, runDueBotCycles } from './bot-cycles';
import { snapshotAllEquity } from './equity-snapshots';
import { monitorAllAccounts } from './exit-monitor';
import { settleAbandonedWork } from './housekeeping';
import { REFLECTION_POLL_MS, reflectionPass } from './reflections';
import { startLoop, type Loop } from './loop';
import { drainSignals } from './signals';

/**
 * Every job the worker runs, in one place (STYLE rule 9). Each is a loop over work claimed in
 * PostgreSQL, safe to run in any number of workers at once.
 */
export function startJobs(
  deps: TradingDeps,
  workerId: string,
  config: Config,
  options: { aiDecider?: AiDecider } = {},
) {
  const onError = (name: string, error: unknown) =>
    void logSystem(deps.db, {
      level: 'error',
      source: `job:${name}`,
      message: error instanceof Error ? error.message : String(error),
    });
  // Live prices for the browsers, from the prices the cycles and the monitor read anyway.
  const priceTicks = createPriceTicks((userId, payload) =>
    deps.notify({ type: 'price:tick', userId, payload }),
  );
  const loops: Loop[] = [
    startLoop(
      'signals',
      250,
      async () =>
        void (await drainSignals(deps, {
          batch: 100,
          concurrency: config.WORKER_SIGNAL_LANES,
          forMs: 5000,
        })),
      onError,
    ),
    startLoop(
      'bot-cycles',
      1000,
      async () =>
        void (await runDueBotCycles(deps, workerId, {
          batch: CYCLE_BATCH,
          concurrency: config.WORKER_CYCLE_LANES,
          aiDecider: options.aiDecider,
          priceTicks,
          encodeEvent: (event) =>
            notifyArgsOf(event.type, event.payload as never, { userId: event.userId }),
        })),
      onError,
    ),
    startLoop(
      'equity-snapshots',
      config.EQUITY_SNAPSHOT_INTERVAL_MS,
      () => snapshotAllEquity(deps, workerId, config.EQUITY_SNAPSHOT_INTERVAL_MS),
      onError,
    ),
    startLoop(
      'exit-monitor',
      config.EXIT_MONITOR_INTERVAL_MS,
      async () => {
        await monitorAllAccounts(deps, workerId, config.EXIT_MONITOR_INTERVAL_MS * 4, {
          priceTicks,
        });
        await settleAbandonedWork(deps);
      },
      onError,
    ),
    startLoop(
      'backtests',
      BACKTEST_POLL_MS,
      async () =>
        void (await backtestPass(deps, workerId, {
          seed: config.SIMULATED_MARKET_SEED,
          ai: {
            caps: {
              maxCalls: config.AI_BACKTEST_MAX_CALLS,
              maxCostUsd: config.AI_BACKTEST_MAX_COST_USD,
            },
          },
        })),
      onError,
    ),
    startLoop(
      'reflections',
      REFLECTION_POLL_MS,
      async () =>
        void (await reflectionPass(deps, workerId, {
          intervalMs: config.AI_REFLECTION_INTERVAL_MS,
        })),
      onError,
    ),
  ];
  return {
    async stop() {
      await Promise.all(loops.map((loop) => loop.stop()));
    },
  };
}
