'use server';

import { createFirstAdmin, registerTrader } from '@/lib/auth/accounts';
import { publicAction } from '@/lib/auth/action';
import { newAccountSchema } from '@/lib/auth/schemas';
import { getDb } from '@/lib/db';

/** One-time setup: creates the first admin while there are no users. */
export const setupAdminAction = publicAction(newAccountSchema, async (input) => {
  const user = await createFirstAdmin(getDb(), input);
  return { email: user.email };
});

/** Self-registration as a trader, refused unless an admin opened it. */
export const registerAction = publicAction(newAccountSchema, async (input) => {
  const user = await registerTrader(getDb(), input);
  return { email: user.email };
});
