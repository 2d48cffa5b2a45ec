import { eq } from 'drizzle-orm';
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
  row: Omit<AiModelPriceRow, 'updatedAt'>,
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
