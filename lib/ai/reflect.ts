/**
 * A reflection: recent trades, decisions and metrics go to the model, which reports what worked,
 * what failed and what to change. A suggested prompt change becomes a DRAFT version: nothing
 * changes live until the user accepts it (`acceptDraft`). Budgeted and recorded like decisions;
 * the rules provider reflects from the metrics alone, at no cost.
 */
import { type ClosedTrade } from '../core/types';
import { type Db } from '../db/client';
import { insertAiReflection } from '../db/queries/ai-reflections';
import { type AiDecisionRow, type AiReflectionRow, type AiStrategyVersion } from '../db/schema';
import { checkDailyBudget } from './budget';
import { callWithRepair, outcomeErrorText, spentColumns } from './call-with-repair';
import { estimateCost } from './compute-cost';
import { getModelPrice } from './model-prices';
import { estimateTokens } from './prompts/estimate-tokens';
import { promptText } from './prompts/build-prompt';
import {
  buildReflectionPrompt,
  metricsOf,
  metricsReflection,
  type ReflectionDecision,
} from './prompts/reflection-prompt';
import { createProvider } from './providers/create-provider';
import { REFLECTION_OUTPUT_SCHEMA, reflectionSchema, type Reflection } from './reflection-schema';
import { createDraftVersion } from './strategies';
import { resolveModel } from './resolve-model';
import { resolveStrategyParams } from './strategy-params';
import { type AiRuntimeSettings } from './types';
import { validateWithSchema } from './validate-decision';

const REFLECTION_OUTPUT_TOKENS = 4000;
/** Reflections write more than decisions: three times the decision timeout, at most this. */
const MAX_REFLECTION_TIMEOUT_MS = 120_000;

export interface ReflectInput {
  userId: string;
  botId?: string | null;
  strategyVersion: Pick<AiStrategyVersion, 'id' | 'systemPrompt' | 'params' | 'provider' | 'model'>;
  settings: AiRuntimeSettings;
  trades: readonly ClosedTrade[];
  decisions: readonly ReflectionDecision[];
  now: Date;
  signal?: AbortSignal;
}

export interface ReflectResult {
  reflection: AiReflectionRow;
  /** The draft version holding the suggested prompt, if any (status `draft`, never active). */
  draft: AiStrategyVersion | null;
}

/** Ledger rows as reflection input (reasoning from the parsed decision). */
export function decisionsForReflection(rows: readonly AiDecisionRow[]): ReflectionDecision[] {
  return rows.map((row) => ({
    time: row.createdAt.getTime(),
    action: row.action,
    confidence: row.confidence,
    reasoning: typeof row.parsed?.reasoning === 'string' ? row.parsed.reasoning : (row.error ?? ''),
  }));
}

export async function reflect(db: Db, input: ReflectInput): Promise<ReflectResult> {
  const { settings, strategyVersion: version } = input;
  const { params } = resolveStrategyParams(version.params);
  const { kind, model } = resolveModel(version, settings, params);
  const prompt = buildReflectionPrompt({
    systemPrompt: version.systemPrompt,
    trades: input.trades,
    decisions: input.decisions,
  });
  const metrics = metricsOf(input.trades);
  const base = {
    userId: input.userId,
    botId: input.botId ?? null,
    strategyVersionId: version.id,
    provider: kind,
    model,
    prompt: promptText(prompt),
    createdAt: input.now,
  };
  const store = async (
    findings: Reflection,
    extra: Partial<AiReflectionRow> = {},
    draft: AiStrategyVersion | null = null,
    tx: Db = db,
  ) => {
    const reflection = await insertAiReflection(tx, {
      ...base,
      ...extra,
      findings: {
        ...findings,
        promptChange: findings.promptChange ? { rationale: findings.promptChange.rationale } : null,
        metrics,
      },
      draftVersionId: draft?.id ?? null,
    });
    return { reflection, draft };
  };
  const empty: Reflection = { worked: [], failed: [], suggestions: [], promptChange: null };

  if (kind === 'rules') return store(metricsReflection(input.trades));

  const price = await getModelPrice(db, kind, model);
  const budget = await checkDailyBudget(db, {
    userId: input.userId,
    dailyBudgetUsd: settings.dailyBudgetUsd,
    estimatedCost: estimateCost(
      estimateTokens(prompt.system + prompt.user),
      REFLECTION_OUTPUT_TOKENS,
      price,
    ),
    now: input.now,
  });
  if (!budget.allowed) {
    return store(empty, {
      error: `budget_exhausted: the daily AI budget of ${budget.budget} USD is spent; no call was made.`,
    });
  }

  const outcome = await callWithRepair(
    createProvider(kind, settings),
    {
      ...prompt,
      schema: REFLECTION_OUTPUT_SCHEMA,
      model,
      timeoutMs: Math.min(settings.timeoutMs * 3, MAX_REFLECTION_TIMEOUT_MS),
      signal: input.signal,
    },
    (rawText, parsed) => validateWithSchema(rawText, parsed, reflectionSchema),
  );
  const spent = spentColumns(outcome, price);
  if (!outcome.value) return store(empty, { ...spent, error: outcomeErrorText(outcome) });
  const findings = outcome.value;
  if (!findings.promptChange) return store(findings, spent);
  const change = findings.promptChange;
  return db.transaction(async (tx) => {
    const draft = await createDraftVersion(tx, {
      userId: input.userId,
      basedOnVersionId: version.id,
      systemPrompt: change.systemPrompt,
      note: `Suggested by a reflection: ${change.rationale}`,
    });
    return store(findings, spent, draft, tx);
  });
}
