import { claimDueBots, finishCycle, releaseBot, startCycle } from '../../lib/db/queries/bot-schedule';
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
  options: { batch: number; concurrency: number; aiDecider?: AiDecider; onCycle?: (bot: Bot, outcome: string, ms: number) => void },
): Promise<number> {
  const bots = await claimDueBots(deps.db, workerId, options.batch, CYCLE_LEASE_MS);
  const queue = [...bots];
  const workers = Array.from({ length: Math.min(options.concurrency, queue.length) }, async () => {
    for (let bot = queue.shift(); bot; bot = queue.shift()) await cycleOne(deps, workerId, bot, options);
  });
  await Promise.all(workers);
  return bots.length;
}

async function cycleOne(
  deps: TradingDeps,
  workerId: string,
  bot: Bot,
  options: { aiDecider?: AiDecider; onCycle?: (bot: Bot, outcome: string, ms: number) => void },
): Promise<void> {
  const slotAt = bot.nextCycleAt ?? deps.now();
  const cycleId = await startCycle(deps.db, bot.id, slotAt, workerId);
  let analysed = false;
  if (cycleId) {
    const started = performance.now();
    try {
      const result = await runBotCycle(deps, bot, { aiDecider: options.aiDecider });
      analysed = result.outcome !== 'skipped';
      const durationMs = Math.round(performance.now() - started);
      await finishCycle(deps.db, cycleId, { ...result, durationMs });
      await deps.notify({
        type: 'cycle:finished',
        userId: bot.userId,
        payload: { botId: bot.id, cycleId, outcome: result.outcome, action: 'action' in result ? result.action : null, signalId: 'signalId' in result ? (result.signalId ?? null) : null, durationMs, message: result.message, at: deps.now().toISOString() },
      });
      options.onCycle?.(bot, result.outcome, durationMs);
    } catch (error) {
      const durationMs = Math.round(performance.now() - started);
      await finishCycle(deps.db, cycleId, { outcome: 'error', message: error instanceof Error ? error.message : String(error), durationMs });
      options.onCycle?.(bot, 'error', durationMs);
    }
  }
  await releaseBot(deps.db, bot, workerId, analysed);
}
