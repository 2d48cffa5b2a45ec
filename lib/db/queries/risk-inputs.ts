import { eq, sql } from 'drizzle-orm';
import { TRACK_RECORD_SIZE } from '../../core/metrics';
import type { RiskCounters } from '../../core/risk';
import type { Db } from '../client';
import { appSettings, equitySnapshots, orders, positions, riskSettings } from '../schema';
import { settingSchemas } from './settings';

/**
 * What `riskSnapshot` reads: the risk counters (all but `positionValue`, which the caller values
 * at its price) and everything else the risk engine and the sizing need from the database.
 */
export interface RiskSnapshot extends Omit<RiskCounters, 'positionValue'> {
  settings: { policy: Record<string, unknown>; killSwitch: boolean };
  /** The admin's global kill switch. */
  globalKill: boolean;
  /** Base quantity held on this symbol by the account's open positions. */
  positionQuantity: number;
  /** Highest recorded equity of the account, and the first recorded today. */
  equityPeak: number | null;
  startOfDayEquity: number | null;
  /** The account's open (or closing) positions: what each holds, for the equity. */
  held: { symbol: string; quantity: number; entryPrice: number }[];
  /** The bot's last `TRACK_RECORD_SIZE` closed trades' realised P&L, newest first. */
  recordPnls: number[];
  /** The bot's realised P&L and closed trades over its life (compounding sizing). */
  botRealised: { realised: number; closedTrades: number };
}

/**
 * The numbers the risk engine needs, computed from the database (never from memory, so a
 * restart changes nothing), in ONE statement: the order path runs it once per signal, and a
 * round trip per counter was most of a signal's cost. "Today" starts at `dayStart` (00:00 UTC
 * of the evaluation time).
 */
export async function riskSnapshot(
  db: Db,
  key: {
    userId: string;
    accountId: string;
    botId: string | null;
    symbol: string;
    side: 'buy' | 'sell';
  },
  dayStart: Date,
): Promise<RiskSnapshot> {
  const { userId, accountId, botId, symbol, side } = key;
  const day = dayStart.toISOString();
  const rows = await db.execute<Record<string, unknown>>(sql`
    select
      (select json_build_object('policy', policy, 'killSwitch', kill_switch)
        from ${riskSettings} where user_id = ${userId}) as settings,
      (select value from ${appSettings} where key = 'kill_switch') as global_kill,
      (select count(*)::int from ${positions}
        where user_id = ${userId} and status in ('open', 'closing')) as open_positions,
      (select count(*)::int from ${positions}
        where bot_id = ${botId}::uuid and status in ('open', 'closing')) as open_for_bot,
      (select count(*)::int from ${orders}
        where exchange_account_id = ${accountId} and symbol = ${symbol} and role = 'entry'
          and status in ('intent', 'open', 'partially_filled', 'unknown')) as open_orders,
      (select count(*)::int from ${orders}
        where user_id = ${userId} and role = 'entry' and status <> 'rejected'
          and created_at >= ${day}::timestamptz) as trades_today,
      (select coalesce(sum(realized_pnl), 0)::text from ${positions}
        where user_id = ${userId} and status = 'closed'
          and closed_at >= ${day}::timestamptz) as pnl_today,
      (select floor(extract(epoch from max(created_at)) * 1000)::float8 from ${orders}
        where user_id = ${userId} and symbol = ${symbol} and side = ${side} and role = 'entry'
          and status <> 'rejected') as last_order_at,
      (select floor(extract(epoch from max(closed_at)) * 1000)::float8 from ${positions}
        where user_id = ${userId} and symbol = ${symbol}
          and exit_reason = 'stop_loss') as last_stop_at,
      (select coalesce(sum(quantity), 0)::text from ${positions}
        where exchange_account_id = ${accountId} and symbol = ${symbol}
          and status in ('open', 'closing')) as position_quantity,
      (select max(equity)::text from ${equitySnapshots}
        where exchange_account_id = ${accountId}) as equity_peak,
      (select equity::text from ${equitySnapshots}
        where exchange_account_id = ${accountId} and time >= ${day}::timestamptz
        order by time limit 1) as start_of_day_equity,
      (select coalesce(json_agg(json_build_array(symbol, quantity::float8, entry_price::float8)), '[]')
        from ${positions}
        where exchange_account_id = ${accountId} and status in ('open', 'closing')) as held,
      (select coalesce(json_agg(pnl order by closed_at desc), '[]') from (
        select coalesce(realized_pnl, 0)::float8 as pnl, closed_at from ${positions}
        where bot_id = ${botId}::uuid and status = 'closed' and closed_at is not null
        order by closed_at desc limit ${TRACK_RECORD_SIZE}) r) as record_pnls,
      (select json_build_array(coalesce(sum(realized_pnl), 0)::text, count(*)) from ${positions}
        where bot_id = ${botId}::uuid and status = 'closed') as bot_realised`);
  const row = rows[0]!;
  const settings = row.settings as { policy: Record<string, unknown>; killSwitch: boolean } | null;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const [realised, closedTrades] = row.bot_realised as [string, number];
  return {
    settings: { policy: settings?.policy ?? {}, killSwitch: settings?.killSwitch ?? false },
    globalKill: settingSchemas.kill_switch.parse(row.global_kill ?? undefined),
    openPositions: row.open_positions as number,
    openPositionsForBot: row.open_for_bot as number,
    openOrdersForSymbol: row.open_orders as number,
    tradesToday: row.trades_today as number,
    realisedPnlToday: Number(row.pnl_today),
    lastOrderAt: num(row.last_order_at),
    lastStopLossAt: num(row.last_stop_at),
    positionQuantity: Number(row.position_quantity),
    equityPeak: num(row.equity_peak),
    startOfDayEquity: num(row.start_of_day_equity),
    held: (row.held as [string, number, number][]).map(([symbol, quantity, entryPrice]) => ({
      symbol,
      quantity,
      entryPrice,
    })),
    recordPnls: row.record_pnls as number[],
    botRealised: { realised: Number(realised), closedTrades: Number(closedTrades) },
  };
}

export async function riskSettingsOf(
  db: Db,
  userId: string,
): Promise<{ policy: Record<string, unknown>; killSwitch: boolean }> {
  const rows = await db.select().from(riskSettings).where(eq(riskSettings.userId, userId)).limit(1);
  return { policy: rows[0]?.policy ?? {}, killSwitch: rows[0]?.killSwitch ?? false };
}
