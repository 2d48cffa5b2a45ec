import { toNumber } from './num';

export type Tone = 'profit' | 'loss' | 'neutral';

/** Profit, loss or neutral by the sign of a value. */
export function toneOf(value: string | number | null | undefined): Tone {
  const n = toNumber(value);
  if (n === null || Math.abs(n) < 1e-12) return 'neutral';
  return n > 0 ? 'profit' : 'loss';
}

/** Tailwind text colour for a signed value. */
export function toneClass(value: string | number | null | undefined): string {
  const tone = toneOf(value);
  return tone === 'profit' ? 'text-profit' : tone === 'loss' ? 'text-loss' : 'text-slate-300';
}
