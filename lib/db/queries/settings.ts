import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../client';
import { appSettings } from '../schema';

/** Every run-time setting, with its type and default. Unknown keys cannot be read or written. */
export const settingSchemas = {
  registration_open: z.boolean().default(false),
  /** The admin's global kill switch: no new exposure for anyone while on. */
  kill_switch: z.boolean().default(false),
  /** The admin's AI provider and model for users who have not chosen their own. */
  ai_defaults: z
    .object({ provider: z.enum(['openai', 'gemini', 'rules']), model: z.string().max(200) })
    .default({ provider: 'rules', model: '' }),
} as const;

export type SettingKey = keyof typeof settingSchemas;
export type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

export async function getSetting<K extends SettingKey>(db: Db, key: K): Promise<SettingValue<K>> {
  const rows = await db.select().from(appSettings).where(eq(appSettings.key, key)).limit(1);
  return settingSchemas[key].parse(rows[0]?.value ?? undefined) as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>(
  db: Db,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  const parsed = settingSchemas[key].parse(value);
  await db
    .insert(appSettings)
    .values({ key, value: parsed })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: parsed, updatedAt: new Date() } });
}
