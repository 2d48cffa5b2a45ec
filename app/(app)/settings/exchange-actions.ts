'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { exchangeAccountInputSchema } from '@/lib/accounts/exchange-account-input';
import {
  addExchangeAccount,
  removeExchangeAccount,
  toPublicAccount,
} from '@/lib/accounts/exchange-accounts';
import { testConnection } from '@/lib/accounts/test-connection';
import { userAction } from '@/lib/auth/action';
import { getKeyRing } from '@/lib/crypto/key-ring';
import { getTrading } from '@/lib/trading/runtime';

const idInput = z.object({ accountId: z.uuid('Unknown account.') });

/** Adds a Binance or Alpaca account; the keys are encrypted and never come back. */
export const addExchangeAccountAction = userAction(
  exchangeAccountInputSchema,
  async (input, user) => {
    const account = await addExchangeAccount(getTrading().deps.db, user.id, input, getKeyRing());
    revalidatePath('/settings');
    return toPublicAccount(account, getKeyRing());
  },
);

export const testExchangeAccountAction = userAction(idInput, async ({ accountId }, user) => {
  const { deps } = getTrading();
  return testConnection(deps.db, user.id, accountId, (account) => deps.exchangeFor(account));
});

export const removeExchangeAccountAction = userAction(idInput, async ({ accountId }, user) => {
  await removeExchangeAccount(getTrading().deps.db, user.id, accountId);
  getTrading().registry.forget(accountId);
  revalidatePath('/settings');
  return { accountId };
});
