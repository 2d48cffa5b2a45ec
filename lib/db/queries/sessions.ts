import { sql } from 'drizzle-orm';
import type { Db } from '../client';

/**
 * The backend pids of the database sessions whose `application_name` is `name` (whichever process
 * holds them), or null when the server is not on this machine. It is when reached over a Unix
 * socket or loopback: then the sessions' pids are processes here.
 */
export async function localSessionPids(db: Db, name: string): Promise<number[] | null> {
  const rows = await db.execute<{ local: boolean; pid: number | null }>(sql`
    select coalesce(host(inet_server_addr()) in ('127.0.0.1', '::1'), true) as local, a.pid
    from (select 1) server left join pg_stat_activity a on a.application_name = ${name}`);
  if (!rows[0]?.local) return null;
  return rows.flatMap((r) => (r.pid === null ? [] : [r.pid]));
}
