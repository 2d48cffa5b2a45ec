import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { bots, exchangeAccounts, users } from '../../schema';

/** An exchange account as an admin may see it: who owns it and whether keys are stored, never the keys. */
export interface AdminAccountRow {
  id: string;
  ownerEmail: string;
  venue: string;
  label: string;
  isTestnet: boolean;
  isDefault: boolean;
  hasKeys: boolean;
  createdAt: string;
}

export async function adminExchangeAccounts(db: Db): Promise<AdminAccountRow[]> {
  const rows = await db
    .select({
      id: exchangeAccounts.id,
      ownerEmail: users.email,
      venue: exchangeAccounts.venue,
      label: exchangeAccounts.label,
      isTestnet: exchangeAccounts.isTestnet,
      isDefault: exchangeAccounts.isDefault,
      hasKeys: sql<boolean>`${exchangeAccounts.apiKeyCiphertext} is not null`,
      createdAt: exchangeAccounts.createdAt,
    })
    .from(exchangeAccounts)
    .innerJoin(users, eq(users.id, exchangeAccounts.userId))
    .orderBy(users.email, exchangeAccounts.createdAt);
  return rows.map((r) => ({
    ...r,
    hasKeys: Boolean(r.hasKeys),
    createdAt: r.createdAt.toISOString(),
  }));
}

export interface AdminBotRow {
  id: string;
  name: string;
  ownerEmail: string;
  symbol: string;
  timeframe: string;
  strategyKind: string;
  strategyId: string;
  status: string;
  venue: string;
  lastCycleAt: string | null;
  nextCycleAt: string | null;
}

export async function adminBots(db: Db): Promise<AdminBotRow[]> {
  const rows = await db
    .select({
      id: bots.id,
      name: bots.name,
      ownerEmail: users.email,
      symbol: bots.symbol,
      timeframe: bots.timeframe,
      strategyKind: bots.strategyKind,
      strategyId: bots.strategyId,
      status: bots.status,
      venue: exchangeAccounts.venue,
      lastCycleAt: bots.lastCycleAt,
      nextCycleAt: bots.nextCycleAt,
    })
    .from(bots)
    .innerJoin(users, eq(users.id, bots.userId))
    .innerJoin(exchangeAccounts, eq(exchangeAccounts.id, bots.exchangeAccountId))
    .orderBy(desc(bots.createdAt))
    .limit(500);
  return rows.map((r) => ({
    ...r,
    lastCycleAt: r.lastCycleAt?.toISOString() ?? null,
    nextCycleAt: r.nextCycleAt?.toISOString() ?? null,
  }));
}
