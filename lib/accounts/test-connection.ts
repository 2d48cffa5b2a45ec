import type { Db } from '../db/client';
import { ExchangeError } from '../exchange/exchange-error';
import type { Exchange } from '../exchange/types';
import type { ExchangeAccount } from '../db/schema';
import { getUserAccountOrThrow } from './exchange-accounts';

export type ConnectionReport =
  | {
      ok: true;
      balances: { asset: string; free: string; locked: string }[];
      withdrawalsEnabled: boolean | null;
      warning: string | null;
    }
  | { ok: false; message: string };

/**
 * "Test connection": reads the balances with the stored keys. Errors come back as a readable
 * message (never with key material). Withdrawal permission is reported when the venue can tell;
 * keys that can withdraw get a warning, since a trading desk never needs that permission.
 */
export async function testConnection(
  db: Db,
  userId: string,
  accountId: string,
  exchangeFor: (account: ExchangeAccount) => Promise<Exchange>,
): Promise<ConnectionReport> {
  const account = await getUserAccountOrThrow(db, userId, accountId);
  try {
    const exchange = await exchangeFor(account);
    const balances = (await exchange.fetchBalance()).filter(
      (b) => Number(b.free) > 0 || Number(b.locked) > 0,
    );
    const withdrawalsEnabled = await withdrawalPermission(exchange);
    return {
      ok: true,
      balances,
      withdrawalsEnabled,
      warning: withdrawalsEnabled
        ? 'These API keys can withdraw funds. Create keys with trading permission only.'
        : null,
    };
  } catch (error) {
    if (error instanceof ExchangeError)
      return { ok: false, message: `${account.venue} said: ${error.message}` };
    return { ok: false, message: error instanceof Error ? error.message : 'Connection failed.' };
  }
}

/** Null when the venue (or its testnet) cannot say; that never fails the connection test. */
async function withdrawalPermission(exchange: Exchange): Promise<boolean | null> {
  if (!exchange.fetchKeyPermissions) return null;
  try {
    return (await exchange.fetchKeyPermissions()).withdrawals;
  } catch {
    return null;
  }
}
