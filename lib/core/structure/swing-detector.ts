import { type SwingPoint } from './types';

/**
 * Streaming fractal swings. Bar `c` is a swing high when its high is strictly above the `width`
 * highs before it and at or above the `width` highs after it (so a flat top of equal highs gives
 * one swing, its first bar); swing lows mirror that. A swing at `c` is only known once bar
 * `c + width` has closed, and is reported then: no look-ahead.
 */
export class SwingDetector {
  readonly width: number;
  readonly #size: number;
  readonly #highs: Float64Array;
  readonly #lows: Float64Array;
  readonly #times: Float64Array;
  #count = 0;
  /** Swings confirmed by the last bar (a wide outside bar can be both). */
  confirmedHigh: SwingPoint | null = null;
  confirmedLow: SwingPoint | null = null;

  constructor(width: number) {
    if (!Number.isInteger(width) || width < 1) {
      throw new RangeError(`width must be a positive integer, got ${width}`);
    }
    this.width = width;
    this.#size = 2 * width + 1;
    this.#highs = new Float64Array(this.#size);
    this.#lows = new Float64Array(this.#size);
    this.#times = new Float64Array(this.#size);
  }

  /** Feeds the next bar; sets `confirmedHigh` / `confirmedLow` to the swings it confirms. */
  update(time: number, high: number, low: number): void {
    const t = this.#count++;
    const size = this.#size;
    const slot = t % size;
    this.#highs[slot] = high;
    this.#lows[slot] = low;
    this.#times[slot] = time;
    this.confirmedHigh = null;
    this.confirmedLow = null;
    if (t < size - 1) return;
    const w = this.width;
    const c = t - w;
    const at = (i: number): number => i % size;
    const pivotHigh = this.#highs[at(c)]!;
    const pivotLow = this.#lows[at(c)]!;
    let isHigh = true;
    let isLow = true;
    for (let j = 1; j <= w; j++) {
      const before = at(c - j);
      const after = at(c + j);
      if (!(pivotHigh > this.#highs[before]! && pivotHigh >= this.#highs[after]!)) isHigh = false;
      if (!(pivotLow < this.#lows[before]! && pivotLow <= this.#lows[after]!)) isLow = false;
    }
    const time0 = this.#times[at(c)]!;
    if (isHigh)
      this.confirmedHigh = {
        kind: 'high',
        price: pivotHigh,
        index: c,
        time: time0,
        confirmedAt: t,
      };
    if (isLow)
      this.confirmedLow = { kind: 'low', price: pivotLow, index: c, time: time0, confirmedAt: t };
  }
}

/** All swings of a series, in confirmation order (for charts and tests). */
export function findSwings(
  time: ArrayLike<number>,
  high: ArrayLike<number>,
  low: ArrayLike<number>,
  width: number,
): SwingPoint[] {
  const detector = new SwingDetector(width);
  const swings: SwingPoint[] = [];
  for (let i = 0; i < high.length; i++) {
    detector.update(time[i]!, high[i]!, low[i]!);
    if (detector.confirmedHigh) swings.push(detector.confirmedHigh);
    if (detector.confirmedLow) swings.push(detector.confirmedLow);
  }
  return swings;
}
