/**
 * Binance's raw order JSON (new-order FULL/RESULT answers, `GET /order`, cancel answers, OCO
 * order reports) read into the port's `ExchangeOrder` from the exact strings, not ccxt's floats.
 */
import { Decimal } from '../../core/money';
import {
  type ExchangeOrder,
  type ExchangeOrderType,
  type ExchangeTrade,
  type Market,
  type OrderStatus,
} from '../types';
import { type Raw, asRaw, decimalOr, decimalText, rawNumber, rawString } from './raw-fields';

const TYPES: Record<string, ExchangeOrderType> = {
  MARKET: 'market',
  LIMIT: 'limit',
  LIMIT_MAKER: 'limit',
  STOP_LOSS_LIMIT: 'stop-limit',
  TAKE_PROFIT_LIMIT: 'stop-limit',
  STOP_LOSS: 'stop-market',
  TAKE_PROFIT: 'stop-market',
};

const STATUSES: Record<string, OrderStatus> = {
  NEW: 'open',
  PENDING_NEW: 'open',
  PARTIALLY_FILLED: 'partially_filled',
  FILLED: 'filled',
  CANCELED: 'canceled',
  PENDING_CANCEL: 'canceled',
  REJECTED: 'rejected',
  EXPIRED: 'expired',
  EXPIRED_IN_MATCH: 'expired',
};

export const binanceOrderType = (raw: string | undefined): ExchangeOrderType =>
  TYPES[raw ?? ''] ?? 'limit';

/** Fees of the order's fills, summed per asset (FULL answers carry them). */
function feesOf(info: Raw): { asset: string; amount: string }[] {
  const fills = Array.isArray(info.fills) ? info.fills.map(asRaw) : [];
  const byAsset = new Map<string, Decimal>();
  for (const fill of fills) {
    const asset = rawString(fill, 'commissionAsset');
    const amount = decimalText(fill.commission);
    if (!asset || amount === undefined) continue;
    byAsset.set(asset, (byAsset.get(asset) ?? Decimal.ZERO).add(amount));
  }
  return [...byAsset.entries()].map(([asset, amount]) => ({ asset, amount: amount.toString() }));
}

function positive(value: unknown): string | undefined {
  const text = decimalText(value);
  return text !== undefined && Decimal.from(text).isPositive() ? text : undefined;
}

/** Reads one raw Binance order; `fallbackTime` is used when the answer carries no time. */
export function readBinanceOrder(
  rawInfo: unknown,
  market: Market,
  fallbackTime: number,
): ExchangeOrder {
  const info = asRaw(rawInfo);
  const quantity = decimalOr(info.origQty);
  const filled = decimalOr(info.executedQty);
  const quote = decimalOr(info.cummulativeQuoteQty);
  const filledDec = Decimal.from(filled);
  const createdAt =
    rawNumber(info, 'time') ??
    rawNumber(info, 'transactTime') ??
    rawNumber(info, 'workingTime') ??
    fallbackTime;
  const listId = rawString(info, 'orderListId');
  const type = binanceOrderType(rawString(info, 'type'));
  const order: ExchangeOrder = {
    id: rawString(info, 'orderId') ?? '',
    clientOrderId: rawString(info, 'origClientOrderId') ?? rawString(info, 'clientOrderId') ?? '',
    symbol: market.symbol,
    side: rawString(info, 'side') === 'SELL' ? 'sell' : 'buy',
    type,
    status: STATUSES[rawString(info, 'status') ?? ''] ?? 'open',
    quantity,
    filledQuantity: filled,
    fees: feesOf(info),
    createdAt,
    updatedAt: rawNumber(info, 'updateTime') ?? rawNumber(info, 'transactTime') ?? createdAt,
  };
  if (filledDec.isPositive() && quote !== undefined) {
    order.averagePrice = Decimal.from(quote).div(filledDec, 12, 'half-even').toString();
  }
  const price = type === 'market' || type === 'stop-market' ? undefined : positive(info.price);
  if (price !== undefined) order.price = price;
  const stopPrice = positive(info.stopPrice);
  if (stopPrice !== undefined) order.stopPrice = stopPrice;
  if (listId !== undefined && listId !== '-1') order.ocoId = listId;
  return order;
}

/** Reads one raw Binance `myTrades` row. */
export function readBinanceTrade(rawInfo: unknown, market: Market): ExchangeTrade {
  const info = asRaw(rawInfo);
  return {
    id: rawString(info, 'id') ?? '',
    orderId: rawString(info, 'orderId') ?? '',
    symbol: market.symbol,
    side: info.isBuyer === true ? 'buy' : 'sell',
    price: decimalOr(info.price),
    quantity: decimalOr(info.qty),
    fee: decimalOr(info.commission),
    feeAsset: rawString(info, 'commissionAsset') ?? market.quote,
    time: rawNumber(info, 'time') ?? 0,
  };
}
