import { Decimal } from '../../core/money';
import { listPaperBalances } from '../../db/queries/paper';
import { findPaperOrder, listOpenPaperOrders, listPaperFills } from '../../db/queries/paper-orders';
import { findPaperOcoWithLegs } from '../../db/queries/paper-ocos';
import { type Capabilities, type Exchange } from '../types';
import { cancelOco, cancelOrder } from './cancel';
import { requireMarket } from './check-order-request';
import { matchOpenOrders, type MatchReport } from './match-open-orders';
import { createPaperContext, type PaperExchangeOptions } from './paper-context';
import { placeOco } from './place-oco';
import { placeOrder } from './place-order';
import { toAssetBalance, toExchangeOco, toExchangeOrder, toExchangeTrade } from './to-exchange';

export const PAPER_CAPABILITIES: Capabilities = {
  nativeOco: true,
  nativeStopOrders: true,
  orderTypes: ['market', 'limit', 'stop-limit', 'stop-market'],
  fetchOrderByClientId: true,
  maxCandlesPerCall: 1000,
};

/** The paper venue: the Exchange port plus the matching pass the worker runs. */
export interface PaperExchange extends Exchange {
  readonly venue: 'paper';
  readonly accountId: string;
  /**
   * Fills resting orders and OCO lists on what the market did since each was last checked
   * (default: up to the clock's now). Safe to run from several workers at once.
   */
  matchOpenOrders(now?: number): Promise<MatchReport>;
}

/**
 * The paper exchange of one account: orders, fills and balances in PostgreSQL (every change in
 * one transaction, exact decimals), prices from `feed`, fills from the core fill model. Holds
 * no state of its own besides caches, so any number of instances (web, workers, a restarted
 * process) see and match the same orders.
 */
export function createPaperExchange(options: PaperExchangeOptions): PaperExchange {
  const ctx = createPaperContext(options);
  const { db, accountId, feed } = ctx;

  return {
    venue: 'paper',
    accountId,
    capabilities: PAPER_CAPABILITIES,
    async connect() {
      await ctx.settings();
      await ctx.markets();
    },
    close: () => Promise.resolve(),
    loadMarkets: (reload) => ctx.markets(reload),
    async fetchBalance() {
      await ctx.settings();
      return (await listPaperBalances(db, accountId)).map(toAssetBalance);
    },
    async fetchTicker(symbol) {
      requireMarket(await ctx.markets(), symbol);
      return feed.ticker(symbol, ctx.clock());
    },
    async fetchOHLCV(request) {
      requireMarket(await ctx.markets(), request.symbol);
      return feed.candles(request, ctx.clock());
    },
    createOrder: (request) => placeOrder(ctx, request),
    cancelOrder: (symbol, ref) => cancelOrder(ctx, symbol, ref),
    async fetchOrder(symbol, ref) {
      const row = await findPaperOrder(db, accountId, ref);
      return row?.symbol === symbol ? toExchangeOrder(row) : null;
    },
    async fetchOpenOrders(symbol) {
      return (await listOpenPaperOrders(db, accountId, { symbol })).map(toExchangeOrder);
    },
    async fetchMyTrades(symbol, since) {
      return (await listPaperFills(db, accountId, { symbol, since })).map(toExchangeTrade);
    },
    async fetchPositions() {
      const [settings, markets, balances] = await Promise.all([
        ctx.settings(),
        ctx.markets(),
        listPaperBalances(db, accountId),
      ]);
      const bases = new Set([...markets.values()].map((m) => m.base));
      return balances
        .filter((b) => b.asset !== settings.quote && bases.has(b.asset))
        .map((b) => ({ asset: b.asset, quantity: Decimal.from(b.free).add(b.locked) }))
        .filter((p) => !p.quantity.isZero())
        .map((p) => ({ asset: p.asset, quantity: p.quantity.toString() }));
    },
    createOco: (request) => placeOco(ctx, request),
    async fetchOco(symbol, ref) {
      const found = await findPaperOcoWithLegs(db, accountId, ref);
      if (found?.oco.symbol !== symbol) return null;
      return toExchangeOco(found.oco, found.legs);
    },
    cancelOco: (symbol, ref) => cancelOco(ctx, symbol, ref),
    matchOpenOrders: (now) => matchOpenOrders(ctx, now ?? ctx.clock()),
  };
}
