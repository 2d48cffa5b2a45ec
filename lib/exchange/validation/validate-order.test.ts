import { describe, expect, it } from 'vitest';
import { ExchangeError } from '../exchange-error';
import { type Market, type OrderRequest } from '../types';
import { assertValidOrder, findOrderViolation } from './validate-order';

const btc: Market = {
  symbol: 'BTC/USDT',
  venueSymbol: 'BTCUSDT',
  base: 'BTC',
  quote: 'USDT',
  active: true,
  stepSize: '0.00001',
  tickSize: '0.01',
  minQty: '0.00001',
  maxQty: '9000',
  minNotional: '5',
  priceBand: { multiplierDown: '0.2', multiplierUp: '5' },
  orderTypes: ['market', 'limit', 'stop-limit', 'stop-market'],
};

const order = (over: Partial<OrderRequest> = {}): OrderRequest => ({
  symbol: 'BTC/USDT',
  side: 'buy',
  type: 'limit',
  quantity: '0.001',
  price: '60000',
  clientOrderId: 'c-1',
  ...over,
});

describe('findOrderViolation', () => {
  it('accepts an order on step and tick above the minimum notional', () => {
    expect(findOrderViolation(btc, order())).toBeNull();
    expect(
      findOrderViolation(btc, order({ type: 'market', price: undefined }), { lastPrice: '60000' }),
    ).toBeNull();
    expect(findOrderViolation(btc, order({ type: 'stop-limit', stopPrice: '61000' }))).toBeNull();
  });

  it('rejects a quantity off the step, naming both numbers', () => {
    expect(findOrderViolation(btc, order({ quantity: '0.000015' }))).toEqual({
      code: 'filter_violation',
      message: 'BTC/USDT: quantity 0.000015 is not a multiple of the step size 0.00001',
    });
  });

  it('rejects quantities below the minimum and above the maximum', () => {
    expect(findOrderViolation(btc, order({ quantity: '0.000001' }))?.message).toBe(
      'BTC/USDT: quantity 0.000001 is below the minimum 0.00001',
    );
    expect(findOrderViolation(btc, order({ quantity: '9000.00001' }))?.message).toBe(
      'BTC/USDT: quantity 9000.00001 is above the maximum 9000',
    );
  });

  it('rejects a price off the tick and a stop price off the tick', () => {
    expect(findOrderViolation(btc, order({ price: '60000.005' }))?.message).toBe(
      'BTC/USDT: price 60000.005 is not a multiple of the tick size 0.01',
    );
    expect(
      findOrderViolation(btc, order({ type: 'stop-limit', stopPrice: '61000.001' }))?.message,
    ).toBe('BTC/USDT: stop price 61000.001 is not a multiple of the tick size 0.01');
  });

  it('rejects an order below the minimum notional (limit by its price, market by the last price)', () => {
    expect(findOrderViolation(btc, order({ quantity: '0.00008', price: '60000' }))?.message).toBe(
      'BTC/USDT: order value 4.8 USDT is below the minimum notional 5',
    );
    const market = order({ type: 'market', price: undefined, quantity: '0.00008' });
    expect(findOrderViolation(btc, market, { lastPrice: '60000' })?.code).toBe('filter_violation');
    expect(findOrderViolation(btc, market)).toBeNull();
  });

  it('rejects a limit price outside the band around the last price', () => {
    expect(
      findOrderViolation(btc, order({ price: '300000.01' }), { lastPrice: '60000' })?.message,
    ).toBe(
      'BTC/USDT: price 300000.01 is outside the allowed band 12000 to 300000 around the last price 60000',
    );
    expect(
      findOrderViolation(btc, order({ price: '11999.99' }), { lastPrice: '60000' })?.code,
    ).toBe('filter_violation');
    expect(findOrderViolation(btc, order({ price: '300000' }), { lastPrice: '60000' })).toBeNull();
  });

  it('reports malformed or missing fields as invalid orders', () => {
    expect(findOrderViolation(btc, order({ quantity: '1e-3' }))?.code).toBe('invalid_order');
    expect(findOrderViolation(btc, order({ quantity: '0' }))?.code).toBe('invalid_order');
    expect(findOrderViolation(btc, order({ price: undefined }))?.message).toBe(
      'BTC/USDT: price is required',
    );
    expect(findOrderViolation(btc, order({ type: 'stop-market', price: undefined }))?.message).toBe(
      'BTC/USDT: stopPrice is required',
    );
    expect(findOrderViolation(btc, order({ type: 'market' }))?.code).toBe('invalid_order');
    expect(findOrderViolation(btc, order({ clientOrderId: '' }))?.code).toBe('invalid_order');
  });

  it('rejects order types the market does not take and inactive markets', () => {
    const limitOnly = { ...btc, orderTypes: ['market', 'limit'] as const };
    expect(
      findOrderViolation(
        limitOnly,
        order({ type: 'stop-market', price: undefined, stopPrice: '1' }),
      )?.message,
    ).toBe('BTC/USDT: stop-market orders are not supported (supported: market, limit)');
    expect(findOrderViolation({ ...btc, active: false }, order())?.message).toBe(
      'BTC/USDT: the market is not trading',
    );
  });

  it('assertValidOrder throws a rejected ExchangeError', () => {
    expect(() => assertValidOrder(btc, order({ quantity: '0.000015' }))).toThrow(ExchangeError);
    try {
      assertValidOrder(btc, order({ quantity: '0.000015' }));
    } catch (error) {
      expect([(error as ExchangeError).kind, (error as ExchangeError).code]).toEqual([
        'rejected',
        'filter_violation',
      ]);
    }
  });
});
