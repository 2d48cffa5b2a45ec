import { describe, expect, it } from 'vitest';
import { Decimal } from '../core/money';
import type { Market } from '../exchange/types';
import { protectionPrices, stopLimitPrice } from './protection';

const market: Market = {
  symbol: 'BTC/USDT',
  venueSymbol: 'BTCUSDT',
  base: 'BTC',
  quote: 'USDT',
  active: true,
  stepSize: '0.00001',
  tickSize: '0.01',
  minQty: '0.00001',
  minNotional: '5',
  orderTypes: ['market', 'limit'],
};

describe('protectionPrices', () => {
  it('derives target and stop from percentages, on the tick toward the entry', () => {
    const p = protectionPrices(Decimal.from('100.003'), market, {
      takeProfitPct: '2',
      stopLossPct: '1',
    });
    expect(p.takeProfit?.toString()).toBe('102');
    expect(p.stopLoss?.toString()).toBe('99.01');
  });
  it('prefers explicit prices and drops a price on the wrong side', () => {
    const p = protectionPrices(Decimal.from('100'), market, {
      takeProfit: '99',
      stopLoss: '95.555',
      takeProfitPct: '5',
    });
    expect(p.takeProfit).toBeNull();
    expect(p.stopLoss?.toString()).toBe('95.56');
  });
  it('puts the stop leg limit half a percent under the trigger', () => {
    expect(stopLimitPrice(Decimal.from('100'), market).toString()).toBe('99.5');
  });
});
