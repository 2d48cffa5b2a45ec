'use server';

import { revalidatePath } from 'next/cache';
import {
  aiDefaultsInputSchema,
  modelPriceInputSchema,
  modelPriceKeySchema,
} from '@/lib/admin/ai-admin-schemas';
import { removeModelPrice, setAiDefaults, setModelPrice } from '@/lib/admin/ai-prices';
import { askMarketSentiment } from '@/lib/admin/market-sentiment';
import { userAction } from '@/lib/auth/action';
import { getTrading } from '@/lib/trading/runtime';
import { z } from 'zod';

const admin = { role: 'admin' } as const;
const db = () => getTrading().deps.db;

export const setAiDefaultsAction = userAction(
  aiDefaultsInputSchema,
  async (input, user) => {
    const saved = await setAiDefaults(db(), user, input);
    revalidatePath('/admin');
    return saved;
  },
  admin,
);

export const setModelPriceAction = userAction(
  modelPriceInputSchema,
  async (input, user) => {
    const row = await setModelPrice(db(), user, input);
    revalidatePath('/admin');
    return { provider: row.provider, model: row.model };
  },
  admin,
);

export const removeModelPriceAction = userAction(
  modelPriceKeySchema,
  async (input, user) => {
    const result = await removeModelPrice(db(), user, input);
    revalidatePath('/admin');
    return result;
  },
  admin,
);

export const askMarketSentimentAction = userAction(
  z.object({}),
  async (_input, user) => {
    const row = await askMarketSentiment(getTrading().deps, user);
    revalidatePath('/admin');
    return { id: row.id, overall: row.sentiment.overall, error: row.error };
  },
  admin,
);
