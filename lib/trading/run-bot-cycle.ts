import { inTradingHours } from '../core/risk';
import { createStrategy } from '../core/strategy';
import { TIMEFRAME_MS, type Timeframe } from '../core/types';
import { openPositions, recentClosedPositions } from '../db/queries/positions';
import { riskSettingsOf } from '../db/queries/risk-inputs';
import { insertSignal } from '../db/queries/signals';
import type { Bot, ExchangeAccount, Position } from '../db/schema';
import { botTrackRecord, ruleDecision, type AiDecider } from './bot-decision';
import type { TradingDeps } from './deps';
import { executeSignal } from './execute-signal';
import { policyOf } from './policy-of';
import { accountOrThrow } from './market-of';
import { fetchClosedCandles } from '../exchange/closed-candles';

/** Candles given to a strategy beyond its own warm-up (DESIGN: 100 by default). */
export const CONTEXT_CANDLES = 100;
/** No new analysis within this long of the last one (per bot), whatever the schedule says. */
export const MIN_ANALYSIS_GAP_MS = 30_000;

/** The last closed candle's close the cycle decided on (for live price ticks). */
export interface CyclePrice {
  price: number;
  /** Epoch ms of the candle's close. */
  time: number;
}

export type CycleResult =
  | { outcome: 'skipped'; message: string }
  | {
      outcome: 'decided' | 'managed';
      action: string;
      signalId?: string;
      message: string;
      price?: CyclePrice;
    };

/**
 * What a cycle reads from the database, when the caller already has it (the worker reads it
 * with the claim and the cycle's start, see `claimDueBots` and `startCycle`).
 */
export interface CyclePrefetch {
  riskSettings: { policy: Record<string, unknown>; killSwitch: boolean };
  account: ExchangeAccount;
  /** The bot's open positions and its last `TRACK_RECORD_SIZE` closed ones (newest first). */
  positions: { open: Position[]; closed: Position[] };
}

/**
 * One trading cycle of a running bot (issue 5): skip outside trading hours or too soon after the
 * last analysis; read closed candles; decide with the bot's strategy (rules here, AI through
 * `aiDecider`); a buy, sell or close becomes a signal row and goes through `executeSignal`,
 * the same path as every other order. An open position is managed: the strategy may close it;
 * its stop and target are the exit monitor's job.
 */
export async function runBotCycle(
  deps: TradingDeps,
  bot: Bot,
  options: { aiDecider?: AiDecider; prefetched?: CyclePrefetch } = {},
): Promise<CycleResult> {
  const prefetched = options.prefetched;
  const now = deps.now();
  if (bot.lastAnalysisAt && now.getTime() - bot.lastAnalysisAt.getTime() < MIN_ANALYSIS_GAP_MS) {
    return { outcome: 'skipped', message: 'Analysed less than 30 s ago.' };
  }
  const settings = prefetched?.riskSettings ?? (await riskSettingsOf(deps.db, bot.userId));
  const policy = policyOf(settings.policy, bot.riskOverrides);
  if (
    policy.tradingHours.enabled &&
    !inTradingHours(now.getTime(), policy.tradingHours.windows, policy.tradingHours.days)
  ) {
    return { outcome: 'skipped', message: 'Outside trading hours.' };
  }
  const account = prefetched?.account ?? (await accountOrThrow(deps.db, bot.exchangeAccountId));
  const exchange = await deps.exchangeFor(account);
  const timeframe = bot.timeframe as Timeframe;
  const frame = TIMEFRAME_MS[timeframe];
  // One instance per cycle: its params are parsed once (defaults filled in, for bots stored
  // before they were), and its warm-up is the one it will apply to the candles.
  const strategy =
    bot.strategyKind === 'rule' ? createStrategy(bot.strategyId, bot.strategyParams) : null;
  const count = (strategy?.warmup ?? 0) + CONTEXT_CANDLES;
  const candles = await fetchClosedCandles(exchange, bot.symbol, timeframe, count, now);
  const [open] = (
    prefetched?.positions.open ?? (await openPositions(deps.db, { botId: bot.id }))
  ).filter((p) => p.status === 'open');
  const record = botTrackRecord(
    prefetched?.positions.closed ?? (await recentClosedPositions(deps.db, bot.id)),
  );
  const last = candles.at(-1);
  const price = last ? { price: last.close, time: last.time + frame } : undefined;

  const decision = strategy
    ? ruleDecision(strategy, candles, open ?? null, record)
    : options.aiDecider
      ? await options.aiDecider({ bot, candles, position: open ?? null, record, now })
      : {
          action: 'hold' as const,
          confidence: 0,
          reasoning: 'AI strategies are not available in this build.',
        };

  const action = decision.action === 'sell' ? 'close' : decision.action;
  const acts = (action === 'buy' && !open) || (action === 'close' && open);
  if (!acts) {
    return {
      outcome: open ? 'managed' : 'decided',
      action: decision.action,
      message: decision.reasoning,
      price,
    };
  }
  const { signal } = await insertSignal(deps.db, {
    userId: bot.userId,
    exchangeAccountId: bot.exchangeAccountId,
    botId: bot.id,
    source: bot.strategyKind === 'ai' ? 'ai' : 'strategy',
    symbol: bot.symbol,
    action,
    confidence: Math.round(decision.confidence),
    stopLoss: decision.stopLoss !== undefined ? String(decision.stopLoss) : null,
    takeProfit: decision.takeProfit !== undefined ? String(decision.takeProfit) : null,
    strategy: bot.strategyId,
    timeframe: bot.timeframe,
    reasoning: decision.reasoning,
    aiDecisionId:
      'aiDecisionId' in decision && typeof decision.aiDecisionId === 'string'
        ? decision.aiDecisionId
        : null,
  });
  const executed = await executeSignal(deps, signal.id);
  await options.aiDecider?.afterSignal?.(signal.id);
  const status = executed.status === 'not_queued' ? 'queued' : executed.status;
  return {
    outcome: open ? 'managed' : 'decided',
    action,
    signalId: signal.id,
    message: `${action} → ${status}${'reason' in executed && executed.reason ? `: ${executed.reason}` : ''}`,
    price,
  };
}
