import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import {
  exchangeAccounts,
  paperBalances,
  paperFills,
  paperOcoLists,
  paperOrders,
  users,
  type ExchangeAccount,
  type NewPaperFill,
  type NewPaperOcoList,
  type NewPaperOrder,
  type PaperBalance,
  type PaperFill,
  type PaperOcoList,
  type PaperOrder,
} from '../schema';
import { aliased, fromRow } from './raw-rows';

/**
 * Storage of the paper exchange. The rules (locks, fills, fees) live in `lib/exchange/paper`;
 * these are plain reads and writes. Functions taking `{ lock: true }` add `for update`: call
 * them inside a transaction, after `lockExchangeAccount`, OCO lists before their legs, orders
 * before balances, balances in asset order.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PaperOrderRef = { id: string } | { clientOrderId: string };
export type PaperOcoRef = { id: string } | { clientOcoId: string };
type Lock = { lock?: boolean };

/**
 * The user's paper account, created with its starting balance the first time (idempotent, safe
 * under concurrent calls). It becomes the default account when the user has none.
 */
export async function ensurePaperAccount(
  db: Db,
  userId: string,
  options: { startingBalance?: string; quote?: string } = {},
): Promise<ExchangeAccount> {
  const startingBalance = options.startingBalance ?? '10000';
  const quote = options.quote ?? 'USDT';
  const findPaper = async (tx: Db) =>
    (
      await tx
        .select()
        .from(exchangeAccounts)
        .where(and(eq(exchangeAccounts.userId, userId), eq(exchangeAccounts.venue, 'paper')))
        .limit(1)
    )[0];
  const found = await findPaper(db);
  if (found) return found;
  return db.transaction(async (tx) => {
    // Concurrent first calls queue on the user's row, so the second finds the first's account
    // (the insert alone could also collide on "one default account per user" and fail).
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    const existing = await findPaper(tx);
    if (existing) return existing;
    const defaults = await tx
      .select({ id: exchangeAccounts.id })
      .from(exchangeAccounts)
      .where(and(eq(exchangeAccounts.userId, userId), eq(exchangeAccounts.isDefault, true)))
      .limit(1);
    const [created] = await tx
      .insert(exchangeAccounts)
      .values({
        userId,
        venue: 'paper',
        label: 'Paper',
        isDefault: defaults.length === 0,
        settings: { startingBalance, quote },
      })
      .onConflictDoNothing({ target: exchangeAccounts.userId, where: sql`venue = 'paper'` })
      .returning();
    if (!created) return (await findPaper(tx))!;
    await tx
      .insert(paperBalances)
      .values({ accountId: created.id, asset: quote, free: startingBalance, locked: '0' });
    return created;
  });
}

/**
 * Locks the account row: `key share` for ordinary paper work (many at once), `update` for a
 * reset, which so waits for work in flight and keeps new work out until it commits.
 */
export async function lockExchangeAccount(
  db: Db,
  id: string,
  strength: 'update' | 'key share' = 'update',
): Promise<ExchangeAccount | undefined> {
  const rows = await db
    .select()
    .from(exchangeAccounts)
    .where(eq(exchangeAccounts.id, id))
    .for(strength);
  return rows[0];
}

export async function listPaperBalances(db: Db, accountId: string): Promise<PaperBalance[]> {
  return db
    .select()
    .from(paperBalances)
    .where(eq(paperBalances.accountId, accountId))
    .orderBy(asc(paperBalances.asset));
}

/** Locks the balance rows of `assets` (created at zero when missing), in asset order. */
export async function lockPaperBalances(
  db: Db,
  accountId: string,
  assets: readonly string[],
): Promise<Map<string, PaperBalance>> {
  const unique = [...new Set(assets)].sort();
  // Insert first, then lock in asset order: locking the existing rows first and inserting a
  // missing one after would take the locks out of order and deadlock concurrent orders.
  await db
    .insert(paperBalances)
    .values(unique.map((asset) => ({ accountId, asset })))
    .onConflictDoNothing();
  return selectBalancesForUpdate(db, accountId, unique);
}

