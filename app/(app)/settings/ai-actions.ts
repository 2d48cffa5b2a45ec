'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { loadAiSettings, saveAiSettings, toPublicAiSettings } from '@/lib/ai';
import { aiSettingsFormSchema } from '@/lib/ai-runtime';
import { userAction } from '@/lib/auth/action';
import { getTrading } from '@/lib/trading/runtime';

/** The user's AI settings as the browser may see them (no key; `hasApiKey`). */
export const getAiSettingsAction = userAction(z.object({}), async (_input, user) =>
  toPublicAiSettings(await loadAiSettings(getTrading().deps.db, user.id)),
);

/** Saves provider, model, key, base URL, timeout, daily budget, fallback. Empty key = keep. */
export const saveAiSettingsAction = userAction(aiSettingsFormSchema, async (input, user) => {
  const saved = await saveAiSettings(getTrading().deps.db, user.id, input);
  revalidatePath('/settings');
  return saved;
});
