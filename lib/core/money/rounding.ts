/**
 * Rounding modes for exact decimals, named as in Java's `RoundingMode`:
 * - `down`: toward zero (truncate), `up`: away from zero;
 * - `floor`: toward −∞, `ceil`: toward +∞;
 * - `half-up`: nearest, ties away from zero; `half-even`: nearest, ties to the even neighbour
 *   (banker's rounding, no bias over many roundings).
 * For positive amounts (prices, quantities) `down` = `floor` and `up` = `ceil`.
 */
export type RoundingMode = 'down' | 'up' | 'floor' | 'ceil' | 'half-up' | 'half-even';

export const ROUNDING_MODES: readonly RoundingMode[] = [
  'down',
  'up',
  'floor',
  'ceil',
  'half-up',
  'half-even',
];

/** Integer division `n / d` rounded with `mode`. `d` must not be zero. */
export function divRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d === 0n) throw new RangeError('Division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d; // truncates toward zero
  const r = n % d; // same sign as n
  if (r === 0n) return q;
  const negative = n < 0n;
  const away = negative ? q - 1n : q + 1n;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return away;
    case 'floor':
      return negative ? away : q;
    case 'ceil':
      return negative ? q : away;
    case 'half-up':
    case 'half-even': {
      const twice = 2n * (r < 0n ? -r : r);
      if (twice > d) return away;
      if (twice < d) return q;
      if (mode === 'half-up') return away;
      return q % 2n === 0n ? q : away;
    }
  }
}
