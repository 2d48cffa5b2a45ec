import { Atr } from '../indicators';
import { type VolatilityRegime } from './types';

/**
 * Volatility regime: ATR as a percentage of the close (comparable across price levels), ranked
 * against its last `lookback` values including the current one: percentile 0 = lowest, 100 =
 * highest, ties count half. `low` below `lowPercentile`, `high` above `highPercentile`, else
 * `normal`; null until `lookback` ATR values exist.
 */
export class VolatilityRegimeTracker {
  readonly #atr: Atr;
  readonly #window: Float64Array;
  readonly #low: number;
  readonly #high: number;
  #filled = 0;
  #pos = 0;
  atr = NaN;
  atrPct = NaN;

  constructor(o: {
    atrPeriod: number;
    volatilityLookback: number;
    lowPercentile: number;
    highPercentile: number;
  }) {
    this.#atr = new Atr(o.atrPeriod);
    this.#window = new Float64Array(o.volatilityLookback);
    this.#low = o.lowPercentile;
    this.#high = o.highPercentile;
  }

  update(high: number, low: number, close: number): void {
    this.atr = this.#atr.update(high, low, close);
    this.atrPct = (this.atr / close) * 100;
    if (!Number.isFinite(this.atrPct)) return;
    this.#window[this.#pos] = this.atrPct;
    this.#pos = (this.#pos + 1) % this.#window.length;
    if (this.#filled < this.#window.length) this.#filled++;
  }

  /** Percentile of the current ATR% in the window, or null before the window is full. */
  get percentile(): number | null {
    const n = this.#window.length;
    if (this.#filled < n) return null;
    const current = this.atrPct;
    let below = 0;
    let equal = 0;
    for (const v of this.#window) {
      if (v < current) below++;
      else if (v === current) equal++;
    }
    return ((below + (equal - 1) / 2) / (n - 1)) * 100;
  }

  get regime(): VolatilityRegime | null {
    const p = this.percentile;
    if (p === null) return null;
    if (p < this.#low) return 'low';
    if (p > this.#high) return 'high';
    return 'normal';
  }
}
