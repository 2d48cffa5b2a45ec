import { Adx, Ema, Sma } from '../indicators';
import { type TrendRegime } from './types';

/**
 * Trend regime from ADX strength and moving-average slope: `trend-up` when ADX is at or above
 * `adxThreshold` and the MA rose by more than `minSlopePct` percent over `slopeBars` bars,
 * `trend-down` for the mirror case, `range` otherwise; null until both are warmed up.
 */
export class TrendRegimeTracker {
  readonly #adx: Adx;
  readonly #ma: Ema | Sma;
  readonly #history: Float64Array;
  readonly #threshold: number;
  readonly #minSlopePct: number;
  #count = 0;
  adx = NaN;
  slopePct = NaN;

  constructor(o: {
    adxPeriod: number;
    adxThreshold: number;
    trendMa: 'ema' | 'sma';
    trendMaPeriod: number;
    slopeBars: number;
    minSlopePct: number;
  }) {
    this.#adx = new Adx(o.adxPeriod);
    this.#ma = o.trendMa === 'ema' ? new Ema(o.trendMaPeriod) : new Sma(o.trendMaPeriod);
    this.#history = new Float64Array(o.slopeBars + 1).fill(NaN);
    this.#threshold = o.adxThreshold;
    this.#minSlopePct = o.minSlopePct;
  }

  update(high: number, low: number, close: number): void {
    this.adx = this.#adx.update(high, low, close);
    const size = this.#history.length;
    const ma = this.#ma.update(close);
    const slot = this.#count++ % size;
    const before = this.#history[(slot + 1) % size]!;
    this.#history[slot] = ma;
    this.slopePct = ((ma - before) / before) * 100;
  }

  get regime(): TrendRegime | null {
    if (!Number.isFinite(this.adx) || !Number.isFinite(this.slopePct)) return null;
    if (this.adx < this.#threshold) return 'range';
    if (this.slopePct > this.#minSlopePct) return 'trend-up';
    if (this.slopePct < -this.#minSlopePct) return 'trend-down';
    return 'range';
  }
}
