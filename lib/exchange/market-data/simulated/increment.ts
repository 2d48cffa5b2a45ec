/** A price tick or quantity step as a number plus its decimals, for fast, clean float rounding. */
export interface Increment {
  size: number;
  decimals: number;
  /** 10^decimals, when the increment is a power of ten below one. */
  scale: number;
}

export function increment(text: string): Increment {
  const dot = text.indexOf('.');
  const decimals = dot === -1 ? 0 : text.length - dot - 1;
  return { size: Number(text), decimals, scale: 10 ** decimals };
}

/**
 * Nearest multiple of the increment, as the double nearest to that exact decimal (dividing by an
 * exact power of ten rounds once), so 0.1 + 0.2-style noise never shows. Monotone
 * (a ≤ b ⇒ round(a) ≤ round(b)), so rounding keeps low ≤ open, close ≤ high.
 */
export function roundTo(value: number, inc: Increment): number {
  if (inc.decimals > 0 && inc.size * inc.scale === 1)
    return Math.round(value * inc.scale) / inc.scale;
  return Number((Math.round(value / inc.size) * inc.size).toFixed(inc.decimals));
}

/** Whole increments in `value`, at least `min`. */
export function unitsOf(value: number, inc: Increment, min = 1): number {
  return Math.max(min, Math.round(value / inc.size));
}

/** `units` increments as a number (exact decimal, nearest double). */
export function fromUnits(units: number, inc: Increment): number {
  return inc.decimals > 0 && inc.size * inc.scale === 1 ? units / inc.scale : units * inc.size;
}
