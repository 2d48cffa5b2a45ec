import { and, desc, eq, ilike, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../client';
import { systemLogs } from '../../schema';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogLineRow {
  id: number;
  time: string;
  level: LogLevel;
  source: string;
  message: string;
}

/** The newest system log lines (newest first), optionally filtered, for the admin console. */
export async function adminRecentLogs(
  db: Db,
  filter: {
    levels?: LogLevel[];
    source?: string;
    search?: string;
    before?: number;
    limit?: number;
  } = {},
): Promise<LogLineRow[]> {
  const where: SQL[] = [];
  if (filter.levels?.length) where.push(inArray(systemLogs.level, filter.levels));
  if (filter.source) where.push(eq(systemLogs.source, filter.source));
  if (filter.search)
    where.push(ilike(systemLogs.message, `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (filter.before !== undefined) where.push(lt(systemLogs.id, filter.before));
  const rows = await db
    .select({
      id: systemLogs.id,
      time: systemLogs.time,
      level: systemLogs.level,
      source: systemLogs.source,
      message: systemLogs.message,
    })
    .from(systemLogs)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(systemLogs.id))
    .limit(Math.min(filter.limit ?? 200, 1000));
  return rows.map((r) => ({ ...r, time: r.time.toISOString() }));
}

/** Every source that wrote to the log in the last week (for the source filter). */
export async function adminLogSources(db: Db): Promise<string[]> {
  const rows = await db.execute<{ source: string }>(
    sql`select distinct source from system_logs where time > now() - interval '7 days' order by source`,
  );
  return rows.map((r) => r.source);
}
