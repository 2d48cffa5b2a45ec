import { z } from 'zod';
import { Decimal } from './decimal';

/**
 * Zod schema reading a decimal string, a finite number or a `Decimal` into a `Decimal`, for
 * boundaries (configs, request bodies). Invalid input becomes a zod issue, not an exception.
 */
export const decimalSchema = z
  .union([z.string(), z.number(), z.custom<Decimal>((v) => v instanceof Decimal)])
  .transform((value, ctx) => {
    if (!Decimal.isValid(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `Not a decimal number: ${typeof value === 'string' ? value : String(value)}`,
      });
      return z.NEVER;
    }
    return Decimal.from(value);
  });
