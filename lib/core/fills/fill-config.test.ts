import { describe, it, expect } from 'vitest';
import { dec } from '../money';
import { createFillConfig, fillConfigSchema } from './fill-config';

describe('fill config', () => {
  it('has conservative defaults', () => {
    expect(createFillConfig()).toEqual({
      makerFeeRate: dec('0.001'),
      takerFeeRate: dec('0.001'),
      feeMode: 'quote',
      slippageBps: 0,
      bothLegsPolicy: 'stop-first',
    });
  });

  it('reads rates from strings and numbers exactly', () => {
    const config = createFillConfig({
      makerFeeRate: 0.00075,
      takerFeeRate: '0.001',
      priceStep: '0.01',
    });
    expect(config.makerFeeRate.toString()).toBe('0.00075');
    expect(config.priceStep?.toString()).toBe('0.01');
  });

  it('rejects bad values with clear messages', () => {
    const messages = (input: unknown) =>
      fillConfigSchema
        .safeParse(input)
        .error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages({ takerFeeRate: '1' })).toEqual([
      'takerFeeRate: Fee rate must be at least 0 and below 1 (0.001 = 0.1%)',
    ]);
    expect(messages({ makerFeeRate: 'abc' })).toEqual(['makerFeeRate: Not a decimal number: abc']);
    expect(messages({ priceStep: '0' })).toEqual(['priceStep: Price step must be positive']);
    expect(messages({ slippageBps: -1 })?.[0]).toMatch(/^slippageBps: /);
    expect(messages({ bothLegsPolicy: 'random' })?.[0]).toMatch(/^bothLegsPolicy: /);
  });
});
