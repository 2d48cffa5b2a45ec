/**
 * The per-user daily AI budget (USD, UTC day), checked before every paid call: today's spend from
 * the ledger (decisions and reflections) plus the call's estimated cost must stay within it.
 * Two concurrent calls can both pass the check; the overshoot is at most one call's cost.
 */
import { dec } from '../core/money';
import { sumAiSpend } from '../db/queries/ai-decisions';
import { type Db } from '../db/client';

const DAY_MS = 86_400_000;

export function utcDay(now: Date): { from: Date; to: Date } {
  const start = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return { from: new Date(start), to: new Date(start + DAY_MS) };
}

export interface BudgetCheck {
  allowed: boolean;
  spentToday: string;
  budget: string | null;
}

export async function checkDailyBudget(
  db: Db,
  params: { userId: string; dailyBudgetUsd: string | null; estimatedCost: string; now: Date },
): Promise<BudgetCheck> {
  const spentToday = dec(
    await sumAiSpend(db, { userId: params.userId, ...utcDay(params.now) }),
  ).toString();
  if (params.dailyBudgetUsd === null) return { allowed: true, spentToday, budget: null };
  const budget = dec(params.dailyBudgetUsd);
  return {
    allowed: dec(spentToday).add(params.estimatedCost).lte(budget),
    spentToday,
    budget: budget.toString(),
  };
}
