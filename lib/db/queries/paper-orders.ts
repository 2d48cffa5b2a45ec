import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, isNull, sql, type SQL } from 'drizzle-orm';
import { isUuid } from '../../core/is-uuid';
import type { Db } from '../client';
import {
  paperFills,
  paperOcoLists,
  paperOrders,
  type NewPaperFill,
  type NewPaperOcoList,
  type NewPaperOrder,
  type PaperFill,
  type PaperOcoList,
  type PaperOrder,
} from '../schema';
import { balancesUpdate, type BalanceRow } from './paper';
import { aliased, fromRow } from './raw-rows';

// Paper orders, their fills, and placing orders and OCO lists (lock order: see `paper.ts`).

export type PaperOrderRef = { id: string } | { clientOrderId: string };

/** One statement: the placement's writes (`with` parts), the balances it moved, then `select`. */
function placement(
  db: Db,
  writes: SQL[],
  accountId: string,
  moved: { balances: readonly BalanceRow[]; now: Date },
  select: SQL,
): Promise<Record<string, unknown>[]> {
  const update = balancesUpdate(accountId, moved.balances, moved.now);
  const parts = update ? [...writes, sql`b as (${update})`] : writes;
  return db.execute<Record<string, unknown>>(sql`with ${sql.join(parts, sql`, `)} ${select}`);
}

/**
 * A newly placed paper order stored in one statement with what placing it changed: its fill
 * when it filled at once (`fill`, without the order id) and the balances it moved.
 */
export async function insertPlacedPaperOrder(
  db: Db,
  params: {
    order: NewPaperOrder;
    fill?: Omit<NewPaperFill, 'orderId'>;
    balances: readonly BalanceRow[];
    now: Date;
  },
): Promise<PaperOrder> {
  const id = randomUUID();
  const parts = [
    sql`o as (${db
      .insert(paperOrders)
      .values({ ...params.order, id })
      .returning()
      .getSQL()})`,
  ];
  if (params.fill)
    parts.push(
      sql`f as (${db
        .insert(paperFills)
        .values({ ...params.fill, orderId: id })
        .getSQL()})`,
    );
  const rows = await placement(db, parts, params.order.accountId, params, sql`select * from o`);
  return fromRow(paperOrders, rows[0]!);
}

/**
 * A newly placed OCO list stored in one statement with its legs and the balances its lock
 * moved; the legs come back in the order given.
 */
export async function insertPlacedPaperOco(
  db: Db,
  params: {
    oco: NewPaperOcoList;
    legs: readonly Omit<NewPaperOrder, 'ocoId'>[];
    balances: readonly BalanceRow[];
    now: Date;
  },
): Promise<{ oco: PaperOcoList; legs: PaperOrder[] }> {
  const id = randomUUID();
  const parts = [
    sql`l as (${db
      .insert(paperOcoLists)
      .values({ ...params.oco, id })
      .returning()
      .getSQL()})`,
    sql`t as (${db
      .insert(paperOrders)
      .values(params.legs.map((leg) => ({ ...leg, ocoId: id })))
      .returning()
      .getSQL()})`,
  ];
  const rows = await placement(
    db,
    parts,
    params.oco.accountId,
    params,
    sql`select ${aliased(paperOrders, 't', 't__')}, ${aliased(paperOcoLists, 'l', 'l__')}
      from t cross join l order by t.seq`,
  );
  return {
    oco: fromRow(paperOcoLists, rows[0]!, 'l__'),
    legs: rows.map((row) => fromRow(paperOrders, row, 't__')),
  };
}

export async function findPaperOrder(
  db: Db,
  accountId: string,
  ref: PaperOrderRef,
  options: { lock?: boolean } = {},
): Promise<PaperOrder | undefined> {
  if ('id' in ref && !isUuid(ref.id)) return undefined;
  const match =
    'id' in ref ? eq(paperOrders.id, ref.id) : eq(paperOrders.clientOrderId, ref.clientOrderId);
  const query = db
    .select()
    .from(paperOrders)
    .where(and(eq(paperOrders.accountId, accountId), match))
    .limit(1);
  const rows = options.lock ? await query.for('update') : await query;
  return rows[0];
}

export async function updatePaperOrder(
  db: Db,
  id: string,
  patch: Partial<Omit<NewPaperOrder, 'id' | 'accountId'>>,
): Promise<PaperOrder> {
  const rows = await db.update(paperOrders).set(patch).where(eq(paperOrders.id, id)).returning();
  return rows[0]!;
}

/** Open orders, oldest first; `standalone` leaves out OCO legs. */
export async function listOpenPaperOrders(
  db: Db,
  accountId: string,
  options: { symbol?: string; standalone?: boolean } = {},
): Promise<PaperOrder[]> {
  return db
    .select()
    .from(paperOrders)
    .where(
      and(
        eq(paperOrders.accountId, accountId),
        eq(paperOrders.status, 'open'),
        options.symbol === undefined ? undefined : eq(paperOrders.symbol, options.symbol),
        options.standalone ? isNull(paperOrders.ocoId) : undefined,
      ),
    )
    .orderBy(asc(paperOrders.seq));
}

/** Cancels every open order and OCO list of the account and releases what they locked. */
export async function cancelAllPaperOrders(db: Db, accountId: string, now: Date): Promise<void> {
  await db
    .update(paperOrders)
    .set({ status: 'canceled', lockedAmount: '0', updatedAt: now })
    .where(and(eq(paperOrders.accountId, accountId), eq(paperOrders.status, 'open')));
  await db
    .update(paperOcoLists)
    .set({ status: 'canceled', lockedAmount: '0', updatedAt: now })
    .where(and(eq(paperOcoLists.accountId, accountId), eq(paperOcoLists.status, 'open')));
}

export async function insertPaperFill(db: Db, fill: NewPaperFill): Promise<PaperFill> {
  const rows = await db.insert(paperFills).values(fill).returning();
  return rows[0]!;
}

/** Fills on `symbol` from `since` (epoch ms, inclusive), oldest first. */
export async function listPaperFills(
  db: Db,
  accountId: string,
  params: { symbol: string; since?: number },
): Promise<PaperFill[]> {
  return db
    .select()
    .from(paperFills)
    .where(
      and(
        eq(paperFills.accountId, accountId),
        eq(paperFills.symbol, params.symbol),
        params.since === undefined ? undefined : gte(paperFills.time, new Date(params.since)),
      ),
    )
    .orderBy(asc(paperFills.time), asc(paperFills.seq));
}
