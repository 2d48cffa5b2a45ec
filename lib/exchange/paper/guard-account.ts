import { type Db } from '../../db/client';
import { lockExchangeAccount } from '../../db/queries/paper';
import { ExchangeError } from '../exchange-error';

/**
 * First statement of every paper transaction: a shared lock on the account row, so a reset
 * (which takes it exclusively) never interleaves with orders, cancels or matching.
 */
export async function guardAccount(tx: Db, accountId: string): Promise<void> {
  const account = await lockExchangeAccount(tx, accountId, 'key share');
  if (account?.venue !== 'paper') throw noPaperAccount(accountId);
}

/** What a paper operation on an account that is not a paper account gets. */
export const noPaperAccount = (accountId: string) =>
  new ExchangeError('rejected', 'auth', `No paper account ${accountId}`);
