/** The steps of the order path where the fault tests kill the worker (issue 5, fault tests). */
export type CrashPointName =
  'after-intent' | 'after-request' | 'after-response' | 'after-position' | 'after-oco';

/**
 * Test hook: when `OSPREY_CRASH_AT` names this step, the process kills itself with SIGKILL on
 * the spot, with no cleanup, exactly like `kill -9`. Unset (production), it does nothing.
 */
export function crashPoint(name: CrashPointName): void {
  if (process.env.OSPREY_CRASH_AT !== name) return;
  process.kill(process.pid, 'SIGKILL');
  // SIGKILL is not catchable; block until the kernel ends the process so no later step runs.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
