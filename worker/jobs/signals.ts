import { queuedSignalIds } from '../../lib/db/queries/signals';
import type { TradingDeps } from '../../lib/trading/deps';
import { executeSignal } from '../../lib/trading/execute-signal';

/**
 * Executes queued signals (webhook, API, manual tickets) oldest first. Claiming is atomic in
 * `executeSignal`, so several workers can drain the queue together; each signal runs once.
 */
export async function drainSignals(
  deps: TradingDeps,
  options: { batch: number; concurrency: number },
): Promise<number> {
  const ids = await queuedSignalIds(deps.db, options.batch);
  const queue = [...ids];
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency, queue.length) }, async () => {
      for (let id = queue.shift(); id; id = queue.shift()) await executeSignal(deps, id);
    }),
  );
  return ids.length;
}
