import { describe, expect, it } from 'vitest';
import { type Market, type OcoRequest } from '../types';
import { findOcoViolation } from './validate-oco';

const btc: Market = {
  symbol: 'BTC/USDT',
  venueSymbol: 'BTCUSDT',
  base: 'BTC',
  quote: 'USDT',
  active: true,
  stepSize: '0.00001',
  tickSize: '0.01',
  minQty: '0.00001',
  minNotional: '5',
  priceBand: { multiplierDown: '0.2', multiplierUp: '5' },
  orderTypes: ['market', 'limit', 'stop-limit'],
};

const oco = (over: Partial<OcoRequest> = {}): OcoRequest => ({
  symbol: 'BTC/USDT',
  side: 'sell',
  quantity: '0.001',
  takeProfitPrice: '66000',
  stopPrice: '57000',
  stopLimitPrice: '56900',
  clientOcoId: 'oco-1',
  ...over,
});

describe('findOcoViolation', () => {
  it('accepts a sell OCO with the last price between the legs', () => {
    expect(findOcoViolation(btc, oco(), { lastPrice: '60000' })).toBeNull();
    expect(findOcoViolation(btc, oco({ stopLimitPrice: undefined }))).toBeNull();
  });

  it('accepts a buy OCO with the take-profit below the stop', () => {
    expect(
      findOcoViolation(
        btc,
        oco({ side: 'buy', takeProfitPrice: '55000', stopPrice: '62000', stopLimitPrice: '62100' }),
        { lastPrice: '60000' },
      ),
    ).toBeNull();
  });

  it('rejects legs in the wrong order for the side', () => {
    expect(findOcoViolation(btc, oco({ takeProfitPrice: '56000' }))?.message).toBe(
      'BTC/USDT: a sell OCO needs the take-profit above the stop (take-profit 56000, stop 57000)',
    );
    expect(findOcoViolation(btc, oco({ side: 'buy' }))?.code).toBe('invalid_order');
  });

  it('rejects a last price outside the legs (the venue would fill or trigger at once)', () => {
    expect(findOcoViolation(btc, oco(), { lastPrice: '56000' })?.message).toBe(
      'BTC/USDT: the last price 56000 must lie between the stop 57000 and the take-profit 66000',
    );
  });

  it('checks step, ticks and the notional of both legs', () => {
    expect(findOcoViolation(btc, oco({ quantity: '0.000015' }))?.code).toBe('filter_violation');
    expect(findOcoViolation(btc, oco({ takeProfitPrice: '66000.001' }))?.message).toBe(
      'BTC/USDT: take-profit price 66000.001 is not a multiple of the tick size 0.01',
    );
    expect(findOcoViolation(btc, oco({ stopLimitPrice: '56900.5555' }))?.message).toBe(
      'BTC/USDT: stop limit price 56900.5555 is not a multiple of the tick size 0.01',
    );
    expect(
      findOcoViolation(
        btc,
        oco({
          quantity: '0.00008',
          takeProfitPrice: '66000',
          stopPrice: '57000',
          stopLimitPrice: '56900',
        }),
      )?.message,
    ).toBe('BTC/USDT: stop leg value 4.552 USDT is below the minimum notional 5');
  });

  it('requires a client OCO id', () => {
    expect(findOcoViolation(btc, oco({ clientOcoId: '' }))?.code).toBe('invalid_order');
  });
});
