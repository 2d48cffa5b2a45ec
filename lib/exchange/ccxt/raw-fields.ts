/**
 * Reading a venue's raw JSON (`order.info`, `market.info`) without trusting its types, and turning
 * venue numbers into the port's exact decimal strings.
 */
import { Decimal } from '../../core/money';

export type Raw = Record<string, unknown>;

export const asRaw = (value: unknown): Raw =>
  typeof value === 'object' && value !== null ? (value as Raw) : {};

export function rawString(raw: Raw, key: string): string | undefined {
  const value = raw[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

export function rawNumber(raw: Raw, key: string): number | undefined {
  const value = raw[key];
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value !== ''
        ? Number(value)
        : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A canonical decimal string (`"0.00100000"` → `"0.001"`, `1e-7` → `"0.0000001"`), or undefined for
 * anything that is not a finite decimal. Numbers are read through their shortest round-trip form.
 */
export function decimalText(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  if (value === '' || !Decimal.isValid(value)) return undefined;
  return Decimal.from(value).toString();
}

/** Like `decimalText`, with `fallback` (default "0") for missing values. */
export const decimalOr = (value: unknown, fallback = '0'): string => decimalText(value) ?? fallback;
