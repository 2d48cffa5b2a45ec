import {
  claimDueBots,
  finishCycle,
  releaseBot,
  startCycle,
} from '../../lib/db/queries/bot-schedule';
import { insertBotLog } from '../../lib/db/queries/bots';
import type { Bot } from '../../lib/db/schema';
import type { AiDecider } from '../../lib/trading/bot-decision';
import type { TradingDeps } from '../../lib/trading/deps';
import { runBotCycle } from '../../lib/trading/run-bot-cycle';

/** A claimed bot is held this long; a worker that dies mid-cycle loses it after this. */
export const CYCLE_LEASE_MS = 45_000;

/**
 * Claims due bots and runs their cycles, `concurrency` at a time. Each slot is recorded in
 * `bot_cycles` (unique per bot and slot), so a cycle never runs twice for the same slot even if
 * two workers race; the bot is then scheduled for its next slot and released.
 */
export async function runDueBotCycles(
  deps: TradingDeps,
  workerId: string,
  options: {
    batch: number;
    concurrency: number;
    aiDecider?: AiDecider;
    onCycle?: (bot: Bot, outcome: string, ms: number) => void;
  },
): Promise<number> {
  // Claim a small batch at a time and come back for more while bots are due: a worker never
  // hoards due bots that idle workers could be running.
  let total = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const bots = await claimDueBots(deps.db, workerId, options.batch, CYCLE_LEASE_MS);
    total += bots.length;
    const queue = [...bots];
    const lanes = Array.from({ length: Math.min(options.concurrency, queue.length) }, async () => {
      for (let bot = queue.shift(); bot; bot = queue.shift())
        await cycleOne(deps, workerId, bot, options);
    });
    await Promise.all(lanes);
    if (bots.length < options.batch) break;
  }
  return total;
}

/** Rounds of claiming per call before the loop yields to its next tick. */
const MAX_ROUNDS = 50;

async function cycleOne(
  deps: TradingDeps,
  workerId: string,
  bot: Bot,
  options: { aiDecider?: AiDecider; onCycle?: (bot: Bot, outcome: string, ms: number) => void },
): Promise<void> {
  let analysed = false;
  try {
    const slotAt = bot.nextCycleAt ?? deps.now();
    const cycleId = await startCycle(deps.db, bot.id, slotAt, workerId);
    if (!cycleId) return;
    const started = performance.now();
    let result: Parameters<typeof finishCycle>[2];
    try {
      const outcome = await runBotCycle(deps, bot, { aiDecider: options.aiDecider });
      analysed = outcome.outcome !== 'skipped';
      result = { ...outcome, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      result = {
        outcome: 'error',
        message: error instanceof Error ? error.message : String(error),
        durationMs: Math.round(performance.now() - started),
      };
    }
    await finishCycle(deps.db, cycleId, result);
    await logCycle(deps, bot, result);
    options.onCycle?.(bot, result.outcome, result.durationMs);
    await deps.notify({
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
    });
  } finally {
    // Always hand the bot on, even when the database failed mid-cycle; a failed release only
    // means the lease expires and another worker takes the bot.
    await releaseBot(deps.db, bot, workerId, analysed).catch(() => undefined);
  }
}

/** Every cycle leaves one line in the bot's own log, pushed live to its page. */
async function logCycle(
  deps: TradingDeps,
  bot: Bot,
  result: { outcome: string; action?: string; message: string },
) {
  const time = deps.now();
  const level = result.outcome === 'error' ? 'error' : 'info';
  const message = `${result.action ? `${result.action}: ` : ''}${result.message}`;
  await insertBotLog(deps.db, { botId: bot.id, level, message, time });
  await deps.notify({
    type: 'bot:log',
    userId: bot.userId,
    payload: { botId: bot.id, level, message, time: time.toISOString() },
  });
}
