import { runReflections, type ReflectionPassOptions } from '../../lib/ai-runtime/reflections';
import { claimLease, releaseLease } from '../../lib/db/queries/job-leases';
import type { TradingDeps } from '../../lib/trading/deps';

/** Default time between two reflections of one bot (DESIGN §6: every 2 h). */
/** How often a worker looks for due reflections (the due check is in the DB, so it is cheap). */
export const REFLECTION_POLL_MS = 60_000;
/** One pass holds the lease at most this long (a dead worker's pass is taken over after it). */
const LEASE_MS = 10 * 60_000;
const LEASE_KEY = 'ai-reflections';

/**
 * One reflection pass, run by one worker at a time (a `job_leases` lease). Which bots are due is
 * read from the DB (closed trades since the bot's last reflection, that one older than the
 * interval), so the pass is safe to repeat and survives restarts.
 */
export async function reflectionPass(
  deps: Pick<TradingDeps, 'db' | 'now'>,
  workerId: string,
  options: ReflectionPassOptions,
): Promise<number> {
  if (!(await claimLease(deps.db, LEASE_KEY, workerId, LEASE_MS))) return 0;
  try {
    const result = await runReflections(deps, options);
    return result.reflected.length;
  } finally {
    await releaseLease(deps.db, LEASE_KEY, workerId);
  }
}
