import { Decimal } from '../core/money';
import { openPositions } from '../db/queries/positions';
import { equitySnapshots, type ExchangeAccount } from '../db/schema';
import type { Exchange } from '../exchange/types';
import type { TradingDeps } from './deps';

/**
 * Records an account's equity now: cash in its quote asset plus every open position valued at
 * the last price. The dashboard's equity curve, the drawdown peak and the start-of-day equity
 * read these rows.
 */
export async function recordEquity(
  deps: TradingDeps,
  account: ExchangeAccount,
  exchange: Exchange,
  quote = 'USDT',
): Promise<{ equity: string; cash: string }> {
  const balances = await exchange.fetchBalance();
  const cashRow = balances.find((b) => b.asset === quote);
  const cash = Decimal.from(cashRow?.free ?? '0').add(cashRow?.locked ?? '0');
  let equity = cash;
  const prices = new Map<string, number>();
  for (const position of await openPositions(deps.db, { accountId: account.id })) {
    let price = prices.get(position.symbol);
    if (price === undefined) {
      price = (await exchange.fetchTicker(position.symbol)).last;
      prices.set(position.symbol, price);
    }
    equity = equity.add(Decimal.from(position.quantity).mul(price));
  }
  await deps.db.insert(equitySnapshots).values({
    userId: account.userId,
    exchangeAccountId: account.id,
    time: deps.now(),
    equity: equity.toString(),
    cash: cash.toString(),
  });
  return { equity: equity.toString(), cash: cash.toString() };
}
