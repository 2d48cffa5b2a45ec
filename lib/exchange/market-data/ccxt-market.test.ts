import { type MarketInterface } from 'ccxt';
import { describe, expect, it } from 'vitest';
import { marketFromCcxt } from './ccxt-market';

function ccxtMarket(overrides: Partial<MarketInterface>): MarketInterface {
  return {
    id: 'ETH/USD',
    symbol: 'ETH/USD',
    base: 'ETH',
    quote: 'USD',
    spot: true,
    active: true,
    precision: { amount: 0.0001, price: 0.01 },
    limits: { amount: { min: 0.0001, max: 1e-7 * 1e10 }, cost: { min: 1, max: undefined } },
    info: {},
    ...overrides,
  } as MarketInterface;
}

describe('marketFromCcxt', () => {
  it('reads unified precision (tick-size mode) and limits when the venue sends no filter list', () => {
    expect(marketFromCcxt(ccxtMarket({}), 4)).toEqual({
      symbol: 'ETH/USD',
      venueSymbol: 'ETH/USD',
      base: 'ETH',
      quote: 'USD',
      active: true,
      stepSize: '0.0001',
      tickSize: '0.01',
      minQty: '0.0001',
      maxQty: '1000',
      minNotional: '1',
      orderTypes: ['market', 'limit'],
    });
  });

  it('turns decimal-places precision into steps and writes tiny steps without exponents', () => {
    const market = marketFromCcxt(
      ccxtMarket({ precision: { amount: 8, price: 2 }, limits: {} }),
      2,
    );
    expect(market).toMatchObject({
      stepSize: '0.00000001',
      tickSize: '0.01',
      minQty: '0.00000001',
      minNotional: '0',
    });
    expect(
      marketFromCcxt(ccxtMarket({ precision: { amount: 1e-8, price: 1e-7 } }), 4),
    ).toMatchObject({
      stepSize: '0.00000001',
      tickSize: '0.0000001',
    });
  });

  it('skips derivatives and markets without a usable precision', () => {
    expect(marketFromCcxt(ccxtMarket({ spot: false, swap: true }), 4)).toBeNull();
    expect(
      marketFromCcxt(ccxtMarket({ precision: { amount: undefined, price: 0.01 } }), 4),
    ).toBeNull();
    expect(marketFromCcxt(ccxtMarket({ precision: { amount: 3, price: 2 } }), 3)).toBeNull();
  });

  it('prefers the venue filter strings and narrows a per-side price band', () => {
    const market = marketFromCcxt(
      ccxtMarket({
        active: false,
        info: {
          orderTypes: ['LIMIT', 'MARKET', 'LIMIT_MAKER', 'STOP_LOSS_LIMIT'],
          filters: [
            {
              filterType: 'LOT_SIZE',
              stepSize: '0.00010000',
              minQty: '0.00100000',
              maxQty: '100000.00000000',
            },
            { filterType: 'PRICE_FILTER', tickSize: '0.00100000' },
            { filterType: 'MIN_NOTIONAL', minNotional: '10.00000000' },
            {
              filterType: 'PERCENT_PRICE_BY_SIDE',
              bidMultiplierUp: '4',
              bidMultiplierDown: '0.2',
              askMultiplierUp: '5',
              askMultiplierDown: '0.25',
            },
          ],
        },
      }),
      4,
    );
    expect(market).toMatchObject({
      active: false,
      stepSize: '0.0001',
      tickSize: '0.001',
      minQty: '0.001',
      maxQty: '100000',
      minNotional: '10',
      priceBand: { multiplierDown: '0.25', multiplierUp: '4' },
      orderTypes: ['limit', 'market', 'stop-limit'],
    });
  });
});
