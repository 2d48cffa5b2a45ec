import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../client';
import { orders, type NewOrder, type Order } from '../schema';

export async function insertOrderIntent(db: Db, order: NewOrder): Promise<Order> {
  const rows = await db
    .insert(orders)
    .values({ ...order, status: 'intent' })
    .returning();
  return rows[0]!;
}

export async function updateOrder(
  db: Db,
  id: string,
  patch: Partial<NewOrder>,
  now: Date,
): Promise<Order> {
  const rows = await db
    .update(orders)
    .set({ ...patch, updatedAt: now })
    .where(eq(orders.id, id))
    .returning();
  return rows[0]!;
}

export async function ordersOfPosition(db: Db, positionId: string): Promise<Order[]> {
  return db
    .select()
    .from(orders)
    .where(eq(orders.positionId, positionId))
    .orderBy(orders.createdAt);
}

/** Orders whose venue outcome we do not know yet (intent written, answer never recorded). */
export async function unresolvedOrders(db: Db, accountId: string): Promise<Order[]> {
  return db
    .select()
    .from(orders)
    .where(
      and(eq(orders.exchangeAccountId, accountId), inArray(orders.status, ['intent', 'unknown'])),
    );
}

/** Entry orders resting on the venue (limit entries), to open their positions when they fill. */
export async function openEntryOrders(db: Db, accountId: string): Promise<Order[]> {
  return db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.exchangeAccountId, accountId),
        eq(orders.role, 'entry'),
        inArray(orders.status, ['open', 'partially_filled']),
      ),
    );
}

/**
 * Orders reconciliation must look at: outcome not known yet (intent, unknown), resting entries,
 * and filled entries that never got their position (a crash between fill and position).
 */
export async function ordersToReconcile(db: Db, accountId: string): Promise<Order[]> {
  return db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.exchangeAccountId, accountId),
        or(
          inArray(orders.status, ['intent', 'unknown']),
          and(eq(orders.role, 'entry'), inArray(orders.status, ['open', 'partially_filled'])),
          and(eq(orders.role, 'entry'), eq(orders.status, 'filled'), isNull(orders.positionId)),
        ),
      ),
    )
    .orderBy(orders.createdAt);
}
