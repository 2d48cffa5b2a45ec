'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  acceptReflectionDraft,
  calibrationOf,
  decisionFiltersSchema,
  getDecisionDetail,
  listDecisions,
  listReflections,
  reflectionListSchema,
  summaryRangeSchema,
  versionSummaries,
} from '@/lib/ai-runtime';
import { userAction } from '@/lib/auth/action';
import { getTrading } from '@/lib/trading/runtime';

const db = () => getTrading().deps.db;

/** The user's decisions, newest first, with filters and keyset paging (`before`). */
export const listDecisionsAction = userAction(decisionFiltersSchema, async (filters, user) =>
  listDecisions(db(), user.id, filters),
);

/** One decision in full: prompt, raw response, parsed, tokens, cost, latency, signal, orders, outcome. */
export const getDecisionAction = userAction(
  z.object({ id: z.uuid('AI decision not found.') }),
  async ({ id }, user) => getDecisionDetail(db(), user.id, id),
);

/** Per strategy version: decisions, trades, win rate, P&L, AI cost, cost as % of gross profit. */
export const versionSummariesAction = userAction(summaryRangeSchema, async (range, user) =>
  versionSummaries(db(), user.id, range),
);

/** Confidence buckets against take-profit-before-stop for one version, with its Brier score. */
export const calibrationAction = userAction(
  z.object({ strategyVersionId: z.uuid('AI strategy version not found.') }),
  async ({ strategyVersionId }, user) => calibrationOf(db(), user.id, strategyVersionId),
);

export const listReflectionsAction = userAction(reflectionListSchema, async (params, user) =>
  listReflections(db(), user.id, params),
);

/** Accepts the prompt change a reflection suggested (a new active version). */
export const acceptReflectionDraftAction = userAction(
  z.object({ reflectionId: z.uuid('Reflection not found.') }),
  async ({ reflectionId }, user) => {
    const version = await acceptReflectionDraft(db(), user.id, reflectionId);
    revalidatePath('/ai-log');
    revalidatePath('/strategies');
    return version;
  },
);
