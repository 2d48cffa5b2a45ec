/** The exact AI strategy version a bot runs: its pinned version, else its strategy's current one. */
import { getAiStrategyVersion, getCurrentAiStrategyVersion } from '../ai';
import { type Db } from '../db/client';
import { type AiStrategyVersion, type Bot } from '../db/schema';
import { AppError } from '../errors/app-error';
import { isUuid } from '../core/is-uuid';

/**
 * Owner-checked: a version or strategy of another user is `not_found`. A pinned draft never
 * runs (drafts go live only when accepted), so it is a `conflict`.
 */
export async function resolveBotVersion(
  db: Db,
  bot: Pick<Bot, 'userId' | 'strategyId' | 'strategyVersionId'>,
): Promise<AiStrategyVersion> {
  if (bot.strategyVersionId) {
    const { version } = await getAiStrategyVersion(db, {
      userId: bot.userId,
      versionId: bot.strategyVersionId,
    });
    if (version.status !== 'active')
      throw new AppError('conflict', 'The bot is pinned to a draft version; accept it first.');
    return version;
  }
  if (!isUuid(bot.strategyId)) throw new AppError('not_found', 'AI strategy not found.');
  return getCurrentAiStrategyVersion(db, { userId: bot.userId, strategyId: bot.strategyId });
}