/**
 * The opening of a paper transaction that places orders, in two statements: the account row
 * locked `key share` (as `lockExchangeAccount`) with the missing balance rows of `assets`
 * created at zero, then those rows locked in asset order (the order `lockPaperBalances` keeps).
 * `venue` is undefined when there is no such account (then nothing was created).
 */
export async function lockAccountAndBalances(
  db: Db,
  accountId: string,
  assets: readonly string[],
): Promise<{ venue: string | undefined; balances: Map<string, PaperBalance> }> {
  const unique = [...new Set(assets)].sort();
  const values = sql.join(
    unique.map((asset) => sql`(${asset})`),
    sql`, `,
  );
  const rows = await db.execute<{ venue: string }>(sql`
    with account as (
      select venue from ${exchangeAccounts} where id = ${accountId} for key share
    ), missing as (
      insert into ${paperBalances} (account_id, asset)
      select ${accountId}::uuid, v.asset from (values ${values}) as v(asset)
      where exists (select 1 from account)
      on conflict do nothing
    )
    select venue::text as venue from account`);
  const venue = rows[0]?.venue;
  if (venue === undefined) return { venue, balances: new Map() };
  return { venue, balances: await selectBalancesForUpdate(db, accountId, unique) };
}

async function selectBalancesForUpdate(
  db: Db,
  accountId: string,
  sortedAssets: readonly string[],
): Promise<Map<string, PaperBalance>> {
  const rows = await db
    .select()
    .from(paperBalances)
    .where(
      and(eq(paperBalances.accountId, accountId), inArray(paperBalances.asset, [...sortedAssets])),
    )
    .orderBy(asc(paperBalances.asset))
    .for('update');
  return new Map(rows.map((row) => [row.asset, row]));
}

export interface BalanceRow {
  asset: string;
  free: string;
  locked: string;
}

/** `update … from (values …)` of several assets of one account; null when there is none. */
function balancesUpdate(accountId: string, balances: readonly BalanceRow[], now: Date): SQL | null {
  if (balances.length === 0) return null;
  const rows = sql.join(
    balances.map((b) => sql`(${b.asset}, ${b.free}::numeric, ${b.locked}::numeric)`),
    sql`, `,
  );
  return sql`
    update ${paperBalances} as b
    set free = v.free, locked = v.locked, updated_at = ${now.toISOString()}::timestamptz
    from (values ${rows}) as v(asset, free, locked)
    where b.account_id = ${accountId} and b.asset = v.asset`;
}

/** Writes the free and locked amounts of several assets of one account in one statement. */
export async function writePaperBalances(
  db: Db,
  accountId: string,
  balances: readonly BalanceRow[],
  now: Date,
): Promise<void> {
  const update = balancesUpdate(accountId, balances, now);
  if (update) await db.execute(update);
}

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

/** Drops every balance of the account and leaves `amount` of `asset`. */
export async function replacePaperBalances(
  db: Db,
  params: { accountId: string; asset: string; amount: string; now: Date },
): Promise<void> {
  await db.delete(paperBalances).where(eq(paperBalances.accountId, params.accountId));
  await db.insert(paperBalances).values({
    accountId: params.accountId,
    asset: params.asset,
    free: params.amount,
    locked: '0',
    updatedAt: params.now,
  });
}

function orderRefWhere(accountId: string, ref: PaperOrderRef): SQL | null {
  if ('id' in ref) {
    if (!UUID.test(ref.id)) return null;
    return and(eq(paperOrders.accountId, accountId), eq(paperOrders.id, ref.id))!;
  }
  return and(
    eq(paperOrders.accountId, accountId),
    eq(paperOrders.clientOrderId, ref.clientOrderId),
  )!;
}

