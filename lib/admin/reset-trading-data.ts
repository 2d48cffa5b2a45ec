import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { User } from '../db/schema';
import { logSystem } from '../log/system-log';

/** Tables emptied by a reset, children first. Users, accounts, bots, strategies and settings stay. */
const CLEARED = [
  'paper_fills',
  'paper_orders',
  'paper_oco_lists',
  'orders',
  'positions',
  'signals',
  'bot_cycles',
  'bot_logs',
  'equity_snapshots',
  'ai_reflections',
  'ai_decisions',
] as const;

export interface ResetSummary {
  stoppedBots: number;
  deleted: Record<(typeof CLEARED)[number], number>;
  paperAccountsReset: number;
}

/**
 * Wipes the trading history of every user in one transaction: bots are stopped, signals,
 * orders, positions, cycles, logs, equity snapshots and AI decisions deleted, and every paper
 * account goes back to its starting balance. Live exchange positions are not touched on the
 * exchange; the next reconciliation reports what the exchange still holds.
 */
export async function resetTradingData(db: Db, actor: User): Promise<ResetSummary> {
  const summary = await db.transaction(async (tx) => {
    // Paper accounts are locked for update, so paper work in flight finishes first.
    await tx.execute(sql`select id from exchange_accounts where venue = 'paper' for update`);
    const stopped = await tx.execute(
      sql`update bots set status = 'stopped', next_cycle_at = null, lease_owner = null, lease_until = null, updated_at = now() where status <> 'stopped' returning id`,
    );
    const deleted = {} as ResetSummary['deleted'];
    for (const table of CLEARED) {
      const [row] = await tx.execute<{ n: string }>(
        sql`with gone as (delete from ${sql.identifier(table)} returning 1) select count(*) as n from gone`,
      );
      deleted[table] = Number(row?.n ?? 0);
    }
    await tx.execute(
      sql`delete from paper_balances where account_id in (select id from exchange_accounts where venue = 'paper')`,
    );
    const reset = await tx.execute(sql`
      insert into paper_balances (account_id, asset, free, locked, updated_at)
      select id, coalesce(settings->>'quote', 'USDT'), coalesce(settings->>'startingBalance', '10000')::numeric, 0, now()
      from exchange_accounts where venue = 'paper'
      returning account_id`);
    return { stoppedBots: stopped.length, deleted, paperAccountsReset: reset.length };
  });
  const total = Object.values(summary.deleted).reduce((a, b) => a + b, 0);
  await logSystem(db, {
    level: 'warn',
    source: 'admin',
    message: `${actor.email} reset all trading data: ${summary.stoppedBots} bots stopped, ${total} rows deleted, ${summary.paperAccountsReset} paper accounts reset`,
  });
  return summary;
}
