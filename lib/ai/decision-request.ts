/**
 * What a decision is asked with, before anything is called: the version's params, the provider
 * and model it resolves to, the prompt and its cache key. `decide` starts with it; the AI
 * backtest uses it to look the ledger's cache up (and to estimate) without a provider call.
 */
import { type Db } from '../db/client';
import { findCachedAiDecision } from '../db/queries/ai-decisions';
import { type AiStrategyVersion } from '../db/schema';
import { decisionCacheKey } from './cache-key';
import { aiDecisionSchema, type AiDecision } from './decision-schema';
import { buildPrompt, type BuiltPrompt } from './prompts/build-prompt';
import { resolveModel } from './resolve-model';
import { resolveStrategyParams, type AiStrategyParams } from './strategy-params';
import { type AiMarketContext, type AiProviderKind, type AiRuntimeSettings } from './types';

/** Output tokens assumed for budget checks and estimates when the version sets no cap. */
export const ESTIMATED_OUTPUT_TOKENS = 1000;

export type DecisionVersion = Pick<
  AiStrategyVersion,
  'id' | 'systemPrompt' | 'params' | 'provider' | 'model'
>;

export interface DecisionRequest {
  params: AiStrategyParams;
  paramsError?: string;
  kind: AiProviderKind;
  model: string;
  prompt: BuiltPrompt;
  contextError?: string;
  cacheKey: string;
  /** Output tokens an estimate assumes (the version's cap, else `ESTIMATED_OUTPUT_TOKENS`). */
  estimatedOutputTokens: number;
}

export function decisionRequest(
  version: DecisionVersion,
  settings: AiRuntimeSettings,
  context: AiMarketContext,
): DecisionRequest {
  const { params, error: paramsError } = resolveStrategyParams(version.params);
  const { kind, model } = resolveModel(version, settings, params);
  const { prompt, error: contextError } = tryBuildPrompt(version.systemPrompt, params, context);
  const cacheKey = decisionCacheKey({
    provider: kind,
    model,
    system: prompt.system,
    user: prompt.user,
    params,
  });
  return {
    params,
    ...(paramsError ? { paramsError } : {}),
    kind,
    model,
    prompt,
    ...(contextError ? { contextError } : {}),
    cacheKey,
    estimatedOutputTokens: params.maxOutputTokens ?? ESTIMATED_OUTPUT_TOKENS,
  };
}

/** The decision the ledger holds for this exact request, if a provider answered it validly. */
export async function cachedDecision(
  db: Db,
  userId: string,
  request: DecisionRequest,
): Promise<{ decision: AiDecision; row: { id: string; rawResponse: string | null } } | undefined> {
  if (request.kind === 'rules' || request.contextError || request.paramsError) return undefined;
  const cached = await findCachedAiDecision(db, { userId, cacheKey: request.cacheKey });
  const replay = cached ? aiDecisionSchema.safeParse(cached.parsed) : undefined;
  if (!cached || !replay?.success) return undefined;
  return { decision: replay.data, row: { id: cached.id, rawResponse: cached.rawResponse } };
}

/** The prompt, or why it could not be built (the ledger still gets its row). */
function tryBuildPrompt(
  systemPrompt: string,
  params: AiStrategyParams,
  context: AiMarketContext,
): { prompt: BuiltPrompt; error?: string } {
  try {
    return { prompt: buildPrompt({ systemPrompt, params, context }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { prompt: { system: systemPrompt, user: '', estimatedInputTokens: 0 }, error: message };
  }
}
