/** The Binance spot endpoints the fake serves, public and SIGNED, over the ledger. */
import { binanceErrors } from './binance-errors';
import { queryKlines } from './klines';
import { type Ledger } from './ledger';
import { newClientId } from './order-draft';
import {
  cancelJson,
  fmt,
  newOrderFullJson,
  orderJson,
  orderListJson,
  orderReportJson,
  tradeJson,
} from './ledger-types';
import { type Params, optionalInt, required } from './parse-params';
import { exchangeInfoSymbol } from './symbols';

export interface RouteContext {
  ledger: Ledger;
  now: () => number;
  firstKlineTime: number;
}

export interface Route {
  signed: boolean;
  run: (params: Params, ctx: RouteContext) => unknown;
}

function tickerSymbols(params: Params, ctx: RouteContext): string[] {
  if (params.symbol) return [ctx.ledger.symbol(params.symbol).symbol];
  if (params.symbols) {
    const list = JSON.parse(params.symbols) as string[];
    return list.map((s) => ctx.ledger.symbol(s).symbol);
  }
  return ctx.ledger.allSymbols().map((s) => s.symbol);
}

/** One ticker object per symbol; a single object when `symbol` was given. */
function perSymbol(params: Params, ctx: RouteContext, build: (symbol: string) => unknown): unknown {
  const rows = tickerSymbols(params, ctx).map(build);
  return params.symbol ? rows[0] : rows;
}

function ticker24h(symbol: string, ctx: RouteContext): Record<string, unknown> {
  const price = fmt(ctx.ledger.price(symbol));
  const now = ctx.now();
  return {
    symbol,
    priceChange: '0.00000000',
    priceChangePercent: '0.000',
    weightedAvgPrice: price,
    prevClosePrice: price,
    lastPrice: price,
    lastQty: '0.01000000',
    bidPrice: price,
    bidQty: '1.00000000',
    askPrice: price,
    askQty: '1.00000000',
    openPrice: price,
    highPrice: price,
    lowPrice: price,
    volume: '1000.00000000',
    quoteVolume: '1000.00000000',
    openTime: now - 86_400_000,
    closeTime: now,
    firstId: 1,
    lastId: 1000,
    count: 1000,
  };
}

function newOrderAnswer(params: Params, ctx: RouteContext): unknown {
  const order = ctx.ledger.placeOrder(params);
  const now = ctx.now();
  const respType =
    params.newOrderRespType ?? (order.type === 'MARKET' || order.type === 'LIMIT' ? 'FULL' : 'ACK');
  if (respType === 'ACK') {
    return {
      symbol: order.symbol,
      orderId: order.orderId,
      orderListId: order.orderListId,
      clientOrderId: order.clientOrderId,
      transactTime: now,
    };
  }
  return respType === 'RESULT' ? orderReportJson(order, now) : newOrderFullJson(order, now);
}

function listAnswer(
  ctx: RouteContext,
  listId: number,
  withReports: boolean,
): Record<string, unknown> {
  const list = ctx.ledger.findList({ orderListId: String(listId) });
  const legs = ctx.ledger.legs(list);
  const json = orderListJson(list, legs);
  if (withReports) json.orderReports = legs.map((leg) => orderReportJson(leg, ctx.now()));
  return json;
}

function myTrades(params: Params, ctx: RouteContext): unknown {
  const symbol = ctx.ledger.symbol(required(params, 'symbol')).symbol;
  const orderId = optionalInt(params, 'orderId');
  const fromId = optionalInt(params, 'fromId');
  const start = optionalInt(params, 'startTime');
  const end = optionalInt(params, 'endTime');
  const limit = Math.min(optionalInt(params, 'limit') ?? 500, 1000);
  return ctx.ledger
    .allTrades()
    .filter(
      (t) =>
        t.symbol === symbol &&
        (orderId === undefined || t.orderId === orderId) &&
        (fromId === undefined || t.id >= fromId) &&
        (start === undefined || t.time >= start) &&
        (end === undefined || t.time <= end),
    )
    .slice(0, limit)
    .map(tradeJson);
}

