import { describe, expect, it } from 'vitest';
import { dec, type Decimal } from '../../core/money';
import { type ExchangeOco, type ExchangeOrder } from '../types';
import {
  balanceOf,
  change,
  clientId,
  expectBalancesMovedBy,
  priceAt,
  snapshot,
  sumQuantity,
  tradesOf,
} from './contract-helpers';
import { type ContractContext } from './contract-types';

/**
 * The OCO part of the contract: a sell OCO protecting a bought quantity locks that quantity
 * once; when the price reaches one leg it fills and the other is canceled; canceling the list
 * releases the quantity. Venues without native OCO must say so in their capabilities.
 */
export function describeOcoContract(context: () => ContractContext): void {
  /** Buys a position and returns the base quantity it added, on the step. */
  async function buyPosition(): Promise<Decimal> {
    const { exchange, market, symbol, quantity } = context();
    const before = await snapshot(exchange);
    await exchange.createOrder({
      symbol,
      side: 'buy',
      type: 'market',
      quantity: quantity.toString(),
      clientOrderId: clientId('pos'),
    });
    return change(before, await snapshot(exchange), market.base).total.roundToStep(
      market.stepSize,
      'floor',
    );
  }

  async function protect(held: Decimal): Promise<ExchangeOco> {
    const { exchange, market, symbol, price } = context();
    return exchange.createOco({
      symbol,
      side: 'sell',
      quantity: held.toString(),
      takeProfitPrice: priceAt(market, price, '1.05'),
      stopPrice: priceAt(market, price, '0.95'),
      clientOcoId: clientId('oco'),
    });
  }

  /**
   * Status of each leg, with the leg that did not fill reported as `ended`: venues end it as
   * canceled (paper) or expired (Binance reports EXPIRED); either way unfilled.
   */
  async function legStatuses(oco: ExchangeOco) {
    const { exchange, symbol } = context();
    const [takeProfit, stopLoss] = await Promise.all(
      oco.legs.map((leg) => exchange.fetchOrder(symbol, { id: leg.id })),
    );
    const status = (leg: ExchangeOrder | null | undefined) => {
      const ended = leg?.status === 'canceled' || leg?.status === 'expired';
      return ended && dec(leg.filledQuantity).isZero() ? 'ended' : leg?.status;
    };
    return { takeProfit: status(takeProfit), stopLoss: status(stopLoss) };
  }

  describe('OCO', () => {
    it('declares native OCO', () => {
      expect(context().exchange.capabilities.nativeOco).toBe(true);
    });

    it('locks the protected quantity once and shows both legs open', async () => {
      const { exchange, market, symbol } = context();
      const held = await buyPosition();
      const before = await snapshot(exchange);
      const oco = await protect(held);
      expect(oco.status).toBe('open');
      expect(oco.legs).toHaveLength(2);
      expect(oco.legs.map((l) => l.status)).toEqual(['open', 'open']);
      expect(dec(oco.legs[0]!.price!).eq(priceAt(market, context().price, '1.05'))).toBe(true);
      const after = await snapshot(exchange);
      expect(
        balanceOf(after, market.base).locked.sub(balanceOf(before, market.base).locked).toString(),
      ).toBe(held.toString());
      expect(change(before, after, market.base).total.isZero()).toBe(true);
      const byClient = await exchange.fetchOco(symbol, { clientOcoId: oco.clientOcoId });
      expect(byClient?.id).toBe(oco.id);
      expect(await exchange.fetchOco(symbol, { clientOcoId: clientId('none') })).toBeNull();
    });

    it('fills the take-profit and cancels the stop when the price rises to it', async () => {
      const { exchange, market, symbol, price } = context();
      const oco = await protect(await buyPosition());
      const before = await snapshot(exchange);
      await context().moveTo(priceAt(market, price, '1.06'));
      expect((await exchange.fetchOco(symbol, { id: oco.id }))?.status).toBe('done');
      expect(await legStatuses(oco)).toEqual({ takeProfit: 'filled', stopLoss: 'ended' });
      const trades = await tradesOf(exchange, symbol, oco.legs[0]!.id);
      expect(sumQuantity(trades).eq(oco.legs[0]!.quantity)).toBe(true);
      const after = await snapshot(exchange);
      expectBalancesMovedBy(before, after, trades, market);
      expect(balanceOf(after, market.base).locked.isZero()).toBe(true);
    });

    it('fills the stop and cancels the take-profit when the price falls to it', async () => {
      const { exchange, market, symbol, price } = context();
      const oco = await protect(await buyPosition());
      const before = await snapshot(exchange);
      await context().moveTo(priceAt(market, price, '0.94'));
      expect((await exchange.fetchOco(symbol, { id: oco.id }))?.status).toBe('done');
      expect(await legStatuses(oco)).toEqual({ takeProfit: 'ended', stopLoss: 'filled' });
      const trades = await tradesOf(exchange, symbol, oco.legs[1]!.id);
      expect(sumQuantity(trades).eq(oco.legs[1]!.quantity)).toBe(true);
      const after = await snapshot(exchange);
      expectBalancesMovedBy(before, after, trades, market);
      expect(balanceOf(after, market.base).locked.isZero()).toBe(true);
    });

    it('releases the protected quantity when the list is canceled', async () => {
      const { exchange, market, symbol } = context();
      const held = await buyPosition();
      const before = await snapshot(exchange);
      const oco = await protect(held);
      const canceled = await exchange.cancelOco(symbol, { id: oco.id });
      expect(canceled.status).toBe('canceled');
      expect(await legStatuses(oco)).toEqual({ takeProfit: 'ended', stopLoss: 'ended' });
      const after = await snapshot(exchange);
      expect(balanceOf(after, market.base).free.toString()).toBe(
        balanceOf(before, market.base).free.toString(),
      );
      expect(balanceOf(after, market.base).locked.toString()).toBe(
        balanceOf(before, market.base).locked.toString(),
      );
    });
  });
}
