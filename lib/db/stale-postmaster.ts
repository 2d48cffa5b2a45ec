import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * If a previous launcher died without stopping its PostgreSQL (kill -9, power cut of the
 * parent only), that server still holds the data directory. Ask it to shut down fast (SIGINT:
 * clean, no corruption) and wait, so the new start finds the directory free.
 */
export async function stopStalePostmaster(dataDir: string, timeoutMs = 30_000): Promise<boolean> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return false;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return true;
}
