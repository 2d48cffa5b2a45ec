import { queuedSignalIds } from '../../lib/db/queries/signals';
import type { TradingDeps } from '../../lib/trading/deps';
import { executeSignal } from '../../lib/trading/execute-signal';

/**
 * Executes queued signals (webhook, API, manual tickets) oldest first. Claiming is atomic in
 * `executeSignal`, so several workers can drain the queue together; each signal runs once.
 * With `forMs`, a full batch is followed at once by the next one until the queue is short or
 * the time is up (a burst of alerts is worked off without waiting for the loop's next tick, and
 * a shutdown still waits at most about that long). Returns how many signals it took.
 */
export async function drainSignals(
  deps: TradingDeps,
  options: { batch: number; concurrency: number; forMs?: number },
): Promise<number> {
  const until = Date.now() + (options.forMs ?? 0);
  let taken = 0;
  for (;;) {
    const ids = await queuedSignalIds(deps.db, options.batch);
    taken += ids.length;
    const queue = [...ids];
    await Promise.all(
      Array.from({ length: Math.min(options.concurrency, queue.length) }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) await executeSignal(deps, id);
      }),
    );
    if (ids.length < options.batch || Date.now() >= until) return taken;
  }
}
