import { describe, expect, it } from 'vitest';
import { dec } from '../../core/money';
import { type OrderRequest } from '../types';
import { checkOcoRequest, checkOrderRequest, requireMarket } from './check-order-request';
import { testMarket } from './testing/scripted-feed';

const market = testMarket('BTC/USDT', {
  maxQty: '9000',
  priceBand: { multiplierDown: '0.2', multiplierUp: '5' },
});
const ref = dec('30000');
const order = (patch: Partial<OrderRequest>): OrderRequest => ({
  symbol: 'BTC/USDT',
  side: 'buy',
  type: 'limit',
  quantity: '0.001',
  price: '29000',
  clientOrderId: 'abc-1',
  ...patch,
});

const rejection = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as { kind: string; code: string; message: string };
  }
  throw new Error('expected a rejection');
};

describe('checkOrderRequest', () => {
  it('accepts an order on the step and tick and returns exact amounts', () => {
    const checked = checkOrderRequest(
      market,
      order({ type: 'stop-limit', stopPrice: '29500.5' }),
      ref,
    );
    expect(checked.quantity.toString()).toBe('0.001');
    expect(checked.price?.toString()).toBe('29000');
    expect(checked.stopPrice?.toString()).toBe('29500.5');
  });

  it('rejects quantities off the step or outside min/max as LOT_SIZE', () => {
    for (const quantity of ['0.000015', '0.000001', '9001']) {
      expect(rejection(() => checkOrderRequest(market, order({ quantity }), ref))).toMatchObject({
        kind: 'rejected',
        code: 'filter_violation',
        message: 'Filter failure: LOT_SIZE',
      });
    }
  });

  it('rejects a price off the tick as PRICE_FILTER', () => {
    expect(
      rejection(() => checkOrderRequest(market, order({ price: '29000.005' }), ref)).message,
    ).toBe('Filter failure: PRICE_FILTER');
  });

  it('measures the notional at the limit, the stop, or the reference price for a market order', () => {
    // 0.00017 × 29000 = 4.93 < 5; at the reference 30000 it is 5.1.
    expect(
      rejection(() => checkOrderRequest(market, order({ quantity: '0.00017' }), ref)).message,
    ).toBe('Filter failure: NOTIONAL');
    expect(
      checkOrderRequest(
        market,
        order({ type: 'market', quantity: '0.00017' }),
        ref,
      ).quantity.toString(),
    ).toBe('0.00017');
    expect(
      rejection(() =>
        checkOrderRequest(
          market,
          order({ type: 'stop-market', quantity: '0.00017', stopPrice: '29000' }),
          ref,
        ),
      ).code,
    ).toBe('filter_violation');
  });

  it('rejects a limit outside the price band as PERCENT_PRICE', () => {
    expect(rejection(() => checkOrderRequest(market, order({ price: '5000' }), ref)).message).toBe(
      'Filter failure: PERCENT_PRICE',
    );
  });

  it('rejects malformed input as an invalid order', () => {
    for (const patch of [
      { quantity: '1e-3' },
      { quantity: '-1' },
      { quantity: '0' },
      { price: undefined },
      { clientOrderId: 'has space' },
      { clientOrderId: 'x'.repeat(37) },
      { type: 'stop-market' as const, stopPrice: undefined },
    ]) {
      expect(rejection(() => checkOrderRequest(market, order(patch), ref)).code).toBe(
        'invalid_order',
      );
    }
    const limitOnly = testMarket('BTC/USDT', { orderTypes: ['market', 'limit'] });
    expect(
      rejection(() =>
        checkOrderRequest(limitOnly, order({ type: 'stop-market', stopPrice: '1' }), ref),
      ).code,
    ).toBe('invalid_order');
  });

  it('rejects unknown and inactive symbols as bad_symbol', () => {
    const markets = new Map([['ETH/USDT', testMarket('ETH/USDT', { active: false })]]);
    expect(rejection(() => requireMarket(markets, 'BTC/USDT')).code).toBe('bad_symbol');
    expect(rejection(() => requireMarket(markets, 'ETH/USDT')).code).toBe('bad_symbol');
  });
});

describe('checkOcoRequest', () => {
  const oco = {
    symbol: 'BTC/USDT',
    side: 'sell' as const,
    quantity: '0.01',
    takeProfitPrice: '31500',
    stopPrice: '28500',
    clientOcoId: 'oco-1',
  };

  it('accepts a sell OCO with take-profit above and stop below the last price', () => {
    const checked = checkOcoRequest(market, { ...oco, stopLimitPrice: '28400' }, ref);
    expect(
      [checked.takeProfitPrice, checked.stopPrice, checked.stopLimitPrice].map(String),
    ).toEqual(['31500', '28500', '28400']);
  });

  it('rejects prices on the wrong side of the last price', () => {
    expect(
      rejection(() => checkOcoRequest(market, { ...oco, stopPrice: '30500' }, ref)).message,
    ).toBe('The relationship of the prices for the orders is not correct.');
    expect(rejection(() => checkOcoRequest(market, { ...oco, side: 'buy' }, ref)).code).toBe(
      'invalid_order',
    );
  });

  it('applies the filters to both legs', () => {
    expect(
      rejection(() => checkOcoRequest(market, { ...oco, quantity: '0.00017' }, ref)).message,
    ).toBe('Filter failure: NOTIONAL');
    expect(
      rejection(() => checkOcoRequest(market, { ...oco, stopPrice: '28500.001' }, ref)).message,
    ).toBe('Filter failure: PRICE_FILTER');
  });
});
