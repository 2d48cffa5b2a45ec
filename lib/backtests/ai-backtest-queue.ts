/**
 * Queues an AI backtest: the user's own version (else `not_found`), the estimate recomputed on
 * the server (over a cap → 422, nothing queued), the user's confirmation of it (else 400 on
 * `ai.confirmCost`), then one `backtests` row with `strategy_id = 'ai'` and the exact version.
 */
import { type Db } from '../db/client';
import { insertBacktest } from '../db/queries/backtests';
import { type Backtest } from '../db/schema';
import { AppError } from '../errors/app-error';
import { AI_STRATEGY_ID, aiVersionIdOf } from './ai-backtest-input';
import { estimateAiBacktest, type AiEstimateOptions } from './ai-backtest-estimate';
import { type BacktestRunRequest } from './backtest-input';
import { runRow } from './run-row';

export async function queueAiBacktest(
  db: Db,
  userId: string,
  input: BacktestRunRequest,
  options: AiEstimateOptions,
): Promise<Backtest> {
  const estimate = await estimateAiBacktest(db, userId, input, options);
  if (estimate.overCap) {
    throw new AppError('unprocessable', estimate.overCap, { 'ai.confirmCost': [estimate.overCap] });
  }
  if (!input.ai?.confirmCost) {
    const message = `Confirm the estimate first: ${estimate.providerCalls} provider calls, about ${estimate.estimatedCostUsd} USD.`;
    throw new AppError('bad_request', message, { 'ai.confirmCost': [message] });
  }
  return insertBacktest(db, {
    ...runRow(userId, input, `${estimate.strategyName} v${estimate.version} (AI)`),
    strategyId: AI_STRATEGY_ID,
    aiStrategyVersionId: aiVersionIdOf(input.strategyId)!,
    strategyParams: { decisionEveryBars: estimate.decisionEveryBars },
  });
}
