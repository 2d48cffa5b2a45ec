import { exchangeAccounts } from '../../lib/db/schema';
import { claimLease } from '../../lib/db/queries/job-leases';
import { logSystem } from '../../lib/log/system-log';
import type { TradingDeps } from '../../lib/trading/deps';
import { recordEquity } from '../../lib/trading/record-equity';

/** Every few minutes, one worker (a named lease) records each account's equity. */
export async function snapshotAllEquity(
  deps: TradingDeps,
  workerId: string,
  everyMs: number,
): Promise<void> {
  if (!(await claimLease(deps.db, 'equity-snapshots', workerId, Math.max(everyMs - 1000, 1000))))
    return;
  for (const account of await deps.db.select().from(exchangeAccounts)) {
    try {
      await recordEquity(deps, account, await deps.exchangeFor(account));
    } catch (error) {
      await logSystem(deps.db, {
        level: 'warn',
        source: 'equity',
        message: `Equity of account ${account.id} not recorded: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }
}
