/** The version history of a user's AI strategy and the data to show what changed between two. */
import { getAiStrategyVersion, listAiStrategies, type AiStrategyWithVersions } from '../ai';
import { type Db } from '../db/client';
import { type AiStrategyVersion } from '../db/schema';
import { AppError } from '../errors/app-error';
import { lineDiff, type DiffLine } from './line-diff';

export async function getAiStrategyOrThrow(
  db: Db,
  userId: string,
  strategyId: string,
): Promise<AiStrategyWithVersions> {
  const strategy = (await listAiStrategies(db, userId)).find((s) => s.id === strategyId);
  if (!strategy) throw new AppError('not_found', 'AI strategy not found.');
  return strategy;
}

export interface VersionDiff {
  from: AiStrategyVersion;
  to: AiStrategyVersion;
  prompt: DiffLine[];
  /** Parameter keys whose JSON differs (top level), with both values. */
  params: { key: string; from: unknown; to: unknown }[];
  provider: { from: string | null; to: string | null } | null;
  model: { from: string | null; to: string | null } | null;
}

/** Two of the user's versions of the same strategy, compared. */
export async function diffVersions(
  db: Db,
  userId: string,
  ids: { from: string; to: string },
): Promise<VersionDiff> {
  const { version: from } = await getAiStrategyVersion(db, { userId, versionId: ids.from });
  const { version: to } = await getAiStrategyVersion(db, { userId, versionId: ids.to });
  if (from.strategyId !== to.strategyId)
    throw new AppError('bad_request', 'Both versions must belong to the same strategy.');
  const keys = [...new Set([...Object.keys(from.params), ...Object.keys(to.params)])].sort();
  return {
    from,
    to,
    prompt: lineDiff(from.systemPrompt, to.systemPrompt),
    params: keys
      .filter((key) => JSON.stringify(from.params[key]) !== JSON.stringify(to.params[key]))
      .map((key) => ({ key, from: from.params[key] ?? null, to: to.params[key] ?? null })),
    provider: from.provider === to.provider ? null : { from: from.provider, to: to.provider },
    model: from.model === to.model ? null : { from: from.model, to: to.model },
  };
}
