/**
 * Binance spot as a ccxt venue: native OCO and stop orders, 1000 candles per call, lookups by
 * `origClientOrderId`, exact strings read from the raw answers.
 */
import { type Capabilities } from '../types';
import { createBinanceOco } from './binance-oco';
import { readBinanceMarket } from './binance-market';
import { readBinanceOrder, readBinanceTrade } from './binance-order';
import { type Raw, asRaw, decimalOr, rawString } from './raw-fields';
import { type CcxtOrderArgs, type VenueProfile } from './venue-profile';
import { Decimal } from '../../core/money';

export const BINANCE_CAPABILITIES: Capabilities = {
  nativeOco: true,
  nativeStopOrders: true,
  orderTypes: ['market', 'limit', 'stop-limit', 'stop-market'],
  fetchOrderByClientId: true,
  maxCandlesPerCall: 1000,
};

export function binanceProfile(now: () => number): VenueProfile {
  return {
    venue: 'binance',
    ccxtId: 'binance',
    capabilities: BINANCE_CAPABILITIES,
    ccxtOptions: {
      defaultType: 'spot',
      fetchMarkets: { types: ['spot'] },
      fetchCurrencies: false,
      fetchMargins: false,
      warnOnFetchOpenOrdersWithoutSymbol: false,
      newOrderRespType: { market: 'FULL', limit: 'FULL' },
    },
    cashAssets: ['USDT', 'USDC', 'FDUSD', 'BUSD', 'TUSD', 'DAI', 'USD', 'EUR'],
    notFoundCodes: ['-2013', '-2011'],
    defaultRetryAfterMs: { 429: 60_000, 418: 120_000 },
    readMarket: (market) => readBinanceMarket(market, BINANCE_CAPABILITIES.orderTypes),
    readOrder: (order, market) => readBinanceOrder(order.info, market, order.timestamp ?? now()),
    readTrade: (trade, market) => readBinanceTrade(trade.info, market),
    readBalances: (balances) => {
      const rows = asRaw(balances.info).balances;
      return (Array.isArray(rows) ? rows.map(asRaw) : [])
        .map((row: Raw) => ({
          asset: rawString(row, 'asset') ?? '',
          free: decimalOr(row.free),
          locked: decimalOr(row.locked),
        }))
        .filter((b) => b.asset !== '' && !Decimal.from(b.free).add(b.locked).isZero());
    },
    orderArgs: (request): CcxtOrderArgs => {
      const params: Record<string, unknown> = { clientOrderId: request.clientOrderId };
      if (request.stopPrice !== undefined) params.triggerPrice = request.stopPrice;
      if (request.type === 'market' || request.type === 'stop-market')
        return { type: 'market', params };
      return {
        type: 'limit',
        price: Number(request.price),
        params: { ...params, timeInForce: 'GTC' },
      };
    },
    fetchOrderByClientId: (client, market, clientOrderId) =>
      client.fetchOrder('', market.symbol, { clientOrderId }),
    cancelOrderByClientId: (client, market, clientOrderId) =>
      client.cancelOrder('', market.symbol, { clientOrderId }),
    fetchOrderTrades: (client, market, orderId) =>
      client.fetchMyTrades(market.symbol, undefined, undefined, { orderId }),
    cancelReturnsOrder: true,
    oco: createBinanceOco(now),
    keyPermissions: async (client) => {
      const restrictions = await (
        client as unknown as {
          sapiGetAccountApiRestrictions: () => Promise<{ enableWithdrawals?: boolean }>;
        }
      ).sapiGetAccountApiRestrictions();
      return {
        withdrawals:
          typeof restrictions.enableWithdrawals === 'boolean'
            ? restrictions.enableWithdrawals
            : null,
      };
    },
  };
}
