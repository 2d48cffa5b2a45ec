import type { Db } from '../lib/db/client';
import { localSessionPids } from '../lib/db/queries/sessions';
import { logSystem } from '../lib/log/system-log';
import { lowerOwnPriority, lowerPostgresBackend } from '../lib/runtime/cpu-priority';

/** The worker's database sessions carry this `application_name` (worker/index.ts opens them). */
export const WORKER_SESSION_NAME = 'osprey-worker';

/**
 * Runs the worker at a lower CPU priority (`WORKER_NICE`), its database sessions included, so that
 * on a shared machine the web server answers first: a webhook's acknowledgement (TradingView waits
 * 3 s) and the pages. The worker still gets every core the web server leaves idle, and at nice 5
 * about a quarter of a busy one. Half of the worker's CPU is spent in the PostgreSQL backends
 * serving it, so they are lowered too when the server runs on this machine; sessions open as the
 * pool grows, so they are looked for every `intervalMs`. Nothing is raised back (nice 0 = off).
 */
export function startLowPriority(
  db: Db,
  options: { nice: number; intervalMs?: number; sessionName?: string },
): { stop: () => void } {
  const { nice, intervalMs = 5_000, sessionName = WORKER_SESSION_NAME } = options;
  if (nice === 0) return { stop: () => undefined };
  const log = (level: 'info' | 'warn', message: string) =>
    void logSystem(db, { level, source: 'worker', message });
  const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
  try {
    lowerOwnPriority(nice);
  } catch (error) {
    log('warn', `the worker keeps its CPU priority: ${reason(error)}`);
    return { stop: () => undefined };
  }
  const giveUp = (level: 'info' | 'warn', why: string) => {
    clearInterval(timer);
    log(level, `the worker's database sessions keep their CPU priority: ${why}`);
  };
  // Only sessions: threads the worker starts later take the priority of the thread starting them.
  // A backend already lowered is skipped by `lowerPostgresBackend` itself.
  const sweep = async () => {
    const pids = await localSessionPids(db, sessionName).catch(() => undefined);
    if (pids === undefined) return; // the database is unreachable now; the next sweep retries
    if (pids === null)
      return giveUp('info', 'the database is reached neither over loopback nor a Unix socket');
    try {
      for (const pid of pids) lowerPostgresBackend(pid, nice);
    } catch (error) {
      giveUp('warn', reason(error));
    }
  };
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  void sweep();
  return { stop: () => clearInterval(timer) };
}
