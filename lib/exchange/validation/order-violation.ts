/** What local pre-trade validation reports, and the shared checks behind it. */
import { Decimal } from '../../core/money';
import { ExchangeError } from '../exchange-error';
import { type Market } from '../types';

export interface OrderViolation {
  /** `filter_violation`: breaks a market filter; `invalid_order`: malformed or unsupported. */
  code: 'filter_violation' | 'invalid_order';
  message: string;
}

export interface ValidationContext {
  /** A recent last/average price, for market-order notional and the price band. */
  lastPrice?: string;
}

export const violation = (code: OrderViolation['code'], message: string): OrderViolation => ({
  code,
  message,
});

/** A positive decimal, or a violation naming the field. */
export function readPositive(
  value: string | undefined,
  field: string,
  symbol: string,
): Decimal | OrderViolation {
  if (value === undefined || value === '')
    return violation('invalid_order', `${symbol}: ${field} is required`);
  if (!/^\d+(\.\d+)?$/.test(value.trim())) {
    return violation('invalid_order', `${symbol}: ${field} "${value}" is not a plain decimal`);
  }
  const parsed = Decimal.from(value.trim());
  if (!parsed.isPositive())
    return violation('invalid_order', `${symbol}: ${field} must be positive, got ${value}`);
  return parsed;
}

export const isViolation = (value: unknown): value is OrderViolation =>
  typeof value === 'object' && value !== null && 'code' in value && 'message' in value;

const onStep = (value: Decimal, step: Decimal): boolean =>
  step.isZero() || value.roundToStep(step, 'floor').eq(value);

export function checkQuantity(market: Market, quantity: Decimal): OrderViolation | null {
  const { symbol } = market;
  if (quantity.lt(market.minQty)) {
    return violation(
      'filter_violation',
      `${symbol}: quantity ${quantity.toString()} is below the minimum ${Decimal.from(market.minQty).toString()}`,
    );
  }
  if (
    market.maxQty !== undefined &&
    !Decimal.from(market.maxQty).isZero() &&
    quantity.gt(market.maxQty)
  ) {
    return violation(
      'filter_violation',
      `${symbol}: quantity ${quantity.toString()} is above the maximum ${Decimal.from(market.maxQty).toString()}`,
    );
  }
  const step = Decimal.from(market.stepSize);
  if (!onStep(quantity, step)) {
    return violation(
      'filter_violation',
      `${symbol}: quantity ${quantity.toString()} is not a multiple of the step size ${step.toString()}`,
    );
  }
  return null;
}

export function checkTick(market: Market, price: Decimal, field: string): OrderViolation | null {
  const tick = Decimal.from(market.tickSize);
  if (onStep(price, tick)) return null;
  return violation(
    'filter_violation',
    `${market.symbol}: ${field} ${price.toString()} is not a multiple of the tick size ${tick.toString()}`,
  );
}

export function checkNotional(
  market: Market,
  quantity: Decimal,
  price: Decimal,
  what: string,
): OrderViolation | null {
  const notional = quantity.mul(price);
  if (notional.gte(market.minNotional)) return null;
  return violation(
    'filter_violation',
    `${market.symbol}: ${what} value ${notional.toString()} ${market.quote} is below the minimum notional ${Decimal.from(market.minNotional).toString()}`,
  );
}

export function checkBand(
  market: Market,
  price: Decimal,
  field: string,
  lastPrice: Decimal | undefined,
): OrderViolation | null {
  if (!market.priceBand || !lastPrice) return null;
  const low = lastPrice.mul(market.priceBand.multiplierDown);
  const high = lastPrice.mul(market.priceBand.multiplierUp);
  if (price.gte(low) && price.lte(high)) return null;
  return violation(
    'filter_violation',
    `${market.symbol}: ${field} ${price.toString()} is outside the allowed band ${low.toString()} to ${high.toString()} around the last price ${lastPrice.toString()}`,
  );
}

/** Throws `ExchangeError('rejected', code)` for a violation; does nothing for null. */
export function throwIfViolation(found: OrderViolation | null): void {
  if (found) throw new ExchangeError('rejected', found.code, found.message);
}
