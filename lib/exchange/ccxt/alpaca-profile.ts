/**
 * Alpaca crypto as a ccxt venue: no native OCO (the exit monitor emulates it), stop-limit orders,
 * key headers instead of signatures, lookups through `GET /v2/orders:by_client_order_id`, and a
 * cancel that answers 204 with no body (the order is fetched again).
 */
import { type Capabilities } from '../types';
import {
  readAlpacaBalances,
  readAlpacaMarket,
  readAlpacaOrder,
  readAlpacaTrade,
} from './alpaca-readers';
import { type CcxtClient, type CcxtOrder } from './ccxt-types';
import { type CcxtOrderArgs, type VenueProfile } from './venue-profile';

export const ALPACA_CAPABILITIES: Capabilities = {
  nativeOco: false,
  nativeStopOrders: true,
  orderTypes: ['market', 'limit', 'stop-limit'],
  fetchOrderByClientId: true,
  maxCandlesPerCall: 1000,
};

async function orderByClientId(client: CcxtClient, clientOrderId: string): Promise<CcxtOrder> {
  const raw = (await client.request('v2/orders:by_client_order_id', ['trader', 'private'], 'GET', {
    client_order_id: clientOrderId,
  })) as Record<string, unknown>;
  return client.parseOrder(raw);
}

export function alpacaProfile(now: () => number): VenueProfile {
  return {
    venue: 'alpaca',
    ccxtId: 'alpaca',
    capabilities: ALPACA_CAPABILITIES,
    ccxtOptions: { createOrder: { timeInForce: 'gtc' } },
    cashAssets: ['USD', 'USDT', 'USDC'],
    notFoundCodes: ['40410000'],
    defaultRetryAfterMs: { 429: 60_000, 418: 120_000 },
    readMarket: (market) => readAlpacaMarket(market, ALPACA_CAPABILITIES.orderTypes),
    readOrder: (order, market) => readAlpacaOrder(order.info, market, order.timestamp ?? now()),
    readTrade: (trade, market) => readAlpacaTrade(trade.info, market),
    readBalances: (balances) => readAlpacaBalances(balances.info),
    orderArgs: (request): CcxtOrderArgs => {
      const params: Record<string, unknown> = { clientOrderId: request.clientOrderId };
      if (request.type === 'market') return { type: 'market', params };
      if (request.stopPrice !== undefined) params.triggerPrice = request.stopPrice;
      return { type: 'limit', price: Number(request.price), params };
    },
    fetchOrderByClientId: (client, _market, clientOrderId) =>
      orderByClientId(client, clientOrderId),
    cancelOrderByClientId: async (client, market, clientOrderId) => {
      const order = await orderByClientId(client, clientOrderId);
      await client.cancelOrder(order.id ?? '', market.symbol);
      return order;
    },
    cancelReturnsOrder: false,
  };
}
