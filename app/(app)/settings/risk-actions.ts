'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { userAction } from '@/lib/auth/action';
import { riskPolicySchema } from '@/lib/core/risk';
import { getDb } from '@/lib/db';
import { ensurePaperAccount } from '@/lib/db/queries/paper';
import { riskSettings } from '@/lib/db/schema';
import { resetPaperAccount } from '@/lib/exchange/paper';
import { getTrading } from '@/lib/trading/runtime';
import { paperResetSchema } from './schemas';

async function upsertRisk(
  userId: string,
  values: { policy?: Record<string, unknown>; killSwitch?: boolean },
) {
  await getDb()
    .insert(riskSettings)
    .values({ userId, policy: values.policy ?? {}, killSwitch: values.killSwitch ?? false })
    .onConflictDoUpdate({ target: riskSettings.userId, set: { ...values, updatedAt: new Date() } });
}

/** Saves the whole risk policy (every rule, validated with the core's schema and relations). */
export const saveRiskPolicyAction = userAction(
  z.object({ policy: riskPolicySchema }),
  async ({ policy }, user) => {
    await upsertRisk(user.id, { policy: policy });
    revalidatePath('/settings');
    return { saved: true };
  },
);

/** The user's own kill switch: no new exposure while on. */
export const setKillSwitchAction = userAction(
  z.object({ on: z.boolean() }),
  async ({ on }, user) => {
    await upsertRisk(user.id, { killSwitch: on });
    revalidatePath('/settings');
    revalidatePath('/dashboard');
    return { on };
  },
);

/** Starts the paper account over with a new balance (typed confirmation). */
export const resetPaperAction = userAction(paperResetSchema, async ({ startingBalance }, user) => {
  const { deps } = getTrading();
  const account = await ensurePaperAccount(deps.db, user.id);
  await resetPaperAccount(deps.db, account.id, startingBalance, deps.now());
  revalidatePath('/', 'layout');
  return { startingBalance };
});
