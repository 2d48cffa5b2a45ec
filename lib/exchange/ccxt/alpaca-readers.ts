/** Alpaca's raw JSON (assets, orders, FILL activities, account + positions) read into port types. */
import { Decimal } from '../../core/money';
import {
  type AssetBalance,
  type ExchangeOrder,
  type ExchangeOrderType,
  type ExchangeTrade,
  type Market,
  type OrderStatus,
} from '../types';
import { type CcxtMarket } from './ccxt-types';
import { asRaw, decimalOr, decimalText, rawString } from './raw-fields';

const STATUSES: Record<string, OrderStatus> = {
  new: 'open',
  accepted: 'open',
  pending_new: 'open',
  accepted_for_bidding: 'open',
  held: 'open',
  pending_replace: 'open',
  partially_filled: 'partially_filled',
  filled: 'filled',
  canceled: 'canceled',
  pending_cancel: 'canceled',
  replaced: 'canceled',
  done_for_day: 'expired',
  expired: 'expired',
  rejected: 'rejected',
};

const TYPES: Record<string, ExchangeOrderType> = {
  market: 'market',
  limit: 'limit',
  stop_limit: 'stop-limit',
  stop: 'stop-market',
};

const time = (value: unknown): number | undefined => {
  const text = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(text) ? undefined : text;
};

export function readAlpacaMarket(
  market: CcxtMarket,
  orderTypes: readonly ExchangeOrderType[],
): Market {
  const info = asRaw(market.info);
  return {
    symbol: market.symbol,
    venueSymbol: market.id ?? '',
    base: market.base ?? '',
    quote: market.quote ?? '',
    active: rawString(info, 'status') === 'active' && info.tradable !== false,
    stepSize: decimalOr(info.min_trade_increment),
    tickSize: decimalOr(info.price_increment),
    minQty: decimalOr(info.min_order_size),
    minNotional: decimalOr(market.limits.cost?.min),
    orderTypes,
  };
}

export function readAlpacaOrder(
  rawInfo: unknown,
  market: Market,
  fallbackTime: number,
): ExchangeOrder {
  const info = asRaw(rawInfo);
  const createdAt = time(info.created_at) ?? time(info.submitted_at) ?? fallbackTime;
  const order: ExchangeOrder = {
    id: rawString(info, 'id') ?? '',
    clientOrderId: rawString(info, 'client_order_id') ?? '',
    symbol: market.symbol,
    side: rawString(info, 'side') === 'sell' ? 'sell' : 'buy',
    type: TYPES[rawString(info, 'order_type') ?? rawString(info, 'type') ?? ''] ?? 'limit',
    status: STATUSES[rawString(info, 'status') ?? ''] ?? 'open',
    quantity: decimalOr(info.qty),
    filledQuantity: decimalOr(info.filled_qty),
    fees: [],
    createdAt,
    updatedAt: time(info.updated_at) ?? createdAt,
  };
  const average = decimalText(info.filled_avg_price);
  if (average !== undefined && Decimal.from(order.filledQuantity).isPositive())
    order.averagePrice = average;
  const price = decimalText(info.limit_price);
  if (price !== undefined) order.price = price;
  const stop = decimalText(info.stop_price);
  if (stop !== undefined) order.stopPrice = stop;
  return order;
}

/** A FILL activity. Alpaca charges crypto fees in the asset received and does not report them here. */
export function readAlpacaTrade(rawInfo: unknown, market: Market): ExchangeTrade {
  const info = asRaw(rawInfo);
  return {
    id: rawString(info, 'id') ?? '',
    orderId: rawString(info, 'order_id') ?? '',
    symbol: market.symbol,
    side: rawString(info, 'side') === 'sell' ? 'sell' : 'buy',
    price: decimalOr(info.price),
    quantity: decimalOr(info.qty),
    fee: '0',
    feeAsset: market.quote,
    time: time(info.transaction_time) ?? 0,
  };
}

/** Cash from the account (`cash` already excludes open-order holds), coins from the positions. */
export function readAlpacaBalances(rawInfo: unknown): AssetBalance[] {
  const info = asRaw(rawInfo);
  const account = asRaw(info.account);
  const out: AssetBalance[] = [];
  const currency = rawString(account, 'currency');
  const cash = decimalText(account.cash);
  if (currency && cash !== undefined) {
    const equity = decimalText(account.equity);
    const inPositions = decimalText(account.position_market_value) ?? '0';
    const held =
      equity === undefined
        ? Decimal.ZERO
        : Decimal.max(Decimal.from(equity).sub(inPositions).sub(cash), 0);
    out.push({ asset: currency, free: cash, locked: held.toString() });
  }
  const positions = Array.isArray(info.positions) ? info.positions.map(asRaw) : [];
  for (const position of positions) {
    const symbol = rawString(position, 'symbol') ?? '';
    const asset = symbol.includes('/') ? symbol.split('/')[0] : symbol.replace(/USD$/, '');
    const qty = decimalText(position.qty);
    if (!asset || qty === undefined) continue;
    const available = decimalText(position.qty_available) ?? qty;
    out.push({ asset, free: available, locked: Decimal.from(qty).sub(available).toString() });
  }
  return out.filter((b) => !Decimal.from(b.free).add(b.locked).isZero());
}
