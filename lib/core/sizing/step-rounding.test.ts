import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../money';
import { roundPriceToTick, roundQuantityDown, stepDecimals } from './step-rounding';

describe('roundQuantityDown', () => {
  it('keeps 0.3 at step 0.1 as 3 steps, where float division loses one', () => {
    expect(Math.floor(0.3 / 0.1)).toBe(2); // the bug this avoids
    expect(roundQuantityDown(0.3, 0.1)).toMatchObject({ value: 0.3, text: '0.3' });
    expect(roundQuantityDown(0.1 + 0.2, 0.1)).toMatchObject({ value: 0.3, text: '0.3' });
    expect(roundQuantityDown(0.7, 0.1).text).toBe('0.7');
    expect(roundQuantityDown(1.15, 0.05).text).toBe('1.15');
  });

  it('rounds down, never up', () => {
    expect(roundQuantityDown(2.9999999999999996, 0.1).text).toBe('2.9');
    expect(roundQuantityDown(0.123456, 0.001).text).toBe('0.123');
    expect(roundQuantityDown(0.0009, 0.001)).toMatchObject({ value: 0, text: '0.000' });
    expect(roundQuantityDown(17, 5).text).toBe('15');
  });

  it("formats with the step's precision, whatever the step's notation", () => {
    expect(roundQuantityDown(1.5, '0.00100000').text).toBe('1.500');
    expect(roundQuantityDown(0.00000123, 1e-8).text).toBe('0.00000123');
    expect(roundQuantityDown('12345678.123456789', '0.000001').text).toBe('12345678.123456');
    expect(stepDecimals(dec('0.00100000'))).toBe(3);
    expect(stepDecimals(dec(10))).toBe(0);
  });

  it('always gives a multiple of the step, at most the input, less than a step below it', () => {
    const steps = fc.constantFrom(
      '1',
      '0.1',
      '0.01',
      '0.001',
      '0.00001',
      '0.00000001',
      '0.5',
      '0.25',
      '5',
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), steps, (q, step) => {
        const r = roundQuantityDown(q, step);
        expect(r.value).toBeLessThanOrEqual(q);
        expect(r.decimal.roundToStep(step, 'floor').eq(r.decimal)).toBe(true);
        expect(dec(q).sub(r.decimal).lt(step)).toBe(true);
        expect(Number(r.text)).toBe(r.value);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('roundPriceToTick', () => {
  it('rounds a buy down and a sell up', () => {
    expect(roundPriceToTick(100.057, 0.01, 'buy')).toMatchObject({ value: 100.05, text: '100.05' });
    expect(roundPriceToTick(100.051, 0.01, 'sell')).toMatchObject({
      value: 100.06,
      text: '100.06',
    });
  });

  it('leaves a price on the tick alone, with float-noisy input', () => {
    expect(roundPriceToTick(0.1 + 0.2, 0.1, 'buy').text).toBe('0.3');
    expect(roundPriceToTick(0.3, 0.1, 'sell').text).toBe('0.3');
    expect(roundPriceToTick(27123.5, '0.10', 'sell').text).toBe('27123.5');
    expect(roundPriceToTick(27123.5, '0.01', 'buy').text).toBe('27123.50');
  });
});
