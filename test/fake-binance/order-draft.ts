/**
 * A new order as Binance reads `POST /api/v3/order` parameters (mandatory fields per type,
 * decimal checks), and the trigger/limit rules the fake's matching uses.
 */
import { randomBytes } from 'node:crypto';
import { Decimal } from '../../lib/core/money';
import { binanceErrors } from './binance-errors';
import { type LedgerOrder } from './ledger-types';
import { type Params, optionalDecimal, required, requiredDecimal } from './parse-params';
import { type FakeSymbol } from './symbols';

export const LIMIT_TYPES = new Set([
  'LIMIT',
  'LIMIT_MAKER',
  'STOP_LOSS_LIMIT',
  'TAKE_PROFIT_LIMIT',
]);
export const STOP_TYPES = new Set([
  'STOP_LOSS',
  'STOP_LOSS_LIMIT',
  'TAKE_PROFIT',
  'TAKE_PROFIT_LIMIT',
]);
const TIF_TYPES = new Set(['LIMIT', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT']);

export const newClientId = (): string => randomBytes(11).toString('base64url');

export function draftOrder(
  symbol: FakeSymbol,
  params: Params,
  orderId: number,
  now: number,
): LedgerOrder {
  const side = required(params, 'side');
  if (side !== 'BUY' && side !== 'SELL') throw binanceErrors.invalidSide();
  const type = required(params, 'type');
  if (!symbol.orderTypes.includes(type)) throw binanceErrors.invalidOrderType();
  const quantity = requiredDecimal(params, 'quantity');
  const price = LIMIT_TYPES.has(type)
    ? requiredDecimal(params, 'price')
    : optionalDecimal(params, 'price');
  if (price && !LIMIT_TYPES.has(type)) throw binanceErrors.mandatory('price');
  const stopPrice = STOP_TYPES.has(type) ? requiredDecimal(params, 'stopPrice') : undefined;
  const timeInForce = TIF_TYPES.has(type) ? required(params, 'timeInForce') : '';
  if (timeInForce && !['GTC', 'IOC', 'FOK'].includes(timeInForce))
    throw binanceErrors.invalidTimeInForce();
  return {
    symbol: symbol.symbol,
    orderId,
    orderListId: -1,
    clientOrderId: params.newClientOrderId ?? newClientId(),
    price: price ?? Decimal.ZERO,
    origQty: quantity,
    executedQty: Decimal.ZERO,
    cummulativeQuoteQty: Decimal.ZERO,
    status: 'NEW',
    timeInForce: timeInForce || 'GTC',
    type,
    side,
    stopPrice: stopPrice ?? Decimal.ZERO,
    time: now,
    updateTime: now,
    workingTime: now,
    isWorking: !STOP_TYPES.has(type),
    lock: null,
    fills: [],
  };
}

/** A stop-loss buy (or take-profit sell) triggers on a rise, the other two on a fall. */
export function triggers(order: LedgerOrder, p: Decimal): boolean {
  const stopLoss = order.type.startsWith('STOP_LOSS');
  const rising = (order.side === 'BUY') === stopLoss;
  return rising ? p.gte(order.stopPrice) : p.lte(order.stopPrice);
}

/** The price reached the order's limit (a buy at or below it, a sell at or above). */
export function limitReached(order: LedgerOrder, p: Decimal): boolean {
  return order.side === 'BUY' ? p.lte(order.price) : p.gte(order.price);
}
