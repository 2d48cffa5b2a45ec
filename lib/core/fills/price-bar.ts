import { type Decimal, type DecimalInput, dec } from '../money';
import { FillError, type MarketPrices } from './types';

/** Exact prices of one tick or candle, checked for consistency. */
export interface PriceBar {
  open: Decimal;
  high: Decimal;
  low: Decimal;
  close: Decimal;
}

/** A tick as a candle whose four prices are equal, so ticks and candles share one rule set. */
export function tickPrices(price: DecimalInput): MarketPrices {
  return { open: price, high: price, low: price, close: price };
}

/** Reads `prices` exactly; throws `FillError` when a price is not positive or low/high do not bound the bar. */
export function toPriceBar(prices: MarketPrices): PriceBar {
  const bar = {
    open: dec(prices.open),
    high: dec(prices.high),
    low: dec(prices.low),
    close: dec(prices.close),
  };
  if (!bar.low.isPositive())
    throw new FillError(`Prices must be positive, low is ${bar.low.toString()}`);
  const inside = (p: Decimal) => bar.low.lte(p) && p.lte(bar.high);
  if (!inside(bar.open) || !inside(bar.close)) {
    throw new FillError(
      `Inconsistent candle: open ${bar.open.toString()} / close ${bar.close.toString()} outside low ${bar.low.toString()} – high ${bar.high.toString()}`,
    );
  }
  return bar;
}

/** `rise`: reached when the price goes up to the level; `fall`: when it goes down to it. */
export type Direction = 'rise' | 'fall';

/**
 * First price at which the bar reaches `level` in `direction`: the open when the bar opens at
 * or beyond the level (a gap), else the level itself if high/low reaches it; null otherwise.
 */
export function touchPrice(direction: Direction, level: Decimal, bar: PriceBar): Decimal | null {
  if (direction === 'rise') {
    if (bar.open.gte(level)) return bar.open;
    return bar.high.gte(level) ? level : null;
  }
  if (bar.open.lte(level)) return bar.open;
  return bar.low.lte(level) ? level : null;
}
