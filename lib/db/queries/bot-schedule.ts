import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { botCycles, bots, type Bot } from '../schema';

/**
 * Claims up to `limit` running bots whose cycle is due and whose lease is free or expired, for
 * `workerId` until `leaseMs` from now. `FOR UPDATE SKIP LOCKED`: concurrent workers claim
 * disjoint sets; a dead worker's lease expires and another worker takes the bot over.
 */
export async function claimDueBots(
  db: Db,
  workerId: string,
  limit: number,
  leaseMs: number,
): Promise<Bot[]> {
  return db
    .update(bots)
    .set({
      leaseOwner: workerId,
      leaseUntil: sql`now() + (${leaseMs} || ' milliseconds')::interval`,
    })
    .where(
      sql`${bots.id} in (
        select id from ${bots}
        where status = 'running' and next_cycle_at <= now() and (lease_until is null or lease_until < now())
        order by next_cycle_at
        limit ${limit}
        for update skip locked
      )`,
    )
    .returning();
}

/** Cycles left `running` by a worker that died (older than the lease) become errors. */
export async function sweepLostCycles(db: Db, leaseMs: number): Promise<void> {
  await db
    .update(botCycles)
    .set({
      outcome: 'error',
      message: 'The worker running this cycle stopped.',
      finishedAt: sql`now()`,
    })
    .where(
      and(
        eq(botCycles.outcome, 'running'),
        sql`${botCycles.startedAt} < now() - (${leaseMs} || ' milliseconds')::interval`,
      ),
    );
}

/** Records the start of the cycle for `slotAt`; false when that slot already ran (never twice). */
export async function startCycle(
  db: Db,
  botId: string,
  slotAt: Date,
  workerId: string,
): Promise<string | null> {
  const rows = await db
    .insert(botCycles)
    .values({ botId, slotAt, workerId })
    .onConflictDoNothing()
    .returning({ id: botCycles.id });
  return rows[0]?.id ?? null;
}

export async function finishCycle(
  db: Db,
  cycleId: string,
  result: {
    outcome: 'decided' | 'managed' | 'skipped' | 'error';
    action?: string;
    signalId?: string;
    message: string;
    durationMs: number;
  },
): Promise<void> {
  await db
    .update(botCycles)
    .set({
      outcome: result.outcome,
      action: result.action ?? null,
      signalId: result.signalId ?? null,
      message: result.message.slice(0, 2000),
      durationMs: result.durationMs,
      finishedAt: new Date(),
    })
    .where(eq(botCycles.id, cycleId));
}

/**
 * Schedules the next slot and frees the lease (only if we still hold it). The next slot is the
 * first one after now on the bot's grid, so a long outage does not replay missed cycles.
 */
export async function releaseBot(
  db: Db,
  bot: Bot,
  workerId: string,
  analysed: boolean,
): Promise<void> {
  const interval = bot.intervalSeconds * 1000;
  const slot = bot.nextCycleAt?.getTime() ?? Date.now();
  const next = slot + Math.max(1, Math.ceil((Date.now() - slot + 1) / interval)) * interval;
  await db
    .update(bots)
    .set({
      nextCycleAt: new Date(next),
      leaseOwner: null,
      leaseUntil: null,
      lastCycleAt: new Date(),
      ...(analysed ? { lastAnalysisAt: new Date() } : {}),
    })
    .where(and(eq(bots.id, bot.id), eq(bots.leaseOwner, workerId)));
}
