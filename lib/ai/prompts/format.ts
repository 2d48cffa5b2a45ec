/** Compact number and time formatting for prompts: few characters, no exponents for prices. */

/** `value` to `digits` significant digits, trailing zeros dropped; `-` for NaN/undefined. */
export function num(value: number | null | undefined, digits = 6): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-';
  if (value === 0) return '0';
  return String(Number(value.toPrecision(digits)));
}

/** A signed percentage with two decimals, e.g. `+1.25%`. */
export function pct(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '-';
  return `${value > 0 ? '+' : ''}${value.toFixed(2)}%`;
}

/** `MM-DD HH:mm` (UTC): short enough for tables; the header carries the year. */
export function shortTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(5, 16).replace('T', ' ');
}

/** `YYYY-MM-DDTHH:mmZ` (UTC). */
export function isoMinute(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16)}Z`;
}
