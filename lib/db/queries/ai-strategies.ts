import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  aiStrategies,
  aiStrategyVersions,
  type AiStrategy,
  type AiStrategyVersion,
  type NewAiStrategyVersion,
} from '../schema';

export async function insertAiStrategy(
  db: Db,
  row: { userId: string; name: string; description: string; isDefault: boolean },
): Promise<AiStrategy> {
  const rows = await db.insert(aiStrategies).values(row).returning();
  return rows[0]!;
}

/** The strategy when it belongs to `userId`; `lock` takes a row lock (version numbering). */
export async function findUserAiStrategy(
  db: Db,
  params: { userId: string; strategyId: string; lock?: boolean },
): Promise<AiStrategy | undefined> {
  const query = db
    .select()
    .from(aiStrategies)
    .where(and(eq(aiStrategies.id, params.strategyId), eq(aiStrategies.userId, params.userId)))
    .limit(1);
  const rows = params.lock ? await query.for('update') : await query;
  return rows[0];
}

export async function listUserAiStrategies(db: Db, userId: string): Promise<AiStrategy[]> {
  return db
    .select()
    .from(aiStrategies)
    .where(eq(aiStrategies.userId, userId))
    .orderBy(asc(aiStrategies.createdAt), asc(aiStrategies.id));
}

export async function countUserAiStrategies(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(aiStrategies)
    .where(eq(aiStrategies.userId, userId));
  return row?.n ?? 0;
}

export async function updateAiStrategyMeta(
  db: Db,
  params: { userId: string; strategyId: string; name?: string; description?: string },
): Promise<void> {
  const set: Partial<Pick<AiStrategy, 'name' | 'description'>> = {};
  if (params.name !== undefined) set.name = params.name;
  if (params.description !== undefined) set.description = params.description;
  if (Object.keys(set).length === 0) return;
  await db
    .update(aiStrategies)
    .set(set)
    .where(and(eq(aiStrategies.id, params.strategyId), eq(aiStrategies.userId, params.userId)));
}

export async function clearDefaultAiStrategy(db: Db, userId: string): Promise<void> {
  await db
    .update(aiStrategies)
    .set({ isDefault: false })
    .where(and(eq(aiStrategies.userId, userId), eq(aiStrategies.isDefault, true)));
}

/** Makes `strategyId` the user's only default (clear first: the partial unique index). */
export async function setDefaultAiStrategyRow(
  db: Db,
  params: { userId: string; strategyId: string },
): Promise<void> {
  await clearDefaultAiStrategy(db, params.userId);
  await db
    .update(aiStrategies)
    .set({ isDefault: true })
    .where(and(eq(aiStrategies.id, params.strategyId), eq(aiStrategies.userId, params.userId)));
}

export async function nextAiVersionNumber(db: Db, strategyId: string): Promise<number> {
  const [row] = await db
    .select({ n: max(aiStrategyVersions.version) })
    .from(aiStrategyVersions)
    .where(eq(aiStrategyVersions.strategyId, strategyId));
  return (row?.n ?? 0) + 1;
}

export async function insertAiStrategyVersion(
  db: Db,
  row: NewAiStrategyVersion,
): Promise<AiStrategyVersion> {
  const rows = await db.insert(aiStrategyVersions).values(row).returning();
  return rows[0]!;
}

export async function listAiStrategyVersions(
  db: Db,
  strategyIds: string[],
): Promise<AiStrategyVersion[]> {
  if (strategyIds.length === 0) return [];
  return db
    .select()
    .from(aiStrategyVersions)
    .where(inArray(aiStrategyVersions.strategyId, strategyIds))
    .orderBy(asc(aiStrategyVersions.strategyId), asc(aiStrategyVersions.version));
}

/** The newest active version of a strategy (what a bot following the strategy runs). */
export async function findCurrentAiVersion(
  db: Db,
  strategyId: string,
): Promise<AiStrategyVersion | undefined> {
  const rows = await db
    .select()
    .from(aiStrategyVersions)
    .where(
      and(eq(aiStrategyVersions.strategyId, strategyId), eq(aiStrategyVersions.status, 'active')),
    )
    .orderBy(desc(aiStrategyVersions.version))
    .limit(1);
  return rows[0];
}

/** A version with its strategy, when the strategy belongs to `userId`. */
export async function findUserAiVersion(
  db: Db,
  params: { userId: string; versionId: string },
): Promise<{ version: AiStrategyVersion; strategy: AiStrategy } | undefined> {
  const rows = await db
    .select({ version: aiStrategyVersions, strategy: aiStrategies })
    .from(aiStrategyVersions)
    .innerJoin(aiStrategies, eq(aiStrategies.id, aiStrategyVersions.strategyId))
    .where(and(eq(aiStrategyVersions.id, params.versionId), eq(aiStrategies.userId, params.userId)))
    .limit(1);
  return rows[0];
}

/** Whether any version was derived from `versionId` (a draft is pending until one is). */
export async function hasDerivedAiVersion(db: Db, versionId: string): Promise<boolean> {
  const rows = await db
    .select({ id: aiStrategyVersions.id })
    .from(aiStrategyVersions)
    .where(eq(aiStrategyVersions.basedOnVersionId, versionId))
    .limit(1);
  return rows.length > 0;
}
