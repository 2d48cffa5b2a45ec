import { type Decimal } from '../../core/money';
import { type Exchange, type Market } from '../types';

/** A venue under contract test: a fresh, funded account on a market whose price the test sets. */
export interface ContractVenue {
  exchange: Exchange;
  /** Sets the market price; orders placed after it trade at (or near) this price. */
  setPrice(symbol: string, price: string): Promise<void>;
  /** Lets the venue act on the last price (the paper venue's matching pass); omit when it reacts by itself. */
  advance?(): Promise<void>;
  teardown(): Promise<void>;
  /** The market traded (default `BTC/USDT`). The account must hold at least 1,000 of its quote and none of its base. */
  symbol?: string;
  /** The venue's fee rates, when known: fees are then checked against them. */
  fees?: { maker: string; taker: string };
}

export interface ContractOptions {
  /** Starting price of the market (default `30000`). */
  price?: string;
}

/** Context shared by the suite's tests: the venue of the current test and its market. */
export interface ContractContext {
  venue: ContractVenue;
  exchange: Exchange;
  market: Market;
  symbol: string;
  price: string;
  /** A quantity worth about 100 quote at `price`. */
  quantity: Decimal;
  /** Sets the price and lets the venue react to it. */
  moveTo(price: string): Promise<void>;
}
