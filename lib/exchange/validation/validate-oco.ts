/**
 * Local pre-trade validation of an OCO exit (take-profit limit + stop leg) against the market's
 * filters, the legs' order (a sell OCO needs take-profit above stop, a buy OCO the reverse) and,
 * when known, the last price (between the legs, or the venue would fill or trigger at once).
 */
import { type Decimal } from '../../core/money';
import { type Market, type OcoRequest } from '../types';
import {
  type OrderViolation,
  type ValidationContext,
  checkBand,
  checkNotional,
  checkQuantity,
  checkTick,
  isViolation,
  readPositive,
  throwIfViolation,
  violation,
} from './order-violation';

/** The first rule the OCO breaks, or null. Pure. */
export function findOcoViolation(
  market: Market,
  request: OcoRequest,
  context: ValidationContext = {},
): OrderViolation | null {
  const { symbol } = market;
  if (request.symbol !== symbol)
    return violation('invalid_order', `OCO for ${request.symbol} checked against ${symbol}`);
  if (!market.active) return violation('invalid_order', `${symbol}: the market is not trading`);
  if (!request.clientOcoId) return violation('invalid_order', `${symbol}: clientOcoId is required`);
  const fields: [string, string | undefined][] = [
    ['quantity', request.quantity],
    ['takeProfitPrice', request.takeProfitPrice],
    ['stopPrice', request.stopPrice],
  ];
  if (request.stopLimitPrice !== undefined) fields.push(['stopLimitPrice', request.stopLimitPrice]);
  const values: Decimal[] = [];
  for (const [name, value] of fields) {
    const read = readPositive(value, name, symbol);
    if (isViolation(read)) return read;
    values.push(read);
  }
  const [quantity, takeProfit, stop, stopLimit = stop] = values as [
    Decimal,
    Decimal,
    Decimal,
    Decimal?,
  ];
  const sell = request.side === 'sell';
  if (sell ? !takeProfit.gt(stop) : !takeProfit.lt(stop)) {
    return violation(
      'invalid_order',
      `${symbol}: a ${request.side} OCO needs the take-profit ${sell ? 'above' : 'below'} the stop (take-profit ${takeProfit.toString()}, stop ${stop.toString()})`,
    );
  }
  const last =
    context.lastPrice === undefined
      ? undefined
      : readPositive(context.lastPrice, 'last price', symbol);
  const lastPrice = isViolation(last) ? undefined : last;
  if (lastPrice) {
    const between = sell
      ? takeProfit.gt(lastPrice) && stop.lt(lastPrice)
      : takeProfit.lt(lastPrice) && stop.gt(lastPrice);
    if (!between) {
      return violation(
        'invalid_order',
        `${symbol}: the last price ${lastPrice.toString()} must lie between the stop ${stop.toString()} and the take-profit ${takeProfit.toString()}`,
      );
    }
  }
  return (
    checkQuantity(market, quantity) ??
    checkTick(market, takeProfit, 'take-profit price') ??
    checkTick(market, stop, 'stop price') ??
    checkTick(market, stopLimit, 'stop limit price') ??
    checkBand(market, takeProfit, 'take-profit price', lastPrice) ??
    checkBand(market, stopLimit, 'stop limit price', lastPrice) ??
    checkNotional(market, quantity, takeProfit, 'take-profit leg') ??
    checkNotional(market, quantity, stopLimit, 'stop leg')
  );
}

export function assertValidOco(
  market: Market,
  request: OcoRequest,
  context: ValidationContext = {},
): void {
  throwIfViolation(findOcoViolation(market, request, context));
}
