import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { backtests, type Backtest, type BacktestStatus, type NewBacktest } from '../schema';

/** The columns a list shows (no curves or trades: those can be large). */
const summaryColumns = {
  id: backtests.id,
  name: backtests.name,
  status: backtests.status,
  strategyId: backtests.strategyId,
  strategyParams: backtests.strategyParams,
  venue: backtests.venue,
  symbol: backtests.symbol,
  timeframe: backtests.timeframe,
  dataSource: backtests.dataSource,
  mode: backtests.mode,
  rangeFrom: backtests.rangeFrom,
  rangeTo: backtests.rangeTo,
  progress: backtests.progress,
  error: backtests.error,
  metrics: backtests.metrics,
  tradeCount: backtests.tradeCount,
  createdAt: backtests.createdAt,
  startedAt: backtests.startedAt,
  finishedAt: backtests.finishedAt,
};

export type BacktestSummaryRow = Pick<Backtest, keyof typeof summaryColumns>;

export async function insertBacktest(db: Db, values: NewBacktest): Promise<Backtest> {
  const [row] = await db.insert(backtests).values(values).returning();
  return row!;
}

/** A user's runs, newest first, without the heavy result columns. */
export function listBacktests(db: Db, userId: string, limit = 100): Promise<BacktestSummaryRow[]> {
  return db
    .select(summaryColumns)
    .from(backtests)
    .where(eq(backtests.userId, userId))
    .orderBy(desc(backtests.createdAt))
    .limit(limit);
}

/** One run of a user (null when missing or someone else's). */
export async function findBacktest(db: Db, userId: string, id: string): Promise<Backtest | null> {
  const [row] = await db
    .select()
    .from(backtests)
    .where(and(eq(backtests.id, id), eq(backtests.userId, userId)));
  return row ?? null;
}

/** Several runs of a user (comparison), in the order asked for. */
export async function findBacktests(db: Db, userId: string, ids: string[]): Promise<Backtest[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(backtests)
    .where(and(inArray(backtests.id, ids), eq(backtests.userId, userId)));
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}

export async function deleteBacktest(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(backtests)
    .where(and(eq(backtests.id, id), eq(backtests.userId, userId)))
    .returning({ id: backtests.id });
  return rows.length > 0;
}

/** Marks a queued or running run cancelled; returns the row when it was one of those. */
export async function cancelBacktest(db: Db, userId: string, id: string): Promise<Backtest | null> {
  const [row] = await db
    .update(backtests)
    .set({ status: 'cancelled', finishedAt: sql`now()`, leaseOwner: null, leaseUntil: null })
    .where(
      and(
        eq(backtests.id, id),
        eq(backtests.userId, userId),
        inArray(backtests.status, ['queued', 'running']),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * Claims the oldest queued run (or a running one whose lease expired: its worker died) for
 * `owner` until `now + leaseMs`. `FOR UPDATE SKIP LOCKED` lets many workers claim at once
 * without waiting on each other or taking the same run.
 */
export async function claimBacktest(
  db: Db,
  owner: string,
  now: Date,
  leaseMs: number,
): Promise<Backtest | null> {
  const until = new Date(now.getTime() + leaseMs);
  const rows = await db.execute<{ id: string }>(sql`
    update ${backtests}
    set status = 'running', lease_owner = ${owner}, lease_until = ${until.toISOString()},
        started_at = ${now.toISOString()}, progress = 0
    where id = (
      select id from ${backtests}
      where status = 'queued' or (status = 'running' and lease_until < ${now.toISOString()})
      order by created_at
      limit 1
      for update skip locked
    )
    returning id`);
  const id = rows[0]?.id;
  if (!id) return null;
  const [row] = await db.select().from(backtests).where(eq(backtests.id, id));
  return row ?? null;
}

/** The status of a run (null when deleted): what a running job polls to see a cancel. */
export async function backtestStatusOf(db: Db, id: string): Promise<BacktestStatus | null> {
  const [row] = await db
    .select({ status: backtests.status })
    .from(backtests)
    .where(eq(backtests.id, id));
  return row?.status ?? null;
}

/** Progress of a run this worker holds; extends the lease. False when no longer held (cancelled, deleted). */
export async function touchBacktest(
  db: Db,
  id: string,
  owner: string,
  progress: number,
  leaseUntil: Date,
): Promise<boolean> {
  const rows = await db
    .update(backtests)
    .set({ progress, leaseUntil })
    .where(
      and(eq(backtests.id, id), eq(backtests.leaseOwner, owner), eq(backtests.status, 'running')),
    )
    .returning({ id: backtests.id });
  return rows.length > 0;
}

/** Ends a run this worker holds (completed with its result, or failed); false when it was cancelled meanwhile. */
export async function finishBacktest(
  db: Db,
  id: string,
  owner: string,
  values: Partial<NewBacktest> & { status: 'completed' | 'failed' },
): Promise<boolean> {
  const rows = await db
    .update(backtests)
    .set({ ...values, finishedAt: sql`now()`, leaseOwner: null, leaseUntil: null })
    .where(
      and(eq(backtests.id, id), eq(backtests.leaseOwner, owner), eq(backtests.status, 'running')),
    )
    .returning({ id: backtests.id });
  return rows.length > 0;
}
