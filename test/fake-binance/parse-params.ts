/** Reading Binance request parameters the way the venue does: mandatory, decimal, enum. */
import { Decimal } from '../../lib/core/money';
import { binanceErrors } from './binance-errors';

export type Params = Record<string, string>;

const DECIMAL = /^([0-9]{1,20})(\.[0-9]{1,20})?$/;

export function required(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') throw binanceErrors.mandatory(name);
  return value;
}

export function optionalDecimal(params: Params, name: string): Decimal | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (!DECIMAL.test(value)) throw binanceErrors.badParamValue(name);
  return Decimal.from(value);
}

export function requiredDecimal(params: Params, name: string): Decimal {
  const value = optionalDecimal(params, name);
  if (value === undefined) throw binanceErrors.mandatory(name);
  return value;
}

export function optionalInt(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (!/^-?\d+$/.test(value)) throw binanceErrors.badParamValue(name);
  return Number(value);
}
