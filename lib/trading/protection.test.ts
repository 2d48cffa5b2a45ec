import { describe, expect, it } from 'vitest';
import { Decimal } from '../core/money';
import { testMarket } from '../exchange/paper/testing/scripted-feed';
import { protectionPrices, stopLimitPrice } from './protection';

const market = testMarket('BTC/USDT', { orderTypes: ['market', 'limit'] });

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
