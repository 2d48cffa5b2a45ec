import { and, asc, count, desc, eq, gte, sql, sum } from 'drizzle-orm';
import type { Db } from '../../client';
import { formatPrice, formatQty } from '../../../format';
import { botCycles, bots, equitySnapshots, positions, signals } from '../../schema';

/** Read-only queries behind the dashboard (one user's numbers only). */

export interface RealisedSummary {
  realised: number;
  realisedToday: number;
  closedTrades: number;
  wins: number;
}

/** Realised P&L over all closed positions, today's part (UTC day) and the win count. */
export async function realisedSummary(
  db: Db,
  userId: string,
  dayStart: Date,
): Promise<RealisedSummary> {
  const rows = await db
    .select({
      total: sum(positions.realizedPnl),
      today: sql<
        string | null
      >`sum(${positions.realizedPnl}) filter (where ${positions.closedAt} >= ${dayStart.toISOString()}::timestamptz)`,
      n: count(),
      wins: sql<number>`count(*) filter (where ${positions.realizedPnl} > 0)::int`,
    })
    .from(positions)
    .where(and(eq(positions.userId, userId), eq(positions.status, 'closed')));
  const row = rows[0];
  return {
    realised: Number(row?.total ?? 0),
    realisedToday: Number(row?.today ?? 0),
    closedTrades: row?.n ?? 0,
    wins: Number(row?.wins ?? 0),
  };
}

/** Equity snapshots of one account since `since`, oldest first (the equity curve). */
export async function equityHistory(db: Db, accountId: string, since: Date, limit = 2000) {
  const rows = await db
    .select({
      time: equitySnapshots.time,
      equity: equitySnapshots.equity,
      cash: equitySnapshots.cash,
    })
    .from(equitySnapshots)
    .where(and(eq(equitySnapshots.exchangeAccountId, accountId), gte(equitySnapshots.time, since)))
    .orderBy(desc(equitySnapshots.time))
    .limit(limit);
  return rows
    .reverse()
    .map((r) => ({ time: r.time.getTime(), equity: Number(r.equity), cash: Number(r.cash) }));
}

export type ActivityKind = 'decision' | 'signal' | 'opened' | 'closed';
export interface ActivityItem {
  id: string;
  kind: ActivityKind;
  time: string;
  title: string;
  detail: string | null;
  /** A signed amount to colour (realised P&L of an exit). */
  amount: string | null;
  botId: string | null;
}

/** The latest bot decisions, signals, entries and exits of a user, newest first. */
export async function recentActivity(db: Db, userId: string, limit = 30): Promise<ActivityItem[]> {
  const [cycles, sigs, opened, closed] = await Promise.all([
    db
      .select({
        id: botCycles.id,
        time: botCycles.finishedAt,
        action: botCycles.action,
        outcome: botCycles.outcome,
        message: botCycles.message,
        botId: bots.id,
        botName: bots.name,
        symbol: bots.symbol,
      })
      .from(botCycles)
      .innerJoin(bots, eq(bots.id, botCycles.botId))
      .where(and(eq(bots.userId, userId), sql`${botCycles.finishedAt} is not null`))
      .orderBy(desc(botCycles.startedAt))
      .limit(limit),
    db
      .select()
      .from(signals)
      .where(eq(signals.userId, userId))
      .orderBy(desc(signals.createdAt))
      .limit(limit),
    db
      .select()
      .from(positions)
      .where(eq(positions.userId, userId))
      .orderBy(desc(positions.openedAt))
      .limit(limit),
    db
      .select()
      .from(positions)
      .where(and(eq(positions.userId, userId), eq(positions.status, 'closed')))
      .orderBy(desc(positions.closedAt))
      .limit(limit),
  ]);
  const items: ActivityItem[] = [
    ...cycles.map((c) => ({
      id: `c-${c.id}`,
      kind: 'decision' as const,
      time: (c.time ?? new Date(0)).toISOString(),
      title: `${c.botName} · ${c.action ? c.action.toUpperCase() : c.outcome} · ${c.symbol}`,
      detail: c.message,
      amount: null,
      botId: c.botId,
    })),
    ...sigs.map((s) => ({
      id: `s-${s.id}`,
      kind: 'signal' as const,
      time: (s.decidedAt ?? s.createdAt).toISOString(),
      title: `Signal ${s.action.toUpperCase()} ${s.symbol} (${s.source}) → ${s.status}`,
      detail: s.reason,
      amount: null,
      botId: s.botId,
    })),
    ...opened.map((p) => ({
      id: `o-${p.id}`,
      kind: 'opened' as const,
      time: p.openedAt.toISOString(),
      title: `Bought ${p.symbol} at ${formatPrice(p.entryPrice)}`,
      detail: `Quantity ${formatQty(p.quantity)}`,
      amount: null,
      botId: p.botId,
    })),
    ...closed.map((p) => ({
      id: `x-${p.id}`,
      kind: 'closed' as const,
      time: (p.closedAt ?? p.openedAt).toISOString(),
      title: `Closed ${p.symbol} (${p.exitReason ?? 'exit'})`,
      detail: p.exitPrice ? `Exit at ${formatPrice(p.exitPrice)}` : null,
      amount: p.realizedPnl,
      botId: p.botId,
    })),
  ];
  return items.sort((a, b) => b.time.localeCompare(a.time)).slice(0, limit);
}

/** The user's bots, oldest first (grid order is stable). */
export async function userBotsForGrid(db: Db, userId: string) {
  return db.select().from(bots).where(eq(bots.userId, userId)).orderBy(asc(bots.createdAt));
}
