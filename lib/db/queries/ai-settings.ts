import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { aiModelPrices, aiSettings, type AiModelPriceRow, type AiSettingsRow } from '../schema';

export async function findAiSettings(db: Db, userId: string): Promise<AiSettingsRow | undefined> {
  const rows = await db.select().from(aiSettings).where(eq(aiSettings.userId, userId)).limit(1);
  return rows[0];
}

export type AiSettingsValues = Omit<AiSettingsRow, 'userId' | 'updatedAt'>;

export async function upsertAiSettings(
  db: Db,
  userId: string,
  values: AiSettingsValues,
): Promise<AiSettingsRow> {
  const rows = await db
    .insert(aiSettings)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: aiSettings.userId, set: { ...values, updatedAt: new Date() } })
    .returning();
  return rows[0]!;
}

export async function listAiModelPrices(db: Db): Promise<AiModelPriceRow[]> {
  return db.select().from(aiModelPrices);
}

export async function upsertAiModelPrice(
  db: Db,
  row: Omit<AiModelPriceRow, 'updatedAt' | 'trainingCutoff'> & {
    /** YYYY-MM-DD; left as it is when undefined, cleared with null. */
    trainingCutoff?: string | null;
  },
): Promise<AiModelPriceRow> {
  const { provider: _provider, model: _model, ...prices } = row;
  const rows = await db
    .insert(aiModelPrices)
    .values(row)
    .onConflictDoUpdate({
      target: [aiModelPrices.provider, aiModelPrices.model],
      set: { ...prices, updatedAt: new Date() },
    })
    .returning();
  return rows[0]!;
}

/** Removes an admin price (the code default, if any, applies again); false when there was none. */
export async function deleteAiModelPrice(
  db: Db,
  key: Pick<AiModelPriceRow, 'provider' | 'model'>,
): Promise<boolean> {
  const rows = await db
    .delete(aiModelPrices)
    .where(and(eq(aiModelPrices.provider, key.provider), eq(aiModelPrices.model, key.model)))
    .returning({ model: aiModelPrices.model });
  return rows.length === 1;
}
