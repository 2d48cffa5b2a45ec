/**
 * The AI strategy choice of a bot form: the strategy must be the user's, a pinned version must be
 * an active version of that strategy (drafts never run). Also the strategies offered to the form,
 * with the provider and model each would decide with.
 */
import { listAiStrategies, type AiRuntimeSettings } from '../ai';
import { resolveModel } from '../ai/resolve-model';
import { resolveStrategyParams } from '../ai/strategy-params';
import { type Db } from '../db/client';
import { AppError } from '../errors/app-error';
import { isUuid } from '../core/is-uuid';

const fieldError = (field: string, message: string) =>
  new AppError('bad_request', message, { [field]: [message] });

/** Throws a field error unless `strategyId` (and `strategyVersionId`, if set) can run for the user. */
export async function checkAiBotStrategy(
  db: Db,
  userId: string,
  choice: { strategyId: string; strategyVersionId?: string | null },
): Promise<void> {
  const strategy = isUuid(choice.strategyId)
    ? (await listAiStrategies(db, userId)).find((s) => s.id === choice.strategyId)
    : undefined;
  if (!strategy) throw fieldError('strategyId', 'Choose one of your AI strategies.');
  if (!choice.strategyVersionId) {
    if (!strategy.current)
      throw fieldError('strategyId', 'This strategy has no active version yet.');
    return;
  }
  const version = strategy.versions.find((v) => v.id === choice.strategyVersionId);
  if (!version)
    throw fieldError('strategyVersionId', 'Choose a version of this strategy, or the latest.');
  if (version.status !== 'active')
    throw fieldError('strategyVersionId', 'A draft version cannot run; accept it first.');
}

export interface AiStrategyOption {
  id: string;
  name: string;
  isDefault: boolean;
  /** Active versions, newest first. */
  versions: { id: string; version: number; provider: string; model: string; note: string | null }[];
}

/** The user's AI strategies for the bot form, each active version with its provider and model. */
export async function aiStrategyOptions(
  db: Db,
  userId: string,
  settings: Pick<AiRuntimeSettings, 'provider' | 'model'>,
): Promise<AiStrategyOption[]> {
  const strategies = await listAiStrategies(db, userId);
  return strategies
    .filter((s) => s.current)
    .map((s) => ({
      id: s.id,
      name: s.name,
      isDefault: s.isDefault,
      versions: s.versions
        .filter((v) => v.status === 'active')
        .sort((a, b) => b.version - a.version)
        .map((v) => {
          const { kind, model } = resolveModel(v, settings, resolveStrategyParams(v.params).params);
          return { id: v.id, version: v.version, provider: kind, model, note: v.note };
        }),
    }));
}

/** How a bot's strategy reads in lists: the rule id, or `AI: name (latest | vN)`. */
export async function botStrategyLabels(
  db: Db,
  userId: string,
  bots: readonly {
    id: string;
    strategyKind: string;
    strategyId: string;
    strategyVersionId: string | null;
  }[],
): Promise<Record<string, string>> {
  const ai = bots.some((b) => b.strategyKind === 'ai') ? await listAiStrategies(db, userId) : [];
  return Object.fromEntries(
    bots.map((b) => {
      if (b.strategyKind !== 'ai') return [b.id, b.strategyId];
      const strategy = ai.find((s) => s.id === b.strategyId);
      const pinned = strategy?.versions.find((v) => v.id === b.strategyVersionId);
      const which = pinned ? `v${pinned.version}` : 'latest';
      return [b.id, `AI: ${strategy?.name ?? 'deleted strategy'} (${which})`];
    }),
  );
}
