import { Decimal, dec } from '../money';
import { type Side } from '../types';
import { type FillConfig } from './fill-config';
import { type Fill, type Liquidity } from './types';

const BPS = dec('0.0001');

/**
 * `reference` moved against the taker by the configured slippage (buy higher, sell lower),
 * rounded to the price step against the taker, and never past `bound` (a limit price).
 */
export function slippedPrice(
  reference: Decimal,
  side: Side,
  config: FillConfig,
  bound?: Decimal,
): Decimal {
  const shift = dec(config.slippageBps).mul(BPS);
  let price = reference.mul(side === 'buy' ? Decimal.ONE.add(shift) : Decimal.ONE.sub(shift));
  if (config.priceStep)
    price = price.roundToStep(config.priceStep, side === 'buy' ? 'ceil' : 'floor');
  if (bound) price = side === 'buy' ? price.min(bound) : price.max(bound);
  return price;
}

/**
 * One fill of `quantity` at `price` with its fee: rate by liquidity, charged in quote, or in
 * the received asset when `feeMode` is `received` (base for buys, quote for sells).
 */
export function makeFill(
  side: Side,
  price: Decimal,
  quantity: Decimal,
  liquidity: Liquidity,
  config: FillConfig,
): Fill {
  const rate = liquidity === 'maker' ? config.makerFeeRate : config.takerFeeRate;
  const quoteAmount = price.mul(quantity);
  const feeInBase = config.feeMode === 'received' && side === 'buy';
  return {
    side,
    price,
    quantity,
    quoteAmount,
    fee: (feeInBase ? quantity : quoteAmount).mul(rate),
    feeAsset: feeInBase ? 'base' : 'quote',
    liquidity,
  };
}
