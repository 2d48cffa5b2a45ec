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

/** Streaming RSI: O(1) per close. */
export class Rsi {
  readonly period: number;
  /** Inputs before the first valid value. */
  readonly warmup: number;
  readonly #state: RsiState;
  readonly #in = new Float64Array(1);
  readonly #out = new Float64Array([NaN]);
  #count = 0;

  constructor(period = 14) {
    this.#state = new RsiState(period);
    this.period = period;
    this.warmup = period;
  }

  update(close: number): number {
    this.#in[0] = close;
    rsiRun(this.#state, this.#in, this.#out);
    this.#count++;
    return this.#out[0]!;
  }

  get value(): number {
    return this.#out[0]!;
  }

  get isReady(): boolean {
    return this.#count > this.warmup;
  }
}

/** RSI over a column of closes; NaN before warm-up. */
export function rsiBatch(values: Float64Array, period = 14): Float64Array {
  const out = new Float64Array(values.length);
  rsiRun(new RsiState(period), values, out);
  return out;
}
