import { DASH, toNumber } from './num';

type Value = string | number | null | undefined;

/** `12.34%` from a percentage value (12.34, not 0.1234). */
export function formatPercent(value: Value, digits = 2): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  return `${n.toFixed(digits)}%`;
}

/** `+12.34%` / `−1.20%` from a percentage value. */
export function formatSignedPercent(value: Value, digits = 2): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  const rounded = Number(n.toFixed(digits));
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  return `${sign}${Math.abs(n).toFixed(digits)}%`;
}

/** A plain ratio such as a Sharpe ratio: `1.23`. */
export function formatRatio(value: Value, digits = 2): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  return n.toFixed(digits);
}
