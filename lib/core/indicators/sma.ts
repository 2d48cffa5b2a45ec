import { assertPeriod } from './validate';

/**
 * Simple moving average: the mean of the last `period` inputs.
 *
 * Conventions: the first value comes with the `period`-th input (`warmup = period - 1`), NaN
 * before. A running sum makes each step O(1); it is recomputed from the window each time the ring
 * buffer wraps (every `period` steps), so rounding error cannot build up over millions of inputs
 * and a NaN input stops mattering once it has left the window.
 */
export class SmaState {
  readonly period: number;
  readonly window: Float64Array;
  pos = 0;
  count = 0;
  sum = 0;

  constructor(period: number) {
    assertPeriod('period', period);
    this.period = period;
    this.window = new Float64Array(period);
  }
}

/**
 * The SMA arithmetic, shared by `smaBatch` (whole column) and `Sma.update` (one value): advances
 * `s` over `values`, writing each output to `out` at the same index (`out` may be `values`).
 */
export function smaRun(s: SmaState, values: Float64Array, out: Float64Array): void {
  const period = s.period;
  const window = s.window;
  let pos = s.pos;
  let count = s.count;
  let sum = s.sum;
  const n = values.length;
  let i = 0;
  for (; i < n && count < period; i++) {
    const x = values[i]!;
    window[count++] = x;
    sum += x;
    if (count === period) out[i] = sum / period;
    else out[i] = NaN;
  }
  for (; i < n; i++) {
    const x = values[i]!;
    const old = window[pos]!;
    window[pos] = x;
    if (++pos === period) {
      pos = 0;
      sum = 0;
      for (let j = 0; j < period; j++) sum += window[j]!;
    } else {
      sum += x - old;
    }
    out[i] = sum / period;
  }
  s.pos = pos;
  s.count = count;
  s.sum = sum;
}

/**
 * Streaming SMA: O(1) per input. `update` is the scalar form of `smaRun`'s loop body (same
 * expressions in the same order, state in fields: no one-element arrays, no call into the
 * kernel); `streaming-equals-batch.test.ts` holds the two equal bit for bit.
 */
export class Sma {
  readonly period: number;
  /** Inputs before the first valid value. */
  readonly warmup: number;
  readonly #window: Float64Array;
  #pos = 0;
  #count = 0;
  #sum = 0;
  #value = NaN;

  constructor(period: number) {
    assertPeriod('period', period);
    this.period = period;
    this.warmup = period - 1;
    this.#window = new Float64Array(period);
  }

  update(x: number): number {
    const period = this.period;
    const window = this.#window;
    if (this.#count < period) {
      window[this.#count++] = x;
      this.#sum += x;
      this.#value = this.#count === period ? this.#sum / period : NaN;
      return this.#value;
    }
    const old = window[this.#pos]!;
    window[this.#pos] = x;
    if (++this.#pos === period) {
      this.#pos = 0;
      let sum = 0;
      for (let j = 0; j < period; j++) sum += window[j]!;
      this.#sum = sum;
    } else {
      this.#sum += x - old;
    }
    this.#value = this.#sum / period;
    return this.#value;
  }

  get value(): number {
    return this.#value;
  }

  get isReady(): boolean {
    return this.#count === this.period;
  }
}

/** SMA over a whole column; NaN before warm-up. */
export function smaBatch(values: Float64Array, period: number): Float64Array {
  const out = new Float64Array(values.length);
  smaRun(new SmaState(period), values, out);
  return out;
}
