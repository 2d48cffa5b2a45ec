import { describe, expect, it } from 'vitest';
import { type ExchangeError } from '../exchange-error';
import { exactNumber, exactOrderNumbers } from './exact-number';

describe('exactNumber', () => {
  it('passes decimals a double carries exactly (by shortest round trip)', () => {
    expect(exactNumber('0.00999', 'quantity', 'BTC/USDT')).toBe(0.00999);
    expect(exactNumber('60000.00', 'price', 'BTC/USDT')).toBe(60000);
    expect(exactNumber('0.1', 'price', 'X')).toBe(0.1);
  });

  it('refuses decimals that would change on the way through a number', () => {
    let error: ExchangeError | undefined;
    try {
      exactNumber('1234567890.12345678', 'quantity', 'SHIB/USDT');
    } catch (e) {
      error = e as ExchangeError;
    }
    expect([error?.kind, error?.code, error?.message]).toEqual([
      'rejected',
      'invalid_order',
      'SHIB/USDT: quantity 1234567890.12345678 has more digits than the venue client can carry exactly',
    ]);
  });

  it('checks price and stop price of an order too', () => {
    const base = {
      symbol: 'X',
      side: 'buy',
      type: 'stop-limit',
      quantity: '1',
      clientOrderId: 'c',
    } as const;
    expect(exactOrderNumbers({ ...base, price: '2', stopPrice: '3' })).toBe(1);
    expect(() =>
      exactOrderNumbers({ ...base, price: '2', stopPrice: '3.00000000000000000001' }),
    ).toThrow('stop price');
  });
});
