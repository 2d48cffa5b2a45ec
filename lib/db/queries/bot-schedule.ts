import { and, eq, sql } from 'drizzle-orm';
import { TRACK_RECORD_SIZE } from '../../core/metrics';
import type { Db } from '../client';
import { aliased, fromRow } from './raw-rows';
import {
  botCycles,
  botLogs,
  bots,
  exchangeAccounts,
  positions,
  riskSettings,
  type Bot,
  type ExchangeAccount,
  type Position,
} from '../schema';

/** A claimed bot with what its cycles read once per claim: its account and its user's risk settings. */
export interface ClaimedBot {
  bot: Bot;
  account: ExchangeAccount;
  riskSettings: { policy: Record<string, unknown>; killSwitch: boolean };
}

/**
 * Claims up to `limit` running bots whose cycle is due and whose lease is free or expired, for
 * `workerId` until `leaseMs` from now. `FOR UPDATE SKIP LOCKED`: concurrent workers claim
 * disjoint sets; a dead worker's lease expires and another worker takes the bot over. One
 * statement returns the bot rows with their accounts and risk settings (read once per claim).
 */
export async function claimDueBots(
  db: Db,
  workerId: string,
  limit: number,
  leaseMs: number,
): Promise<ClaimedBot[]> {
  const rows = await db.execute<Record<string, unknown>>(sql`
    with claimed as (
      update ${bots} set lease_owner = ${workerId},
        lease_until = now() + (${leaseMs} || ' milliseconds')::interval
      where id in (
        select id from ${bots}
        where status = 'running' and next_cycle_at <= now()
          and (lease_until is null or lease_until < now())
        order by next_cycle_at
        limit ${limit}
        for update skip locked
      )
      returning *
    )
    select c.*, ${aliased(exchangeAccounts, 'a', 'a__')},
      rs.policy as rs__policy, rs.kill_switch as rs__kill_switch
    from claimed c
    join ${exchangeAccounts} a on a.id = c.exchange_account_id
    left join ${riskSettings} rs on rs.user_id = c.user_id
    order by c.next_cycle_at`);
  return rows.map((row) => ({
    bot: fromRow(bots, row),
    account: fromRow(exchangeAccounts, row, 'a__'),
    riskSettings: {
      policy: (row.rs__policy as Record<string, unknown> | null) ?? {},
      killSwitch: row.rs__kill_switch === true,
    },
  }));
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

/** What a cycle starts from: its `bot_cycles` id (null when that slot already ran) and positions. */
export interface CycleStart {
  cycleId: string | null;
  /** The bot's open (or closing) positions, oldest first. */
  open: Position[];
  /** Its last `TRACK_RECORD_SIZE` closed positions, newest first (its track record). */
  closed: Position[];
}

/**
 * Records the start of the cycle for `slotAt` (the unique bot and slot makes a second run
 * impossible: `cycleId` is null then) and, in the same statement, reads the bot's positions.
 */
export async function startCycle(
  db: Db,
  botId: string,
  slotAt: Date,
  workerId: string,
): Promise<CycleStart> {
  const rows = await db.execute<Record<string, unknown>>(sql`
    with started as (
      insert into ${botCycles} (bot_id, slot_at, worker_id)
      values (${botId}, ${slotAt.toISOString()}::timestamptz, ${workerId})
      on conflict do nothing
      returning id
    )
    select (select id from started) as cycle__id, p.*
    from (select 1) one
    left join lateral (
      (select * from ${positions} where bot_id = ${botId} and status in ('open', 'closing')
        order by opened_at)
      union all
      (select * from ${positions}
        where bot_id = ${botId} and status = 'closed' and closed_at is not null
        order by closed_at desc limit ${TRACK_RECORD_SIZE})
    ) p on exists (select 1 from started)`);
  const cycleId = (rows[0]?.cycle__id as string | null | undefined) ?? null;
  const found = cycleId ? rows.filter((r) => r.id).map((r) => fromRow(positions, r)) : [];
  return {
    cycleId,
    open: found.filter((p) => p.status !== 'closed'),
    closed: found.filter((p) => p.status === 'closed'),
  };
}

export interface CycleResultRow {
  outcome: 'decided' | 'managed' | 'skipped' | 'error';
  action?: string;
  signalId?: string;
  message: string;
  durationMs: number;
}

/**
 * Ends a cycle in one statement: the `bot_cycles` row gets its result, the bot's log its line,
 * the bot its next slot with the lease freed (see `releaseBot`), and the live events their
 * NOTIFYs (`pg_notify(channel, payload)` pairs, delivered on commit). `cycleId` null: the slot
 * had already run, only the bot is released.
 */
export async function finishCycle(
  db: Db,
  params: {
    bot: Bot;
    workerId: string;
    cycleId: string | null;
    result: CycleResultRow;
    log: { level: 'info' | 'error'; message: string; time: Date } | null;
    analysed: boolean;
    notify?: { channel: string; payload: string }[];
  },
): Promise<void> {
  const { bot, result } = params;
  const now = new Date();
  const next = nextSlot(bot, now.getTime());
  const finish = params.cycleId
    ? sql`finished as (
        update ${botCycles} set outcome = ${result.outcome}, action = ${result.action ?? null},
          signal_id = ${result.signalId ?? null}, message = ${result.message.slice(0, 2000)},
          duration_ms = ${result.durationMs}, finished_at = ${now.toISOString()}::timestamptz
        where id = ${params.cycleId}
      ),`
    : sql``;
  const log = params.log
    ? sql`logged as (
        insert into ${botLogs} (bot_id, level, message, time)
        values (${bot.id}, ${params.log.level}, ${params.log.message.slice(0, 2000)},
          ${params.log.time.toISOString()}::timestamptz)
      ),`
    : sql``;
  const notify = params.notify ?? [];
  // Data-modifying CTEs always run; the main query sends the NOTIFYs (or nothing).
  const main =
    notify.length > 0
      ? sql`select pg_notify(n.channel, n.payload) from (values ${sql.join(
          notify.map((n) => sql`(${n.channel}::text, ${n.payload}::text)`),
          sql`, `,
        )}) as n(channel, payload)`
      : sql`select 1`;
  await db.execute(sql`
    with ${finish} ${log} released as (
      update ${bots} set next_cycle_at = ${new Date(next).toISOString()}::timestamptz,
        lease_owner = null, lease_until = null, last_cycle_at = ${now.toISOString()}::timestamptz,
        last_analysis_at = ${params.analysed ? sql`${now.toISOString()}::timestamptz` : sql`last_analysis_at`}
      where id = ${bot.id} and lease_owner = ${params.workerId}
    )
    ${main}`);
}

/** The first slot after `now` on the bot's grid, so a long outage does not replay missed cycles. */
function nextSlot(bot: Bot, now: number): number {
  const interval = bot.intervalSeconds * 1000;
  const slot = bot.nextCycleAt?.getTime() ?? now;
  return slot + Math.max(1, Math.ceil((now - slot + 1) / interval)) * interval;
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
  const next = nextSlot(bot, Date.now());
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
