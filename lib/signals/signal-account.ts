import { findUserBot } from '../db/queries/bots';
import { listExchangeAccounts } from '../db/queries/exchange-accounts';
import type { Bot, ExchangeAccount } from '../db/schema';
import type { Db } from '../db/client';

/**
 * Which account an incoming signal trades on: the bound bot's account, else the user's default
 * account, else their paper account, else their first one. Null when they have none.
 */
export async function signalAccount(
  db: Db,
  userId: string,
  botId: string | null,
): Promise<{ account: ExchangeAccount; bot: Bot | null } | null> {
  const bot = botId ? ((await findUserBot(db, { userId, id: botId })) ?? null) : null;
  const accounts = await listExchangeAccounts(db, userId);
  const account =
    (bot && accounts.find((a) => a.id === bot.exchangeAccountId)) ||
    accounts.find((a) => a.isDefault) ||
    accounts.find((a) => a.venue === 'paper') ||
    accounts[0];
  return account ? { account, bot } : null;
}
