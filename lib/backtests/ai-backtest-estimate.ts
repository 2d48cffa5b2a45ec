/**
 * Before an AI run is queued: how many decision points it has, how many the ledger's cache
 * already answers, and the provider calls and cost the rest would take (each miss priced at the
 * prompt's estimated input tokens plus the version's output cap, all uncached — an upper
 * estimate). Found by replaying with the cache only: a miss is counted and assumed a hold, so
 * a run whose every prompt was seen before estimates zero calls, exactly as it will run.
 */
import { cachedDecision, decisionRequest } from '../ai';
import { estimateCost } from '../ai/compute-cost';
import { dec } from '../core/money';
import { getStrategyOrThrow, parseStrategyParams } from '../core/strategy';
import { type KeyRing } from '../crypto/secret-box';
import { type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { CONTEXT_CANDLES } from '../trading/run-bot-cycle';
import {
  aiVersionIdOf,
  decisionEveryBars,
  DEFAULT_AI_BACKTEST_CAPS,
  type AiBacktestCaps,
} from './ai-backtest-input';
import { aiBacktestSetup, stepOf, type AiBacktestSetup } from './ai-backtest-setup';
import { replayAiDecisions } from './ai-replay';
import { type BacktestRunRequest } from './backtest-input';
import { loadBacktestCandles, type LoadedCandles } from './load-backtest-candles';

/** The rules-only baseline shown beside an AI run (default params). */
export const AI_BASELINE_STRATEGY = 'sma-cross';

/** Warm-up bars loaded before an AI run: the live context's candles, and the baseline's warm-up. */
export function aiWarmupBars(): number {
  const baseline = getStrategyOrThrow(AI_BASELINE_STRATEGY);
  return Math.max(CONTEXT_CANDLES, baseline.warmup(parseStrategyParams(AI_BASELINE_STRATEGY, {})));
}

export interface AiBacktestEstimate {
  strategyName: string;
  version: number;
  provider: string;
  model: string;
  trainingCutoff: string | null;
  decisionEveryBars: number;
  decisionPoints: number;
  cached: number;
  providerCalls: number;
  /** USD, exact decimal string. */
  estimatedCostUsd: string;
  caps: AiBacktestCaps;
  withinCaps: boolean;
  /** Why the run would be refused, when it is over a cap. */
  overCap: string | null;
}

export interface AiEstimateOptions {
  seed: string;
  now: Date;
  caps?: AiBacktestCaps;
  ring?: KeyRing;
}

export async function estimateAiBacktest(
  db: Db,
  userId: string,
  input: BacktestRunRequest,
  options: AiEstimateOptions,
): Promise<AiBacktestEstimate> {
  const versionId = aiVersionIdOf(input.strategyId);
  if (!versionId) throw new AppError('bad_request', 'Pick an AI strategy version to estimate.');
  const setup = await aiBacktestSetup(db, userId, versionId, options.ring);
  const loaded = await loadBacktestCandles(
    db,
    {
      dataSource: input.source,
      venue: input.venue,
      symbol: input.symbol,
      timeframe: input.timeframe,
      rangeFrom: new Date(input.from),
      rangeTo: new Date(input.to),
    },
    { seed: options.seed, now: options.now, warmupBars: aiWarmupBars() },
  );
  return estimateOnCandles(db, userId, input, setup, loaded!, options.caps);
}

export async function estimateOnCandles(
  db: Db,
  userId: string,
  input: Pick<BacktestRunRequest, 'timeframe' | 'symbol' | 'options' | 'ai'>,
  setup: AiBacktestSetup,
  loaded: LoadedCandles,
  caps: AiBacktestCaps = DEFAULT_AI_BACKTEST_CAPS,
): Promise<AiBacktestEstimate> {
  const bars = loaded.candles.time.length - loaded.tradeFrom;
  const every = decisionEveryBars(bars, input.ai?.decisionEveryBars);
  let points = 0;
  let cached = 0;
  let calls = 0;
  let cost = dec(0);
  await replayAiDecisions({
    candles: loaded.candles,
    tradeFrom: loaded.tradeFrom,
    timeframe: input.timeframe,
    symbol: input.symbol,
    options: input.options,
    every,
    strategy: { id: 'ai', version: setup.version.id },
    resolve: async ({ context }) => {
      points++;
      const request = decisionRequest(setup.version, setup.settings, context);
      const hit = await cachedDecision(db, userId, request);
      if (hit) {
        cached++;
        return stepOf(hit.decision);
      }
      if (request.kind !== 'rules') {
        calls++;
        cost = cost.add(
          estimateCost(
            request.prompt.estimatedInputTokens,
            request.estimatedOutputTokens,
            setup.price,
          ),
        );
      }
      return {
        action: 'hold',
        confidence: 0,
        reasoning: 'estimate: not cached',
        invalidation: null,
      };
    },
  });
  const overCalls = calls > caps.maxCalls;
  const overCost = cost.gt(caps.maxCostUsd);
  const overCap = overCalls
    ? `The run would make about ${calls} provider calls, over the cap of ${caps.maxCalls} per run: shorten the range or ask less often.`
    : overCost
      ? `The run would cost about ${cost.toFixed(2)} USD, over the cap of ${caps.maxCostUsd} USD per run: shorten the range, ask less often or pick a cheaper model.`
      : null;
  return {
    strategyName: setup.strategy.name,
    version: setup.version.version,
    provider: setup.provider,
    model: setup.model,
    trainingCutoff: setup.cutoff.date,
    decisionEveryBars: every,
    decisionPoints: points,
    cached,
    providerCalls: calls,
    estimatedCostUsd: cost.toString(),
    caps,
    withinCaps: overCap === null,
    overCap,
  };
}
