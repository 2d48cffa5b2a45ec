import { trueRange } from './true-range';
import { assertPeriod, assertSameLength } from './validate';

/**
 * Average True Range, Wilder's smoothing.
 *
 * Conventions (Wilder, StockCharts worked example, `trading-signals`): the first bar's true range
 * is `high − low`; the first ATR is the simple mean of the first `period` true ranges (so it comes
 * with the `period`-th bar, `warmup = period − 1`); then
 * `atr = (atr × (period − 1) + tr) / period`.
 */
export class AtrState {
  readonly period: number;
  readonly inv: number;
  readonly keep: number;
  prevClose = NaN;
  count = 0;
  value = 0;

  constructor(period: number) {
    assertPeriod('period', period);
    this.period = period;
    this.inv = 1 / period;
    this.keep = (period - 1) / period;
  }
}

/**
 * The ATR arithmetic, shared by `atrBatch` (whole columns) and `Atr.update` (one bar): advances
 * `s` over the bars, writing each output to `out` at the same index.
 */
export function atrRun(
  s: AtrState,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  out: Float64Array,
): void {
  const period = s.period;
  const inv = s.inv;
  const keep = s.keep;
  let prevClose = s.prevClose;
  let count = s.count;
  let value = s.value;
  const n = high.length;
  let i = 0;
  for (; i < n && count < period; i++) {
    value += trueRange(high[i]!, low[i]!, prevClose);
    prevClose = close[i]!;
    if (++count === period) {
      value *= inv;
      out[i] = value;
    } else {
      out[i] = NaN;
    }
  }
  for (; i < n; i++) {
    value = value * keep + trueRange(high[i]!, low[i]!, prevClose) * inv;
    prevClose = close[i]!;
    out[i] = value;
  }
  s.prevClose = prevClose;
  s.count = count;
  s.value = value;
}

/**
 * Streaming ATR: O(1) per bar. `update` is the scalar form of `atrRun`'s loop bodies (same
 * expressions, state in fields); `streaming-equals-batch.test.ts` holds them equal bit for bit.
 */
export class Atr {
  readonly period: number;
  /** Inputs before the first valid value. */
  readonly warmup: number;
  readonly #inv: number;
  readonly #keep: number;
  #prevClose = NaN;
  #count = 0;
  #sum = 0;
  #value = NaN;

  constructor(period = 14) {
    const s = new AtrState(period);
    this.period = period;
    this.warmup = period - 1;
    this.#inv = s.inv;
    this.#keep = s.keep;
  }

  update(high: number, low: number, close: number): number {
    const tr = trueRange(high, low, this.#prevClose);
    this.#prevClose = close;
    if (this.#count < this.period) {
      this.#sum += tr;
      if (++this.#count !== this.period) return NaN;
      this.#sum *= this.#inv;
      this.#value = this.#sum;
      return this.#value;
    }
    this.#value = this.#value * this.#keep + tr * this.#inv;
    return this.#value;
  }

  get value(): number {
    return this.#value;
  }

  get isReady(): boolean {
    return this.#count === this.period;
  }
}

/** ATR over high/low/close columns; NaN before warm-up. */
export function atrBatch(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period = 14,
): Float64Array {
  const out = new Float64Array(assertSameLength(high, low, close));
  atrRun(new AtrState(period), high, low, close, out);
  return out;
}
