import { Decimal } from '../core/money';
import type { Market } from '../exchange/types';

/** How far below the stop trigger the stop leg's limit sits, so it fills in a fast market. */
export const STOP_LIMIT_ALLOWANCE = '0.005';

export interface ProtectionPrices {
  takeProfit: Decimal | null;
  stopLoss: Decimal | null;
}

/**
 * Take-profit and stop-loss for a long entered at `entry`: explicit prices win, else the bot's
 * percentages. Both are put on the tick toward the entry (a target that fills, a stop that
 * loses no more than asked) and must lie on the right side of the entry.
 */
export function protectionPrices(
  entry: Decimal,
  market: Market,
  given: {
    takeProfit?: string | null;
    stopLoss?: string | null;
    takeProfitPct?: string | null;
    stopLossPct?: string | null;
  },
): ProtectionPrices {
  const hundred = Decimal.from(100);
  const tpRaw = given.takeProfit
    ? Decimal.from(given.takeProfit)
    : given.takeProfitPct
      ? entry.mul(hundred.add(given.takeProfitPct)).div(hundred, 18, 'down')
      : null;
  const slRaw = given.stopLoss
    ? Decimal.from(given.stopLoss)
    : given.stopLossPct
      ? entry.mul(hundred.sub(given.stopLossPct)).div(hundred, 18, 'up')
      : null;
  const takeProfit = tpRaw ? tpRaw.roundToStep(market.tickSize, 'floor') : null;
  const stopLoss = slRaw ? slRaw.roundToStep(market.tickSize, 'ceil') : null;
  return {
    takeProfit: takeProfit && takeProfit.gt(entry) ? takeProfit : null,
    stopLoss: stopLoss && stopLoss.lt(entry) && stopLoss.isPositive() ? stopLoss : null,
  };
}

/** The stop leg's limit price: a little below the trigger, on the tick. */
export function stopLimitPrice(stop: Decimal, market: Market): Decimal {
  return stop.mul(Decimal.from(1).sub(STOP_LIMIT_ALLOWANCE)).roundToStep(market.tickSize, 'floor');
}
