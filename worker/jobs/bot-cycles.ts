import {
  claimDueBots,
  finishCycle,
  releaseBot,
  startCycle,
  type ClaimedBot,
  type CycleResultRow,
} from '../../lib/db/queries/bot-schedule';
import type { Bot } from '../../lib/db/schema';
import type { NotifyArgs } from '../../lib/realtime/emitter-send';
import type { PriceTicks } from '../../lib/realtime/price-ticks';
import type { AiDecider } from '../../lib/trading/bot-decision';
import type { TradingDeps, TradingEvent } from '../../lib/trading/deps';
import { runBotCycle, type CyclePrice } from '../../lib/trading/run-bot-cycle';

/** A claimed bot is held this long; a worker that dies mid-cycle loses it after this. */
export const CYCLE_LEASE_MS = 45_000;

/** Bots per claim statement. */
export const CYCLE_BATCH = 6;

export interface BotCycleOptions {
  /** Bots claimed per statement (a worker never hoards due bots idle workers could run). */
  batch: number;
  /**
   * Cycles in flight at once in this process (production: `WORKER_CYCLE_LANES`, default 3).
   * With every read prefetched and the paper venue in PostgreSQL a cycle is mostly CPU: on two
   * cores three lanes drain a slot about as fast as six, and each cycle waits less behind the
   * others' JavaScript (an order path alone ~20 ms; with six in flight ~70–100 ms, with three
   * ~35–60 ms; BENCHMARKS.md "Bot cycles"). Cycles that wait on a remote venue can use more.
   */
  concurrency: number;
  aiDecider?: AiDecider;
  /** Live prices for the browsers: the last close each cycle decided on. */
  priceTicks?: PriceTicks;
  /**
   * The NOTIFY an event would be (production: `notifyArgsOf`): the cycle's own events then go
   * out in its finish statement instead of two more round trips through `deps.notify`.
   */
  encodeEvent?: (event: TradingEvent) => NotifyArgs | null;
  onCycle?: (bot: Bot, outcome: string, ms: number) => void;
}

/**
 * Claims due bots and runs their cycles, `concurrency` at a time. Each slot is recorded in
 * `bot_cycles` (unique per bot and slot), so a cycle never runs twice for the same slot even if
 * two workers race; the bot is then scheduled for its next slot and released.
 *
 * Database round trips per cycle: the claim (one statement per batch, with the bots' accounts
 * and risk settings), the start (the `bot_cycles` row and the bot's positions in one statement)
 * and the finish (result, log line, next slot and lease in one statement); orders add theirs.
 */
export async function runDueBotCycles(
  deps: TradingDeps,
  workerId: string,
  options: BotCycleOptions,
): Promise<number> {
  // Lanes pull from a queue refilled by one claim at a time, as soon as it runs short: no lane
  // waits for the slowest cycle of a batch, and claims stay small.
  let total = 0;
  let rounds = 0;
  let exhausted = false;
  let failure: Error | undefined;
  let claiming: Promise<void> | null = null;
  const queue: ClaimedBot[] = [];
  const refill = (): Promise<void> =>
    (claiming ??= (async () => {
      try {
        const claimed = await claimDueBots(deps.db, workerId, options.batch, CYCLE_LEASE_MS);
        rounds += 1;
        total += claimed.length;
        queue.push(...claimed);
        if (claimed.length < options.batch || rounds >= MAX_ROUNDS) exhausted = true;
      } catch (error) {
        failure ??= asError(error);
        exhausted = true;
      } finally {
        claiming = null;
      }
    })());
  const lane = async () => {
    for (;;) {
      if (queue.length < options.concurrency && !exhausted) void refill();
      const next = queue.shift();
      if (!next) {
        if (!claiming) return;
        await claiming;
        continue;
      }
      try {
        await cycleOne(deps, workerId, next, options);
      } catch (error) {
        failure ??= asError(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
  // The first failure (the database went away…) reaches the loop's error report.
  if (failure !== undefined) throw failure;
  return total;
}

const asError = (error: unknown): Error =>
  error instanceof Error ? error : new Error(String(error));

/** Claims per call before the loop yields to its next tick. */
const MAX_ROUNDS = 200;

async function cycleOne(
  deps: TradingDeps,
  workerId: string,
  { bot, account, riskSettings }: ClaimedBot,
  options: BotCycleOptions,
): Promise<void> {
  let analysed = false;
  let cycleId: string | null = null;
  try {
    // `duration_ms` covers the cycle's own database reads (its start) and its work, not the
    // finish statement that records it.
    const started = performance.now();
    const slotAt = bot.nextCycleAt ?? deps.now();
    const start = await startCycle(deps.db, bot.id, slotAt, workerId);
    cycleId = start.cycleId;
    if (!cycleId) {
      await finishCycle(deps.db, {
        bot,
        workerId,
        cycleId,
        result: SLOT_DONE,
        log: null,
        analysed,
      });
      return;
    }
    let result: CycleResultRow;
    let price: CyclePrice | undefined;
    try {
      const outcome = await runBotCycle(deps, bot, {
        aiDecider: options.aiDecider,
        prefetched: { account, riskSettings, positions: start },
      });
      analysed = outcome.outcome !== 'skipped';
      if ('price' in outcome) price = outcome.price;
      result = { ...outcome, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      result = {
        outcome: 'error',
        message: error instanceof Error ? error.message : String(error),
        durationMs: Math.round(performance.now() - started),
      };
    }
    // Every cycle leaves one line in the bot's own log, pushed live to its page.
    const log = {
      level: result.outcome === 'error' ? ('error' as const) : ('info' as const),
      message: `${result.action ? `${result.action}: ` : ''}${result.message}`,
      time: deps.now(),
    };
    const events: TradingEvent[] = [
      {
        type: 'cycle:finished',
        userId: bot.userId,
        payload: {
          botId: bot.id,
          cycleId,
          outcome: result.outcome,
          action: result.action ?? null,
          signalId: result.signalId ?? null,
          durationMs: result.durationMs,
          message: result.message,
          at: deps.now().toISOString(),
        },
      },
      {
        type: 'bot:log',
        userId: bot.userId,
        payload: { ...log, botId: bot.id, time: log.time.toISOString() },
      },
    ];
    const encoded = events.map((event) => options.encodeEvent?.(event) ?? null);
    await finishCycle(deps.db, {
      bot,
      workerId,
      cycleId,
      result,
      log,
      analysed,
      notify: encoded.filter((n) => n !== null),
    });
    options.onCycle?.(bot, result.outcome, result.durationMs);
    await Promise.all([
      ...events.filter((_, i) => encoded[i] === null).map((event) => deps.notify(event)),
      price &&
        options.priceTicks?.offer(bot.userId, {
          accountId: account.id,
          venue: account.venue,
          symbol: bot.symbol,
          price: String(price.price),
          time: new Date(price.time).toISOString(),
        }),
    ]);
  } catch (error) {
    // The database failed mid-cycle: still try to hand the bot on; if that fails too, the lease
    // expires and another worker takes the bot.
    await releaseBot(deps.db, bot, workerId, analysed).catch(() => undefined);
    throw error;
  }
}

/** The slot already ran (another worker got there first): only the bot is handed on. */
const SLOT_DONE: CycleResultRow = {
  outcome: 'skipped',
  message: 'Slot already ran.',
  durationMs: 0,
};
