import { sweepLostCycles } from '../../lib/db/queries/bot-schedule';
import { settleStaleSignals } from '../../lib/db/queries/signals';
import type { TradingDeps } from '../../lib/trading/deps';
import { CYCLE_LEASE_MS } from './bot-cycles';

/** A signal `executing` this long was abandoned by a dead worker. */
export const STALE_SIGNAL_MS = 5 * 60_000;

/**
 * Settles work a dead worker left behind: cycles still `running` past their lease become
 * errors, and signals stuck in `executing` get their decision from what their orders did.
 * Runs at the monitor's pace (after reconciliation has read the venue), not on the hot loops.
 */
export async function settleAbandonedWork(deps: TradingDeps): Promise<void> {
  await sweepLostCycles(deps.db, CYCLE_LEASE_MS);
  await settleStaleSignals(deps.db, STALE_SIGNAL_MS);
}
