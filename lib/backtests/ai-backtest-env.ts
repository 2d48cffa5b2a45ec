/** The configured seed and caps for AI backtest estimates and queueing in the web process. */
import { getConfig } from '../config';
import { type AiEstimateOptions } from './ai-backtest-estimate';

export function aiBacktestEnv(now: Date = new Date()): AiEstimateOptions {
  const config = getConfig();
  return {
    seed: config.SIMULATED_MARKET_SEED,
    now,
    caps: { maxCalls: config.AI_BACKTEST_MAX_CALLS, maxCostUsd: config.AI_BACKTEST_MAX_COST_USD },
  };
}
