import { describe, expect, it } from 'vitest';
import { createFillConfig } from '../../core/fills';
import { dec } from '../../core/money';
import { fundsToLock, maxBuyPrice } from './funds-to-lock';

const pair = { base: 'BTC', quote: 'USDT' };

describe('fundsToLock', () => {
  it('locks the base quantity for a sell', () => {
    const lock = fundsToLock({
      side: 'sell',
      quantity: dec('0.5'),
      price: dec('1'),
      pair,
      config: createFillConfig(),
    });
    expect([lock.asset, lock.amount.toString()]).toEqual(['BTC', '0.5']);
  });

  it('locks the cost plus the larger fee rate for a buy paying fees in quote', () => {
    const config = createFillConfig({ makerFeeRate: '0.0005', takerFeeRate: '0.001' });
    const lock = fundsToLock({
      side: 'buy',
      quantity: dec('0.003'),
      price: dec('30000.01'),
      pair,
      config,
    });
    // 0.003 × 30000.01 = 90.00003; × 1.001 = 90.09003003
    expect([lock.asset, lock.amount.toString()]).toEqual(['USDT', '90.09003003']);
  });

  it('locks only the cost when a buy pays its fee in base', () => {
    const config = createFillConfig({ feeMode: 'received' });
    const lock = fundsToLock({
      side: 'buy',
      quantity: dec('0.003'),
      price: dec('30000'),
      pair,
      config,
    });
    expect(lock.amount.toString()).toBe('90');
  });

  it('rounds the lock up to 18 decimals', () => {
    const config = createFillConfig({ takerFeeRate: '0.000000001' });
    const lock = fundsToLock({
      side: 'buy',
      quantity: dec('0.000000001'),
      price: dec('0.000000003'),
      pair,
      config,
    });
    // 3e-18 × 1.000000001 = 3.000000003e-18 → 4e-18
    expect(lock.amount.toString()).toBe('0.000000000000000004');
  });
});

describe('maxBuyPrice', () => {
  it('is the limit, or the stop moved by slippage on the tick', () => {
    const config = { ...createFillConfig({ slippageBps: 10 }), priceStep: dec('0.01') };
    expect(maxBuyPrice({ price: dec('100'), stopPrice: dec('99') }, config).toString()).toBe('100');
    expect(maxBuyPrice({ stopPrice: dec('30000.03') }, config).toString()).toBe('30030.04');
  });
});
