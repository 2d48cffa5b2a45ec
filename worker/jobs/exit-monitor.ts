import { findExchangeAccountById } from '../../lib/db/queries/exchange-accounts';
import { accountsWithActivity, claimLease, releaseLease } from '../../lib/db/queries/job-leases';
import type { ExchangeAccount } from '../../lib/db/schema';
import type { Exchange, Ticker } from '../../lib/exchange/types';
import { logSystem } from '../../lib/log/system-log';
import type { PriceTickEvent } from '../../lib/realtime/events';
import type { PriceTicks } from '../../lib/realtime/price-ticks';
import type { TradingDeps } from '../../lib/trading/deps';
import { isPaperExchange } from '../../lib/trading/exchange-registry';
import { monitorExits } from '../../lib/trading/monitor-exits';
import { reconcileAccount } from '../../lib/trading/reconcile';

/**
 * One monitor pass over every account with open positions or unsettled orders. Per account, one
 * worker at a time (a named lease): the paper venue first matches resting orders against the
 * prices since its last pass, then reconciliation makes the database agree with the venue, then
 * exits are checked.
 */
export async function monitorAllAccounts(
  deps: TradingDeps,
  workerId: string,
  leaseMs: number,
  options: { priceTicks?: PriceTicks } = {},
): Promise<void> {
  for (const accountId of await accountsWithActivity(deps.db)) {
    const key = `monitor:${accountId}`;
    if (!(await claimLease(deps.db, key, workerId, leaseMs))) continue;
    try {
      const account = await findExchangeAccountById(deps.db, accountId);
      if (!account) continue;
      const exchange = await deps.exchangeFor(account);
      if (isPaperExchange(exchange)) await exchange.matchOpenOrders(deps.now().getTime());
      await reconcileAccount(deps, account, exchange);
      const ticks = options.priceTicks;
      await monitorExits(
        deps,
        account,
        ticks
          ? tapTickers(exchange, (t) => void ticks.offer(account.userId, tickOf(account, t)))
          : exchange,
      );
    } catch (error) {
      // One account's trouble (keys, venue down) never stops the pass for the others.
      await logSystem(deps.db, {
        level: 'error',
        source: 'exit-monitor',
        message: `Account ${accountId}: ${error instanceof Error ? error.message : String(error)}`,
        context: { accountId },
      });
    } finally {
      await releaseLease(deps.db, key, workerId);
    }
  }
}

/**
 * `exchange` with every `fetchTicker` result also handed to `onTicker`: the monitor's price reads
 * become live price ticks without another venue request. Everything else goes to `exchange`.
 */
function tapTickers(exchange: Exchange, onTicker: (ticker: Ticker) => void): Exchange {
  return new Proxy(exchange, {
    get(target, property) {
      if (property === 'fetchTicker') {
        return async (symbol: string) => {
          const ticker = await target.fetchTicker(symbol);
          onTicker(ticker);
          return ticker;
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

function tickOf(account: ExchangeAccount, ticker: Ticker): PriceTickEvent {
  return {
    accountId: account.id,
    venue: account.venue,
    symbol: ticker.symbol,
    price: String(ticker.last),
    time: new Date(ticker.time).toISOString(),
  };
}
