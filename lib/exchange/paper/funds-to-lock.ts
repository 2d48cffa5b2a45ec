import { type AssetPair, type FillConfig, slippedPrice } from '../../core/fills';
import { Decimal } from '../../core/money';
import { type Side } from '../../core/types';

/** Decimal places of the `numeric(38, 18)` columns money is stored in. */
export const STORED_SCALE = 18;

export interface FundsLock {
  asset: string;
  amount: Decimal;
}

/**
 * The highest price a resting buy can fill at, to size what it locks: its limit, or for a
 * stop-market its stop moved by slippage (a gap through the stop can still fill higher; the
 * fill then takes the difference from free funds, or the order expires when there is none).
 */
export function maxBuyPrice(
  order: { price?: Decimal; stopPrice?: Decimal },
  config: FillConfig,
): Decimal {
  if (order.price) return order.price;
  if (!order.stopPrice) throw new Error('A resting order needs a price or a stop price');
  return slippedPrice(order.stopPrice, 'buy', config);
}

/**
 * What a resting order holds back: a sell its base quantity; a buy the quote it can spend at
 * `price` (see `maxBuyPrice`) plus the larger fee rate when fees are charged in quote. Rounded
 * up to the stored scale so the lock always covers the fill.
 */
export function fundsToLock(params: {
  side: Side;
  quantity: Decimal;
  price: Decimal;
  pair: AssetPair;
  config: FillConfig;
}): FundsLock {
  const { side, quantity, price, pair, config } = params;
  if (side === 'sell') return { asset: pair.base, amount: quantity };
  let amount = quantity.mul(price);
  if (config.feeMode === 'quote') {
    amount = amount.mul(Decimal.ONE.add(Decimal.max(config.makerFeeRate, config.takerFeeRate)));
  }
  return { asset: pair.quote, amount: amount.round(STORED_SCALE, 'up') };
}
