/**
 * Local pre-trade validation of an order against its market's filters (step, tick, min/max
 * quantity, min notional, price band around the last price), run before any request is sent,
 * so a breach costs no request and gets a clear message instead of the venue's code.
 */
import { type Decimal } from '../../core/money';
import { type Market, type OrderRequest } from '../types';
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

const NEEDS_PRICE = new Set(['limit', 'stop-limit']);
const NEEDS_STOP = new Set(['stop-limit', 'stop-market']);

/** The first rule the order breaks, or null. Pure. */
export function findOrderViolation(
  market: Market,
  request: OrderRequest,
  context: ValidationContext = {},
): OrderViolation | null {
  const { symbol } = market;
  if (request.symbol !== symbol)
    return violation('invalid_order', `order for ${request.symbol} checked against ${symbol}`);
  if (!market.active) return violation('invalid_order', `${symbol}: the market is not trading`);
  if (!market.orderTypes.includes(request.type)) {
    return violation(
      'invalid_order',
      `${symbol}: ${request.type} orders are not supported (supported: ${market.orderTypes.join(', ')})`,
    );
  }
  if (!request.clientOrderId)
    return violation('invalid_order', `${symbol}: clientOrderId is required`);
  const quantity = readPositive(request.quantity, 'quantity', symbol);
  if (isViolation(quantity)) return quantity;
  let price: Decimal | undefined;
  if (NEEDS_PRICE.has(request.type)) {
    const read = readPositive(request.price, 'price', symbol);
    if (isViolation(read)) return read;
    price = read;
  } else if (request.price !== undefined) {
    return violation('invalid_order', `${symbol}: a ${request.type} order takes no price`);
  }
  let stop: Decimal | undefined;
  if (NEEDS_STOP.has(request.type)) {
    const read = readPositive(request.stopPrice, 'stopPrice', symbol);
    if (isViolation(read)) return read;
    stop = read;
  } else if (request.stopPrice !== undefined) {
    return violation('invalid_order', `${symbol}: a ${request.type} order takes no stopPrice`);
  }
  const last =
    context.lastPrice === undefined
      ? undefined
      : readPositive(context.lastPrice, 'last price', symbol);
  const lastPrice = isViolation(last) ? undefined : last;

  const found =
    checkQuantity(market, quantity) ??
    (price ? checkTick(market, price, 'price') : null) ??
    (stop ? checkTick(market, stop, 'stop price') : null) ??
    (price ? checkBand(market, price, 'price', lastPrice) : null);
  if (found) return found;
  const reference = price ?? stop ?? lastPrice;
  return reference ? checkNotional(market, quantity, reference, 'order') : null;
}

/** Throws `ExchangeError('rejected', 'filter_violation' | 'invalid_order')` on the first breach. */
export function assertValidOrder(
  market: Market,
  request: OrderRequest,
  context: ValidationContext = {},
): void {
  throwIfViolation(findOrderViolation(market, request, context));
}
