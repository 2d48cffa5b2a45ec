/**
 * Reflections in the product: the scheduled pass (each AI bot with closed trades since its last
 * reflection, at most once per interval), the user's list, and accepting a reflection's draft.
 * A suggested prompt change is only ever a draft version; it runs after the user accepts it.
 */
import {
  acceptDraft,
  decisionsForReflection,
  listAiStrategies,
  loadAiSettings,
  reflect,
} from '../ai';
import { type KeyRing } from '../crypto/secret-box';
import { type Db } from '../db/client';
import { listAiDecisions } from '../db/queries/ai-decisions';
import {
  botsDueReflection,
  closedPositionsOfBot,
  findUserReflection,
  listAiReflections,
} from '../db/queries/ai-reflections';
import { findBotById } from '../db/queries/bots';
import { type AiReflectionRow, type AiStrategyVersion } from '../db/schema';
import { AppError } from '../errors/app-error';
import { closedTrades } from '../trading/bot-decision';
import { linkPendingDecisions } from './link-decision-outcome';
import { resolveBotVersion } from './resolve-bot-version';

/** Trades and decisions a reflection reads. */
const REFLECTION_TRADES = 30;
const REFLECTION_DECISIONS = 30;

export interface ReflectionPassOptions {
  /** Minimum time between two reflections of one bot (AI_REFLECTION_INTERVAL_MS). */
  intervalMs: number;
  /** Bots handled per pass. */
  limit?: number;
  ring?: KeyRing;
  signal?: AbortSignal;
}

export interface ReflectionPassResult {
  reflected: { botId: string; reflectionId: string; draftVersionId: string | null }[];
  skipped: { botId: string; reason: string }[];
}

/** One pass of the reflection job; safe to repeat (a reflected bot is not due again). */
export async function runReflections(
  deps: { db: Db; now(): Date },
  options: ReflectionPassOptions,
): Promise<ReflectionPassResult> {
  const { db } = deps;
  const now = deps.now();
  const due = await botsDueReflection(db, {
    since: new Date(now.getTime() - options.intervalMs),
    limit: options.limit ?? 20,
  });
  const result: ReflectionPassResult = { reflected: [], skipped: [] };
  for (const { botId, userId } of due) {
    if (options.signal?.aborted) break;
    const bot = await findBotById(db, botId);
    if (!bot) continue;
    let version: AiStrategyVersion;
    try {
      version = await resolveBotVersion(db, bot);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      result.skipped.push({ botId, reason: error.message });
      continue;
    }
    await linkPendingDecisions(db, { userId, botId });
    const trades = closedTrades(await closedPositionsOfBot(db, botId, REFLECTION_TRADES));
    const decisions = await listAiDecisions(db, { userId, botId, limit: REFLECTION_DECISIONS });
    const { reflection, draft } = await reflect(db, {
      userId,
      botId,
      strategyVersion: version,
      settings: await loadAiSettings(db, userId, options.ring),
      trades,
      decisions: decisionsForReflection([...decisions].reverse()),
      now: deps.now(),
      signal: options.signal,
    });
    result.reflected.push({
      botId,
      reflectionId: reflection.id,
      draftVersionId: draft?.id ?? null,
    });
  }
  return result;
}

export type ReflectionListItem = AiReflectionRow & {
  /** The draft exists and has not been accepted yet. */
  draftPending: boolean;
};

export async function listReflections(
  db: Db,
  userId: string,
  params: { botId?: string; limit?: number } = {},
): Promise<ReflectionListItem[]> {
  const [rows, strategies] = await Promise.all([
    listAiReflections(db, { userId, ...params }),
    listAiStrategies(db, userId),
  ]);
  const pending = new Set(strategies.flatMap((s) => s.pendingDrafts.map((d) => d.id)));
  return rows.map((row) => ({
    ...row,
    draftPending: row.draftVersionId !== null && pending.has(row.draftVersionId),
  }));
}

/** Accepts the draft a reflection suggested: a new active version (what bots then run). */
export async function acceptReflectionDraft(
  db: Db,
  userId: string,
  reflectionId: string,
): Promise<AiStrategyVersion> {
  const reflection = await findUserReflection(db, { userId, id: reflectionId });
  if (!reflection) throw new AppError('not_found', 'Reflection not found.');
  if (!reflection.draftVersionId)
    throw new AppError('conflict', 'This reflection did not suggest a prompt change.');
  return acceptDraft(db, { userId, draftVersionId: reflection.draftVersionId });
}