export async function findPaperOrder(
  db: Db,
  accountId: string,
  ref: PaperOrderRef,
  options: Lock = {},
): Promise<PaperOrder | undefined> {
  const where = orderRefWhere(accountId, ref);
  if (!where) return undefined;
  const query = db.select().from(paperOrders).where(where).limit(1);
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

/** The legs of an OCO list, take-profit first. */
export async function listPaperOcoLegs(
  db: Db,
  ocoId: string,
  options: Lock = {},
): Promise<PaperOrder[]> {
  const query = db
    .select()
    .from(paperOrders)
    .where(eq(paperOrders.ocoId, ocoId))
    .orderBy(sql`${paperOrders.ocoLeg} = 'stop-loss'`, asc(paperOrders.seq));
  return options.lock ? query.for('update') : query;
}

/** Every leg of the given OCO lists (any status), take-profit first within a list. */
export async function listLegsOfPaperOcos(
  db: Db,
  ocoIds: readonly string[],
): Promise<PaperOrder[]> {
  if (ocoIds.length === 0) return [];
  return db
    .select()
    .from(paperOrders)
    .where(inArray(paperOrders.ocoId, [...ocoIds]))
    .orderBy(paperOrders.ocoId, sql`${paperOrders.ocoLeg} = 'stop-loss'`, asc(paperOrders.seq));
}

/**
 * Moves `checked_until` of open OCO lists forward in one statement, each only while it is still
 * the value the caller read (`from`): a list another matcher booked or triggered meanwhile (which
 * always moves it) or that was cancelled is left as it is.
 */
export async function advancePaperOcoChecks(
  db: Db,
  checks: readonly { id: string; from: Date; to: Date }[],
): Promise<void> {
  if (checks.length === 0) return;
  const rows = sql.join(
    checks.map(
      (c) =>
        sql`(${c.id}::uuid, ${c.from.toISOString()}::timestamptz, ${c.to.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    update ${paperOcoLists} as l set checked_until = v.to_checked
    from (values ${rows}) as v(id, from_checked, to_checked)
    where l.id = v.id and l.status = 'open' and l.checked_until = v.from_checked`);
}

export async function findPaperOco(
  db: Db,
  accountId: string,
  ref: PaperOcoRef,
  options: Lock = {},
): Promise<PaperOcoList | undefined> {
  if ('id' in ref && !UUID.test(ref.id)) return undefined;
  const match =
    'id' in ref ? eq(paperOcoLists.id, ref.id) : eq(paperOcoLists.clientOcoId, ref.clientOcoId);
  const query = db
    .select()
    .from(paperOcoLists)
    .where(and(eq(paperOcoLists.accountId, accountId), match))
    .limit(1);
  const rows = options.lock ? await query.for('update') : await query;
  return rows[0];
}

/** An OCO list with its legs (take-profit first), read in one statement. */
export async function findPaperOcoWithLegs(
  db: Db,
  accountId: string,
  ref: PaperOcoRef,
): Promise<{ oco: PaperOcoList; legs: PaperOrder[] } | undefined> {
  if ('id' in ref && !UUID.test(ref.id)) return undefined;
  const match = 'id' in ref ? sql`l.id = ${ref.id}` : sql`l.client_oco_id = ${ref.clientOcoId}`;
  const rows = await db.execute<Record<string, unknown>>(sql`
    select ${aliased(paperOcoLists, 'l', 'l__')}, ${aliased(paperOrders, 't', 't__')}
    from ${paperOcoLists} l left join ${paperOrders} t on t.oco_id = l.id
    where l.account_id = ${accountId} and ${match}
    order by t.oco_leg = 'stop-loss', t.seq`);
  if (rows.length === 0) return undefined;
  return {
    oco: fromRow(paperOcoLists, rows[0]!, 'l__'),
    legs: rows.filter((row) => row.t__id).map((row) => fromRow(paperOrders, row, 't__')),
  };
}

export async function updatePaperOco(
  db: Db,
  id: string,
  patch: Partial<Omit<NewPaperOcoList, 'id' | 'accountId'>>,
): Promise<PaperOcoList> {
  const rows = await db
    .update(paperOcoLists)
    .set(patch)
    .where(eq(paperOcoLists.id, id))
    .returning();
  return rows[0]!;
}

export async function listOpenPaperOcos(db: Db, accountId: string): Promise<PaperOcoList[]> {
  return db
    .select()
    .from(paperOcoLists)
    .where(and(eq(paperOcoLists.accountId, accountId), eq(paperOcoLists.status, 'open')))
    .orderBy(asc(paperOcoLists.seq));
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
