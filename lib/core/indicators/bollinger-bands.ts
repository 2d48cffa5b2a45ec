import { assertPeriod } from './validate';

/**
 * Bollinger Bands: `middle = SMA(period)`, `upper/lower = middle ± multiplier × σ`, where σ is the
 * population standard deviation of the last `period` closes (StockCharts, TradingView,
 * `trading-signals`). Defaults 20 and 2. First value with the `period`-th input
 * (`warmup = period − 1`).
 *
 * O(1) per step with running sums of deviations from a shift `k` (the window mean at the last
 * re-sync), which avoids the cancellation of the naive `E[x²] − E[x]²` at high prices. Each time
 * the ring buffer wraps, `k` and both sums are recomputed exactly from the window (two passes).
 */
export class BollingerState {
  readonly period: number;
  readonly multiplier: number;
  readonly window: Float64Array;
  pos = 0;
  count = 0;
  shift = 0;
  sum = 0;
  sumSq = 0;

  constructor(period: number, multiplier: number) {
    assertPeriod('period', period);
    if (!Number.isFinite(multiplier) || multiplier < 0) {
      throw new RangeError(`multiplier must be a finite number >= 0, got ${multiplier}`);
    }
    this.period = period;
    this.multiplier = multiplier;
    this.window = new Float64Array(period);
  }
}

/**
 * The Bollinger arithmetic, shared by `bollingerBatch` (whole column) and `BollingerBands.update`
 * (one close): advances `s` over `values`, writing the three bands at the same index.
 */
export function bollingerRun(
  s: BollingerState,
  values: Float64Array,
  upper: Float64Array,
  middle: Float64Array,
  lower: Float64Array,
): void {
  const period = s.period;
  const multiplier = s.multiplier;
  const window = s.window;
  let pos = s.pos;
  let count = s.count;
  let shift = s.shift;
  let sum = s.sum;
  let sumSq = s.sumSq;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    let resync = false;
    if (count < period) {
      window[count++] = x;
      if (count < period) {
        upper[i] = NaN;
        middle[i] = NaN;
        lower[i] = NaN;
        continue;
      }
      resync = true;
    } else {
      const old = window[pos]!;
      window[pos] = x;
      if (++pos === period) {
        pos = 0;
        resync = true;
      } else {
        const d = x - shift;
        const dOld = old - shift;
        sum += d - dOld;
        sumSq += d * d - dOld * dOld;
      }
    }
    if (resync) {
      let total = 0;
      for (let j = 0; j < period; j++) total += window[j]!;
      shift = total / period;
      sum = 0;
      sumSq = 0;
      for (let j = 0; j < period; j++) {
        const d = window[j]! - shift;
        sum += d;
        sumSq += d * d;
      }
    }
    const meanDev = sum / period;
    const variance = sumSq / period - meanDev * meanDev;
    const width = multiplier * Math.sqrt(variance > 0 ? variance : 0);
    const mid = shift + meanDev;
    middle[i] = mid;
    upper[i] = mid + width;
    lower[i] = mid - width;
  }
  s.pos = pos;
  s.count = count;
  s.shift = shift;
  s.sum = sum;
  s.sumSq = sumSq;
}

/**
 * Streaming Bollinger Bands: O(1) per close; `update` returns the middle band. `update` is the
 * scalar form of `bollingerRun`'s loop body (same expressions, state in fields);
 * `streaming-equals-batch.test.ts` holds them equal bit for bit.
 */
export class BollingerBands {
  readonly period: number;
  readonly multiplier: number;
  /** Inputs before the first valid value. */
  readonly warmup: number;
  readonly #window: Float64Array;
  #pos = 0;
  #count = 0;
  #shift = 0;
  #sum = 0;
  #sumSq = 0;
  #upper = NaN;
  #middle = NaN;
  #lower = NaN;

  constructor(period = 20, multiplier = 2) {
    const s = new BollingerState(period, multiplier);
    this.period = period;
    this.multiplier = multiplier;
    this.warmup = period - 1;
    this.#window = s.window;
  }

  update(close: number): number {
    const period = this.period;
    const window = this.#window;
    const x = close;
    let resync = false;
    if (this.#count < period) {
      window[this.#count++] = x;
      if (this.#count < period) return NaN;
      resync = true;
    } else {
      const old = window[this.#pos]!;
      window[this.#pos] = x;
      if (++this.#pos === period) {
        this.#pos = 0;
        resync = true;
      } else {
        const shift = this.#shift;
        const d = x - shift;
        const dOld = old - shift;
        this.#sum += d - dOld;
        this.#sumSq += d * d - dOld * dOld;
      }
    }
    if (resync) {
      let total = 0;
      for (let j = 0; j < period; j++) total += window[j]!;
      const shift = total / period;
      let sum = 0;
      let sumSq = 0;
      for (let j = 0; j < period; j++) {
        const d = window[j]! - shift;
        sum += d;
        sumSq += d * d;
      }
      this.#shift = shift;
      this.#sum = sum;
      this.#sumSq = sumSq;
    }
    const meanDev = this.#sum / period;
    const variance = this.#sumSq / period - meanDev * meanDev;
    const width = this.multiplier * Math.sqrt(variance > 0 ? variance : 0);
    const mid = this.#shift + meanDev;
    this.#middle = mid;
    this.#upper = mid + width;
    this.#lower = mid - width;
    return mid;
  }

  /** The middle band (primary value). */
  get value(): number {
    return this.#middle;
  }

  get upper(): number {
    return this.#upper;
  }

  get middle(): number {
    return this.#middle;
  }

  get lower(): number {
    return this.#lower;
  }

  get isReady(): boolean {
    return this.#count === this.period;
  }
}

export interface BollingerColumns {
  upper: Float64Array;
  middle: Float64Array;
  lower: Float64Array;
}

/** Bollinger Bands over a column of closes; NaN before warm-up. */
export function bollingerBatch(
  values: Float64Array,
  period = 20,
  multiplier = 2,
): BollingerColumns {
  const n = values.length;
  const out: BollingerColumns = {
    upper: new Float64Array(n),
    middle: new Float64Array(n),
    lower: new Float64Array(n),
  };
  bollingerRun(new BollingerState(period, multiplier), values, out.upper, out.middle, out.lower);
  return out;
}
