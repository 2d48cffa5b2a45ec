import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { aiSentiments, bots, type AiSentimentRow, type NewAiSentimentRow } from '../schema';

export async function insertAiSentiment(db: Db, row: NewAiSentimentRow): Promise<AiSentimentRow> {
  const rows = await db.insert(aiSentiments).values(row).returning();
  return rows[0]!;
}

/** The newest market sentiment summary, if any was asked for. */
export async function latestAiSentiment(db: Db): Promise<AiSentimentRow | undefined> {
  const rows = await db
    .select()
    .from(aiSentiments)
    .orderBy(desc(aiSentiments.createdAt), desc(aiSentiments.id))
    .limit(1);
  return rows[0];
}

/** The symbols running bots trade (one bot's account and timeframe per symbol, oldest bot first). */
export async function runningBotMarkets(
  db: Db,
  limit: number,
): Promise<{ symbol: string; timeframe: string; exchangeAccountId: string }[]> {
  return db
    .selectDistinctOn([bots.symbol], {
      symbol: bots.symbol,
      timeframe: bots.timeframe,
      exchangeAccountId: bots.exchangeAccountId,
    })
    .from(bots)
    .where(eq(bots.status, 'running'))
    .orderBy(asc(bots.symbol), asc(bots.createdAt))
    .limit(limit);
}
