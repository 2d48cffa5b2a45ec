import { Decimal } from '../money';
import { type Fill } from './types';

/** Symbols of the two assets of a spot market, e.g. `{ base: 'BTC', quote: 'USDT' }`. */
export interface AssetPair {
  base: string;
  quote: string;
}

/**
 * Exact balance changes of one fill, fee included. A buy spends `quoteAmount` and receives
 * `quantity`; a sell the reverse; the fee comes off the asset it is charged in. For a buy with a
 * base-asset fee, `base` is the quantity actually received: the quantity an exit must sell.
 */
export function fillDeltas(fill: Fill): { base: Decimal; quote: Decimal } {
  const buy = fill.side === 'buy';
  let base = buy ? fill.quantity : fill.quantity.neg();
  let quote = buy ? fill.quoteAmount.neg() : fill.quoteAmount;
  if (fill.feeAsset === 'base') base = base.sub(fill.fee);
  else quote = quote.sub(fill.fee);
  return { base, quote };
}

/**
 * New balances after `fill` on `pair`: exactly the fill and its fee, nothing else. Missing
 * assets start at zero; balances may go negative (checking funds is the caller's job).
 */
export function applyFill(
  balances: Readonly<Record<string, Decimal>>,
  fill: Fill,
  pair: AssetPair,
): Record<string, Decimal> {
  const { base, quote } = fillDeltas(fill);
  return {
    ...balances,
    [pair.base]: (balances[pair.base] ?? Decimal.ZERO).add(base),
    [pair.quote]: (balances[pair.quote] ?? Decimal.ZERO).add(quote),
  };
}
