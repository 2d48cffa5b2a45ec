import type { Db } from '../db/client';
import { systemLogs } from '../db/schema';
import { publish } from '../realtime/emitter';

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
    const [row] = await db.insert(systemLogs).values(entry).returning({ time: systemLogs.time });
    // The admin console streams the log live; publishing never throws.
    void publish(
      'log:line',
      {
        level: entry.level,
        source: entry.source,
        message: entry.message,
        time: (row?.time ?? new Date()).toISOString(),
      },
      { admin: true },
    );
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    console.error(`[log] could not write system log: ${String(cause ?? error)}`);
  }
}
