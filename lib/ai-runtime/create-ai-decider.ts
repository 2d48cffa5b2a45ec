/**
 * The bot cycle's AI path (`AiDecider`): the bot's exact strategy version and the user's AI
 * settings, a context built from the venue and the DB, one `decide` call (one ledger row), and
 * the decision handed back as a strategy decision carrying `aiDecisionId` for its signal.
 * The AI proposes; the cycle turns a buy/close into a signal and the risk engine decides.
 */
import { decide, loadAiSettings, type AiDecision } from '../ai';
import { type StrategyDecision } from '../core/strategy';
import { type KeyRing } from '../crypto/secret-box';
import { openingDecisionOf } from '../db/queries/ai-decision-links';
import { AppError } from '../errors/app-error';
import { logSystem } from '../log/system-log';
import { type AiDecider } from '../trading/bot-decision';
import { type TradingDeps } from '../trading/deps';
import { accountOrThrow } from '../trading/market-of';
import { buildAiContext } from './build-ai-context';
import { invalidationHit, invalidationOf } from './invalidation';
import { linkDecisionOutcome, linkPendingDecisions } from './link-decision-outcome';
import { resolveBotVersion } from './resolve-bot-version';

/** How far back the decider looks for decisions still to link (entries fill within this). */
const LINK_SWEEP_MS = 7 * 24 * 60 * 60 * 1000;

export type AiRuntimeDeps = Pick<TradingDeps, 'db' | 'exchangeFor'>;

export interface AiDeciderOptions {
  /** Cancels provider calls on shutdown (the decision becomes a logged hold). */
  signal?: AbortSignal;
  /** Key ring for the users' API keys (default: the process's). */
  ring?: KeyRing;
}

/** The AI layer's decision in the cycle's vocabulary. */
export function toStrategyDecision(decision: AiDecision, aiDecisionId: string) {
  return {
    action: decision.action,
    confidence: decision.confidence,
    ...(decision.stopLoss !== null ? { stopLoss: decision.stopLoss } : {}),
    ...(decision.takeProfit !== null ? { takeProfit: decision.takeProfit } : {}),
    reasoning: decision.reasoning,
    aiDecisionId,
  } satisfies StrategyDecision & { aiDecisionId: string };
}

/**
 * The decider, with `afterSignal(signalId)`: the cycle's hook to link the decision to the signal,
 * order and position it led to right after `executeSignal` (until the cycle calls it, the decider
 * links earlier decisions of the bot at the start of each call).
 */
export function createAiDecider(
  deps: AiRuntimeDeps,
  options: AiDeciderOptions = {},
): AiDecider & { afterSignal(signalId: string): Promise<void> } {
  const { db } = deps;
  const decider: AiDecider = async ({ bot, candles, position, now }) => {
    // Earlier decisions of this bot get their signal/order/position links (idempotent).
    // Scoped by user and recent time, so the sweep reads the signals index, not the whole table.
    await linkPendingDecisions(db, {
      userId: bot.userId,
      botId: bot.id,
      since: new Date(now.getTime() - LINK_SWEEP_MS),
    });
    let version;
    try {
      version = await resolveBotVersion(db, bot);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return { action: 'hold', confidence: 0, reasoning: `Hold: ${error.message}` };
    }
    const settings = await loadAiSettings(db, bot.userId, options.ring);
    const exchange = await deps.exchangeFor(await accountOrThrow(db, bot.exchangeAccountId));
    const opening = position ? await openingDecisionOf(db, position) : undefined;
    const context = await buildAiContext(db, { bot, candles, position, opening, exchange });
    const { decision, ledgerRow } = await decide(db, {
      userId: bot.userId,
      botId: bot.id,
      strategyVersion: version,
      settings,
      context,
      now,
      signal: options.signal,
    });
    if (ledgerRow.error?.startsWith('blocked_url:')) {
      // The SSRF guard refused the user's base URL: a hold in the ledger, a warning for admins.
      await logSystem(db, {
        level: 'warn',
        source: 'ai',
        message: `Bot ${bot.id}: AI call refused, held (${ledgerRow.error})`,
      });
    }
    const result = toStrategyDecision(decision, ledgerRow.id);
    // The plan's invalidation is enforced whatever the model says now: a close through the
    // level ends the trade (the ledger keeps the model's own answer).
    const invalidation = opening ? invalidationOf(opening.parsed) : null;
    const lastClose = candles[candles.length - 1]?.close ?? NaN;
    if (
      position &&
      invalidation &&
      result.action !== 'close' &&
      invalidationHit(invalidation, lastClose)
    ) {
      return {
        ...result,
        action: 'close',
        reasoning:
          `Invalidated: ${invalidation.text} (close ${lastClose} ${invalidation.type === 'close_below' ? '<' : '>'} ${invalidation.price}). ${result.reasoning}`.slice(
            0,
            2000,
          ),
      };
    }
    return result;
  };
  return Object.assign(decider, {
    afterSignal: async (signalId: string) => void (await linkDecisionOutcome(db, signalId)),
  });
}
