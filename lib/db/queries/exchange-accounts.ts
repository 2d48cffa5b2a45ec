import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../client';
import {
  exchangeAccounts,
  type ExchangeAccount,
  type ExchangeAccountSettings,
  type NewExchangeAccount,
} from '../schema';

/** Fields a caller may change on an account (venue and owner are fixed). */
export type ExchangeAccountPatch = Partial<{
  label: string;
  isTestnet: boolean;
  apiKeyCiphertext: string | null;
  apiSecretCiphertext: string | null;
  keyId: string | null;
  settings: ExchangeAccountSettings;
}>;

export async function insertExchangeAccount(
  db: Db,
  account: NewExchangeAccount,
): Promise<ExchangeAccount> {
  const rows = await db.insert(exchangeAccounts).values(account).returning();
  return rows[0]!;
}

export async function findExchangeAccountById(
  db: Db,
  id: string,
): Promise<ExchangeAccount | undefined> {
  const rows = await db.select().from(exchangeAccounts).where(eq(exchangeAccounts.id, id)).limit(1);
  return rows[0];
}

/** The account when it belongs to `userId` (authorization by ownership). */
export async function findUserExchangeAccount(
  db: Db,
  params: { userId: string; id: string },
): Promise<ExchangeAccount | undefined> {
  const rows = await db
    .select()
    .from(exchangeAccounts)
    .where(and(eq(exchangeAccounts.id, params.id), eq(exchangeAccounts.userId, params.userId)))
    .limit(1);
  return rows[0];
}

export async function listExchangeAccounts(db: Db, userId: string): Promise<ExchangeAccount[]> {
  return db
    .select()
    .from(exchangeAccounts)
    .where(eq(exchangeAccounts.userId, userId))
    .orderBy(asc(exchangeAccounts.createdAt), asc(exchangeAccounts.id));
}

/** Every account with stored keys (for the key rotation command). */
export async function listAccountsWithKeys(db: Db): Promise<ExchangeAccount[]> {
  return db
    .select()
    .from(exchangeAccounts)
    .where(ne(exchangeAccounts.venue, 'paper'))
    .orderBy(asc(exchangeAccounts.id));
}

export async function findDefaultExchangeAccount(
  db: Db,
  userId: string,
): Promise<ExchangeAccount | undefined> {
  const rows = await db
    .select()
    .from(exchangeAccounts)
    .where(and(eq(exchangeAccounts.userId, userId), eq(exchangeAccounts.isDefault, true)))
    .limit(1);
  return rows[0];
}

export async function updateExchangeAccount(
  db: Db,
  id: string,
  patch: ExchangeAccountPatch,
): Promise<ExchangeAccount | undefined> {
  const rows = await db
    .update(exchangeAccounts)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(exchangeAccounts.id, id))
    .returning();
  return rows[0];
}

/** Makes `id` the user's only default account; false when the user has no such account. */
export async function setDefaultExchangeAccount(
  db: Db,
  params: { userId: string; id: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const target = await findUserExchangeAccount(tx, params);
    if (!target) return false;
    await tx
      .update(exchangeAccounts)
      .set({ isDefault: false, updatedAt: new Date() })
      .where(and(eq(exchangeAccounts.userId, params.userId), eq(exchangeAccounts.isDefault, true)));
    await tx
      .update(exchangeAccounts)
      .set({ isDefault: true, updatedAt: new Date() })
      .where(eq(exchangeAccounts.id, params.id));
    return true;
  });
}

/** Deletes the user's account (its paper orders, fills and balances go with it). */
export async function deleteExchangeAccount(
  db: Db,
  params: { userId: string; id: string },
): Promise<boolean> {
  const rows = await db
    .delete(exchangeAccounts)
    .where(and(eq(exchangeAccounts.id, params.id), eq(exchangeAccounts.userId, params.userId)))
    .returning({ id: exchangeAccounts.id });
  return rows.length > 0;
}
