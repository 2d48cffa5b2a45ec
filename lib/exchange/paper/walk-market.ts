import {
  evaluateOrder,
  tickPrices,
  type Fill,
  type FillConfig,
  type MarketPrices,
  type OcoLeg,
  type Order,
} from '../../core/fills';
import { type Decimal } from '../../core/money';
import { type Candle } from '../../core/types';

/** What the market did since orders were last checked: closed candles, then the price now. */
export interface MarketTape {
  /** Closed candles, oldest first. */
  candles: readonly Candle[];
  timeframeMs: number;
  /** The last price now; null when the feed has none. */
  last: Decimal | null;
  now: number;
}

/** One candle or tick to check an order against. */
export interface MarketStep {
  prices: MarketPrices;
  /** When a fill on this step happened (the candle's open time, or now for the tick). */
  time: number;
  /** How far the market is checked after this step; null for the tick (it covers no candle). */
  coversUntil: number | null;
  /** How far after a trigger on this step: the end of its bar, so that bar cannot fill the limit. */
  triggerUntil: number;
}

/**
 * The steps an order last checked up to `checkedUntil` must still see: every closed candle that
 * opened at or after it (a candle that opened earlier holds prices from before), then the tick.
 * So a restart neither checks a candle twice nor skips one.
 */
export function stepsSince(tape: MarketTape, checkedUntil: number): MarketStep[] {
  const tf = tape.timeframeMs;
  const steps: MarketStep[] = tape.candles
    .filter((c) => c.time >= checkedUntil && c.time + tf <= tape.now)
    .map((c) => ({ prices: c, time: c.time, coversUntil: c.time + tf, triggerUntil: c.time + tf }));
  if (tape.last) {
    steps.push({
      prices: tickPrices(tape.last),
      time: tape.now,
      coversUntil: null,
      triggerUntil: Math.floor(tape.now / tf) * tf + tf,
    });
  }
  return steps;
}

export interface WalkResult {
  /** `filled` on the first step that fills; otherwise still `open`. */
  status: 'open' | 'filled';
  fill?: Fill;
  /** The OCO leg that filled or triggered. */
  leg?: OcoLeg;
  /** When the fill happened. */
  time?: number;
  /** Set when a stop-limit (or an OCO's stop-limit leg) fired and now rests as this limit. */
  triggered?: Order;
  checkedUntil: number;
}

/**
 * Walks an order through the steps in order with the fill model: stops on the first fill; a
 * trigger turns the order into its resting limit, checked again from the next bar.
 */
export function walkMarket(
  start: Order,
  steps: readonly MarketStep[],
  checkedUntil: number,
  config: FillConfig,
): WalkResult {
  let order = start;
  let until = checkedUntil;
  let triggered: Order | undefined;
  let leg: OcoLeg | undefined;
  for (const step of steps) {
    if (step.coversUntil !== null && step.time < until) continue;
    const result = evaluateOrder(order, step.prices, config);
    if (result.status === 'filled') {
      return {
        status: 'filled',
        fill: result.fill,
        leg: result.leg ?? leg,
        time: step.time,
        triggered,
        checkedUntil: until,
      };
    }
    if (result.status === 'triggered') {
      order = result.order;
      triggered = result.order;
      leg = result.leg ?? leg;
      until = Math.max(until, step.triggerUntil);
    } else if (step.coversUntil !== null) {
      until = Math.max(until, step.coversUntil);
    }
  }
  return { status: 'open', leg, triggered, checkedUntil: until };
}
