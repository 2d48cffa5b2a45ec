import type { Db } from '../db/client';
import { findExchangeAccountById } from '../db/queries/exchange-accounts';
import type { ExchangeAccount } from '../db/schema';
import { AppError } from '../errors/app-error';
import type { Exchange, Market } from '../exchange/types';

/** The venue's market for `symbol`, or a clear `unprocessable` error. */
export async function marketOrThrow(exchange: Exchange, symbol: string): Promise<Market> {
  const market = (await exchange.loadMarkets()).get(symbol);
  if (!market) throw new AppError('unprocessable', `Unknown symbol ${symbol} on this exchange.`);
  return market;
}

export async function accountOrThrow(db: Db, id: string): Promise<ExchangeAccount> {
  const account = await findExchangeAccountById(db, id);
  if (!account) throw new AppError('not_found', 'Exchange account not found.');
  return account;
}
