import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { aiReflections, type AiReflectionRow, type NewAiReflectionRow } from '../schema';

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
