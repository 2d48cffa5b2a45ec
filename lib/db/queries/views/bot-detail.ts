import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../client';
import { botCycles, botLogs, orders, positions } from '../../schema';

/** Read-only queries behind a bot's page. Callers check ownership of the bot first. */

export async function botCyclesView(db: Db, botId: string, limit = 50) {
  return db
    .select()
    .from(botCycles)
    .where(eq(botCycles.botId, botId))
    .orderBy(desc(botCycles.startedAt))
    .limit(limit);
}

export async function botLogsView(db: Db, botId: string, limit = 100) {
  return db
    .select()
    .from(botLogs)
    .where(eq(botLogs.botId, botId))
    .orderBy(desc(botLogs.time))
    .limit(limit);
}

/** The bot's positions, open and closed, newest first (its trades). */
export async function botPositionsView(db: Db, botId: string, limit = 50) {
  return db
    .select()
    .from(positions)
    .where(eq(positions.botId, botId))
    .orderBy(desc(positions.openedAt))
    .limit(limit);
}

/** A user's orders resting on the venue (open limit entries and protection legs). */
export async function openOrdersView(db: Db, userId: string) {
  return db
    .select()
    .from(orders)
    .where(and(eq(orders.userId, userId), inArray(orders.status, ['open', 'partially_filled'])))
    .orderBy(desc(orders.createdAt))
    .limit(200);
}

/** A user's latest orders of any status (the Trade page history). */
export async function recentOrdersView(db: Db, userId: string, limit = 30) {
  return db
    .select()
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.createdAt))
    .limit(limit);
}
