import { and, desc, eq, gte, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { orders, positions, signals, type Order, type Position, type Signal } from '../schema';

export async function findSignalByDedupeKey(
  db: Db,
  userId: string,
  dedupeKey: string,
): Promise<Signal | undefined> {
  const rows = await db
    .select()
    .from(signals)
    .where(and(eq(signals.userId, userId), eq(signals.dedupeKey, dedupeKey)))
    .limit(1);
  return rows[0];
}

/** Keyset position in a newest-first list: the last row's time and id. */
export interface Cursor {
  at: Date;
  id: string;
}

export interface SignalFilter {
  userId: string;
  source?: Signal['source'];
  status?: Signal['status'];
  symbol?: string;
  botId?: string;
  from?: Date;
  to?: Date;
}

function signalWhere(f: SignalFilter, cursor?: Cursor): SQL | undefined {
  return and(
    eq(signals.userId, f.userId),
    f.source ? eq(signals.source, f.source) : undefined,
    f.status ? eq(signals.status, f.status) : undefined,
    f.symbol ? eq(signals.symbol, f.symbol) : undefined,
    f.botId ? eq(signals.botId, f.botId) : undefined,
    f.from ? gte(signals.createdAt, f.from) : undefined,
    f.to ? lte(signals.createdAt, f.to) : undefined,
    cursor
      ? or(
          lt(signals.createdAt, cursor.at),
          and(eq(signals.createdAt, cursor.at), lt(signals.id, cursor.id)),
        )
      : undefined,
  );
}

/** A page of a user's signals, newest first, each with the entry order it led to (if any). */
export async function listSignals(
  db: Db,
  filter: SignalFilter,
  page: { limit: number; cursor?: Cursor },
): Promise<(Signal & { order: Order | null })[]> {
  const rows = await db
    .select({ signal: signals, order: orders })
    .from(signals)
    .leftJoin(orders, and(eq(orders.signalId, signals.id), eq(orders.role, 'entry')))
    .where(signalWhere(filter, page.cursor))
    .orderBy(desc(signals.createdAt), desc(signals.id))
    .limit(page.limit);
  return rows.map((r) => ({ ...r.signal, order: r.order }));
}

export interface OrderFilter {
  userId: string;
  symbol?: string;
  status?: Order['status'];
  source?: Order['source'];
  botId?: string;
  from?: Date;
  to?: Date;
}

/** A page of a user's orders, newest first. */
export async function listOrders(
  db: Db,
  f: OrderFilter,
  page: { limit: number; cursor?: Cursor },
): Promise<Order[]> {
  return db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.userId, f.userId),
        f.symbol ? eq(orders.symbol, f.symbol) : undefined,
        f.status ? eq(orders.status, f.status) : undefined,
        f.source ? eq(orders.source, f.source) : undefined,
        f.botId ? eq(orders.botId, f.botId) : undefined,
        f.from ? gte(orders.createdAt, f.from) : undefined,
        f.to ? lte(orders.createdAt, f.to) : undefined,
        page.cursor
          ? or(
              lt(orders.createdAt, page.cursor.at),
              and(eq(orders.createdAt, page.cursor.at), lt(orders.id, page.cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(page.limit);
}

/** The order when it belongs to `userId`; someone else's is simply not found. */
export async function findUserOrder(
  db: Db,
  params: { userId: string; id: string },
): Promise<Order | undefined> {
  const rows = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, params.id), eq(orders.userId, params.userId)))
    .limit(1);
  return rows[0];
}

/** The signal when it belongs to `userId`. */
export async function findUserSignal(
  db: Db,
  params: { userId: string; id: string },
): Promise<Signal | undefined> {
  const rows = await db
    .select()
    .from(signals)
    .where(and(eq(signals.id, params.id), eq(signals.userId, params.userId)))
    .limit(1);
  return rows[0];
}

/** Orders with their position (for the trades export: P&L and exit reason), newest first. */
export async function listTradeRows(
  db: Db,
  f: { userId: string; from?: Date; to?: Date },
  page: { limit: number; cursor?: Cursor },
): Promise<{ order: Order; position: Position | null }[]> {
  return db
    .select({ order: orders, position: positions })
    .from(orders)
    .leftJoin(positions, eq(positions.id, orders.positionId))
    .where(
      and(
        eq(orders.userId, f.userId),
        f.from ? gte(orders.createdAt, f.from) : undefined,
        f.to ? lte(orders.createdAt, f.to) : undefined,
        page.cursor
          ? or(
              lt(orders.createdAt, page.cursor.at),
              and(eq(orders.createdAt, page.cursor.at), lt(orders.id, page.cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(page.limit);
}

/** Today's activity of a user: entries filled, positions open, realised P&L of positions closed. */
export async function tradingDay(
  db: Db,
  userId: string,
  dayStart: Date,
): Promise<{ tradesToday: number; openPositions: number; realizedPnlToday: string }> {
  const [row] = await db
    .select({
      tradesToday: sql<number>`(select count(*)::int from ${orders} where ${orders.userId} = ${userId} and ${orders.role} = 'entry' and ${orders.status} in ('filled', 'partially_filled') and ${orders.createdAt} >= ${dayStart.toISOString()})`,
      openPositions: sql<number>`(select count(*)::int from ${positions} where ${positions.userId} = ${userId} and ${positions.status} <> 'closed')`,
      realizedPnlToday: sql<string>`(select coalesce(sum(${positions.realizedPnl}), 0)::text from ${positions} where ${positions.userId} = ${userId} and ${positions.closedAt} >= ${dayStart.toISOString()})`,
    })
    .from(sql`(select 1) as one`);
  return {
    tradesToday: Number(row?.tradesToday ?? 0),
    openPositions: Number(row?.openPositions ?? 0),
    realizedPnlToday: row?.realizedPnlToday ?? '0',
  };
}

/** The orders a user's signal led to, oldest first. */
export async function ordersOfSignal(
  db: Db,
  params: { userId: string; signalId: string },
): Promise<Order[]> {
  return db
    .select()
    .from(orders)
    .where(and(eq(orders.signalId, params.signalId), eq(orders.userId, params.userId)))
    .orderBy(orders.createdAt);
}
