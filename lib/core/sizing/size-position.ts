import { Decimal } from '../money';
import { reject, readSizingInput } from './read-sizing-input';
import { onStep } from './step-rounding';
import { type SizingInput, type SizingLimit, type SizingResult } from './types';

const LIMIT_LABELS: Record<SizingLimit, string> = {
  'risk-budget': 'the risk budget',
  amount: 'the trade amount',
  'max-risk': 'the max risk per trade',
  'max-trade-value': 'the max trade value',
  'max-trade-pct': 'the max % of balance per trade',
  'max-order-value': 'the max order value',
  'max-position-value': 'the max position value',
  balance: 'the free balance',
  'max-qty': "the market's max quantity",
};

/**
 * The quantity to open, in exact decimal arithmetic (no float error):
 * `min(target, policy caps) × sizeMultiplier`, then bounded by the balance (no leverage, fees
 * included) and the market's max quantity, rounded DOWN to the step. The target is
 * `balance × risk% / (|entry − stop| + fees)` in risk mode, `amount / price` otherwise. The price
 * is rounded to the tick first (buy down, sell up) and every value is computed at that price.
 * Below the market's min quantity or min notional the answer is a rejection with the numbers,
 * never an order. Rounding only ever goes down, so no cap is ever exceeded.
 */
export function sizePosition(input: SizingInput): SizingResult {
  const r = readSizingInput(input);
  if (!r.ok) return r;

  const price = r.price.decimal;
  const stop = r.stop?.decimal ?? null;
  const lossPerUnit =
    stop === null
      ? null
      : price
          .sub(stop)
          .abs()
          .add(r.fee.mul(price.add(stop)));
  const scale = (budget: Decimal) => budget.mul(r.multiplier);
  /** Whole steps affordable with `value` of quote currency. */
  const stepsForValue = (value: Decimal, perUnit: Decimal) =>
    value.isPositive() ? value.div(perUnit.mul(r.step), 0, 'floor') : Decimal.ZERO;

  const candidates: [SizingLimit, Decimal][] = [];
  if (r.target.limit === 'risk-budget' && lossPerUnit !== null) {
    candidates.push(['risk-budget', stepsForValue(scale(r.target.value), lossPerUnit)]);
  } else {
    candidates.push(['amount', stepsForValue(scale(r.target.value), price)]);
  }
  if (r.maxRisk !== null && lossPerUnit !== null) {
    candidates.push(['max-risk', stepsForValue(scale(r.maxRisk), lossPerUnit)]);
  }
  for (const [limit, value] of r.valueCaps) {
    candidates.push([limit, stepsForValue(scale(value), price)]);
  }
  candidates.push(['balance', stepsForValue(r.balance, price.mul(r.fee.add(1)))]);
  if (r.maxQty !== null) candidates.push(['max-qty', r.maxQty.div(r.step, 0, 'floor')]);

  let [limitedBy, steps] = candidates[0] ?? ['amount', Decimal.ZERO];
  for (const [limit, n] of candidates) {
    if (n.lt(steps)) [limitedBy, steps] = [limit, n];
  }

  const quantity = onStep(steps.mul(r.step), r.step);
  const notional = quantity.decimal.mul(price);
  const why = LIMIT_LABELS[limitedBy];
  // The smallest quantity the market takes: its minimum, and at least one step.
  const minQty = Decimal.max(r.minQty, r.step);
  if (quantity.decimal.lt(minQty)) {
    return reject(
      'BELOW_MIN_QTY',
      `Quantity ${quantity.text} (limited by ${why}) is below the market minimum ${minQty.toString()}`,
      quantity.value,
      minQty.toNumber(),
    );
  }
  if (notional.lt(r.minNotional)) {
    return reject(
      'BELOW_MIN_NOTIONAL',
      `Order value ${notional.toString()} (limited by ${why}) is below the market minimum ${r.minNotional.toString()}`,
      notional.toNumber(),
      r.minNotional.toNumber(),
    );
  }
  return {
    ok: true,
    quantity: quantity.value,
    quantityText: quantity.text,
    price: r.price.value,
    priceText: r.price.text,
    notional: notional.toNumber(),
    notionalText: notional.toString(),
    stopPrice: r.stop?.value ?? null,
    stopPriceText: r.stop?.text ?? null,
    riskAmount: lossPerUnit === null ? null : quantity.decimal.mul(lossPerUnit).toNumber(),
    limitedBy,
    sizeMultiplier: r.multiplier,
  };
}
