import { describe, it, expect } from 'vitest';
import { decimalSchema } from './decimal-schema';

describe('decimalSchema', () => {
  it('reads strings, numbers and decimals', () => {
    expect(decimalSchema.parse('0.00100').toString()).toBe('0.001');
    expect(decimalSchema.parse(0.1).toString()).toBe('0.1');
    expect(decimalSchema.parse(decimalSchema.parse('2')).toString()).toBe('2');
  });

  it('turns garbage into an issue with a clear message', () => {
    const result = decimalSchema.safeParse('12abc');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Not a decimal number: 12abc');
    expect(decimalSchema.safeParse(NaN).success).toBe(false);
    expect(decimalSchema.safeParse(null).success).toBe(false);
  });
});
