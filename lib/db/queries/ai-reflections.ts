import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  aiReflections,
  bots,
  positions,
  type AiReflectionRow,
  type NewAiReflectionRow,
  type Position,
} from '../schema';

export async function insertAiReflection(
  db: Db,
  row: NewAiReflectionRow,
): Promise<AiReflectionRow> {
  const rows = await db.insert(aiReflections).values(row).returning();
  return rows[0]!;
}

/** The user's reflections, newest first (optionally one bot's). */
export async function listAiReflections(
  db: Db,
  params: { userId: string; botId?: string; limit?: number },
): Promise<AiReflectionRow[]> {
  const where = [eq(aiReflections.userId, params.userId)];
  if (params.botId) where.push(eq(aiReflections.botId, params.botId));
  return db
    .select()
    .from(aiReflections)
    .where(and(...where))
    .orderBy(desc(aiReflections.createdAt))
    .limit(Math.min(params.limit ?? 20, 200));
}

/**
 * AI bots due a reflection: a closed trade since the bot's last reflection, and that reflection
 * (if any) older than `since`.
 */
export async function botsDueReflection(
  db: Db,
  params: { since: Date; limit: number },
): Promise<{ botId: string; userId: string }[]> {
  const since = params.since.toISOString();
  const last = sql`(select max(${aiReflections.createdAt}) from ${aiReflections} where ${aiReflections.botId} = ${bots.id})`;
  return db
    .select({ botId: bots.id, userId: bots.userId })
    .from(bots)
    .where(
      and(
        eq(bots.strategyKind, 'ai'),
        sql`coalesce(${last}, '-infinity'::timestamptz) < ${since}::timestamptz`,
        sql`exists (select 1 from ${positions} where ${positions.botId} = ${bots.id}
          and ${positions.status} = 'closed'
          and ${positions.closedAt} > coalesce(${last}, '-infinity'::timestamptz))`,
      ),
    )
    .orderBy(asc(bots.id))
    .limit(params.limit);
}

/** The bot's newest closed positions (newest first). */
export async function closedPositionsOfBot(
  db: Db,
  botId: string,
  limit: number,
): Promise<Position[]> {
  return db
    .select()
    .from(positions)
    .where(and(eq(positions.botId, botId), eq(positions.status, 'closed')))
    .orderBy(desc(positions.closedAt))
    .limit(limit);
}

/** One reflection when it belongs to `userId`. */
export async function findUserReflection(
  db: Db,
  params: { userId: string; id: string },
): Promise<typeof aiReflections.$inferSelect | undefined> {
  const rows = await db
    .select()
    .from(aiReflections)
    .where(and(eq(aiReflections.id, params.id), eq(aiReflections.userId, params.userId)))
    .limit(1);
  return rows[0];
}
