import { readdirSync, readFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * CPU priority (Unix "nice", 0 normal … 19 lowest) for the worker and its database sessions.
 * On Linux each thread has its own nice value, and a thread starts with its creator's.
 */

/** Lowers every thread of this process to `nice` (one call on systems without /proc). */
export function lowerOwnPriority(nice: number): void {
  let threads: number[];
  try {
    threads = readdirSync('/proc/self/task').map(Number);
  } catch {
    threads = [0];
  }
  for (const tid of threads) {
    try {
      lower(tid, nice);
    } catch (error) {
      if (!isGone(error)) throw error;
    }
  }
}

/**
 * Lowers a PostgreSQL backend on this machine to `nice`. False when there is no such process (it
 * ended, or the pid is not a PostgreSQL process here); throws when the system refuses (EPERM:
 * another user's process).
 */
export function lowerPostgresBackend(pid: number, nice: number): boolean {
  try {
    if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') return false;
    lower(pid, nice);
    return true;
  } catch (error) {
    if (isGone(error)) return false;
    throw error;
  }
}

/**
 * Only lowers: a process already at `nice` or lower is left alone (so lowering twice costs one
 * read), and one started at a lower priority keeps it (raising needs privileges).
 */
function lower(pid: number, nice: number): void {
  if (getPriority(pid) < nice) setPriority(pid, nice);
}

/** The system's error code: fs errors carry it as `code`, os errors as `info.code`. */
export function systemErrorCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, info } = error as { code?: unknown; info?: { code?: unknown } };
  const systemCode = code === 'ERR_SYSTEM_ERROR' ? info?.code : code;
  return typeof systemCode === 'string' ? systemCode : undefined;
}

/** The process or thread ended meanwhile (or never was one). */
const isGone = (error: unknown) => ['ESRCH', 'ENOENT'].includes(systemErrorCode(error) ?? '');
