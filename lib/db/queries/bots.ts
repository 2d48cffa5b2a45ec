import { and, count, eq, sum } from 'drizzle-orm';
import type { Db } from '../client';
import { bots, positions, type Bot, type NewBot } from '../schema';

export async function findBotById(db: Db, id: string): Promise<Bot | undefined> {
  const rows = await db.select().from(bots).where(eq(bots.id, id)).limit(1);
  return rows[0];
}

export async function findUserBot(
  db: Db,
  params: { userId: string; id: string },
): Promise<Bot | undefined> {
  const rows = await db
    .select()
    .from(bots)
    .where(and(eq(bots.id, params.id), eq(bots.userId, params.userId)))
    .limit(1);
  return rows[0];
}

export async function listUserBots(db: Db, userId: string): Promise<Bot[]> {
  return db.select().from(bots).where(eq(bots.userId, userId)).orderBy(bots.createdAt);
}

export async function insertBot(db: Db, bot: NewBot): Promise<Bot> {
  const rows = await db.insert(bots).values(bot).returning();
  return rows[0]!;
}

export async function updateBot(db: Db, id: string, patch: Partial<NewBot>): Promise<Bot> {
  const rows = await db
    .update(bots)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(bots.id, id))
    .returning();
  return rows[0]!;
}

export async function deleteBot(db: Db, id: string): Promise<void> {
  await db.delete(bots).where(eq(bots.id, id));
}

/** Realised P&L and number of closed trades of a bot (compounding sizing). */
export async function botRealisedSummary(
  db: Db,
  botId: string,
): Promise<{ realised: number; closedTrades: number }> {
  const rows = await db
    .select({ total: sum(positions.realizedPnl), n: count() })
    .from(positions)
    .where(and(eq(positions.botId, botId), eq(positions.status, 'closed')));
  return { realised: Number(rows[0]?.total ?? 0), closedTrades: rows[0]?.n ?? 0 };
}
