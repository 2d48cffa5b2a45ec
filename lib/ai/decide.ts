/**
 * The one entry point of the AI layer: a market context in, a validated decision (or a hold) out,
 * and exactly one ledger row per call whatever happened. The AI proposes; the risk engine decides.
 *
 * Order: build the prompt → cache (same provider, model, prompt and params → the stored decision,
 * byte-identical, no call, no cost) → daily budget → provider call with one repair → on failure
 * the user's fallback (a hold, or the rules provider) → ledger row.
 */
import { type Db } from '../db/client';
import { insertAiDecision } from '../db/queries/ai-decisions';
import { type AiDecisionRow } from '../db/schema';
import { checkDailyBudget } from './budget';
import { callWithRepair } from './call-with-repair';
import { computeCost, estimateCost } from './compute-cost';
import { cachedDecision, decisionRequest, type DecisionVersion } from './decision-request';
import { DECISION_OUTPUT_SCHEMA, holdDecision, type AiDecision } from './decision-schema';
import {
  failureDecision,
  ledgerRow,
  type Failure,
  type LedgerBase,
  type LedgerOutcome,
} from './ledger-entry';
import { getModelPrice } from './model-prices';
import { promptText } from './prompts/build-prompt';
import { createProvider } from './providers/create-provider';
import { type AiMarketContext, type AiRuntimeSettings } from './types';
import { validateDecision, type SenseInput } from './validate-decision';

export interface DecideInput {
  userId: string;
  botId?: string | null;
  /** The AI backtest this decision was asked for (the ledger row is marked with it). */
  backtestId?: string | null;
  /** The exact version decided with (loaded with `getAiStrategyVersion`, owner-checked). */
  strategyVersion: DecisionVersion;
  /** The user's settings (`loadAiSettings`), key decrypted. */
  settings: AiRuntimeSettings;
  context: AiMarketContext;
  /** Decision time: the ledger row's `created_at` and the budget's UTC day. */
  now: Date;
  /** Cancels the provider call (worker shutdown); the result is a logged hold. */
  signal?: AbortSignal;
  /** Reuse a cached decision for an identical prompt (default true; never for `rules`). */
  useCache?: boolean;
}

export interface DecideResult {
  decision: AiDecision;
  ledgerRow: AiDecisionRow;
}

export async function decide(db: Db, input: DecideInput): Promise<DecideResult> {
  const { settings, context, strategyVersion: version } = input;
  const request = decisionRequest(version, settings, context);
  const { params, paramsError, kind, model, prompt, contextError, cacheKey } = request;
  const base: LedgerBase = {
    userId: input.userId,
    botId: input.botId ?? null,
    ...(input.backtestId ? { backtestId: input.backtestId } : {}),
    strategyVersionId: version.id,
    symbol: context.symbol,
    timeframe: context.timeframe,
    provider: kind,
    model,
    prompt: promptText(prompt),
    cacheKey,
    estimatedInputTokens: prompt.estimatedInputTokens,
    createdAt: input.now,
  };
  const write = async (outcome: LedgerOutcome): Promise<DecideResult> => ({
    decision: outcome.decision,
    ledgerRow: await insertAiDecision(db, ledgerRow(base, outcome)),
  });

  const lastPrice = context.candles[context.candles.length - 1]?.close ?? NaN;
  const sense: SenseInput = {
    lastPrice,
    hasPosition: context.position !== null,
    limits: params.sanity,
  };
  const rules = { spec: params.rules, context };
  const fail = (failure: Failure) =>
    failureDecision({
      failure,
      fallback: kind === 'rules' ? 'hold' : settings.fallback,
      rules,
      sense,
    });

  if (contextError) {
    return write(
      fail({ code: 'invalid_context', message: `No prompt could be built (${contextError}).` }),
    );
  }
  if (paramsError) {
    return write(
      fail({
        code: 'invalid_params',
        message: `The strategy version's parameters are invalid (${paramsError}).`,
      }),
    );
  }

  if (kind !== 'rules' && input.useCache !== false) {
    const started = performance.now();
    const cached = await cachedDecision(db, input.userId, request);
    if (cached) {
      const latencyMs = Math.round(performance.now() - started);
      return write({
        decision: cached.decision,
        decidedBy: 'cache',
        rawResponse: cached.row.rawResponse,
        latencyMs,
      });
    }
  }

  const price = await getModelPrice(db, kind, model);
  if (kind !== 'rules') {
    const outputTokens = request.estimatedOutputTokens;
    const budget = await checkDailyBudget(db, {
      userId: input.userId,
      dailyBudgetUsd: settings.dailyBudgetUsd,
      estimatedCost: estimateCost(prompt.estimatedInputTokens, outputTokens, price),
      now: input.now,
    });
    if (!budget.allowed) {
      const message = `the daily AI budget of ${budget.budget} USD is spent (${budget.spentToday} USD today); no call was made.`;
      return write(fail({ code: 'budget_exhausted', message }));
    }
  }

  const outcome = await callWithRepair(
    createProvider(kind, settings, rules),
    {
      system: prompt.system,
      user: prompt.user,
      schema: DECISION_OUTPUT_SCHEMA,
      model,
      timeoutMs: settings.timeoutMs,
      signal: input.signal,
      temperature: params.temperature,
      maxOutputTokens: params.maxOutputTokens,
    },
    (rawText, parsed) => validateDecision(rawText, parsed, sense),
    { repair: kind !== 'rules' },
  );
  const spent: Omit<LedgerOutcome, 'decision' | 'decidedBy'> = {
    rawResponse: outcome.rawText,
    usage: outcome.usage,
    cost: computeCost(outcome.usage, price),
    latencyMs: outcome.latencyMs,
    providerCalls: outcome.calls,
    validationErrors: outcome.failedAttempts.length > 0 ? outcome.failedAttempts : null,
  };
  if (outcome.value) return write({ ...spent, decision: outcome.value, decidedBy: 'provider' });
  if (outcome.error)
    return write({
      ...spent,
      ...fail({ code: outcome.error.kind, message: outcome.error.message }),
    });
  const errors = (outcome.failedAttempts.at(-1)?.errors ?? []).join(' ');
  return write({
    ...spent,
    decision: holdDecision(`Hold: the answer was still invalid after one repair. ${errors}`),
    decidedBy: 'hold_fallback',
    error: `invalid_output: ${errors}`,
  });
}
