import { assertPeriod } from './validate';

/**
 * Exponential moving average with `alpha = 2 / (period + 1)`.
 *
 * Conventions (StockCharts, TA-Lib): seeded with the SMA of the first `period` inputs, so the first
 * value comes with the `period`-th input (`warmup = period - 1`); then
 * `ema = alpha × x + (1 − alpha) × ema` (the form with the shortest dependency chain). (`trading-signals` and TradingView seed with the first input
 * instead; both converge to the same values after a few times `period` inputs.)
 */
export class EmaState {
  readonly period: number;
  readonly alpha: number;
  /** Weight of the previous value, `1 − alpha`. */
  readonly beta: number;
  count = 0;
  sum = 0;
  value = NaN;

  constructor(period: number) {
    assertPeriod('period', period);
    this.period = period;
    this.alpha = 2 / (period + 1);
    this.beta = 1 - this.alpha;
  }
}

/**
 * The EMA arithmetic, shared by `emaBatch` (whole column) and `Ema.update` (one value): advances
 * `s` over `values`, writing each output to `out` at the same index (`out` may be `values`).
 */
export function emaRun(s: EmaState, values: Float64Array, out: Float64Array): void {
  const period = s.period;
  const alpha = s.alpha;
  const beta = s.beta;
  let count = s.count;
  let sum = s.sum;
  let value = s.value;
  const n = values.length;
  let i = 0;
  for (; i < n && count < period; i++) {
    sum += values[i]!;
    if (++count === period) value = sum / period;
    out[i] = value;
  }
  for (; i < n; i++) {
    value = alpha * values[i]! + beta * value;
    out[i] = value;
  }
  s.count = count;
  s.sum = sum;
  s.value = value;
}

/**
 * Streaming EMA: O(1) per input. `update` is the scalar form of `emaRun`'s loop body (same
 * expressions, state in fields); `streaming-equals-batch.test.ts` holds them equal bit for bit.
 */
export class Ema {
  readonly period: number;
  /** Inputs before the first valid value. */
  readonly warmup: number;
  readonly #alpha: number;
  readonly #beta: number;
  #count = 0;
  #sum = 0;
  #value = NaN;

  constructor(period: number) {
    const s = new EmaState(period);
    this.period = period;
    this.warmup = period - 1;
    this.#alpha = s.alpha;
    this.#beta = s.beta;
  }

  update(x: number): number {
    if (this.#count < this.period) {
      this.#sum += x;
      if (++this.#count === this.period) this.#value = this.#sum / this.period;
      return this.#value;
    }
    this.#value = this.#alpha * x + this.#beta * this.#value;
    return this.#value;
  }

  get value(): number {
    return this.#value;
  }

  get isReady(): boolean {
    return this.#count === this.period;
  }
}

/** EMA over a whole column; NaN before warm-up. */
export function emaBatch(values: Float64Array, period: number): Float64Array {
  const out = new Float64Array(values.length);
  emaRun(new EmaState(period), values, out);
  return out;
}