export const ROUTES: Record<string, Route> = {
  'GET /api/v3/ping': { signed: false, run: () => ({}) },
  'GET /api/v3/time': { signed: false, run: (_p, ctx) => ({ serverTime: ctx.now() }) },
  'GET /api/v3/exchangeInfo': {
    signed: false,
    run: (params, ctx) => ({
      timezone: 'UTC',
      serverTime: ctx.now(),
      rateLimits: [
        { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 6000 },
        { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 100 },
        { rateLimitType: 'ORDERS', interval: 'DAY', intervalNum: 1, limit: 200000 },
        { rateLimitType: 'RAW_REQUESTS', interval: 'MINUTE', intervalNum: 5, limit: 61000 },
      ],
      exchangeFilters: [],
      symbols: tickerSymbols(params, ctx).map((s) => exchangeInfoSymbol(ctx.ledger.symbol(s))),
    }),
  },
  'GET /api/v3/ticker/price': {
    signed: false,
    run: (params, ctx) =>
      perSymbol(params, ctx, (symbol) => ({ symbol, price: fmt(ctx.ledger.price(symbol)) })),
  },
  'GET /api/v3/ticker/bookTicker': {
    signed: false,
    run: (params, ctx) =>
      perSymbol(params, ctx, (symbol) => {
        const price = fmt(ctx.ledger.price(symbol));
        return {
          symbol,
          bidPrice: price,
          bidQty: '1.00000000',
          askPrice: price,
          askQty: '1.00000000',
        };
      }),
  },
  'GET /api/v3/ticker/24hr': {
    signed: false,
    run: (params, ctx) => perSymbol(params, ctx, (s) => ticker24h(s, ctx)),
  },
  'GET /api/v3/avgPrice': {
    signed: false,
    run: (params, ctx) => ({
      mins: 5,
      price: fmt(ctx.ledger.price(ctx.ledger.symbol(required(params, 'symbol')).symbol)),
      closeTime: ctx.now(),
    }),
  },
  'GET /api/v3/klines': {
    signed: false,
    run: (params, ctx) => {
      const symbol = ctx.ledger.symbol(required(params, 'symbol'));
      const query = {
        symbol: symbol.symbol,
        interval: required(params, 'interval'),
        startTime: optionalInt(params, 'startTime'),
        endTime: optionalInt(params, 'endTime'),
        limit: optionalInt(params, 'limit'),
      };
      return queryKlines(query, Number(symbol.defaultPrice), ctx.now(), ctx.firstKlineTime);
    },
  },
  'GET /api/v3/account': {
    signed: true,
    run: (params, ctx) => ({
      makerCommission: 10,
      takerCommission: 10,
      buyerCommission: 0,
      sellerCommission: 0,
      commissionRates: {
        maker: '0.00100000',
        taker: '0.00100000',
        buyer: '0.00000000',
        seller: '0.00000000',
      },
      canTrade: true,
      canWithdraw: false,
      canDeposit: true,
      brokered: false,
      requireSelfTradePrevention: false,
      preventSor: false,
      updateTime: ctx.now(),
      accountType: 'SPOT',
      balances: ctx.ledger
        .allBalances()
        .filter((b) => params.omitZeroBalances !== 'true' || !b.free.add(b.locked).isZero())
        .map((b) => ({ asset: b.asset, free: fmt(b.free), locked: fmt(b.locked) })),
      permissions: ['SPOT'],
      uid: 354937868,
    }),
  },
  'GET /sapi/v1/account/apiRestrictions': {
    signed: true,
    run: (_params, ctx) => ({
      ipRestrict: false,
      createTime: ctx.now(),
      enableReading: true,
      enableSpotAndMarginTrading: true,
      enableWithdrawals: ctx.ledger.withdrawalsEnabled,
      enableInternalTransfer: false,
      enableMargin: false,
      enableFutures: false,
      permitsUniversalTransfer: false,
      enableVanillaOptions: false,
    }),
  },
  'POST /api/v3/order': { signed: true, run: newOrderAnswer },
  'GET /api/v3/order': {
    signed: true,
    run: (params, ctx) => orderJson(ctx.ledger.findOrder(required(params, 'symbol'), params)),
  },
  'DELETE /api/v3/order': {
    signed: true,
    run: (params, ctx) => {
      const order = ctx.ledger.cancelOrder(required(params, 'symbol'), params);
      return cancelJson(order, ctx.now(), params.newClientOrderId ?? newClientId());
    },
  },
  'GET /api/v3/openOrders': {
    signed: true,
    run: (params, ctx) => ctx.ledger.openOrders(params.symbol).map(orderJson),
  },
  'GET /api/v3/myTrades': { signed: true, run: myTrades },
  'POST /api/v3/orderList/oco': {
    signed: true,
    run: (params, ctx) => listAnswer(ctx, ctx.ledger.placeOco(params).list.orderListId, true),
  },
  'GET /api/v3/orderList': {
    signed: true,
    run: (params, ctx) => listAnswer(ctx, ctx.ledger.findList(params).orderListId, false),
  },
  'DELETE /api/v3/orderList': {
    signed: true,
    run: (params, ctx) =>
      listAnswer(ctx, ctx.ledger.cancelList(required(params, 'symbol'), params).orderListId, true),
  },
  'GET /api/v3/openOrderList': {
    signed: true,
    run: (_params, ctx) =>
      ctx.ledger
        .allLists()
        .map((list) => orderListJson(list, ctx.ledger.legs(list)))
        .filter((json) => json.listStatusType !== 'ALL_DONE'),
  },
};

export const unknownRoute = () => binanceErrors.unknownPath();
