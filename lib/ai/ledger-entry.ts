/**
 * Building blocks of `decide`: the ledger row (every field filled, whatever happened) and the
 * decision taken on a failure (a hold, or the rules provider when the user chose that fallback).
 */
import { type NewAiDecisionRow } from '../db/schema';
import { type FailedAttempt } from './call-with-repair';
import { holdDecision, type AiDecision } from './decision-schema';
import { ruleDecision, type RuleSpec } from './providers/rules-provider';
import {
  type AiFallback,
  type AiMarketContext,
  type AiProviderKind,
  type TokenUsage,
  ZERO_USAGE,
} from './types';
import { checkDecisionSense, type SenseInput } from './validate-decision';

export type DecidedBy = 'provider' | 'cache' | 'rules_fallback' | 'hold_fallback';

/** What is the same for every row one `decide` call could write. */
export interface LedgerBase {
  userId: string;
  botId: string | null;
  backtestId?: string | null;
  strategyVersionId: string;
  symbol: string;
  timeframe: string;
  provider: AiProviderKind;
  model: string;
  prompt: string;
  cacheKey: string;
  estimatedInputTokens: number;
  createdAt: Date;
}

export interface LedgerOutcome {
  decision: AiDecision;
  decidedBy: DecidedBy;
  rawResponse?: string | null;
  usage?: TokenUsage;
  cost?: string;
  latencyMs?: number;
  providerCalls?: number;
  validationErrors?: FailedAttempt[] | null;
  error?: string | null;
}

export function ledgerRow(base: LedgerBase, outcome: LedgerOutcome): NewAiDecisionRow {
  const usage = outcome.usage ?? ZERO_USAGE;
  return {
    ...base,
    decidedBy: outcome.decidedBy,
    rawResponse: outcome.rawResponse ?? null,
    parsed: outcome.decision,
    validationErrors: outcome.validationErrors ?? null,
    inputTokens: usage.inputTokens,
    cachedInputTokens: usage.cachedInputTokens,
    outputTokens: usage.outputTokens,
    cost: outcome.cost ?? '0',
    latencyMs: outcome.latencyMs ?? 0,
    providerCalls: outcome.providerCalls ?? 0,
    cacheHit: outcome.decidedBy === 'cache',
    error: outcome.error ?? null,
    action: outcome.decision.action,
    confidence: Math.round(outcome.decision.confidence),
  };
}

export interface Failure {
  /** `timeout`, `rate_limited`, `server_error`, `budget_exhausted`, `aborted`, ... */
  code: string;
  message: string;
}

/**
 * The decision after a failure. With the `rules` fallback (never on a cancelled call) the rule
 * strategy decides, checked like any decision; otherwise, or if that fails too, a hold.
 */
export function failureDecision(params: {
  failure: Failure;
  fallback: AiFallback;
  rules: { spec: RuleSpec; context: AiMarketContext };
  sense: SenseInput;
}): Pick<LedgerOutcome, 'decision' | 'decidedBy' | 'error'> {
  const { failure } = params;
  const error = `${failure.code}: ${failure.message}`;
  if (params.fallback === 'rules' && failure.code !== 'aborted') {
    try {
      const decision = ruleDecision(params.rules.spec, params.rules.context);
      if (checkDecisionSense(decision, params.sense).length === 0) {
        return { decision, decidedBy: 'rules_fallback', error };
      }
    } catch {
      // A broken rule spec falls through to the hold.
    }
  }
  return { decision: holdDecision(`Hold: ${failure.message}`), decidedBy: 'hold_fallback', error };
}
