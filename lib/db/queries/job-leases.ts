import { sql } from 'drizzle-orm';
import type { Db } from '../client';

/** Takes (or renews) the lease `key` for `ms`; true when `owner` holds it now. */
export async function claimLease(db: Db, key: string, owner: string, ms: number): Promise<boolean> {
  const rows = await db.execute(sql`
    insert into job_leases (key, owner, until) values (${key}, ${owner}, now() + (${ms} || ' milliseconds')::interval)
    on conflict (key) do update set owner = excluded.owner, until = excluded.until
    where job_leases.until < now() or job_leases.owner = excluded.owner
    returning key`);
  return rows.length > 0;
}

export async function releaseLease(db: Db, key: string, owner: string): Promise<void> {
  await db.execute(sql`delete from job_leases where key = ${key} and owner = ${owner}`);
}

/** Accounts with something for the exit monitor and reconciliation to look at. */
export async function accountsWithActivity(db: Db): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    select distinct exchange_account_id as id from positions where status in ('open', 'closing')
    union
    select distinct exchange_account_id from orders
      where status in ('intent', 'unknown')
         or (role = 'entry' and status in ('open', 'partially_filled'))
         or (role = 'entry' and status = 'filled' and position_id is null)`);
  return rows.map((r) => r.id);
}
