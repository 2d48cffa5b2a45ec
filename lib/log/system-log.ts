import type { Db } from '../db/client';
import { systemLogs } from '../db/schema';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * Writes one line to the system log (the admin console reads it) and to stdout. A failure to
 * write the row never breaks the caller: it is reported on stderr instead.
 */
export async function logSystem(
  db: Db,
  entry: { level: LogLevel; source: string; message: string; context?: Record<string, unknown> },
): Promise<void> {
  const line = `[${entry.source}] ${entry.level}: ${entry.message}`;
  if (entry.level === 'error') console.error(line);
  else console.log(line);
  try {
    await db.insert(systemLogs).values(entry);
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    console.error(`[log] could not write system log: ${String(cause ?? error)}`);
  }
}
