import { type Decimal, type DecimalInput } from '../money';
import { type Side } from '../types';

/** Thrown for invalid orders, prices or fill configuration. */
export class FillError extends Error {
  override readonly name = 'FillError';
}

/** Quantities are in the base asset; prices in quote per base. All positive. */
interface OrderBase {
  side: Side;
  quantity: Decimal;
}

/** Fills at the reference price (tick price or candle open) moved by slippage; taker. */
export interface MarketOrder extends OrderBase {
  type: 'market';
}

/** Buy fills at or below, sell at or above `limitPrice`; maker unless marketable when placed. */
export interface LimitOrder extends OrderBase {
  type: 'limit';
  limitPrice: Decimal;
}

/** Buy triggers when price rises to `stopPrice`, sell when it falls to it; then a market order. */
export interface StopMarketOrder extends OrderBase {
  type: 'stop-market';
  stopPrice: Decimal;
}

/** As stop-market, but once triggered it becomes a limit order at `limitPrice`. */
export interface StopLimitOrder extends OrderBase {
  type: 'stop-limit';
  stopPrice: Decimal;
  limitPrice: Decimal;
}

/**
 * Sell triggers when price rises to `triggerPrice`, buy when it falls to it (the favourable
 * direction); then a market order, or a limit order at `limitPrice` when given.
 */
export interface TakeProfitOrder extends OrderBase {
  type: 'take-profit';
  triggerPrice: Decimal;
  limitPrice?: Decimal;
}

/**
 * One-cancels-the-other exit: a take-profit limit at `takeProfitPrice` and a stop-loss leg at
 * `stopPrice` (stop-market, or stop-limit when `stopLimitPrice` is given). A sell OCO (exit of a
 * long) needs `takeProfitPrice > stopPrice`; a buy OCO the reverse.
 */
export interface OcoOrder extends OrderBase {
  type: 'oco';
  takeProfitPrice: Decimal;
  stopPrice: Decimal;
  stopLimitPrice?: Decimal;
}

export type Order =
  MarketOrder | LimitOrder | StopMarketOrder | StopLimitOrder | TakeProfitOrder | OcoOrder;

export type OrderType = Order['type'];

export type Liquidity = 'maker' | 'taker';
export type FeeAsset = 'base' | 'quote';
export type OcoLeg = 'take-profit' | 'stop-loss';

/** One execution. Every amount is exact; `quoteAmount` = `price × quantity`, fee excluded. */
export interface Fill {
  side: Side;
  price: Decimal;
  /** Gross base quantity traded (before a base-asset fee is taken). */
  quantity: Decimal;
  quoteAmount: Decimal;
  fee: Decimal;
  feeAsset: FeeAsset;
  liquidity: Liquidity;
}

/**
 * The prices an order is checked against: a candle, or a tick (`tickPrices(p)`, a candle whose
 * four prices are equal). Numbers are read exactly through their shortest string.
 */
export interface MarketPrices {
  open: DecimalInput;
  high: DecimalInput;
  low: DecimalInput;
  close: DecimalInput;
}

/** Outcome of checking one order against one tick or candle. */
export type OrderEvaluation =
  /** Not reached; the order stays as it is. */
  | { status: 'open' }
  /** A stop or take-profit fired but its limit is not marketable: it now rests as `order`. */
  | { status: 'triggered'; order: LimitOrder; leg?: OcoLeg }
  /** Fully filled. `leg` says which OCO leg filled (the other is cancelled). */
  | { status: 'filled'; fill: Fill; leg?: OcoLeg };

export interface EvaluateOptions {
  /**
   * The order is being placed now, at the reference price (tick price or candle open), rather
   * than resting from before. A limit that is marketable at that price then takes liquidity
   * (taker fee, slippage bounded by the limit) instead of making it.
   */
  immediate?: boolean;
}
