import { type Db } from '../../db/client';
import { updateExchangeAccount } from '../../db/queries/exchange-accounts';
import { lockExchangeAccount, replacePaperBalances } from '../../db/queries/paper';
import { cancelAllPaperOrders } from '../../db/queries/paper-orders';
import { ExchangeError } from '../exchange-error';
import { readPaperSettings } from './paper-settings';

const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Starts a paper account over: cancels every open order and OCO list (history is kept) and
 * leaves only `startingBalance` (default: the account's stored one) of its quote asset. Holds
 * the account's row lock, so a reset never interleaves with another reset.
 */
export async function resetPaperAccount(
  db: Db,
  accountId: string,
  startingBalance?: string,
  now: Date = new Date(),
): Promise<void> {
  if (startingBalance !== undefined && !PLAIN_DECIMAL.test(startingBalance)) {
    throw new ExchangeError(
      'rejected',
      'invalid_order',
      `Invalid starting balance "${startingBalance}"`,
    );
  }
  await db.transaction(async (tx) => {
    const account = await lockExchangeAccount(tx, accountId);
    if (account?.venue !== 'paper') {
      throw new ExchangeError('rejected', 'auth', `No paper account ${accountId}`);
    }
    const settings = readPaperSettings(account.settings);
    const amount = startingBalance ?? settings.startingBalance;
    await cancelAllPaperOrders(tx, accountId, now);
    await replacePaperBalances(tx, { accountId, asset: settings.quote, amount, now });
    await updateExchangeAccount(tx, accountId, {
      settings: { ...account.settings, startingBalance: amount },
    });
  });
}
