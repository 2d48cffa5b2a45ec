import { findExchangeAccountById } from '../../lib/db/queries/exchange-accounts';
import { accountsWithActivity, claimLease, releaseLease } from '../../lib/db/queries/job-leases';
import { logSystem } from '../../lib/log/system-log';
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
      await monitorExits(deps, account, exchange);
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
