import { type Decimal } from '../money';
import { type Side } from '../types';
import { type FillConfig } from './fill-config';
import { makeFill, slippedPrice } from './make-fill';
import { type Direction, type PriceBar, touchPrice } from './price-bar';
import { type Fill, type LimitOrder, type OrderEvaluation } from './types';

/** Direction in which the market must move to reach a limit on this side. */
export function limitDirection(side: Side): Direction {
  return side === 'buy' ? 'fall' : 'rise';
}

/** Direction in which the market must move to trigger a stop on this side. */
export function stopDirection(side: Side): Direction {
  return side === 'buy' ? 'rise' : 'fall';
}

export function filled(fill: Fill): OrderEvaluation {
  return { status: 'filled', fill };
}

/**
 * A limit order on one bar: filled at the limit, or at the open when the bar opens through it
 * (the better price); maker, except when placed now (`immediate`) and marketable at the open,
 * which takes liquidity with slippage bounded by the limit. Otherwise still open.
 */
export function fillLimit(
  order: LimitOrder,
  bar: PriceBar,
  config: FillConfig,
  immediate: boolean,
): OrderEvaluation {
  const { side, quantity, limitPrice } = order;
  const at = touchPrice(limitDirection(side), limitPrice, bar);
  if (!at) return { status: 'open' };
  if (immediate && at.eq(bar.open)) {
    const price = slippedPrice(bar.open, side, config, limitPrice);
    return filled(makeFill(side, price, quantity, 'taker', config));
  }
  return filled(makeFill(side, at, quantity, 'maker', config));
}

/**
 * A stop or take-profit that fired at price `at`: a market order (slipped, taker), or a limit
 * that fills at once when `at` satisfies it (taker, slippage bounded by the limit) and
 * otherwise rests as a limit order, checked again from the next tick or candle.
 */
export function fillTriggered(
  side: Side,
  quantity: Decimal,
  at: Decimal,
  limit: Decimal | undefined,
  config: FillConfig,
): OrderEvaluation {
  if (!limit)
    return filled(makeFill(side, slippedPrice(at, side, config), quantity, 'taker', config));
  const marketable = side === 'buy' ? at.lte(limit) : at.gte(limit);
  if (!marketable) {
    return { status: 'triggered', order: { type: 'limit', side, quantity, limitPrice: limit } };
  }
  return filled(makeFill(side, slippedPrice(at, side, config, limit), quantity, 'taker', config));
}
