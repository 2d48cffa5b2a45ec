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

/** Streaming EMA: O(1) per input. */
export class Ema {
  readonly period: number;
  /** Inputs before the first valid value. */
  readonly warmup: number;
  readonly #state: EmaState;
  readonly #in = new Float64Array(1);
  readonly #out = new Float64Array(1);
  #count = 0;

  constructor(period: number) {
    this.#state = new EmaState(period);
    this.period = period;
    this.warmup = period - 1;
  }

  update(x: number): number {
    this.#in[0] = x;
    emaRun(this.#state, this.#in, this.#out);
    this.#count++;
    return this.#out[0]!;
  }

  get value(): number {
    return this.#state.value;
  }

  get isReady(): boolean {
    return this.#count > this.warmup;
  }
}

/** EMA over a whole column; NaN before warm-up. */
export function emaBatch(values: Float64Array, period: number): Float64Array {
  const out = new Float64Array(values.length);
  emaRun(new EmaState(period), values, out);
  return out;
}
