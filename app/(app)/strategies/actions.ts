'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  acceptDraft,
  AI_STRATEGY_TEMPLATES,
  createAiStrategy,
  editAiStrategy,
  listAiStrategies,
  setDefaultAiStrategy,
} from '@/lib/ai';
import {
  createStrategyFormSchema,
  diffVersions,
  editStrategyFormSchema,
  tryStrategy,
  tryStrategySchema,
  versionDiffSchema,
} from '@/lib/ai-runtime';
import { userAction } from '@/lib/auth/action';
import { getTrading } from '@/lib/trading/runtime';

const db = () => getTrading().deps.db;
const strategyId = z.uuid('AI strategy not found.');

/** The user's AI strategies (versions, current, pending drafts) and the built-in templates. */
export const listAiStrategiesAction = userAction(z.object({}), async (_input, user) => ({
  strategies: await listAiStrategies(db(), user.id),
  templates: AI_STRATEGY_TEMPLATES,
}));

export const createAiStrategyAction = userAction(createStrategyFormSchema, async (input, user) => {
  const created = await createAiStrategy(db(), user.id, input);
  revalidatePath('/strategies');
  return created;
});

/** A content change (prompt, params, provider, model) creates the next version. */
export const editAiStrategyAction = userAction(
  editStrategyFormSchema,
  async ({ strategyId: id, ...patch }, user) => {
    const edited = await editAiStrategy(db(), user.id, id, patch);
    revalidatePath('/strategies');
    return edited;
  },
);

export const setDefaultAiStrategyAction = userAction(
  z.object({ strategyId }),
  async (input, user) => {
    await setDefaultAiStrategy(db(), user.id, input.strategyId);
    revalidatePath('/strategies');
    return { defaultStrategyId: input.strategyId };
  },
);

/** Accepts a pending draft version: a new active version with its content. */
export const acceptDraftAction = userAction(
  z.object({ draftVersionId: z.uuid('AI strategy version not found.') }),
  async ({ draftVersionId }, user) => {
    const version = await acceptDraft(db(), { userId: user.id, draftVersionId });
    revalidatePath('/strategies');
    return version;
  },
);

/** Line diff of two versions' prompts and their changed parameters. */
export const diffVersionsAction = userAction(versionDiffSchema, async (ids, user) =>
  diffVersions(db(), user.id, ids),
);

/** "Try now": one decision on current market data; returns decision + ledger row. Never trades. */
export const tryAiStrategyAction = userAction(
  tryStrategySchema.extend({ strategyId }),
  async ({ strategyId: id, ...input }, user) => tryStrategy(getTrading().deps, user.id, id, input),
);
