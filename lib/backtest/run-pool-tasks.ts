/**
 * Runs `tasks` through `run` (a worker pool) with at most `concurrency` in flight, handing each
 * result to `onResult` in completion order. `shouldStop` is polled as each task finishes: then
 * no further task is started and the call resolves `true` once the ones in flight are done.
 * Nothing is aborted mid-task, so no worker is terminated while it answers (piscina rejects a
 * late answer to an aborted task with an uncaught "Unexpected message from Worker"). The first
 * failure stops the rest and is rethrown.
 */
export async function runPoolTasks<T, R>(
  run: (task: T) => Promise<R>,
  tasks: readonly T[],
  concurrency: number,
  onResult: (result: R, task: T) => void,
  shouldStop: () => boolean,
): Promise<boolean> {
  let next = 0;
  let stopped = false;
  let failed = false;
  let failure: unknown;
  const lane = async (): Promise<void> => {
    while (next < tasks.length && !stopped && !failed) {
      const task = tasks[next++]!;
      try {
        onResult(await run(task), task);
      } catch (error) {
        if (!failed) failure = error;
        failed = true;
        return;
      }
      if (!stopped && shouldStop()) stopped = true;
    }
  };
  const lanes = Math.max(1, Math.min(concurrency, tasks.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (failed) throw failure instanceof Error ? failure : new Error(String(failure));
  return stopped;
}
