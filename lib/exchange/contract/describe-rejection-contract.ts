import { beforeEach, describe, expect, it } from 'vitest';
import { Decimal, dec } from '../../core/money';
import { balanceOf, clientId, expectRejected, priceAt, snapshot } from './contract-helpers';
import { type ContractContext } from './contract-types';

/**
 * What every venue must refuse, writing nothing: amounts off the step or tick, orders under
 * the minimum notional or beyond the free balance, and a reused client order id.
 */
export function describeRejectionContract(context: () => ContractContext): void {
  describe('rejections', () => {
    let ctx: ContractContext;
    beforeEach(() => {
      ctx = context();
    });

    it('rejects a quantity off the step or a price off the tick, and accepts them on it', async () => {
      const { exchange, market, symbol, quantity } = ctx;
      const before = await snapshot(exchange);
      const offStep = quantity.add(dec(market.stepSize).div(2, 18, 'down')).toString();
      await expectRejected(
        exchange.createOrder({
          symbol,
          side: 'buy',
          type: 'market',
          quantity: offStep,
          clientOrderId: clientId('step'),
        }),
        'filter_violation',
      );
      const limit = priceAt(market, ctx.price, '0.9');
      const offTick = dec(limit)
        .add(dec(market.tickSize).div(2, 18, 'down'))
        .toString();
      await expectRejected(
        exchange.createOrder({
          symbol,
          side: 'buy',
          type: 'limit',
          quantity: quantity.toString(),
          price: offTick,
          clientOrderId: clientId('tick'),
        }),
        'filter_violation',
      );
      expect(await snapshot(exchange)).toEqual(before);
      const accepted = await exchange.createOrder({
        symbol,
        side: 'buy',
        type: 'limit',
        quantity: quantity.toString(),
        price: limit,
        clientOrderId: clientId('ok'),
      });
      expect(accepted.status).toBe('open');
    });

    it('rejects an order under the minimum notional', async () => {
      const { exchange, market, symbol } = ctx;
      const before = await snapshot(exchange);
      const small = Decimal.max(
        dec(market.minNotional)
          .div(ctx.price, 18, 'down')
          .div(2, 18, 'down')
          .roundToStep(market.stepSize, 'floor'),
        market.minQty,
      );
      expect(small.mul(ctx.price).lt(market.minNotional)).toBe(true);
      await expectRejected(
        exchange.createOrder({
          symbol,
          side: 'buy',
          type: 'market',
          quantity: small.toString(),
          clientOrderId: clientId('tiny'),
        }),
        'filter_violation',
      );
      expect(await snapshot(exchange)).toEqual(before);
    });

    it('rejects an order beyond the free balance as insufficient funds', async () => {
      const { exchange, market, symbol } = ctx;
      const before = await snapshot(exchange);
      const tooMuch = balanceOf(before, market.quote)
        .free.mul(2)
        .div(ctx.price, 18, 'up')
        .roundToStep(market.stepSize, 'ceil');
      await expectRejected(
        exchange.createOrder({
          symbol,
          side: 'buy',
          type: 'market',
          quantity: tooMuch.toString(),
          clientOrderId: clientId('big'),
        }),
        'insufficient_funds',
      );
      expect(await snapshot(exchange)).toEqual(before);
    });

    it('rejects a second order with the same client order id', async () => {
      const { exchange, market, symbol, quantity } = ctx;
      const clientOrderId = clientId('dup');
      const request = {
        symbol,
        side: 'buy' as const,
        type: 'limit' as const,
        quantity: quantity.toString(),
        price: priceAt(market, ctx.price, '0.9'),
        clientOrderId,
      };
      const first = await exchange.createOrder(request);
      await expectRejected(exchange.createOrder(request), 'invalid_order');
      expect(
        (await exchange.fetchOpenOrders(symbol))
          .filter((o) => o.clientOrderId === clientOrderId)
          .map((o) => o.id),
      ).toEqual([first.id]);
    });
  });
}
