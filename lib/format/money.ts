import { DASH, toNumber } from './num';

type Value = string | number | null | undefined;

const money = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** `1,234.50` (with an optional currency suffix, e.g. `1,234.50 USDT`). */
export function formatMoney(value: Value, currency?: string): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  const text = money.format(n === 0 ? 0 : n);
  return currency ? `${text} ${currency}` : text;
}

/** `+12.30` / `−4.10` / `0.00`: P&L with an explicit sign. */
export function formatSignedMoney(value: Value, currency?: string): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  const rounded = Math.round(n * 100) / 100;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  return `${sign}${formatMoney(Math.abs(n), currency)}`;
}

/** A price with precision that follows its size (BTC 2 decimals, a 0.0004 coin 8). */
export function formatPrice(value: Value): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  const abs = Math.abs(n);
  const digits = abs >= 1000 ? 2 : abs >= 1 ? 4 : abs >= 0.01 ? 6 : 8;
  return n.toLocaleString('en-US', {
    minimumFractionDigits: Math.min(digits, 2),
    maximumFractionDigits: digits,
  });
}

/** A base quantity: up to 8 decimals, trailing zeros dropped. */
export function formatQty(value: Value): string {
  const n = toNumber(value);
  if (n === null) return DASH;
  return n.toLocaleString('en-US', { maximumFractionDigits: 8 });
}
