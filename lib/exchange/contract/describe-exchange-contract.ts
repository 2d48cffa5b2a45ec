import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dec } from '../../core/money';
import {
  balanceOf,
  change,
  clientId,
  expectBalancesMovedBy,
  priceAt,
  quantityFor,
  snapshot,
  sumQuantity,
  tradesOf,
} from './contract-helpers';
import { type ContractContext, type ContractOptions, type ContractVenue } from './contract-types';
import { describeOcoContract } from './describe-oco-contract';
import { describeRejectionContract } from './describe-rejection-contract';

/** Quote value of the orders the suite places. */
const NOTIONAL = dec(100);

/**
 * One contract for every venue adapter: the same assertions run against the paper exchange and
 * against the ccxt adapter on the fake Binance (balances after fills to the unit, fees, OCO
 * one-cancels-other, step/tick precision, min notional, lookup by client order id, cancel
 * releasing funds). `setup` is called before every test and must return a fresh account.
 */
export function describeExchangeContract(
  name: string,
  setup: () => Promise<ContractVenue>,
  options: ContractOptions = {},
): void {
  const price = options.price ?? '30000';
  let ctx: ContractContext;

  describe(`Exchange contract: ${name}`, () => {
    beforeEach(async () => {
      const venue = await setup();
      const symbol = venue.symbol ?? 'BTC/USDT';
      await venue.setPrice(symbol, price);
      const markets = await venue.exchange.loadMarkets();
      const market = markets.get(symbol);
      if (!market) throw new Error(`The venue has no ${symbol} market`);
      ctx = {
        venue,
        exchange: venue.exchange,
        market,
        symbol,
        price,
        quantity: quantityFor(market, NOTIONAL, price),
        async moveTo(next) {
          await venue.setPrice(symbol, next);
          await venue.advance?.();
        },
      };
    });
    afterEach(async () => {
      await ctx.venue.teardown();
    });

    it('lists the market with its filters and what the venue can do', () => {
      const { market, exchange } = ctx;
      for (const value of [market.stepSize, market.tickSize, market.minNotional]) {
        expect(dec(value).isPositive()).toBe(true);
      }
      expect(exchange.capabilities.orderTypes).toEqual(expect.arrayContaining(['market', 'limit']));
      expect(exchange.capabilities.fetchOrderByClientId).toBe(true);
    });

    it('fills a market buy and moves the balances by exactly its fills and fees', async () => {
      const { exchange, market, symbol, quantity } = ctx;
      const before = await snapshot(exchange);
      const order = await exchange.createOrder({
        symbol,
        side: 'buy',
        type: 'market',
        quantity: quantity.toString(),
        clientOrderId: clientId('mb'),
      });
      expect(order.status).toBe('filled');
      expect(dec(order.filledQuantity).eq(quantity)).toBe(true);
      const trades = await tradesOf(exchange, symbol, order.id);
      expect(sumQuantity(trades).eq(quantity)).toBe(true);
      for (const trade of trades) {
        expect(Math.abs(Number(trade.price) / Number(ctx.price) - 1)).toBeLessThan(0.01);
        const fees = ctx.venue.fees;
        if (fees) {
          const paidOn =
            trade.feeAsset === market.base
              ? dec(trade.quantity)
              : dec(trade.price).mul(trade.quantity);
          const expected = paidOn.mul(fees.taker);
          expect(dec(trade.fee).sub(expected).abs().lte('0.00000001')).toBe(true);
        } else {
          expect(dec(trade.fee).isNegative()).toBe(false);
        }
      }
      expectBalancesMovedBy(before, await snapshot(exchange), trades, market);
      expect(balanceOf(await snapshot(exchange), market.base).locked.isZero()).toBe(true);
    });

    it('sells what a buy received and books the proceeds exactly', async () => {
      const { exchange, market, symbol, quantity } = ctx;
      const start = await snapshot(exchange);
      await exchange.createOrder({
        symbol,
        side: 'buy',
        type: 'market',
        quantity: quantity.toString(),
        clientOrderId: clientId('b'),
      });
      const held = change(start, await snapshot(exchange), market.base).total.roundToStep(
        market.stepSize,
        'floor',
      );
      const before = await snapshot(exchange);
      const sell = await exchange.createOrder({
        symbol,
        side: 'sell',
        type: 'market',
        quantity: held.toString(),
        clientOrderId: clientId('s'),
      });
      expect(sell.status).toBe('filled');
      const trades = await tradesOf(exchange, symbol, sell.id);
      expect(sumQuantity(trades).eq(held)).toBe(true);
      expectBalancesMovedBy(before, await snapshot(exchange), trades, market);
    });

    it('rests a limit buy with its funds locked, and cancel releases them exactly', async () => {
      const { exchange, market, symbol, quantity } = ctx;
      const before = await snapshot(exchange);
      const limit = priceAt(market, ctx.price, '0.9');
      const order = await exchange.createOrder({
        symbol,
        side: 'buy',
        type: 'limit',
        quantity: quantity.toString(),
        price: limit,
        clientOrderId: clientId('lb'),
      });
      expect(order.status).toBe('open');
      expect((await exchange.fetchOpenOrders(symbol)).map((o) => o.id)).toContain(order.id);
      const held = change(before, await snapshot(exchange), market.quote);
      expect(held.total.isZero()).toBe(true);
      expect(held.locked.gte(quantity.mul(limit))).toBe(true);
      expect(held.free.eq(held.locked.neg())).toBe(true);

      const canceled = await exchange.cancelOrder(symbol, { id: order.id });
      expect(canceled.status).toBe('canceled');
      const after = await snapshot(exchange);
      expect(balanceOf(after, market.quote).free.toString()).toBe(
        balanceOf(before, market.quote).free.toString(),
      );
      expect(balanceOf(after, market.quote).locked.toString()).toBe(
        balanceOf(before, market.quote).locked.toString(),
      );
      expect((await exchange.fetchOpenOrders(symbol)).map((o) => o.id)).not.toContain(order.id);
      expect((await exchange.fetchOrder(symbol, { id: order.id }))?.status).toBe('canceled');
    });

    it('fills a resting limit buy when the price comes down to it', async () => {
      const { exchange, market, symbol, quantity } = ctx;
      const before = await snapshot(exchange);
      const limit = priceAt(market, ctx.price, '0.98');
      const order = await exchange.createOrder({
        symbol,
        side: 'buy',
        type: 'limit',
        quantity: quantity.toString(),
        price: limit,
        clientOrderId: clientId('lf'),
      });
      await ctx.moveTo(priceAt(market, ctx.price, '0.97'));
      const filled = await exchange.fetchOrder(symbol, { id: order.id });
      expect(filled?.status).toBe('filled');
      const trades = await tradesOf(exchange, symbol, order.id);
      expect(sumQuantity(trades).eq(quantity)).toBe(true);
      for (const trade of trades) expect(dec(trade.price).lte(limit)).toBe(true);
      const after = await snapshot(exchange);
      expectBalancesMovedBy(before, after, trades, market);
      expect(balanceOf(after, market.quote).locked.eq(balanceOf(before, market.quote).locked)).toBe(
        true,
      );
    });

    it('finds an order by client order id, and returns null for an unknown one', async () => {
      const { exchange, market, symbol, quantity } = ctx;
      const clientOrderId = clientId('find');
      const order = await exchange.createOrder({
        symbol,
        side: 'buy',
        type: 'limit',
        quantity: quantity.toString(),
        price: priceAt(market, ctx.price, '0.9'),
        clientOrderId,
      });
      expect(order.clientOrderId).toBe(clientOrderId);
      const byClient = await exchange.fetchOrder(symbol, { clientOrderId });
      expect(byClient?.id).toBe(order.id);
      expect(byClient?.status).toBe('open');
      expect(dec(byClient!.quantity).eq(quantity)).toBe(true);
      expect((await exchange.fetchOrder(symbol, { id: order.id }))?.clientOrderId).toBe(
        clientOrderId,
      );
      expect(await exchange.fetchOrder(symbol, { clientOrderId: clientId('missing') })).toBeNull();
    });

    describeRejectionContract(() => ctx);
    describeOcoContract(() => ctx);
  });
}
