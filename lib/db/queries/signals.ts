import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import {
  bots,
  exchangeAccounts,
  signals,
  type Bot,
  type ExchangeAccount,
  type NewSignal,
  type Signal,
} from '../schema';
import type { NotifyArgs } from '../../realtime/emitter-send';
import { aliased, fromRow } from './raw-rows';

/**
 * Stores a signal. With a dedupe key already used by this user, nothing is written and the
 * existing signal is returned with `duplicate: true` (safe under concurrent copies).
 */
export async function insertSignal(
  db: Db,
  signal: NewSignal,
): Promise<{ signal: Signal; duplicate: boolean }> {
  const inserted = await db.insert(signals).values(signal).onConflictDoNothing().returning();
  if (inserted[0]) return { signal: inserted[0], duplicate: false };
  const existing = await db
    .select()
    .from(signals)
    .where(and(eq(signals.userId, signal.userId), eq(signals.dedupeKey, signal.dedupeKey ?? '')))
    .limit(1);
  if (!existing[0]) throw new Error('Signal insert conflicted but no existing signal was found');
  return { signal: existing[0], duplicate: true };
}

/** A claimed signal with the account it trades on and its bot (null when gone / manual). */
export interface ClaimedSignal {
  signal: Signal;
  account: ExchangeAccount | null;
  bot: Bot | null;
}

/**
 * Moves a queued signal to `executing`; null if another process took it or it is not queued.
 * The same statement reads its exchange account and bot (the order path needs both at once).
 */
export async function claimSignal(db: Db, id: string): Promise<ClaimedSignal | null> {
  const rows = await db.execute<Record<string, unknown>>(sql`
    with claimed as (
      update ${signals} set status = 'executing', claimed_at = now()
      where id = ${id} and status = 'queued'
      returning *
    )
    select c.*, ${aliased(exchangeAccounts, 'a', 'a__')}, ${aliased(bots, 'b', 'b__')}
    from claimed c
    left join ${exchangeAccounts} a on a.id = c.exchange_account_id
    left join ${bots} b on b.id = c.bot_id`);
  const row = rows[0];
  if (!row) return null;
  return {
    signal: fromRow(signals, row),
    account: row.a__id ? fromRow(exchangeAccounts, row, 'a__') : null,
    bot: row.b__id ? fromRow(bots, row, 'b__') : null,
  };
}

/**
 * Records a signal's decision. With `notify` (the NOTIFY that reports it, see `captureNotify`),
 * the same statement sends it: one round trip, delivered when the decision commits.
 */
export async function decideSignal(
  db: Db,
  id: string,
  decision: {
    status: 'executed' | 'rejected' | 'failed';
    reason?: string | null;
    riskResults?: unknown;
  },
  now: Date,
  notify?: NotifyArgs | null,
): Promise<Signal> {
  const riskResults =
    decision.riskResults === undefined ? null : JSON.stringify(decision.riskResults);
  const rows = await db.execute<Record<string, unknown>>(sql`
    with decided as (
      update ${signals} set status = ${decision.status}, reason = ${decision.reason ?? null},
        risk_results = coalesce(${riskResults}::jsonb, risk_results),
        decided_at = ${now.toISOString()}::timestamptz
      where id = ${id}
      returning *
    )
    select decided.*${notify ? sql`, pg_notify(${notify.channel}, ${notify.payload}) is null as notified` : sql``}
    from decided`);
  return fromRow(signals, rows[0]!);
}

export async function findSignal(db: Db, id: string): Promise<Signal | undefined> {
  const rows = await db.select().from(signals).where(eq(signals.id, id)).limit(1);
  return rows[0];
}

/** Queued signals, oldest first, claimable by this worker (skips rows another worker holds). */
export async function queuedSignalIds(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: signals.id })
    .from(signals)
    .where(eq(signals.status, 'queued'))
    .orderBy(signals.createdAt)
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * Signals a worker took and never decided (it died, or lost the database mid-way), claimed
 * before `olderThan`: executed when one of their orders filled, else failed. Their orders
 * themselves are settled by reconciliation through their client order ids.
 */
export async function settleStaleSignals(db: Db, olderThanMs: number): Promise<number> {
  const rows = await db.execute(sql`
    update signals s set
      status = case when exists (select 1 from orders o where o.signal_id = s.id and o.status = 'filled') then 'executed'::signal_status else 'failed'::signal_status end,
      reason = 'The worker stopped while executing this signal; reconciliation settled its orders.',
      decided_at = now()
    where s.status = 'executing' and s.claimed_at < now() - (${olderThanMs} || ' milliseconds')::interval
    returning s.id`);
  return rows.length;
}
