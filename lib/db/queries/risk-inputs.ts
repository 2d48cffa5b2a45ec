import { and, count, eq, gte, inArray, max, ne, sum } from 'drizzle-orm';
import type { Db } from '../client';
import { equitySnapshots, orders, positions, riskSettings } from '../schema';

/**
 * The numbers the risk engine needs, computed from the database (never from memory), so a
 * restart changes nothing. "Today" starts at `dayStart` (00:00 UTC of the evaluation time).
 */
export async function riskCountersFromDb(
  db: Db,
  key: {
    userId: string;
    accountId: string;
    botId: string | null;
    symbol: string;
    side: 'buy' | 'sell';
  },
  dayStart: Date,
) {
  const [open, openForBot, openOrders, tradesToday, pnlToday, lastOrder, lastStop, exposure] =
    await Promise.all([
      db
        .select({ n: count() })
        .from(positions)
        .where(
          and(eq(positions.userId, key.userId), inArray(positions.status, ['open', 'closing'])),
        ),
      key.botId
        ? db
            .select({ n: count() })
            .from(positions)
            .where(
              and(eq(positions.botId, key.botId), inArray(positions.status, ['open', 'closing'])),
            )
        : Promise.resolve([{ n: 0 }]),
      db
        .select({ n: count() })
        .from(orders)
        .where(
          and(
            eq(orders.exchangeAccountId, key.accountId),
            eq(orders.symbol, key.symbol),
            eq(orders.role, 'entry'),
            inArray(orders.status, ['intent', 'open', 'partially_filled', 'unknown']),
          ),
        ),
      db
        .select({ n: count() })
        .from(orders)
        .where(
          and(
            eq(orders.userId, key.userId),
            eq(orders.role, 'entry'),
            ne(orders.status, 'rejected'),
            gte(orders.createdAt, dayStart),
          ),
        ),
      db
        .select({ total: sum(positions.realizedPnl) })
        .from(positions)
        .where(
          and(
            eq(positions.userId, key.userId),
            eq(positions.status, 'closed'),
            gte(positions.closedAt, dayStart),
          ),
        ),
      db
        .select({ at: max(orders.createdAt) })
        .from(orders)
        .where(
          and(
            eq(orders.userId, key.userId),
            eq(orders.symbol, key.symbol),
            eq(orders.side, key.side),
            eq(orders.role, 'entry'),
            ne(orders.status, 'rejected'),
          ),
        ),
      db
        .select({ at: max(positions.closedAt) })
        .from(positions)
        .where(
          and(
            eq(positions.userId, key.userId),
            eq(positions.symbol, key.symbol),
            eq(positions.exitReason, 'stop_loss'),
          ),
        ),
      db
        .select({ quantity: sum(positions.quantity) })
        .from(positions)
        .where(
          and(
            eq(positions.exchangeAccountId, key.accountId),
            eq(positions.symbol, key.symbol),
            inArray(positions.status, ['open', 'closing']),
          ),
        ),
    ]);
  return {
    openPositions: open[0]?.n ?? 0,
    openPositionsForBot: openForBot[0]?.n ?? 0,
    openOrdersForSymbol: openOrders[0]?.n ?? 0,
    tradesToday: tradesToday[0]?.n ?? 0,
    realisedPnlToday: Number(pnlToday[0]?.total ?? 0),
    lastOrderAt: lastOrder[0]?.at ? lastOrder[0].at.getTime() : null,
    lastStopLossAt: lastStop[0]?.at ? lastStop[0].at.getTime() : null,
    /** Base quantity held on this symbol; the caller values it at the current price. */
    positionQuantity: Number(exposure[0]?.quantity ?? 0),
  };
}

/** Highest recorded equity and the first equity recorded today, for this account. */
export async function equityMarks(
  db: Db,
  accountId: string,
  dayStart: Date,
): Promise<{ peak: number | null; startOfDay: number | null }> {
  const [peak, first] = await Promise.all([
    db
      .select({ v: max(equitySnapshots.equity) })
      .from(equitySnapshots)
      .where(eq(equitySnapshots.exchangeAccountId, accountId)),
    db
      .select({ v: equitySnapshots.equity })
      .from(equitySnapshots)
      .where(
        and(eq(equitySnapshots.exchangeAccountId, accountId), gte(equitySnapshots.time, dayStart)),
      )
      .orderBy(equitySnapshots.time)
      .limit(1),
  ]);
  return {
    peak: peak[0]?.v ? Number(peak[0].v) : null,
    startOfDay: first[0]?.v ? Number(first[0].v) : null,
  };
}

export async function riskSettingsOf(
  db: Db,
  userId: string,
): Promise<{ policy: Record<string, unknown>; killSwitch: boolean }> {
  const rows = await db.select().from(riskSettings).where(eq(riskSettings.userId, userId)).limit(1);
  return { policy: rows[0]?.policy ?? {}, killSwitch: rows[0]?.killSwitch ?? false };
}
