/**
 * Binance spot's native OCO through ccxt's implicit API (ccxt has no unified spot OCO):
 * `POST /api/v3/orderList/oco` (the above/below endpoint), `GET /api/v3/orderList` and
 * `DELETE /api/v3/orderList`. A sell OCO protects a long: above = LIMIT_MAKER take-profit,
 * below = STOP_LOSS_LIMIT (or STOP_LOSS without a limit); a buy OCO mirrors it.
 */
import {
  type ExchangeOco,
  type ExchangeOrder,
  type Market,
  type OcoRef,
  type OcoRequest,
  type OcoStatus,
} from '../types';
import { type CcxtClient } from './ccxt-types';
import { readBinanceOrder } from './binance-order';
import { type Raw, asRaw, rawString } from './raw-fields';
import { type OcoDriver } from './venue-profile';

/** The implicit endpoints, as ccxt generates them on the binance class. */
interface BinanceOcoApi {
  privatePostOrderListOco(params: Record<string, string>): Promise<unknown>;
  privateGetOrderList(params: Record<string, string>): Promise<unknown>;
  privateDeleteOrderList(params: Record<string, string>): Promise<unknown>;
}

const api = (client: CcxtClient): BinanceOcoApi => client as unknown as BinanceOcoApi;

/** Binance client ids: at most 36 of `[.A-Z:/a-z0-9_-]`. */
const legId = (clientOcoId: string, suffix: string): string | undefined => {
  const id = `${clientOcoId}-${suffix}`;
  return id.length <= 36 ? id : undefined;
};

export function binanceOcoParams(market: Market, request: OcoRequest): Record<string, string> {
  const take = {
    type: 'LIMIT_MAKER',
    price: request.takeProfitPrice,
    id: legId(request.clientOcoId, 'tp'),
  };
  const stop = request.stopLimitPrice
    ? {
        type: 'STOP_LOSS_LIMIT',
        price: request.stopLimitPrice,
        stopPrice: request.stopPrice,
        timeInForce: 'GTC',
      }
    : { type: 'STOP_LOSS', stopPrice: request.stopPrice };
  const [above, below] = request.side === 'sell' ? [take, stop] : [stop, take];
  const params: Record<string, string> = {
    symbol: market.venueSymbol,
    side: request.side === 'sell' ? 'SELL' : 'BUY',
    quantity: request.quantity,
    listClientOrderId: request.clientOcoId,
    newOrderRespType: 'FULL',
  };
  const stopId = legId(request.clientOcoId, 'sl');
  for (const [prefix, leg] of [
    ['above', above],
    ['below', below],
  ] as const) {
    params[`${prefix}Type`] = leg.type;
    if ('price' in leg && leg.price) params[`${prefix}Price`] = leg.price;
    if ('stopPrice' in leg && leg.stopPrice) params[`${prefix}StopPrice`] = leg.stopPrice;
    if ('timeInForce' in leg && leg.timeInForce) params[`${prefix}TimeInForce`] = leg.timeInForce;
    const id = leg === take ? take.id : stopId;
    if (id) params[`${prefix}ClientOrderId`] = id;
  }
  return params;
}

const isTakeProfitLeg = (order: ExchangeOrder, raw: Raw): boolean => {
  const type = rawString(raw, 'type') ?? '';
  return (
    type === 'LIMIT_MAKER' ||
    type.startsWith('TAKE_PROFIT') ||
    (order.type === 'limit' && !order.stopPrice)
  );
};

/** An order list with its legs (take-profit first). */
function toOco(list: Raw, market: Market, reports: Raw[], now: number): ExchangeOco {
  const legs = reports.map((raw) => ({ order: readBinanceOrder(raw, market, now), raw }));
  legs.sort(
    (a, b) => Number(isTakeProfitLeg(b.order, b.raw)) - Number(isTakeProfitLeg(a.order, a.raw)),
  );
  const orders = legs.map((l) => l.order);
  const executing = rawString(list, 'listOrderStatus') === 'EXECUTING';
  const filled = orders.some((o) => o.status === 'filled' || o.status === 'partially_filled');
  const status: OcoStatus = executing ? 'open' : filled ? 'done' : 'canceled';
  return {
    id: rawString(list, 'orderListId') ?? '',
    clientOcoId: rawString(list, 'listClientOrderId') ?? '',
    symbol: market.symbol,
    status,
    legs: orders,
  };
}

const refParams = (ref: OcoRef, clientKey: string): Record<string, string> =>
  'id' in ref ? { orderListId: ref.id } : { [clientKey]: ref.clientOcoId };

function reportsOf(answer: Raw): Raw[] {
  return Array.isArray(answer.orderReports) ? answer.orderReports.map(asRaw) : [];
}

export function createBinanceOco(now: () => number): OcoDriver {
  return {
    async create(client, market, request) {
      const answer = asRaw(
        await api(client).privatePostOrderListOco(binanceOcoParams(market, request)),
      );
      return toOco(answer, market, reportsOf(answer), now());
    },
    async fetch(client, market, ref) {
      let list: Raw;
      try {
        list = asRaw(await api(client).privateGetOrderList(refParams(ref, 'origClientOrderId')));
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
      const legs = Array.isArray(list.orders) ? list.orders.map(asRaw) : [];
      const reports: Raw[] = [];
      for (const leg of legs) {
        const order = await client.fetchOrder(rawString(leg, 'orderId') ?? '', market.symbol);
        reports.push(asRaw(order.info));
      }
      return toOco(list, market, reports, now());
    },
    async cancel(client, market, ref) {
      const answer = asRaw(
        await api(client).privateDeleteOrderList({
          symbol: market.venueSymbol,
          ...refParams(ref, 'listClientOrderId'),
        }),
      );
      return toOco(answer, market, reportsOf(answer), now());
    },
  };
}

/** Binance's "no such order/list" (-2013, -2011), whatever ccxt class carries it. */
export function isNotFound(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /"code":\s*-(2013|2011)\b/.test(message);
}
