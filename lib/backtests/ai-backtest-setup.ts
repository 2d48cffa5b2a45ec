/**
 * What an AI backtest needs besides candles: the user's exact strategy version (owner-checked:
 * someone else's is `not_found`), their AI settings, the provider and model it resolves to, that
 * model's price and training cutoff, and how a decision becomes an engine step.
 */
import {
  getAiStrategyVersion,
  getModelPrice,
  getTrainingCutoff,
  loadAiSettings,
  type AiDecision,
  type AiProviderKind,
  type AiRuntimeSettings,
  type ModelPrice,
  type TrainingCutoff,
} from '../ai';
import { resolveModel } from '../ai/resolve-model';
import { resolveStrategyParams } from '../ai/strategy-params';
import { type KeyRing } from '../crypto/secret-box';
import { type Db } from '../db/client';
import { type AiStrategy, type AiStrategyVersion } from '../db/schema';
import { type AiStep } from './ai-replay-strategy';

export interface AiBacktestSetup {
  strategy: AiStrategy;
  version: AiStrategyVersion;
  settings: AiRuntimeSettings;
  provider: AiProviderKind;
  model: string;
  price: ModelPrice;
  cutoff: TrainingCutoff;
}

export async function aiBacktestSetup(
  db: Db,
  userId: string,
  versionId: string,
  ring?: KeyRing,
): Promise<AiBacktestSetup> {
  const { strategy, version } = await getAiStrategyVersion(db, { userId, versionId });
  const settings = await loadAiSettings(db, userId, ring);
  const { params } = resolveStrategyParams(version.params);
  const { kind, model } = resolveModel(version, settings, params);
  const [price, cutoff] = await Promise.all([
    getModelPrice(db, kind, model),
    getTrainingCutoff(db, kind, model),
  ]);
  return { strategy, version, settings, provider: kind, model, price, cutoff };
}

/** A decision as the replay strategy plays it (`sell` on spot closes). */
export function stepOf(decision: AiDecision): AiStep {
  return {
    action: decision.action === 'sell' ? 'close' : decision.action,
    confidence: decision.confidence,
    ...(decision.stopLoss !== null ? { stopLoss: decision.stopLoss } : {}),
    ...(decision.takeProfit !== null ? { takeProfit: decision.takeProfit } : {}),
    reasoning: decision.reasoning,
    invalidation: decision.invalidation ?? null,
  };
}
