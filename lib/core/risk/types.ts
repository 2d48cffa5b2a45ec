import { type Side } from '../types';

/**
 * Every risk rule, in evaluation order (most severe first). The id is the kebab-case form of the
 * rule's key in the policy (`min-confidence` ↔ `policy.minConfidence`).
 */
export const RULE_IDS = [
  'kill-switch',
  'max-drawdown',
  'daily-loss',
  'trading-hours',
  'min-confidence',
  'min-balance',
  'min-trade-value',
  'max-trade-value',
  'risk-per-trade',
  'max-open-positions',
  'max-open-orders-per-symbol',
  'max-trades-per-day',
  'max-order-value',
  'max-position-value',
  'duplicate-cooldown',
  'stop-loss-cooldown',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** Overall permission to trade, derived from the kill switches and the loss halts. */
export type TradingState = 'active' | 'reducing-only' | 'halted';

/** The order under review. Prices and values are in the quote currency (e.g. USDT). */
export interface ProposedOrder {
  symbol: string;
  side: Side;
  /** True when the order only closes or reduces an existing position (never adds exposure). */
  reducing: boolean;
  /**
   * Base quantity. Absent before sizing: the size rules then report `skipped: 'no-data'` and the
   * caller sizes with `sizePosition` (which enforces the same caps) and evaluates again.
   */
  quantity?: number | null;
  /** Expected entry price (limit price, or last price for a market order). */
  price: number;
  stopPrice?: number | null;
  /** 0–100 for AI decisions; absent for manual and webhook orders (rule skipped). */
  confidence?: number | null;
  botId?: string | null;
}

/** Balances in the quote currency, from the DB or exchange snapshot. */
export interface AccountSnapshot {
  /** Free quote balance available for new orders. */
  balance: number;
  /** Balance plus the marked value of open positions. */
  equity: number;
  /** Highest equity ever recorded (for the drawdown halt). */
  equityPeak: number;
  /** Equity at 00:00 UTC today (for the daily loss % limit). */
  startOfDayEquity: number;
}

/**
 * Counters computed by the caller from the DB (never from memory, so restarts change nothing).
 * "Today" is the UTC day of `now`: use `startOfUtcDay(now)` for the query bound.
 */
export interface RiskCounters {
  /** Open positions of this user, all bots and manual. */
  openPositions: number;
  /** Open positions of the bot placing this order (0 for manual orders). */
  openPositionsForBot: number;
  /** Pending entry orders on this symbol, not counting the exit legs protecting a position. */
  openOrdersForSymbol: number;
  /** Opening orders placed since 00:00 UTC today. */
  tradesToday: number;
  /** Realised P&L since 00:00 UTC today (negative = loss), net of fees. */
  realisedPnlToday: number;
  /** Time of the last order on this symbol and side, epoch ms; null if none. */
  lastOrderAt: number | null;
  /** Time of the last stop-loss exit on this symbol, epoch ms; null if none. */
  lastStopLossAt: number | null;
  /** Current position value on this symbol in quote currency (0 if flat). */
  positionValue: number;
}

export interface KillSwitches {
  /** Admin switch: halts every user. */
  global: boolean;
  /** The user's own switch: halts this user's trading. */
  user: boolean;
}

/** Summary of the bot's last closed trades (at most 15), for the performance adjustment. */
export interface TrackRecord {
  closedTrades: number;
  /** Winning trades / closed trades × 100. */
  winRatePct: number;
  /** Consecutive losing trades ending with the most recent one. */
  losingStreak: number;
}

/** Everything the risk engine looks at: plain data, no I/O. */
export interface RiskContext {
  /** Evaluation time, epoch ms UTC. */
  now: number;
  order: ProposedOrder;
  account: AccountSnapshot;
  counters: RiskCounters;
  killSwitch: KillSwitches;
  /** Null for manual orders or bots without history. */
  trackRecord: TrackRecord | null;
}

/**
 * Why a rule did not run: switched off in the policy, not applicable to a reducing order, or
 * missing the data it needs (no confidence, no quantity yet, no stop price, no equity peak).
 */
export type SkipReason = 'disabled' | 'reducing-order' | 'no-data';

export interface RulePassed {
  rule: RuleId;
  ok: true;
  status: 'passed';
  /** Optional remark, e.g. "Kill switch is on; reducing orders are allowed". */
  note?: string;
}

export interface RuleSkipped {
  rule: RuleId;
  ok: true;
  status: 'skipped';
  reason: SkipReason;
  note: string;
}

export interface RuleFailed {
  rule: RuleId;
  ok: false;
  status: 'failed';
  /** Stable machine code, e.g. `CONFIDENCE_BELOW_MIN`. */
  code: string;
  /** Human-readable, with the numbers: "Confidence 55 is below the minimum 60". */
  message: string;
  observed: number | string;
  limit: number | string;
}

/** Outcome of one rule. `ok` is false only for a failure; `status` tells the three apart. */
export type RuleResult = RulePassed | RuleSkipped | RuleFailed;
