import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import {
  exchangeAccounts,
  paperBalances,
  users,
  type ExchangeAccount,
  type PaperBalance,
} from '../schema';

/**
 * Storage of the paper exchange: accounts and balances here, orders and fills in
 * `paper-orders.ts`, OCO lists in `paper-ocos.ts`. The rules (locks, fills, fees) live in
 * `lib/exchange/paper`; these are plain reads and writes. Functions taking `{ lock: true }` add
 * `for update`: call them inside a transaction, after `lockExchangeAccount`, OCO lists before
 * their legs, orders before balances, balances in asset order.
 */

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
export function balancesUpdate(
  accountId: string,
  balances: readonly BalanceRow[],
  now: Date,
): SQL | null {
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
