import { type DecimalInput } from '../money';
import { type Side } from '../types';

/** The market's trading filters, as the exchange reports them (numbers or decimal strings). */
export interface MarketFilters {
  /** Lot size: quantities must be a multiple of it. */
  stepSize: DecimalInput;
  /** Price increment: prices must be a multiple of it. */
  tickSize: DecimalInput;
  minQty: DecimalInput;
  /** Minimum order value (quantity × price) in quote currency. */
  minNotional: DecimalInput;
  maxQty?: DecimalInput | null;
}

/**
 * How much to trade before the caps:
 * - `risk`: lose `riskPct` % of the balance if the stop is hit (needs a stop);
 * - `fixed`: spend `amount` of quote currency;
 * - `compounding`: spend `initialAmount` on the bot's first trade, then its allocated capital
 *   (initial amount plus realised P&L so far), both given by the caller.
 */
export type SizingMode =
  | { kind: 'risk'; riskPct: number }
  | { kind: 'fixed'; amount: number }
  | { kind: 'compounding'; initialAmount: number; closedTrades: number; allocatedCapital: number };

/**
 * Policy ceilings (null or absent = none). The size is min(target, these) × `sizeMultiplier`,
 * then bounded by the balance and the market's max quantity. See `sizingCapsFromPolicy`.
 */
export interface SizingCaps {
  maxTradeValue?: number | null;
  /** % of the balance. */
  maxTradePct?: number | null;
  maxOrderValue?: number | null;
  /** Value still allowed on this symbol: max position value − current position value. */
  maxPositionRoom?: number | null;
  /** Loss at the stop as % of the balance (applies when a stop is given, in every mode). */
  maxRiskPct?: number | null;
  /** From the performance adjustment, 0 < m ≤ 1; default 1. */
  sizeMultiplier?: number;
}

export interface SizingInput {
  mode: SizingMode;
  /** Side of the opening order: buy opens a long, sell a short. */
  side: Side;
  /** Intended entry price (limit price, or last price for a market order). */
  price: number;
  stopPrice?: number | null;
  /** Free quote balance. No leverage: the order value never exceeds it. */
  balance: number;
  /** Taker fee rate (0.001 = 0.1 %), counted on entry and at the stop; default 0. */
  feeRate?: number;
  caps?: SizingCaps;
  filters: MarketFilters;
}

/** What bound the size: the mode's target, a cap, or a hard bound. */
export type SizingLimit =
  | 'risk-budget'
  | 'amount'
  | 'max-risk'
  | 'max-trade-value'
  | 'max-trade-pct'
  | 'max-order-value'
  | 'max-position-value'
  | 'balance'
  | 'max-qty';

export interface SizedPosition {
  ok: true;
  /** A positive multiple of the step size, at most every cap. */
  quantity: number;
  /** Exact, with the step size's decimals (what the exchange layer sends). */
  quantityText: string;
  /** Entry price rounded to the tick: buy down, sell up (never worse than asked). */
  price: number;
  priceText: string;
  /** quantity × price, exact. */
  notional: number;
  notionalText: string;
  /** Stop rounded to the tick away from the entry (buy down, sell up); null without a stop. */
  stopPrice: number | null;
  stopPriceText: string | null;
  /** Loss if the stop is hit, fees included; null without a stop. */
  riskAmount: number | null;
  limitedBy: SizingLimit;
  sizeMultiplier: number;
}

export type SizingCode =
  | 'INVALID_PRICE'
  | 'INVALID_BALANCE'
  | 'INVALID_MARKET_FILTERS'
  | 'INVALID_SIZING_MODE'
  | 'INVALID_CAP'
  | 'INVALID_STOP'
  | 'STOP_REQUIRED'
  | 'STOP_ON_WRONG_SIDE'
  | 'CAPITAL_EXHAUSTED'
  | 'BELOW_MIN_QTY'
  | 'BELOW_MIN_NOTIONAL';

export interface SizingRejection {
  ok: false;
  code: SizingCode;
  message: string;
  observed: number | string;
  limit: number | string;
}

export type SizingResult = SizedPosition | SizingRejection;
