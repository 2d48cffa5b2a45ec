import { assertPeriod } from './validate';

/**
 * Relative Strength Index, Wilder's original (New Concepts in Technical Trading Systems, 1978).
 *
 * Conventions (Wilder, StockCharts, `trading-signals`): average gain and loss are seeded with the
 * simple mean of the first `period` price changes, then smoothed as
 * `avg = (avg × (period − 1) + x) / period`; the first value comes with input `period + 1`
 * (`warmup = period`). `RSI = 100 − 100 / (1 + avgGain / avgLoss)`, computed as
 * `100 × avgGain / (avgGain + avgLoss)`, and 100 when the average loss is zero (also for a
 * perfectly flat market, as TradingView and `trading-signals` do).
 */
export class RsiState {
  readonly period: number;
  readonly inv: number;
  /** `(period − 1) / period`, the weight of the previous average. */
  readonly keep: number;
  /** Price changes seen so far, capped at `period`; −1 before the first input. */
  changes = -1;
  prev = NaN;
  avgGain = 0;
  avgLoss = 0;

  constructor(period: number) {
    assertPeriod('period', period);
    this.period = period;
    this.inv = 1 / period;
    this.keep = (period - 1) / period;
  }
}

function rsiOf(avgGain: number, avgLoss: number): number {
  return avgLoss === 0 ? 100 : (100 * avgGain) / (avgGain + avgLoss);
}

/**
 * The RSI arithmetic, shared by `rsiBatch` (whole column) and `Rsi.update` (one close): advances
 * `s` over `values`, writing each output to `out` at the same index (`out` may be `values`).
 */
export function rsiRun(s: RsiState, values: Float64Array, out: Float64Array): void {
  const period = s.period;
  const inv = s.inv;
  const keep = s.keep;
  let changes = s.changes;
  let prev = s.prev;
  let avgGain = s.avgGain;
  let avgLoss = s.avgLoss;
  const n = values.length;
  let i = 0;
  // Warm-up: the first close, then `period` changes summed into the seed averages.
  for (; i < n && changes < period; i++) {
    const x = values[i]!;
    const change = x - prev;
    prev = x;
    out[i] = NaN;
    if (changes++ < 0) continue;
    const size = Math.abs(change);
    avgGain += (change + size) * 0.5;
    avgLoss += (size - change) * 0.5;
    if (changes === period) {
      avgGain *= inv;
      avgLoss *= inv;
      out[i] = rsiOf(avgGain, avgLoss);
    }
  }
  for (; i < n; i++) {
    const x = values[i]!;
    const change = x - prev;
    prev = x;
    // Branch-free and exact: (c + |c|) / 2 is c for a rise and 0 otherwise.
    const size = Math.abs(change);
    avgGain = avgGain * keep + (change + size) * 0.5 * inv;
    avgLoss = avgLoss * keep + (size - change) * 0.5 * inv;
    out[i] = rsiOf(avgGain, avgLoss);
  }
  s.changes = changes;
  s.prev = prev;
  s.avgGain = avgGain;
  s.avgLoss = avgLoss;
}

/**
 * Streaming RSI: O(1) per close. `update` is the scalar form of `rsiRun`'s loop bodies (same
 * expressions, state in fields); `streaming-equals-batch.test.ts` holds them equal bit for bit.
 */
export class Rsi {
  readonly period: number;
  /** Inputs before the first valid value. */
  readonly warmup: number;
  readonly #inv: number;
  readonly #keep: number;
  #changes = -1;
  #prev = NaN;
  #avgGain = 0;
  #avgLoss = 0;
  #value = NaN;

  constructor(period = 14) {
    const s = new RsiState(period);
    this.period = period;
    this.warmup = period;
    this.#inv = s.inv;
    this.#keep = s.keep;
  }

  update(close: number): number {
    const change = close - this.#prev;
    this.#prev = close;
    const size = Math.abs(change);
    if (this.#changes < this.period) {
      if (this.#changes++ < 0) return NaN;
      this.#avgGain += (change + size) * 0.5;
      this.#avgLoss += (size - change) * 0.5;
      if (this.#changes !== this.period) return NaN;
      this.#avgGain *= this.#inv;
      this.#avgLoss *= this.#inv;
    } else {
      this.#avgGain = this.#avgGain * this.#keep + (change + size) * 0.5 * this.#inv;
      this.#avgLoss = this.#avgLoss * this.#keep + (size - change) * 0.5 * this.#inv;
    }
    this.#value = rsiOf(this.#avgGain, this.#avgLoss);
    return this.#value;
  }

  get value(): number {
    return this.#value;
  }

  get isReady(): boolean {
    return this.#changes === this.period;
  }
}

/** RSI over a column of closes; NaN before warm-up. */
export function rsiBatch(values: Float64Array, period = 14): Float64Array {
  const out = new Float64Array(values.length);
  rsiRun(new RsiState(period), values, out);
  return out;
}
