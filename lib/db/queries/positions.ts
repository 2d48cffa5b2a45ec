import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { TRACK_RECORD_SIZE } from '../../core/metrics';
import type { Db } from '../client';
import { orders, positions, type NewOrder, type NewPosition, type Position } from '../schema';
import { fromRow } from './raw-rows';

export async function insertPosition(db: Db, position: NewPosition): Promise<Position> {
  const rows = await db.insert(positions).values(position).returning();
  return rows[0]!;
}

/** A position and its entry order's link to it, written in one statement: both or neither. */
export async function insertPositionOfEntry(
  db: Db,
  position: NewPosition,
  entryOrderId: string,
  now: Date,
): Promise<Position> {
  const link = db
    .update(orders)
    .set({ positionId: sql`(select id from p)`, updatedAt: now })
    .where(eq(orders.id, entryOrderId));
  const rows = await db.execute<Record<string, unknown>>(sql`
    with p as (${db.insert(positions).values(position).returning().getSQL()}),
    o as (${link.getSQL()})
    select * from p`);
  return fromRow(positions, rows[0]!);
}

/**
 * A native OCO recorded in one statement: its legs' order records (kept when already there)
 * and its venue id on the position.
 */
export async function recordNativeOco(
  db: Db,
  positionId: string,
  ocoExchangeId: string,
  legs: readonly NewOrder[],
): Promise<Position> {
  const insertLegs = db
    .insert(orders)
    .values([...legs])
    .onConflictDoNothing();
  const setId = db
    .update(positions)
    .set({ ocoExchangeId })
    .where(eq(positions.id, positionId))
    .returning();
  const rows = await db.execute<Record<string, unknown>>(sql`
    with l as (${insertLegs.getSQL()}), p as (${setId.getSQL()})
    select * from p`);
  return fromRow(positions, rows[0]!);
}

export async function updatePosition(
  db: Db,
  id: string,
  patch: Partial<NewPosition>,
): Promise<Position> {
  const rows = await db.update(positions).set(patch).where(eq(positions.id, id)).returning();
  return rows[0]!;
}

/**
 * Locks an open position for closing and records why (so an exit that reconciliation later
 * finds filled is settled with the reason it was sent for); null when it is not open any more
 * (someone else closed it).
 */
export async function lockOpenPosition(
  db: Db,
  id: string,
  reason: NonNullable<Position['exitReason']>,
): Promise<Position | null> {
  const rows = await db
    .update(positions)
    .set({ status: 'closing', exitReason: reason })
    .where(and(eq(positions.id, id), eq(positions.status, 'open')))
    .returning();
  return rows[0] ?? null;
}

export async function findPosition(db: Db, id: string): Promise<Position | undefined> {
  const rows = await db.select().from(positions).where(eq(positions.id, id)).limit(1);
  return rows[0];
}

export async function openPositions(
  db: Db,
  filter: { accountId?: string; botId?: string; symbol?: string; userId?: string } = {},
): Promise<Position[]> {
  const where = [inArray(positions.status, ['open', 'closing'])];
  if (filter.accountId) where.push(eq(positions.exchangeAccountId, filter.accountId));
  if (filter.botId) where.push(eq(positions.botId, filter.botId));
  if (filter.symbol) where.push(eq(positions.symbol, filter.symbol));
  if (filter.userId) where.push(eq(positions.userId, filter.userId));
  return db
    .select()
    .from(positions)
    .where(and(...where))
    .orderBy(positions.openedAt);
}

/** The bot's most recent closed positions, newest first (its track record). */
export async function recentClosedPositions(
  db: Db,
  botId: string,
  limit = TRACK_RECORD_SIZE,
): Promise<Position[]> {
  return db
    .select()
    .from(positions)
    .where(
      and(
        eq(positions.botId, botId),
        eq(positions.status, 'closed'),
        isNotNull(positions.closedAt),
      ),
    )
    .orderBy(desc(positions.closedAt))
    .limit(limit);
}
